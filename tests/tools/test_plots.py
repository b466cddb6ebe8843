"""Tests of tools/plots/: the shared reading module (series, dates, targets, quantile bands
against NumPy and by hand) and the two plotting scripts on a real run with targets: valid PNG
and SVG files holding the panels, bands, medians and target marks they should, reproducible
SVG, and bad input as a one-line error with a non-zero exit code.

    /usr/bin/python3 test_plots.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import os
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PLOTS = os.path.join(SOURCE_DIR, "tools", "plots")
FAN = os.path.join(PLOTS, "fan_chart.py")
TARGETS = os.path.join(PLOTS, "targets_chart.py")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")
sys.path.insert(0, PLOTS)

import h5py  # noqa: E402
import numpy as np  # noqa: E402

import wfsim_h5  # noqa: E402
from plot_testing import (axes_count, drawn, png_size,  # noqa: E402
                          read_text, run_wfsim, small_scenario, svg_groups)

REPLICATIONS = 12
BASE = small_scenario("plots", 5)
# Two targets on agency_share (a date, a sustained span) and two on mean_caseload (periods).
TARGETS_YAML = """targets:
  - { name: permanent_96, metric: agency_share, op: "<=", value: 0.04, by: 2017-09-30 }
  - { metric: agency_share, op: "<=", value: 0.12, for: 6 months }
  - { metric: mean_caseload, op: "<=", value: 16, from: 2016-10-01, to: 2017-09-30, hold: average }
  - { name: year two, metric: mean_caseload, op: "<=", value: 17, from: 2017-04-01, to: 2018-03-31, hold: throughout }
