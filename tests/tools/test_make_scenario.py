"""Tests of tools/census/make_scenario.py: the numbers it writes against the DfE rows, that wfsim
accepts and runs what it writes, and its errors.

    python3 test_make_scenario.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import csv
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SCRIPT = os.path.join(SOURCE_DIR, "tools", "census", "make_scenario.py")
DATA = os.path.join(SOURCE_DIR, "data", "dfe")
# The wfsim program: the first argument (as ctest passes it), else WFSIM_BINARY.
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")

CASES = [("Manchester", 2019), ("Slough", 2019), ("Trafford", 2023)]


def make(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


def census_row(name, year):
    with open(os.path.join(DATA, "csww_indicators.csv"), newline="", encoding="utf-8-sig") as f:
        return next(r for r in csv.DictReader(f) if r["la_name"] == name and
                    r["time_period"] == str(year) and r["geographic_level"] == "Local authority")


def referral_count(name, year):
    with open(os.path.join(DATA, "cin_referrals.csv"), newline="", encoding="utf-8-sig") as f:
        return float(next(r for r in csv.DictReader(f) if r["la_name"] == name and
                          r["time_period"] == str(year))["referral_count"])


def value(text, pattern):
    """The first number captured by pattern (searched line by line, comments included)."""
    m = re.search(pattern, text, re.MULTILINE)
    if not m:
        raise AssertionError(f"no match for {pattern!r} in:\n{text}")
    return float(m.group(1))


def to_days(number, unit):
    return float(number) * {"day": 1, "week": 7, "month": 365.25 / 12,
                            "year": 365.25}[unit.rstrip("s")]


class Generated(unittest.TestCase):
    """Each scenario's figures follow from its census row by the documented formulas."""

    def scenario(self, name, year, *extra):
        out = make("--authority", name, "--year", str(year), *extra)
        self.assertEqual(out.returncode, 0, out.stderr)
        return out.stdout

    def test_figures_match_the_census_row(self):
        for name, year in CASES:
            with self.subTest(authority=name, year=year):
                text = self.scenario(name, year)
                row = census_row(name, year)
                inpost, vacancy = float(row["inpost_fte"]), float(row["vacancy_fte"])
                establishment = value(text, r"^establishment:\n  social_worker: (\d+)")
                permanent = value(text, r"permanent: \{ social_worker: (\d+) \}")
                agency = value(text, r"agency: +\{ social_worker: (\d+) \}")
                rate = value(text, r"annual_rate: ([0-9.]+)")
                self.assertEqual(establishment, round(inpost + vacancy))
                self.assertEqual(permanent, round(inpost))
                cover = min(float(row["agency_cover_fte"]), float(row["agency_fte"]))
                self.assertEqual(agency, min(round(cover), establishment - permanent))
                self.assertEqual(value(text, r"agency_extra: \{ social_worker: (\d+) \}"),
                                 round(float(row["agency_fte"]) - cover))
                self.assertAlmostEqual(value(text, r"cover_share: ([0-9.]+)"),
                                       min(float(row["vacancy_agency_cover_rate_fte"]) / 100, 1),
                                       places=4)
                self.assertRegex(text, r"initial_vacancies: residual +#")
                self.assertAlmostEqual(rate, float(row["turnover_rate_fte"]) / 100, places=9)
                self.assertIn(f"start: {year}-09-30", text)
                self.assertEqual(value(text, r"referrals_per_year: (\d+)"),
                                 referral_count(name, year))

    def test_fill_time_gives_the_census_vacancy_rate(self):
        # Renewal theory: with mean fill m and mean tenure T, the long-run vacancy share is
        # m / (T + m); the lognormal's mean is its median x exp(sigma^2 / 2).
        for name, year in CASES:
            with self.subTest(authority=name, year=year):
                text = self.scenario(name, year)
                row = census_row(name, year)
                median = value(text, r"median: ([0-9.]+) days")
                sigma = value(text, r"sigma: ([0-9.]+)")
                mean_years = median * math.exp(sigma ** 2 / 2) / 365.25
                tenure = 1 / (float(row["turnover_rate_fte"]) / 100)
                v = mean_years / (tenure + mean_years)
                # The median is written to 0.1 day.
                self.assertAlmostEqual(v, float(row["vacancy_rate_fte"]) / 100, delta=1e-4)

    def test_caseload_and_littles_law(self):
        for name, year in CASES:
            with self.subTest(authority=name, year=year):
                text = self.scenario(name, year)
                row = census_row(name, year)
                caseload = float(row["caseload_fte"])
                cap = value(text, r"caseload_cap: (\d+)")
                open_cases = value(text, r"initial_open_cases: (\d+)")
                staff = value(text, r"permanent: \{ social_worker: (\d+) \}") + \
                    value(text, r"agency: +\{ social_worker: (\d+) \}") + \
                    value(text, r"agency_extra: \{ social_worker: (\d+) \}")
                duration = value(text, r"case_duration: \{ dist: exponential, mean: ([0-9.]+) days")
                referrals = value(text, r"referrals_per_year: (\d+)")
                self.assertGreater(cap, caseload)
                self.assertEqual(cap, math.ceil(1.25 * caseload))
                self.assertEqual(open_cases, round(caseload * staff))
                self.assertAlmostEqual(referrals * duration / 365.25, open_cases, delta=0.1 *
                                       referrals / 365.25)

    def test_whole_numbers_keep_their_zeros(self):
        # Derby's 4600 referrals in 2020 once came out as 46: trailing zeros of a whole number
        # were stripped as if they followed a decimal point.
        text = self.scenario("Derby", 2020)
        self.assertEqual(referral_count("Derby", 2020), 4600)
        self.assertEqual(value(text, r"referrals_per_year: (\d+)"), 4600)
        self.assertIn("mean = ", text)
        self.assertRegex(text, r"mean = \d+ / 4600 years")

    def test_rates_from_takes_the_means_of_the_years(self):
        # Manchester 2019 with rates from 2017: turnover is the mean of the three published
        # turnover rates, the fill time the renewal one for the mean vacancy rate; the start
        # (census 2019) is as without --rates-from.
        alone = self.scenario("Manchester", 2019)
        text = self.scenario("Manchester", 2019, "--rates-from", "2017")
        rows = [census_row("Manchester", y) for y in (2017, 2018, 2019)]
        turnover = sum(float(r["turnover_rate_fte"]) for r in rows) / 300
        vacancy = sum(float(r["vacancy_rate_fte"]) for r in rows) / 300
        self.assertNotAlmostEqual(turnover, float(rows[-1]["turnover_rate_fte"]) / 100, places=3)
        self.assertAlmostEqual(value(text, r"annual_rate: ([0-9.]+)"), turnover, places=6)
        self.assertIn("mean turnover_rate_fte 2017-2019 (8.1, 19.4, 14.2 %)", text)
        mean_years = value(text, r"median: ([0-9.]+) days") * math.exp(0.6 ** 2 / 2) / 365.25
        self.assertAlmostEqual(mean_years / (1 / turnover + mean_years), vacancy, delta=1e-4)
        for start in (r"^establishment:\n  social_worker: (\d+)",
                      r"permanent: \{ social_worker: (\d+) \}", r"initial_open_cases: (\d+)",
                      r"referrals_per_year: (\d+)"):
            self.assertEqual(value(text, start), value(alone, start), start)
        # --rates-from the year itself is the year alone.
        self.assertEqual(self.scenario("Manchester", 2019, "--rates-from", "2019"), alone)

    def test_shared_service_sums_the_referrals(self):
        # The census has one row for Kingston upon Thames and Richmond upon Thames; referrals are
        # published for each.
        text = self.scenario("Kingston upon Thames / Richmond upon Thames", 2019)
        self.assertEqual(value(text, r"referrals_per_year: (\d+)"),
                         referral_count("Kingston upon Thames", 2019) +
                         referral_count("Richmond upon Thames", 2019))

    def test_every_value_carries_its_source(self):
        text = self.scenario("Slough", 2019)
        for key in ("caseload_cap", "establishment:\n  social_worker", "permanent:", "agency:    ",
                    "agency_extra:", "cover_share:", "initial_vacancies:",
                    "annual_rate", "referrals_per_year", "initial_open_cases"):
            line = text[text.index(key):].split("\n")[0] if "\n" not in key else \
                text[text.index(key):].split("\n")[1]
            self.assertIn("#", line, key)
        self.assertIn("vacancy_rate_fte 2019", text)
        self.assertIn("agency_cover_fte 2019", text)
        self.assertIn("vacancy_agency_cover_rate_fte 2019", text)
        self.assertIn("Little's law", text)

    def test_cover_share_without_a_published_rate(self):
        # Gloucestershire 2020: vacancy_agency_cover_rate_fte is 'u' (low reliability), so the
        # share is agency_cover_fte / vacancy_fte, at most 1; Brighton and Hove 2021 had no
        # vacancies ('z'), so every vacancy would be covered.
        row = census_row("Gloucestershire", 2020)
        self.assertEqual(row["vacancy_agency_cover_rate_fte"], "u")
        text = self.scenario("Gloucestershire", 2020)
        self.assertAlmostEqual(value(text, r"cover_share: ([0-9.]+)"),
                               min(float(row["agency_cover_fte"]) / float(row["vacancy_fte"]), 1),
                               places=4)
        self.assertIn("agency_cover_fte / vacancy_fte 2020", text)
        row = census_row("Brighton and Hove", 2021)
        self.assertEqual(row["vacancy_agency_cover_rate_fte"], "z")
        text = self.scenario("Brighton and Hove", 2021)
        self.assertEqual(value(text, r"cover_share: ([0-9.]+)"), 1)
        self.assertIn("no vacancies in 2021", text)

    def test_name_and_code_match_any_case(self):
        self.assertEqual(self.scenario("trafford", 2023), self.scenario("E08000009", 2023))

    def test_list(self):
        out = make("--list")
        self.assertEqual(out.returncode, 0, out.stderr)
        lines = out.stdout.splitlines()
        self.assertEqual(len(lines), len(set(lines)))
        self.assertIn("Manchester\tE08000003\t2017-2023", lines)
        self.assertGreater(len(lines), 150)


