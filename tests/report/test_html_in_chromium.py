"""wfsim report --html as a browser shows it: runs a small scenario with targets, writes the
report, and has headless Chromium load the page (file://, no network) twice: --dump-dom, to
check that the rendered document holds a fan chart per key metric (bands, a median with a point
per sample, the targets' lines, date and period), and --screenshot, to check that the picture
is not blank and shows the bands' and the target line's colours, read from the page itself.
Then the same for a comparison of two policy options (wfsim compare): per key metric a chart
overlaying the options (a median per option, with a point per sample) and a chart of their
paired differences (a whisker per option and compared date, as the file's table has them), and
the options' colours in the screenshot.

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

OPTIONS = """options:
  - name: lower_turnover
    description: turnover down to 12 %
    set: { turnover.social_worker.annual_rate: 0.12 }
  - { name: more_posts, set: { establishment.social_worker: 330 } }
"""
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
    """The charts of a document of one class (svg.fan-chart by default): per chart, its
    attributes and the attributes of the elements inside it, in order."""

    def __init__(self, chart_class="fan-chart"):
        super().__init__()
        self.chart_class = chart_class
        self.charts = []
        self._depth = 0  # inside a chart: how deep

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and self.chart_class in attrs.get("class", "").split():
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


def pixels_near(pixels, hex_colour):
    """How many pixels are within a few levels of the colour: anti-aliased edges blend, the
    middle of a shape does not."""
    return int(np.all(np.abs(pixels - rgb(hex_colour)) <= 6, axis=2).sum())


def scenario_file(work, extra):
    """The core scenario over 3 years with the targets and `extra` appended, in `work`."""
    with open(CORE, encoding="utf-8") as f:
        scenario = f.read().replace("horizon: 10 years", "horizon: 3 years") + TARGETS + extra
    path = os.path.join(work, "options.yaml" if extra else "targets.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(scenario)
    return path


def render(work, h5, stem, window):
    """Reports `h5` as HTML, and has Chromium dump the rendered document and take a
    screenshot of `window` (WIDTH,HEIGHT): the page's source, the DOM's text and the pixels."""
    page = os.path.join(work, stem + ".html")
    run([WFSIM, "report", h5, "--html", page])
    with open(page, encoding="utf-8") as f:
        source = f.read()
    url = "file://" + page
    dom_text = chromium(work, "--dump-dom", url).stdout
    png = os.path.join(work, stem + ".png")
    chromium(work, "--screenshot=" + png, "--window-size=" + window, url)
    pixels = (matplotlib.image.imread(png)[..., :3] * 255).round().astype(int)
    return source, dom_text, pixels


class HtmlReportInChromium(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        if not os.access(CHROMIUM, os.X_OK):
            raise AssertionError(f"{CHROMIUM} is missing: install Debian's chromium "
                                 "(tools/setup/install-deps.sh)")
        cls.work = tempfile.mkdtemp(prefix="wfsim_report_chromium_")
        path = scenario_file(cls.work, "")
        h5 = os.path.join(cls.work, "run.h5")
        run([WFSIM, "run", path, "--replications", str(REPLICATIONS), "-q", "-o", h5])
        # Per metric, the samples at which some replication has a value: the median's points.
        with h5py.File(h5, "r") as f:
            cls.defined = {m: int(np.any(np.isfinite(f["series"][m][:]), axis=0).sum())
                           for m in EXPECTED_CHARTS}
        cls.source, cls.dom_text, cls.pixels = render(cls.work, h5, "report", "1200,2400")
        cls.dom = Dom()
        cls.dom.feed(cls.dom_text)

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
            self.assertGreaterEqual(pixels_near(self.pixels, colour), least, f"{name} ({colour})")
        # The colours differ from each other, so each count is of its own element.
        fills = [colour for colour, _ in wanted.values()]
        self.assertEqual(len(set(fills)), len(fills))


class ComparisonReportInChromium(unittest.TestCase):
    """The page of a comparison file: the options' charts and the paired differences' charts
    as the browser renders them."""

    OPTIONS = ["base", "lower_turnover", "more_posts"]

    @classmethod
    def setUpClass(cls):
        if not os.access(CHROMIUM, os.X_OK):
            raise AssertionError(f"{CHROMIUM} is missing: install Debian's chromium "
                                 "(tools/setup/install-deps.sh)")
        cls.work = tempfile.mkdtemp(prefix="wfsim_report_chromium_compare_")
        path = scenario_file(cls.work, OPTIONS)
        h5 = os.path.join(cls.work, "compare.h5")
        run([WFSIM, "compare", path, "--replications", str(REPLICATIONS), "-q", "-o", h5])
        with h5py.File(h5, "r") as f:
            groups = {"base": f, **{name: f["options"][name] for name in cls.OPTIONS[1:]}}
            # Per option and metric, the samples at which some replication has a value.
            cls.defined = {(o, m): int(np.any(np.isfinite(g["series"][m][:]), axis=0).sum())
                           for o, g in groups.items() for m in EXPECTED_CHARTS}
            # Per metric, the (option, date) pairs the file gives an interval: a whisker each.
            table = f["comparison"]["metrics"]
            rows = zip(table["option"].asstr()[:], table["metric"].asstr()[:],
                       table["date"].asstr()[:], table["ci_low"][:], table["pairs"][:])
            cls.intervals = {m: [] for m in EXPECTED_CHARTS}
            for option, metric, date, low, pairs in rows:
                if metric in cls.intervals and pairs >= 2 and np.isfinite(low):
                    cls.intervals[metric].append((option, date))
        # Taller than the plain page's: the options come first, and their charts below them.
        cls.source, cls.dom_text, cls.pixels = render(cls.work, h5, "compare", "1200,3200")
        cls.options = Dom("option-chart")
        cls.options.feed(cls.dom_text)
        cls.differences = Dom("difference-chart")
        cls.differences.feed(cls.dom_text)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_rendered_document_is_the_comparison(self):
        self.assertIn('<section id="options">', self.dom_text)
        self.assertLess(self.dom_text.index('<section id="options">'),
                        self.dom_text.index('<section id="targets">'))
        self.assertIn('data-common-random-numbers="1"', self.dom_text)
        self.assertIn("turnover down to 12 %", self.dom_text)

    def test_an_options_chart_per_key_metric(self):
        self.assertEqual([c["attrs"]["data-metric"] for c in self.options.charts],
                         EXPECTED_CHARTS)
        for chart in self.options.charts:
            metric = chart["attrs"]["data-metric"]
            medians = elements(chart, "path", "option-median")
            self.assertEqual([a["data-option"] for a in medians], self.OPTIONS, metric)
            for median in medians:
                option = median["data-option"]
                self.assertEqual(len(points(median["d"])), self.defined[option, metric],
                                 (metric, option))
            self.assertEqual([a["data-option"] for a in elements(chart, "path", "option-band")],
                             self.OPTIONS, metric)
            self.assertEqual(len({a["stroke"] for a in medians}), 3, metric)
        agency = [c for c in self.options.charts if c["attrs"]["data-metric"] == "agency_share"]
        self.assertEqual([a["data-target"] for a in elements(agency[0], "line", "target-line")],
                         ["agency_5"])

    def test_a_differences_chart_per_key_metric(self):
        self.assertEqual([c["attrs"]["data-metric"] for c in self.differences.charts],
                         EXPECTED_CHARTS)
        for chart in self.differences.charts:
            metric = chart["attrs"]["data-metric"]
            self.assertEqual(len(elements(chart, "line", "zero-line")), 1, metric)
            whiskers = elements(chart, "line", "difference-interval")
            self.assertEqual(sorted((a["data-option"], a["data-date"]) for a in whiskers),
                             sorted(self.intervals[metric]), metric)
            for whisker in whiskers:  # vertical, from ci_high down to ci_low
                self.assertEqual(whisker["x1"], whisker["x2"], metric)
                self.assertLessEqual(float(whisker["y1"]), float(whisker["y2"]), metric)
        # Not a comparison of empty lists: mean_caseload has intervals at its target's period
        # end and at the horizon at least, for both options.
        self.assertGreaterEqual(len(self.intervals["mean_caseload"]), 2 * 2)

    def test_screenshot_shows_each_options_colour(self):
        chart = self.options.charts[0]
        medians = elements(chart, "path", "option-median")
        self.assertEqual(medians[0]["stroke"], elements(chart, "path", "option-band")[0]["fill"])
        # The options' own colours, which nothing else on the page uses: their dashed and dotted
        # medians over the charts in view, their markers and whiskers and their keys. (The
        # baseline's is the fan charts' median colour, also the headings' rule.)
        for median in medians[1:]:
            colour = median["stroke"]
            self.assertGreaterEqual(pixels_near(self.pixels, colour), 1000,
                                    f"{median['data-option']} ({colour})")
        whiskers = elements(self.differences.charts[0], "line", "difference-interval")
        self.assertEqual({w["stroke"] for w in whiskers}, {m["stroke"] for m in medians[1:]})
        colours = np.unique(self.pixels.reshape(-1, 3), axis=0)
        self.assertGreater(len(colours), 50)

if __name__ == "__main__":
    unittest.main()
