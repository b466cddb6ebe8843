"""Tests of tools/census/backtest.py: the published and naive figures against the census rows,
the model's figures against the run files by the DfE's definitions, the error table by hand, that
no year after the start year reaches the forecast, what is skipped, and bad arguments.

    python3 test_backtest.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TOOLS = os.path.join(SOURCE_DIR, "tools", "census")
SCRIPT = os.path.join(TOOLS, "backtest.py")
DATA = os.path.join(SOURCE_DIR, "data", "dfe")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")
sys.path.insert(0, TOOLS)

import backtest  # noqa: E402
import make_scenario  # noqa: E402
from backtest_errors import summarise  # noqa: E402

AUTHORITIES = ["Manchester", "Slough"]
YEAR = 2019
COLUMNS = {"inpost_fte": "inpost_fte", "agency_rate": "agency_rate_fte",
           "vacancy_rate": "vacancy_rate_fte", "turnover_rate": "turnover_rate_fte",
           "caseload": "caseload_fte"}


def run(*args, data=DATA):
    return subprocess.run([sys.executable, SCRIPT, "--wfsim", WFSIM or "/bin/true",
                           "--data", data, *args], capture_output=True, text=True)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def census(data=DATA):
    with open(os.path.join(data, "csww_indicators.csv"), newline="", encoding="utf-8-sig") as f:
        return [r for r in csv.DictReader(f) if r["geographic_level"] == "Local authority"]


def census_value(rows, name, year, column):
    return float(next(r for r in rows if r["la_name"] == name and
                      r["time_period"] == str(year))[column])


def copy_data(folder, change):
    """The DfE files in folder, with change(row) applied to each census row."""
    shutil.copy(os.path.join(DATA, "cin_referrals.csv"), folder)
    with open(os.path.join(DATA, "csww_indicators.csv"), newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        change(r)
    with open(os.path.join(folder, "csww_indicators.csv"), "w", newline="",
              encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return folder


def simulated(h5_path):
    """The model's figures at 12 months, written out again from the definitions: each
    replication's figure at the last sample, then the mean over replications."""
    import h5py
    import numpy as np
    with h5py.File(h5_path, "r") as f:
        s = {k: f["series/" + k][:] for k in ("fte_permanent", "fte_agency", "vacancies",
                                              "leavers", "allocated_cases", "case_holding_fte")}
        assert abs(f["time"][-1] - 365.25) < 1e-9 and len(f["time"]) == 13
    inpost = s["fte_permanent"][:, 12]
    per_rep = {
        "inpost_fte": inpost,
        "agency_rate": 100 * s["fte_agency"][:, 12] / (s["fte_agency"][:, 12] + inpost),
        "vacancy_rate": 100 * s["vacancies"][:, 12] / (s["vacancies"][:, 12] + inpost),
        # leavers in the 12 monthly intervals after the start / in post at the end
        "turnover_rate": 100 * np.sum(s["leavers"][:, 1:13], axis=1) / inpost,
        "caseload": s["allocated_cases"][:, 12] / s["case_holding_fte"][:, 12],
    }
    return {k: (float(np.mean(v)), float(np.std(v, ddof=1) / math.sqrt(len(v))))
            for k, v in per_rep.items()}


class ErrorArithmetic(unittest.TestCase):
    def test_summary_by_hand(self):
        # (published, model, naive, model s.e.): model errors 2, -3, 0.5, 1; naive -1, 1, 3, -1.
        pairs = [(10, 12, 9, 0.1), (20, 17, 21, 0.4), (30, 30.5, 33, 0.3), (5, 6, 4, 0.2)]
        s = summarise(pairs)
        self.assertEqual(s["n"], 4)
        self.assertAlmostEqual(s["mae_model"], (2 + 3 + 0.5 + 1) / 4, places=12)
        self.assertAlmostEqual(s["mae_naive"], (1 + 1 + 3 + 1) / 4, places=12)
        self.assertAlmostEqual(s["median_ae_model"], (1 + 2) / 2, places=12)
        self.assertAlmostEqual(s["median_ae_naive"], 1.0, places=12)
        self.assertAlmostEqual(s["bias_model"], (2 - 3 + 0.5 + 1) / 4, places=12)
        self.assertAlmostEqual(s["bias_naive"], (-1 + 1 + 3 - 1) / 4, places=12)
        # closer: no, no, yes, tie (a half)
        self.assertAlmostEqual(s["model_closer_share"], 1.5 / 4, places=12)
        self.assertAlmostEqual(s["median_model_se"], 0.25, places=12)

    def test_no_pairs(self):
        self.assertEqual(summarise([]), {"n": 0})


