"""wfsim report --html as a browser shows it: runs a small scenario with targets, writes the
report, and has headless Chromium load the page (file://, no network) twice: --dump-dom, to
check that the rendered document holds a fan chart per key metric (bands, a median with a point
per sample, the targets' lines, date and period), and --screenshot, to check that the picture
is not blank and shows the bands' and the target line's colours, read from the page itself.

    /usr/bin/python3 test_html_in_chromium.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)

Needs Debian's chromium (/usr/bin/chromium) and python3-matplotlib (to read the PNG). Runs as
root in a container: Chromium's sandbox is off (--no-sandbox) and its profile and HOME are in
a temporary directory.
"""

import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import matplotlib.image
import numpy as np

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CORE = os.path.join(SOURCE_DIR, "scenarios", "core.yaml")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")

# Chromium can take seconds to start on a loaded machine; a hung one must not hang the suite.
BROWSER_TIMEOUT = 120
REPLICATIONS = 20

TARGETS = """targets:
  - { name: agency_5, metric: agency_share, op: "<=", value: 0.05, by: 2017-03-31 }
  - { name: caseload_15, metric: mean_caseload, op: "<=", value: 15, from: 2017-04-01, to: 2018-03-31, hold: average }
  - { metric: unallocated_cases, op: "<=", value: 0, for: 6 months }
"""
# The targets' metrics, then wfsim's key list (tools/report/key_metrics.hpp), each once.
EXPECTED_CHARTS = ["agency_share", "mean_caseload", "unallocated_cases", "staff_permanent",
                   "staff_agency", "vacancy_rate", "turnover_rate_12m", "open_cases",
                   "max_caseload", "share_open_cases_3plus_workers"]


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise AssertionError(f"{args[0]} exited {result.returncode}:\n{result.stderr}")
    return result


def chromium(work, *args):
    """Runs headless Chromium on its own profile and HOME inside `work`."""
    env = dict(os.environ, HOME=os.path.join(work, "home"))
    os.makedirs(env["HOME"], exist_ok=True)
    return run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--hide-scrollbars",
                "--user-data-dir=" + os.path.join(work, "profile"), *args],
               env=env, timeout=BROWSER_TIMEOUT, stdin=subprocess.DEVNULL)


class Dom(html.parser.HTMLParser):
    """The fan charts of a document: per svg.fan-chart, its attributes and the attributes of
    the elements inside it, in order."""

    def __init__(self):
        super().__init__()
        self.charts = []
        self._depth = 0  # inside a chart: how deep

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and "fan-chart" in attrs.get("class", "").split():
            self.charts.append({"attrs": attrs, "elements": []})
            self._depth = 1
        elif self._depth:
            self.charts[-1]["elements"].append((tag, attrs))
            self._depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1


def elements(chart, tag, css_class):
    return [a for t, a in chart["elements"] if t == tag and css_class in a.get("class", "").split()]


def points(d):
    return re.findall(r"[ML](-?[0-9.]+),(-?[0-9.]+)", d)


def rgb(hex_colour):
    return np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])


