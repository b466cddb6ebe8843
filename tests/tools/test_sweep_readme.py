"""The README's sweep-file example, "the probability of meeting a target against the
parameters", run as printed on a small sweep named as the README's (study.h5) with the README's
target (permanent_80) and axes (applicants per experienced campaign, the options axis, and one
more that the table averages over); its table is checked against the file read with h5py.

    /usr/bin/python3 test_sweep_readme.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import contextlib
import io
import os
import subprocess
import tempfile
import unittest

from readme_testing import readme_python_blocks, wfsim_binary

WFSIM = wfsim_binary()

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

# Short of staff, slow to recruit, with an experienced campaign whose applicants move the chance
# of 90 % permanent staff a year on; the recruitment drive runs it twice as often.
SCENARIO = """name: readme sweep
start: 2016-04-01
horizon: 2 years
output_interval: 1 month
seed: 5
replications: 4
roles:
  social_worker: { caseload_cap: 20 }
establishment:
  social_worker: 60
initial_staff:
  permanent: { social_worker: 40 }
  agency:    { social_worker: 15 }
turnover:
  social_worker: { annual_rate: 0.15 }
recruitment:
  vacancy_fill_time: { dist: lognormal, median: 9 months, sigma: 0.6 }
  campaigns:
    experienced:
      role: social_worker
      schedule: { first: 2016-05-01, every: 6 months }
      applicants: 10
      appointable: 0.5
      acceptance: 0.7
      pre_employment_checks: 6 weeks
agency:
  cover_vacancies: true
  fill_time:  { dist: exponential, mean: 2 weeks }
  assignment: { dist: exponential, mean: 6 months }
demand:
  referrals_per_year: 2000
  initial_open_cases: 0
  case_duration: { dist: exponential, mean: 6 months }
allocation:
  policy: least_loaded
targets:
  - { name: permanent_80, metric: agency_share, op: "<=", value: 0.1, by: 2017-03-31 }
options:
  - { name: recruitment_drive, set: { recruitment.campaigns.experienced.schedule.every: 3 months } }
"""

STUDY = """scenario: readme.yaml
replications: 8
parameters:
  - { path: recruitment.campaigns.experienced.applicants, values: [2, 10, 30] }
  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.2] }
options: [base, recruitment_drive]
"""

APPLICANTS = "recruitment.campaigns.experienced.applicants"
RATE = "turnover.social_worker.annual_rate"


class SweepReadmeExample(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        with open(os.path.join(cls.tmp.name, "readme.yaml"), "w", encoding="utf-8") as f:
            f.write(SCENARIO)
        study = os.path.join(cls.tmp.name, "study.yaml")
        with open(study, "w", encoding="utf-8") as f:
            f.write(STUDY)
        done = subprocess.run([WFSIM, "sweep", study, "-q", "-o", os.path.join(cls.tmp.name, "study.h5")],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise AssertionError(f"wfsim sweep failed: {done.stderr}")
        with h5py.File(os.path.join(cls.tmp.name, "study.h5"), "r") as f:
            cls.axes = [str(a) for a in f["parameters"].attrs["axes"]]
            cls.applicants = f["parameters/" + APPLICANTS][...]
            cls.rate = f["parameters/" + RATE][...]
            cls.option = [o.decode() for o in f["parameters/option"][...]]
            cls.probability = f["targets/permanent_80/probability"][...]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def block(self):
        blocks = [b for b in readme_python_blocks() if "targets/permanent_80/probability" in b]
        self.assertEqual(len(blocks), 1, "README blocks reading a target's probability")
        return blocks[0]

    def run_block(self, code):
        here = os.getcwd()
        os.chdir(self.tmp.name)
        scope = {}
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(code, "README.md", "exec"), scope)  # noqa: S102
        finally:
            os.chdir(here)
        return scope, printed.getvalue()

    def test_the_example_is_five_lines(self):
        self.assertEqual(len(self.block().strip().splitlines()), 5, self.block())

    def test_the_table_is_each_points_parameters_and_probability(self):
        scope, _ = self.run_block(self.block())
        p = scope["p"]
        self.assertIsInstance(p, pd.DataFrame)
        self.assertEqual(sorted(p.columns), sorted(self.axes + ["permanent_80"]))
        self.assertEqual(len(p), 12)  # 3 x 2 x 2 points, in point order
        self.assertEqual(list(p["option"]), self.option)  # text, decoded
        self.assertEqual(p[APPLICANTS].dtype, np.float64)
        self.assertTrue(np.array_equal(p[APPLICANTS].to_numpy(), self.applicants))
        self.assertTrue(np.array_equal(p[RATE].to_numpy(), self.rate))
        self.assertTrue(np.array_equal(p["permanent_80"].to_numpy(), self.probability))
        # The grid: every combination once, the options axis fastest.
        combinations = set(zip(p[APPLICANTS], p[RATE], p["option"]))
        self.assertEqual(len(combinations), 12)
        self.assertEqual(list(p["option"][:2]), ["base", "recruitment_drive"])

    def test_the_printed_pivot_is_the_mean_over_the_other_axis(self):
        scope, printed = self.run_block(self.block())
        table = scope["p"].pivot_table("permanent_80", APPLICANTS, "option")
        for option in ("base", "recruitment_drive"):
            self.assertIn(option, printed)
            for applicants in (2.0, 10.0, 30.0):
                by_hand = np.mean([q for q, a, o in zip(self.probability, self.applicants, self.option)
                                   if a == applicants and o == option])
                self.assertAlmostEqual(table.loc[applicants, option], by_hand, places=12)
        # Not a table of one number: the applicants and the drive move the probability.
        self.assertGreater(table.to_numpy().max(), table.to_numpy().min())


if __name__ == "__main__":
    unittest.main()