"""




def tool(script, *args):
    return subprocess.run([sys.executable, script, *args], capture_output=True, text=True)












class QuantileBands(unittest.TestCase):
    # 5 replications x 4 samples; NaNs where a replication has no number, a column with none.
    VALUES = np.array([[1.0, 2.0, 3.0, np.nan],
                       [4.0, np.nan, 6.0, np.nan],
                       [7.0, 8.0, 9.0, np.nan],
                       [10.0, 11.0, np.nan, np.nan],
                       [2.0, 3.0, 100.0, np.nan]])

    def test_by_hand(self):
        b = wfsim_h5.quantile_bands(self.VALUES, (0.5, 0.9))
        # Column 0 sorted is 1 2 4 7 10; the linear quantile q sits at position 4q.
        self.assertEqual(b.median[0], 4.0)
        self.assertEqual(b.bands[0.5][0][0], 2.0)                    # position 1
        self.assertEqual(b.bands[0.5][1][0], 7.0)                    # position 3
        self.assertAlmostEqual(b.bands[0.9][0][0], 1.2, places=12)   # 1 + 0.2 x (2 - 1)
        self.assertAlmostEqual(b.bands[0.9][1][0], 9.4, places=12)   # 7 + 0.8 x (10 - 7)
        # Column 1 leaves its NaN out: 2 3 8 11, median between 3 and 8.
        self.assertEqual(b.median[1], 5.5)

    def test_against_numpy_on_each_sample(self):
        b = wfsim_h5.quantile_bands(self.VALUES, (0.5, 0.8, 0.9))
        for t in range(3):
            column = self.VALUES[:, t]
            column = column[~np.isnan(column)]
            self.assertEqual(b.median[t], np.quantile(column, 0.5))
            for c, levels in ((0.5, (0.25, 0.75)), (0.8, (0.1, 0.9)), (0.9, (0.05, 0.95))):
                low, high = np.quantile(column, levels)
                self.assertEqual(b.bands[c][0][t], low, (t, c))
                self.assertEqual(b.bands[c][1][t], high, (t, c))
        self.assertTrue(np.isnan(b.median[3]))
        self.assertTrue(np.isnan(b.bands[0.9][0][3]))

    def test_random_table_matches_numpy(self):
        values = np.random.default_rng(1).normal(size=(37, 11))
        b = wfsim_h5.quantile_bands(values)
        np.testing.assert_array_equal(b.median, np.quantile(values, 0.5, axis=0))
        np.testing.assert_array_equal(b.bands[0.9][0], np.quantile(values, 0.05, axis=0))
        np.testing.assert_array_equal(b.bands[0.5][1], np.quantile(values, 0.75, axis=0))

    def test_bad_arguments(self):
        with self.assertRaises(ValueError):
            wfsim_h5.quantile_bands(np.zeros(4))
        with self.assertRaises(ValueError):
            wfsim_h5.quantile_bands(np.zeros((2, 2)), (1.5,))


class Plots(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.run_file = run_wfsim(WFSIM, cls.tmp.name, "run", "with_targets", BASE + TARGETS_YAML)
        cls.plain = run_wfsim(WFSIM, cls.tmp.name, "run", "plain", BASE)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def out(self, name):
        return os.path.join(self.tmp.name, name)

    def ok(self, script, *args):
        done = tool(script, *args)
        self.assertEqual(done.returncode, 0, done.stderr)
        # Nothing on stderr but, on a fresh machine, matplotlib's one-off note.
        said = [line for line in done.stderr.splitlines()
                if not line.startswith("Matplotlib is building the font cache")]
        self.assertEqual(said, [])
        return done

    def fails(self, script, *args, code=2, says=()):
        done = tool(script, *args)
        self.assertEqual(done.returncode, code, done.stderr)
        lines = done.stderr.splitlines()
        self.assertEqual(len(lines), 1, done.stderr)
        self.assertTrue(lines[0].startswith(os.path.basename(script) + ": error: "), lines[0])
        for part in says:
            self.assertIn(part, lines[0])
        return lines[0]

    # The module.

    def test_module_reads_series_dates_and_targets(self):
        with h5py.File(self.run_file, "r") as f:
            share = f["series/agency_share"][...]
            dates = list(f["date"].asstr()[...])
        with wfsim_h5.open_run(self.run_file) as run:
            self.assertEqual(run.metrics()[:2], ["staff_permanent", "staff_agency"])
            values = run.series("agency_share")
            self.assertEqual(values.shape, (REPLICATIONS, len(dates)))
            self.assertEqual(values.tobytes(), share.tobytes())
            self.assertEqual([str(d) for d in run.dates()], dates)
            self.assertEqual(run.units("mean_caseload"), "cases per worker")
            self.assertIn("allocated_cases", run.description("mean_caseload"))
            targets = run.targets()
            self.assertEqual([t.kind for t in targets], ["by", "for", "average", "throughout"])
            self.assertEqual([t.name for t in run.targets_on("agency_share")],
                             ["permanent_96", "agency_share <= 0.12"])
            by, span, average, throughout = targets
            self.assertEqual((by.metric, by.op, by.value, by.by), ("agency_share", "<=", 0.04,
                                                                   "2017-09-30"))
            self.assertEqual((average.start, average.end), ("2016-10-01", "2017-09-30"))
            self.assertEqual(span.for_days, 182.625)
            for t in targets:
                self.assertEqual(t.met.shape, (REPLICATIONS,))
                self.assertEqual(t.probability, t.met.mean())
                self.assertLessEqual(t.ci_low, t.probability)
                self.assertGreaterEqual(t.ci_high, t.probability)
            self.assertEqual(by.label(), "permanent_96: agency_share \u2264 0.04 by 2017-09-30")
            self.assertEqual(span.label(), "agency_share \u2264 0.12 for 6 months")
            self.assertEqual(throughout.label(), "year two: mean_caseload \u2264 17 throughout "
                             "2017-04-01 to 2018-03-31")

    def test_module_errors_are_one_line_and_name_the_file(self):
        with wfsim_h5.open_run(self.run_file) as run:
            with self.assertRaisesRegex(wfsim_h5.RunFileError,
                                        r"no series 'agency_shar' \(did you mean agency_share"):
                run.series("agency_shar")
        with wfsim_h5.open_run(self.plain) as run:
            self.assertEqual(run.targets(), [])
        missing = self.out("missing.h5")
        with self.assertRaisesRegex(wfsim_h5.RunFileError, "No such file or directory"):
            wfsim_h5.open_run(missing)
        self.assertEqual(wfsim_h5.span_text(14.0), "2 weeks")
        self.assertEqual(wfsim_h5.span_text(45.0), "45 days")
        self.assertEqual(wfsim_h5.span_text(365.25 / 12), "1 month")

    # The fan chart.

    def test_fan_chart_png(self):
        out = self.out("fan.png")
        self.ok(FAN, self.run_file, "--metric", "agency_share", "-o", out)
        self.assertEqual(png_size(out), (1500, 690))  # 10 x 4.6 inches at 150 dpi
        out2 = self.out("fan2.png")
        self.ok(FAN, self.run_file, "--metric", "agency_share", "--metric", "mean_caseload", "-o",
                out2, "--dpi", "100")
        width, height = png_size(out2)
        self.assertEqual(width, 1000)
        self.assertAlmostEqual(height, 920, delta=1)  # a panel each; 9.2 x 100 may truncate

    def test_fan_chart_svg_has_a_panel_per_metric_with_bands_median_and_targets(self):
        out = self.out("fan.svg")
        self.ok(FAN, self.run_file, "--metric", "agency_share", "--metric", "mean_caseload",
                "--metric", "vacancies", "-o", out)
        groups = svg_groups(out)
        self.assertEqual(axes_count(groups), 3)
        for metric in ("agency_share", "mean_caseload", "vacancies"):
            for part in ("band90", "band50", "median"):
                self.assertEqual(drawn(groups[f"{part}-{metric}"]), 1, (part, metric))
        # agency_share: a date target (line, date line, marker) and a span target (line).
        self.assertEqual(drawn(groups["target0-agency_share"]), 1)
        self.assertEqual(drawn(groups["target0-agency_share-date"]), 1)
        self.assertEqual(drawn(groups["target0-agency_share-marker"], "use"), 1)
        self.assertEqual(drawn(groups["target1-agency_share"]), 1)
        # mean_caseload: two period targets, each a line, a shaded period and a held segment.
        for i in (0, 1):
            for part in ("", "-period", "-held"):
                self.assertEqual(drawn(groups[f"target{i}-mean_caseload{part}"]), 1, (i, part))
        target_ids = [g for g in groups if g.startswith("target")]
        self.assertEqual(len(target_ids), 3 + 1 + 2 * 3)  # nothing for vacancies
        text = read_text(out)
        self.assertIn("cases per worker", text)  # the axis label from the units

    def test_fan_chart_svg_is_reproducible(self):
        a, b = self.out("again_a.svg"), self.out("again_b.svg")
        for out in (a, b):
            self.ok(FAN, self.run_file, "--metric", "agency_share", "-o", out)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            self.assertEqual(fa.read(), fb.read())

    def test_fan_chart_each_writes_a_file_per_metric(self):
        folder = self.out("each")
        self.ok(FAN, self.run_file, "--metric", "agency_share", "--metric", "mean_caseload",
                "--each", folder, "--format", "svg")
        self.assertEqual(sorted(os.listdir(folder)), ["agency_share.svg", "mean_caseload.svg"])
        for name in os.listdir(folder):
            groups = svg_groups(os.path.join(folder, name))
            self.assertEqual(axes_count(groups), 1, name)
        folder = self.out("each_png")
        self.ok(FAN, self.run_file, "--metric", "vacancies", "--each", folder)
        self.assertEqual(png_size(os.path.join(folder, "vacancies.png")), (1500, 690))

    def test_fan_chart_says_when_a_series_has_no_values(self):
        out = self.out("nqsw.svg")
        self.ok(FAN, self.plain, "--metric", "nqsw_mean_caseload", "--metric", "vacancies",
                "-o", out)
        # matplotlib writes each text as a comment beside its glyphs.
        self.assertEqual(read_text(out).count("no values in this run"), 1)

    def test_fan_chart_bad_input(self):
        out = self.out("bad.png")
        self.fails(FAN, self.out("missing.h5"), "--metric", "agency_share", "-o", out,
                   says=["cannot read", "missing.h5", "No such file or directory"])
        self.fails(FAN, self.run_file, "--metric", "agency_share", "--metric", "agency_shar",
                   "-o", out, says=["no series 'agency_shar'", "did you mean agency_share"])
        self.fails(FAN, self.run_file, "--metric", "agency_share", "-o", self.out("bad.pdf"),
                   says=[".png or .svg"])
        self.fails(FAN, self.run_file, "--metric", "agency_share", says=["-o", "--each"])
        self.fails(FAN, self.run_file, "-o", out, says=["--metric"])
        text_file = self.out("notes.h5")
        with open(text_file, "w", encoding="utf-8") as f:
            f.write("not hdf5\n")
        self.fails(FAN, text_file, "--metric", "x", "-o", out, says=["not an HDF5 file"])
        foreign = self.out("foreign.h5")
        with h5py.File(foreign, "w") as f:
            f["x"] = [1.0]
        self.fails(FAN, foreign, "--metric", "x", "-o", out, says=["not a wfsim run file"])
        self.fails(FAN, self.run_file, "--metric", "agency_share", "-o",
                   self.out("no/such/folder/fan.png"), code=1, says=["cannot write"])
        self.assertFalse(os.path.exists(out))

    # The targets chart.

    def test_targets_chart_png_and_svg(self):
        png = self.out("targets.png")
        self.ok(TARGETS, self.run_file, "-o", png)
        width, height = png_size(png)
        self.assertEqual(width, 1500)
        self.assertAlmostEqual(height, 150 * (1.2 + 0.6 * 4), delta=1)  # a row per target
        svg = self.out("targets.svg")
        self.ok(TARGETS, self.run_file, "-o", svg, "--line", "0.8")
        groups = svg_groups(svg)
        self.assertEqual(axes_count(groups), 1)
        for i in range(4):
            self.assertEqual(drawn(groups[f"target{i}"]), 1, i)        # the bar
            self.assertEqual(drawn(groups[f"target{i}-point"], "use"), 1, i)
        self.assertEqual(drawn(groups["line"]), 1)
        self.assertNotIn("line", svg_groups(self.ok_svg_without_line()))
        text = read_text(svg)
        self.assertIn("year two", text)

    def ok_svg_without_line(self):
        out = self.out("targets_plain.svg")
        self.ok(TARGETS, self.run_file, "-o", out)
        return out

    def test_targets_chart_bad_input(self):
        out = self.out("t.png")
        self.fails(TARGETS, self.plain, "-o", out, says=["has no targets"])
        self.fails(TARGETS, self.out("missing.h5"), "-o", out,
                   says=["No such file or directory"])
        self.fails(TARGETS, self.run_file, "-o", out, "--line", "1.5", says=["between 0 and 1"])
        self.fails(TARGETS, self.run_file, "-o", self.out("t.jpg"), says=[".png or .svg"])
        self.fails(TARGETS, self.run_file, says=["-o"])
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
