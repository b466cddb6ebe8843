"""Tests of tools/plots/compare_chart.py and the comparison reading in wfsim_h5.py, on a real
file of wfsim compare (two options, targets): each option's series, targets and the comparison
tables read as h5py has them; the three charts as valid PNG and SVG with a panel per metric, a
median line and band per option, whiskers at the intervals /comparison/metrics holds and at
each option's Wilson intervals; reproducible SVG; bad input as a one-line error.

    /usr/bin/python3 test_compare_plots.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import math
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PLOTS = os.path.join(SOURCE_DIR, "tools", "plots")
COMPARE = os.path.join(PLOTS, "compare_chart.py")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")
sys.path.insert(0, PLOTS)

import h5py  # noqa: E402
import numpy as np  # noqa: E402

import compare_chart  # noqa: E402
import wfsim_h5  # noqa: E402
from plot_testing import (SVG, axes_count, drawn, png_size,  # noqa: E402
                          read_text, run_wfsim, small_scenario, svg_groups)

REPLICATIONS = 12
SCENARIO = small_scenario("compare plots", 7) + """options:
  - name: lower_turnover
    description: turnover 8 % a year instead of 15 %
    set:
      turnover.social_worker.annual_rate: 0.08
  - name: more_posts
    description: ten more posts
    set:
      establishment.social_worker: 70
"""
# A date target and a period target on agency_share, one on mean_caseload: compared at
# 2017-03-31, 2017-09-30 and the horizon.
TARGETS = """targets:
  - { name: permanent_95, metric: agency_share, op: "<=", value: 0.05, by: 2017-09-30 }
  - { metric: agency_share, op: "<=", value: 0.12, from: 2016-10-01, to: 2017-03-31, hold: average }
  - { name: caseload, metric: mean_caseload, op: "<=", value: 17, by: 2017-09-30 }