class HtmlReportInChromium(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        if not os.access(CHROMIUM, os.X_OK):
            raise AssertionError(f"{CHROMIUM} is missing: install Debian's chromium "
                                 "(tools/setup/install-deps.sh)")
        cls.work = tempfile.mkdtemp(prefix="wfsim_report_chromium_")
        with open(CORE, encoding="utf-8") as f:
            scenario = f.read().replace("horizon: 10 years", "horizon: 3 years") + TARGETS
        path = os.path.join(cls.work, "targets.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(scenario)
        h5 = os.path.join(cls.work, "run.h5")
        page = os.path.join(cls.work, "report.html")
        run([WFSIM, "run", path, "--replications", str(REPLICATIONS), "-q", "-o", h5])
        run([WFSIM, "report", h5, "--html", page])
        # Per metric, the samples at which some replication has a value: the median's points.
        with h5py.File(h5, "r") as f:
            cls.defined = {m: int(np.any(np.isfinite(f["series"][m][:]), axis=0).sum())
                           for m in EXPECTED_CHARTS}
        with open(page, encoding="utf-8") as f:
            cls.source = f.read()
        url = "file://" + page
        cls.dom_text = chromium(cls.work, "--dump-dom", url).stdout
        cls.dom = Dom()
        cls.dom.feed(cls.dom_text)
        cls.png = os.path.join(cls.work, "report.png")
        chromium(cls.work, "--screenshot=" + cls.png, "--window-size=1200,2400", url)
        cls.pixels = (matplotlib.image.imread(cls.png)[..., :3] * 255).round().astype(int)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def chart(self, metric):
        found = [c for c in self.dom.charts if c["attrs"].get("data-metric") == metric]
        self.assertEqual(len(found), 1, metric)
        return found[0]

    def test_rendered_document_is_the_report(self):
        self.assertIn("<h1>core example</h1>", self.dom_text)
        self.assertIn('<section id="targets">', self.dom_text)
        self.assertIn('<pre class="scenario">name: core example', self.dom_text)

    def test_a_fan_chart_per_key_metric(self):
        self.assertEqual([c["attrs"]["data-metric"] for c in self.dom.charts], EXPECTED_CHARTS)
        for chart in self.dom.charts:
            metric = chart["attrs"]["data-metric"]
            self.assertEqual(chart["attrs"].get("viewbox") or chart["attrs"].get("viewBox"),
                             "0 0 640 320", metric)
            for band in ("band-90", "band-50"):
                paths = elements(chart, "path", band)
                self.assertEqual(len(paths), 1, (metric, band))
                self.assertGreaterEqual(len(points(paths[0]["d"])), 2 * 25, (metric, band))
            median = elements(chart, "path", "median")
            self.assertEqual(len(median), 1, metric)
            # A point per sample with a value: 37 monthly samples, fewer for metrics undefined
            # at first (turnover_rate_12m in the first 12 months).
            self.assertEqual(len(points(median[0]["d"])), self.defined[metric], metric)
            self.assertGreaterEqual(self.defined[metric], 25, metric)
            self.assertGreaterEqual(len(elements(chart, "text", "tick")), 6, metric)

    def test_target_markers(self):
        agency = self.chart("agency_share")
        line = elements(agency, "line", "target-line")
        self.assertEqual([a["data-target"] for a in line], ["agency_5"])
        self.assertEqual(len(elements(agency, "line", "target-date")), 1)
        caseload = self.chart("mean_caseload")
        self.assertEqual([a["data-target"] for a in elements(caseload, "line", "target-line")],
                         ["caseload_15"])
        period = elements(caseload, "rect", "target-period")
        self.assertEqual(len(period), 1)
        self.assertGreater(float(period[0]["width"]), 100)  # a year of a 3-year axis
        unallocated = self.chart("unallocated_cases")
        self.assertEqual(len(elements(unallocated, "line", "target-line")), 1)
        self.assertEqual(len(elements(unallocated, "line", "target-date")), 0)  # "for": no date
        self.assertEqual(len(elements(self.chart("open_cases"), "line", "target-line")), 0)

    def test_screenshot_is_not_blank(self):
        height, width, _ = self.pixels.shape
        self.assertEqual((width, height), (1200, 2400))
        white = np.all(self.pixels >= 250, axis=2)
        self.assertGreater(1 - white.mean(), 0.05)
        colours = np.unique(self.pixels.reshape(-1, 3), axis=0)
        self.assertGreater(len(colours), 50)

    def test_screenshot_shows_bands_median_and_targets(self):
        agency = self.chart("agency_share")
        caseload = self.chart("mean_caseload")
        wanted = {
            "band-90": (elements(agency, "path", "band-90")[0]["fill"], 5000),
            "band-50": (elements(agency, "path", "band-50")[0]["fill"], 5000),
            "median": (elements(agency, "path", "median")[0]["stroke"], 500),
            "target-line": (elements(agency, "line", "target-line")[0]["stroke"], 300),
            "target-period": (elements(caseload, "rect", "target-period")[0]["fill"], 2000),
        }
        for name, (colour, least) in wanted.items():
            # Within a few levels: anti-aliased edges blend, the middle of a shape does not.
            near = np.all(np.abs(self.pixels - rgb(colour)) <= 6, axis=2)
            self.assertGreaterEqual(int(near.sum()), least, f"{name} ({colour})")
        # The colours differ from each other, so each count is of its own element.
        fills = [colour for colour, _ in wanted.values()]
        self.assertEqual(len(set(fills)), len(fills))


if __name__ == "__main__":
    unittest.main()