class RatesUseOnlyThePast(unittest.TestCase):
    """The scenario for start year Y is built from census years up to Y only."""

    def scenario(self, rows, name, year):
        jobs, _ = backtest.plan(rows, [name], {year})
        referrals = make_scenario.authority_rows(
            make_scenario.read_rows(os.path.join(DATA, "cin_referrals.csv")))
        return backtest.scenario_text(jobs[0].history, referrals, 5, 1)

    def test_later_years_change_nothing_earlier_ones_do(self):
        rows = census()
        before = self.scenario(rows, "Manchester", YEAR)

        def later(r):
            if r["la_name"] == "Manchester" and int(r["time_period"]) > YEAR:
                for col in ("inpost_fte", "vacancy_fte", "vacancy_rate_fte", "agency_fte",
                            "turnover_rate_fte", "caseload_fte"):
                    r[col] = str(2 * float(r[col]) + 1)
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual(self.scenario(census(copy_data(d, later)), "Manchester", YEAR),
                             before)

        def earlier(r):
            if r["la_name"] == "Manchester" and r["time_period"] == "2017":
                r["turnover_rate_fte"] = "30"
        with tempfile.TemporaryDirectory() as d:
            changed = self.scenario(census(copy_data(d, earlier)), "Manchester", YEAR)
        self.assertNotEqual(changed, before)
        # turnover: the mean of 2017 (now 30), 2018 and 2019 as published
        turnover = (30 + census_value(rows, "Manchester", 2018, "turnover_rate_fte") +
                    census_value(rows, "Manchester", 2019, "turnover_rate_fte")) / 300
        self.assertIn(f"annual_rate: {make_scenario.fmt(turnover, 6)} ", changed)

    def test_the_start_is_the_start_year(self):
        jobs, _ = backtest.plan(census(), ["Slough"], None)
        self.assertEqual([j.year for j in jobs], [2018, 2019, 2020, 2021, 2022])
        for j in jobs:
            self.assertEqual([int(r["time_period"]) for r in j.history],
                             list(range(2017, j.year + 1)))
            self.assertEqual(j.truth["time_period"], str(j.year + 1))