"""
OPTIONS = ["base", "lower_turnover", "more_posts"]
Z_975 = 1.959963984540054  # the standard normal's 97.5 % quantile




def tool(*args):
    return subprocess.run([sys.executable, COMPARE, *args], capture_output=True, text=True)










def whisker(group):
    """(lines, caps) of a whisker's SVG group: its line paths (the cap marker's definition left
    out) and the caps placed at its ends."""
    return len(group.findall(SVG + "path")), drawn(group, "use")




def wilson(met):
    """The 95 % Wilson interval of the share of ones, by its formula."""
    n, p = len(met), float(np.mean(met))
    centre = (p + Z_975 ** 2 / (2 * n)) / (1 + Z_975 ** 2 / n)
    half = Z_975 / (1 + Z_975 ** 2 / n) * math.sqrt(p * (1 - p) / n + Z_975 ** 2 / (4 * n * n))
    return centre - half, centre + half


def artist(fig, gid):
    """The one artist of the figure with this SVG id."""
    found = fig.findobj(lambda a: a.get_gid() == gid)
    if len(found) != 1:
        raise AssertionError(f"{len(found)} artists with id {gid}")
    return found[0]


class ComparePlots(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.compare = run_wfsim(WFSIM, cls.tmp.name, "compare", "compare", SCENARIO + TARGETS)
        cls.untargeted = run_wfsim(WFSIM, cls.tmp.name, "compare", "untargeted", SCENARIO)
        cls.plain = run_wfsim(WFSIM, cls.tmp.name, "run", "plain", SCENARIO + TARGETS)
        # What h5py reads, to hold the module and the charts to.
        with h5py.File(cls.compare, "r") as f:
            cls.metrics = list(f.attrs["metrics"])
            cls.series = {"base": {m: f["series"][m][...] for m in cls.metrics}}
            cls.targets = {"base": f["targets"]}
            for name in OPTIONS[1:]:
                cls.series[name] = {m: f["options"][name]["series"][m][...]
                                    for m in cls.metrics}
            cls.target_attrs = {}
            for name in OPTIONS:
                group = f["targets"] if name == "base" else f["options"][name]["targets"]
                cls.target_attrs[name] = {
                    t: (dict(group[t].attrs), group[t]["met"][...]) for t in group.attrs["names"]}
            cls.rows = {table: {c: (f["comparison"][table][c].asstr()[...]
                                    if h5py.check_string_dtype(f["comparison"][table][c].dtype)
                                    else f["comparison"][table][c][...])
                                for c in f["comparison"][table]}
                        for table in ("metrics", "targets")}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def out(self, name):
        return os.path.join(self.tmp.name, name)

    def ok(self, *args):
        done = tool(*args)
        self.assertEqual(done.returncode, 0, done.stderr)
        said = [line for line in done.stderr.splitlines()
                if not line.startswith("Matplotlib is building the font cache")]
        self.assertEqual(said, [])

    def fails(self, *args, code=2, says=()):
        done = tool(*args)
        self.assertEqual(done.returncode, code, done.stderr)
        lines = done.stderr.splitlines()
        self.assertEqual(len(lines), 1, done.stderr)
        self.assertTrue(lines[0].startswith("compare_chart.py: error: "), lines[0])
        for part in says:
            self.assertIn(part, lines[0])

    def figure(self, *args):
        """The figure the command line would save, built in this process."""
        arguments = compare_chart.parse([self.compare, *args, "-o", "unused.svg"])
        with wfsim_h5.open_run(self.compare) as run:
            return compare_chart.build_figure(run, arguments)

    def metric_rows(self, metric):
        """/comparison/metrics' rows for the metric, as h5py reads them."""
        keep = self.rows["metrics"]["metric"] == metric
        return [{c: values[i] for c, values in self.rows["metrics"].items()}
                for i in np.flatnonzero(keep)]

    # The figures' format.

    def test_short_numbers(self):
        short = compare_chart.short
        self.assertEqual(short(1467982.0), "+1.47M")
        self.assertEqual(short(-855000.0), "-855k")
        self.assertEqual(short(-30070.0), "-30.1k")
        self.assertEqual(short(9999.0), "+10k")  # three figures: 9,999 rounds to 10,000
        self.assertEqual(short(999999.0), "+1M")
        self.assertEqual(short(1234.0), "+1.23k")
        self.assertEqual(short(-2.5e9), "-2.5bn")
        self.assertEqual(short(-757.0), "-757")
        self.assertEqual(short(0.015594), "+0.0156")
        self.assertEqual(short(0.0, sign=False), "0")
        self.assertEqual(short(-500000.0, sign=False), "-500k")

    # The reading module.

    def test_module_reads_the_options(self):
        with wfsim_h5.open_run(self.compare) as run:
            self.assertTrue(run.is_comparison())
            self.assertTrue(run.common_random_numbers())
            self.assertEqual(run.baseline(), "base")
            self.assertEqual(run.option_names(), OPTIONS)
            options = run.options()
            self.assertEqual(options[0].description, "the scenario as written")
            self.assertEqual(options[1].description, "turnover 8 % a year instead of 15 %")
            self.assertEqual(options[2].settings, ["establishment.social_worker: 70"])
            self.assertEqual(options[2].label(), "more_posts: ten more posts")
            for name in OPTIONS:
                for metric in ("agency_share", "staff_permanent", "mean_caseload"):
                    values = run.option_series(name, metric)
                    self.assertEqual(values.tobytes(), self.series[name][metric].tobytes(),
                                     (name, metric))
                targets = run.option_targets(name)
                self.assertEqual([t.name for t in targets], list(self.target_attrs[name]))
                for t in targets:
                    attrs, met = self.target_attrs[name][t.name]
                    self.assertEqual(list(t.met), list(met))
                    self.assertEqual((t.probability, t.ci_low, t.ci_high),
                                     (attrs["probability"], attrs["ci_low"], attrs["ci_high"]))
            # The baseline's are the root's, and the options differ from it.
            self.assertEqual(run.option_series("base", "vacancies").tobytes(),
                             run.series("vacancies").tobytes())
            self.assertNotEqual(run.option_series("more_posts", "vacancies").tobytes(),
                                run.series("vacancies").tobytes())

    def test_module_reads_the_comparison_tables(self):
        with wfsim_h5.open_run(self.compare) as run:
            for table in ("metrics", "targets"):
                rows = run.comparison_rows(table)
                columns = self.rows[table]
                self.assertEqual(len(rows), len(columns["option"]), table)
                self.assertEqual(set(rows[0]), set(columns), table)
                for column, values in columns.items():
                    got = [row[column] for row in rows]
                    if values.dtype.kind == "O":
                        self.assertEqual(got, list(values), (table, column))
                        self.assertIsInstance(got[0], str)
                    else:
                        self.assertEqual(np.array(got, dtype=values.dtype).tobytes(),
                                         values.tobytes(), (table, column))
            with self.assertRaises(ValueError):
                run.comparison_rows("events")
        with wfsim_h5.open_run(self.untargeted) as run:
            self.assertEqual(run.comparison_rows("targets"), [])
            self.assertEqual(run.option_targets("more_posts"), [])

    def test_module_errors(self):
        with wfsim_h5.open_run(self.compare) as run:
            with self.assertRaisesRegex(wfsim_h5.RunFileError,
                                        r"no option 'more_post' \(did you mean more_posts"):
                run.option_series("more_post", "vacancies")
            with self.assertRaisesRegex(wfsim_h5.RunFileError, "no series 'vacancy'"):
                run.option_series("more_posts", "vacancy")
        with wfsim_h5.open_run(self.plain) as run:
            self.assertFalse(run.is_comparison())
            with self.assertRaisesRegex(wfsim_h5.RunFileError, "not a comparison file"):
                run.options()

    # Options over dates.

    def test_overlay_png(self):
        out = self.out("overlay.png")
        self.ok(self.compare, "--metric", "agency_share", "-o", out)
        width, height = png_size(out)
        self.assertEqual(width, 1500)  # 10 inches at 150 dpi
        with wfsim_h5.open_run(self.compare) as run:
            legend = compare_chart.legend_height(run.options())
        self.assertAlmostEqual(height, 150 * (4.6 + legend), delta=1)
        out = self.out("overlay2.png")
        self.ok(self.compare, "--metric", "agency_share", "--metric", "mean_caseload", "-o", out,
                "--dpi", "100")
        self.assertAlmostEqual(png_size(out)[1], 100 * (2 * 4.6 + legend), delta=1)

    def test_overlay_svg_has_a_panel_per_metric_and_a_median_and_band_per_option(self):
        out = self.out("overlay.svg")
        metrics = ["agency_share", "mean_caseload", "vacancies"]
        args = [a for m in metrics for a in ("--metric", m)]
        self.ok(self.compare, *args, "-o", out)
        groups = svg_groups(out)
        self.assertEqual(axes_count(groups), 3)
        for metric in metrics:
            for option in OPTIONS:
                self.assertEqual(drawn(groups[f"median-{option}-{metric}"]), 1, (option, metric))
                self.assertEqual(drawn(groups[f"band50-{option}-{metric}"]), 1, (option, metric))
        medians = [g for g in groups if g.startswith("median-")]
        self.assertEqual(len(medians), len(metrics) * len(OPTIONS))
        # The targets as fan_chart.py draws them: agency_share a date and a period,
        # mean_caseload a date; none on vacancies.
        self.assertEqual(drawn(groups["target0-agency_share-marker"], "use"), 1)
        self.assertEqual(drawn(groups["target1-agency_share-period"]), 1)
        self.assertEqual(drawn(groups["target0-mean_caseload-date"]), 1)
        self.assertFalse([g for g in groups if g.startswith("target") and "vacancies" in g])
        # The legend gives each option's description (matplotlib writes each text as a comment
        # beside its glyphs).
        legend = read_text(out).split('id="options-legend"')[1]
        for text in ("base: the scenario as written",
                     "lower_turnover: turnover 8 % a year instead of 15 %",
                     "more_posts: ten more posts"):
            self.assertIn(text, legend)

    def test_overlay_medians_are_each_options_median(self):
        fig = self.figure("--metric", "mean_caseload")
        try:
            for option in OPTIONS:
                values = self.series[option]["mean_caseload"]
                line = artist(fig, f"median-{option}-mean_caseload")
                # The same numbers up to rounding: (a + b) / 2 against a + (b - a) / 2.
                np.testing.assert_allclose(line.get_ydata(), np.median(values, axis=0),
                                           rtol=1e-12, atol=0, err_msg=option)
        finally:
            compare_chart.plt.close(fig)

    # Differences from the baseline.

    def test_differences_svg_has_a_whisker_per_option_and_date(self):
        out = self.out("differences.svg")
        self.ok(self.compare, "--metric", "agency_share", "--metric", "staff_permanent",
                "--differences", "-o", out)
        groups = svg_groups(out)
        self.assertEqual(axes_count(groups), 2)
        for metric in ("agency_share", "staff_permanent"):
            rows = self.metric_rows(metric)
            self.assertEqual(len(rows), 2 * 3)  # two options at three dates
            self.assertEqual(drawn(groups[f"zero-{metric}"]), 1)
            for row in rows:
                ident = f"diff-{metric}-{row['option']}-{row['date']}"
                self.assertEqual(whisker(groups[ident + "-interval"]), (1, 2), ident)
                self.assertEqual(drawn(groups[ident + "-point"], "use"), 1, ident)
        whiskers = [g for g in groups if g.startswith("diff-") and g.endswith("-interval")]
        self.assertEqual(len(whiskers), 2 * 6)
        self.assertNotIn("diff-agency_share-base", " ".join(groups))  # no row for base itself

    def test_differences_whiskers_are_the_stored_intervals(self):
        fig = self.figure("--metric", "staff_permanent", "--metric", "vacancies",
                          "--differences")
        try:
            for metric in ("staff_permanent", "vacancies"):
                for row in self.metric_rows(metric):
                    ident = f"diff-{metric}-{row['option']}-{row['date']}"
                    whisker = artist(fig, ident + "-interval")
                    self.assertEqual(list(whisker.get_xdata()), [row["ci_low"], row["ci_high"]])
                    point = artist(fig, ident + "-point")
                    self.assertEqual(list(point.get_xdata()), [row["difference"]])
                    # Each is a paired difference: the mean over replications of option - base.
                    day = int(np.flatnonzero(np.isclose(
                        self.time_days(), row["time_days"]))[0])
                    paired = (self.series[row["option"]][metric][:, day]
                              - self.series["base"][metric][:, day])
                    self.assertAlmostEqual(row["difference"], paired.mean(), delta=1e-9)
            # An option with ten more posts has more permanent staff at the horizon.
            horizon = [r for r in self.metric_rows("staff_permanent")
                       if r["option"] == "more_posts"][-1]
            self.assertGreater(horizon["ci_low"], 0)
        finally:
            compare_chart.plt.close(fig)

    def time_days(self):
        with h5py.File(self.compare, "r") as f:
            return f["time"][...]

    # The chance of meeting each target.

    def test_targets_chart_has_a_whisker_per_option_and_target(self):
        out = self.out("targets.svg")
        self.ok(self.compare, "--targets", "-o", out)
        groups = svg_groups(out)
        self.assertEqual(axes_count(groups), 1)
        for index in range(3):
            for option in OPTIONS:
                self.assertEqual(whisker(groups[f"target{index}-{option}-interval"]), (1, 2))
                self.assertEqual(drawn(groups[f"target{index}-{option}-point"], "use"), 1)
        self.assertEqual(len([g for g in groups if g.endswith("-point")]), 3 * 3)
        png = self.out("targets.png")
        self.ok(self.compare, "--targets", "-o", png)
        self.assertEqual(png_size(png)[0], 1500)
        # With --metric, only the targets on those metrics.
        only = self.out("targets_caseload.svg")
        self.ok(self.compare, "--targets", "--metric", "mean_caseload", "-o", only)
        points = [g for g in svg_groups(only) if g.endswith("-point")]
        self.assertEqual(sorted(points), sorted(f"target0-{o}-point" for o in OPTIONS))

    def test_targets_whiskers_are_each_options_wilson_interval(self):
        fig = self.figure("--targets")
        try:
            for option in OPTIONS:
                for index, (attrs, met) in enumerate(self.target_attrs[option].values()):
                    whisker = artist(fig, f"target{index}-{option}-interval")
                    self.assertEqual(list(whisker.get_xdata()),
                                     [attrs["ci_low"], attrs["ci_high"]])
                    point = artist(fig, f"target{index}-{option}-point")
                    self.assertEqual(list(point.get_xdata()), [met.mean()])
                    low, high = wilson(met)
                    self.assertAlmostEqual(attrs["ci_low"], low, delta=1e-9)
                    self.assertAlmostEqual(attrs["ci_high"], high, delta=1e-9)
        finally:
            compare_chart.plt.close(fig)

    # All three.

    def test_svg_is_reproducible(self):
        for mode in ([], ["--differences"], ["--targets"]):
            a, b = self.out("again_a.svg"), self.out("again_b.svg")
            for out in (a, b):
                self.ok(self.compare, "--metric", "agency_share", *mode, "-o", out)
            with open(a, "rb") as fa, open(b, "rb") as fb:
                self.assertEqual(fa.read(), fb.read(), mode)

    def test_bad_input(self):
        out = self.out("bad.png")
        self.fails(self.plain, "--metric", "agency_share", "-o", out,
                   says=["plain.h5", "not a comparison file", "fan_chart.py"])
        self.fails(self.compare, "--metric", "agency_shar", "-o", out,
                   says=["no series 'agency_shar'", "did you mean agency_share"])
        self.fails(self.compare, "--metric", "agency_shar", "--differences", "-o", out,
                   says=["did you mean agency_share"])
        self.fails(self.out("missing.h5"), "--metric", "agency_share", "-o", out,
                   says=["No such file or directory"])
        self.fails(self.compare, "-o", out, says=["--metric"])
        self.fails(self.compare, "--metric", "agency_share", says=["-o"])
        self.fails(self.compare, "--metric", "agency_share", "-o", self.out("bad.pdf"),
                   says=[".png or .svg"])
        self.fails(self.compare, "--targets", "--differences", "-o", out, says=["not allowed"])
        self.fails(self.untargeted, "--targets", "-o", out, says=["has no targets"])
        self.fails(self.compare, "--targets", "--metric", "vacancies", "-o", out,
                   says=["no targets on vacancies"])
        text_file = self.out("notes.h5")
        with open(text_file, "w", encoding="utf-8") as f:
            f.write("not hdf5\n")
        self.fails(text_file, "--metric", "x", "-o", out, says=["not an HDF5 file"])
        self.fails(self.compare, "--metric", "agency_share", "-o",
                   self.out("no/such/folder/c.png"), code=1, says=["cannot write"])
        self.assertFalse(os.path.exists(out))


if __name__ == "__main__":
    unittest.main()