class Errors(unittest.TestCase):
    def test_unknown_authority_suggests(self):
        out = make("--authority", "Manchestr", "--year", "2019")
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stdout, "")
        self.assertEqual(out.stderr, "make_scenario: error: unknown local authority 'Manchestr'; "
                                     "did you mean 'Manchester'?\n")

    def test_year_not_in_the_data_lists_years(self):
        out = make("--authority", "Slough", "--year", "2012")
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, "make_scenario: error: no census for Slough in 2012; years "
                                     "available: 2017, 2018, 2019, 2020, 2021, 2022, 2023\n")

    def test_suppressed_value_names_the_column(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(os.path.join(DATA, "cin_referrals.csv"), d)
            with open(os.path.join(DATA, "csww_indicators.csv"), newline="",
                      encoding="utf-8-sig") as f:
                rows = list(csv.DictReader(f))
            for r in rows:
                if r["la_name"] == "Slough" and r["time_period"] == "2019":
                    r["agency_fte"] = "c"
            with open(os.path.join(d, "csww_indicators.csv"), "w", newline="",
                      encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(rows[0]))
                w.writeheader()
                w.writerows(rows)
            out = make("--authority", "Slough", "--year", "2019", "--data", d)
            self.assertEqual(out.returncode, 2)
            self.assertEqual(out.stderr, "make_scenario: error: csww_indicators.csv: agency_fte is "
                                         "'c' (confidential (suppressed)) for Slough 2019; cannot "
                                         "build a scenario without it\n")
            # The other authorities' rows are untouched.
            self.assertEqual(make("--authority", "Trafford", "--year", "2019", "--data",
                                  d).returncode, 0)

    def test_rates_from_after_the_year_is_refused(self):
        out = make("--authority", "Slough", "--year", "2019", "--rates-from", "2020")
        self.assertEqual(out.returncode, 2)
        self.assertEqual(out.stderr, "make_scenario: error: --rates-from 2020 is after --year "
                                     "2019\n")

    def test_zero_turnover_is_refused(self):
        # Manchester reported no leavers in 2022: no fill time follows from the vacancy rate.
        out = make("--authority", "Manchester", "--year", "2022")
        self.assertEqual(out.returncode, 2)
        self.assertIn("turnover_rate_fte is 0 for Manchester 2022", out.stderr)


@unittest.skipUnless(WFSIM, "needs the wfsim program (argument or WFSIM_BINARY)")
class WithWfsim(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, year, *extra):
        path = os.path.join(self.dir, f"{name}-{year}.yaml")
        out = make("--authority", name, "--year", str(year), "-o", path, *extra)
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(path, encoding="utf-8") as f:
            return path, f.read()

    def test_wfsim_validates_every_authority_tested(self):
        for name, year in CASES:
            with self.subTest(authority=name, year=year):
                path, _ = self.write(name, year)
                out = subprocess.run([WFSIM, "validate", path], capture_output=True, text=True)
                self.assertEqual(out.returncode, 0, out.stdout + out.stderr)

    def test_run_starts_with_the_census_staff(self):
        import h5py
        path, text = self.write("Manchester", 2019, "--horizon", "1 year", "--replications", "2")
        h5 = os.path.join(self.dir, "run.h5")
        out = subprocess.run([WFSIM, "run", path, "-o", h5, "-q", "--threads", "1"],
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        permanent = value(text, r"permanent: \{ social_worker: (\d+) \}")
        agency = value(text, r"agency: +\{ social_worker: (\d+) \}")
        establishment = value(text, r"^establishment:\n  social_worker: (\d+)")
        with h5py.File(h5, "r") as f:
            self.assertEqual(f["time"][0], 0.0)
            self.assertAlmostEqual(f["time"][-1], 365.25, delta=31)
            self.assertEqual(f.attrs["replications"], 2)
            self.assertEqual(f["series/staff_permanent"].shape[0], 2)
            self.assertEqual(list(f["series/staff_permanent"][:, 0]), [permanent] * 2)
            self.assertEqual(list(f["series/staff_agency"][:, 0]), [agency] * 2)
            self.assertEqual(list(f["series/vacancies"][:, 0]), [establishment - permanent] * 2)


if __name__ == "__main__":
    unittest.main()