@unittest.skipUnless(WFSIM, "needs the wfsim program (argument or WFSIM_BINARY)")
class TwoAuthorities(unittest.TestCase):
    """Manchester and Slough from 2019, 3 replications, runs kept."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp()
        cls.out = run("--authority", *AUTHORITIES, "--years", str(YEAR), "--replications", "3",
                      "--jobs", "2", "--keep-runs", "-o", cls.dir)
        cls.rows = read_csv(os.path.join(cls.dir, "backtest.csv")) if cls.out.returncode == 0 \
            else []

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def setUp(self):
        self.assertEqual(self.out.returncode, 0, self.out.stderr)

    def test_one_row_per_authority_and_metric(self):
        self.assertEqual(sorted((r["authority"], r["metric"]) for r in self.rows),
                         sorted((a, m) for a in AUTHORITIES for m in COLUMNS))
        self.assertTrue(all(r["start_year"] == str(YEAR) and r["note"] == "" for r in self.rows))

    def test_published_and_naive_are_the_census(self):
        rows = census()
        for r in self.rows:
            column = COLUMNS[r["metric"]]
            self.assertEqual(float(r["published"]),
                             census_value(rows, r["authority"], YEAR + 1, column))
            self.assertEqual(float(r["naive"]), census_value(rows, r["authority"], YEAR, column))
            self.assertEqual(float(r["naive_error"]), float(r["naive"]) - float(r["published"]))
            self.assertEqual(float(r["model_error"]), float(r["model"]) - float(r["published"]))

    def test_model_figures_come_from_the_run_files(self):
        import h5py
        seeds = set()
        for name in AUTHORITIES:
            h5 = os.path.join(self.dir, "runs", f"{name.casefold()}-{YEAR}.h5")
            expected = simulated(h5)
            with h5py.File(h5, "r") as f:
                seed, replications = int(f.attrs["seed"]), int(f.attrs["replications"])
            self.assertEqual(replications, 3)
            seeds.add(seed)
            for r in (r for r in self.rows if r["authority"] == name):
                self.assertEqual(int(r["seed"]), seed)
                mean, se = expected[r["metric"]]
                self.assertAlmostEqual(float(r["model"]), mean, places=9, msg=r["metric"])
                self.assertAlmostEqual(float(r["model_se"]), se, places=9, msg=r["metric"])
        # each authority its own random numbers, so their Monte Carlo errors average out
        self.assertEqual(len(seeds), 2)

    def test_error_table_by_hand(self):
        table = {r["metric"]: r for r in read_csv(os.path.join(self.dir, "errors.csv"))}
        with open(os.path.join(self.dir, "backtest.md"), encoding="utf-8") as f:
            md = f.read()
        self.assertEqual(md, self.out.stdout)
        for metric in COLUMNS:
            pub, model, naive = ([float(r[k]) for r in self.rows if r["metric"] == metric]
                                 for k in ("published", "model", "naive"))
            em = [m - p for m, p in zip(model, pub)]
            en = [n - p for n, p in zip(naive, pub)]
            t = table[metric]
            self.assertEqual(t["n"], "2")
            self.assertAlmostEqual(float(t["mae_model"]), (abs(em[0]) + abs(em[1])) / 2, 12)
            self.assertAlmostEqual(float(t["mae_naive"]), (abs(en[0]) + abs(en[1])) / 2, 12)
            self.assertAlmostEqual(float(t["median_ae_model"]), (abs(em[0]) + abs(em[1])) / 2, 12)
            self.assertAlmostEqual(float(t["bias_model"]), (em[0] + em[1]) / 2, 12)
            self.assertAlmostEqual(float(t["bias_naive"]), (en[0] + en[1]) / 2, 12)
            closer = sum(1 if abs(m) < abs(n) else 0.5 if abs(m) == abs(n) else 0
                         for m, n in zip(em, en)) / 2
            self.assertEqual(float(t["model_closer_share"]), closer)
            # and the Markdown row shows the same figures, rounded
            line = next(l for l in md.splitlines() if l.startswith(f"| {label(metric)}"))
            cells = [c.strip() for c in line.strip("|").split("|")]
            self.assertEqual(cells[1:5], ["2", f"{float(t['mae_model']):.2f}",
                                          f"{float(t['mae_naive']):.2f}",
                                          f"{float(t['median_ae_model']):.2f}"])
            self.assertEqual(cells[8], f"{100 * closer:.0f} %")

    def test_plot_is_written(self):
        with open(os.path.join(self.dir, "backtest.png"), "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")

    def test_later_years_do_not_change_the_forecast(self):
        # Everything Manchester published after 2019 doubled, 2020's agency rate suppressed:
        # the model's forecast stays the same, the published figure it is scored against
        # changes, and the agency rate is not scored, with the reason.
        def later(r):
            if r["la_name"] == "Manchester" and int(r["time_period"]) > YEAR:
                for col in ("inpost_fte", "vacancy_rate_fte", "turnover_rate_fte"):
                    r[col] = str(2 * float(r[col]))
                if r["time_period"] == str(YEAR + 1):
                    r["agency_rate_fte"] = "c"
        with tempfile.TemporaryDirectory() as d:
            data = copy_data(os.path.join(d), later)
            out = run("--authority", "Manchester", "--years", str(YEAR), "--replications", "3",
                      "-o", os.path.join(d, "out"), data=data)
            self.assertEqual(out.returncode, 0, out.stderr)
            rows = {r["metric"]: r for r in read_csv(os.path.join(d, "out", "backtest.csv"))}
        for r in (r for r in self.rows if r["authority"] == "Manchester"):
            self.assertEqual(rows[r["metric"]]["model"], r["model"], r["metric"])
        self.assertEqual(float(rows["inpost_fte"]["published"]),
                         2 * float(next(r for r in self.rows if r["authority"] == "Manchester" and
                                        r["metric"] == "inpost_fte")["published"]))
        self.assertEqual(rows["agency_rate"]["model_error"], "")
        self.assertIn("| agency rate (%) | 0 |", out.stdout)
        self.assertIn("agency rate, pairs not scored: 1 (published agency_rate_fte 2020 is 'c' "
                      "(confidential (suppressed)): 1)", out.stdout)


def label(metric):
    return {"inpost_fte": "in-post FTE (FTE)", "agency_rate": "agency rate (%)",
            "vacancy_rate": "vacancy rate (%)", "turnover_rate": "turnover rate (%)",
            "caseload": "caseload (cases per FTE)"}[metric]


class Errors(unittest.TestCase):
    def check(self, args, message, code=2):
        with tempfile.TemporaryDirectory() as d:
            out = run(*args, "-o", d)
        self.assertEqual(out.returncode, code, out.stderr)
        self.assertEqual(out.stdout, "")
        self.assertEqual(out.stderr, f"backtest: error: {message}\n")

    def test_unknown_authority(self):
        self.check(["--authority", "Manchestr"],
                   "unknown local authority 'Manchestr'; did you mean 'Manchester'?")

    def test_year_without_a_past_or_a_next_census(self):
        self.check(["--years", "2017,2019"], "--years: 2017 cannot start a back-test: a start "
                   "year needs an earlier census and the next one (2018-2022 in "
                   "csww_indicators.csv)")

    def test_bad_years_and_counts(self):
        self.check(["--years", "2019-2018"],
                   "--years '2019-2018': expected years like 2019, 2018-2022 or 2018,2020")
        self.check(["--replications", "0"], "--replications 0: must be at least 1")
        self.check(["--jobs", "0"], "--jobs 0: must be at least 1")
        self.check(["--replications", "many"], "argument --replications: invalid int value: "
                                                "'many'")
        self.check(["--colour"], "unrecognized arguments: --colour")

    def test_missing_wfsim(self):
        self.check(["--wfsim", "/nonexistent/wfsim"],
                   "--wfsim /nonexistent/wfsim: no such program (build wfsim first)")

    def test_failing_wfsim_stops_with_exit_1(self):
        self.check(["--authority", "Slough", "--years", "2019", "--wfsim", "/bin/false"],
                   "wfsim failed on Slough 2019 (exit 1): no message", code=1)


if __name__ == "__main__":
    unittest.main()
