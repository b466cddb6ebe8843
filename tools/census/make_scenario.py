#!/usr/bin/python3
"""Write a starting scenario for one local authority from the DfE published statistics.

    make_scenario.py --authority Manchester --year 2019 [-o OUT.yaml] [--data DIR]
                     [--rates-from YEAR] [--horizon "10 years"] [--replications N] [--seed S]
    make_scenario.py --list [--data DIR]

The scenario has one role, social_worker, and starts on the census date (30 September of the
year) with the authority's staff as the workforce census counted them. Rates are chosen so that,
left alone, the service settles near the published figures. They come from the census year
alone, or with --rates-from (or build()'s rate_rows) from the mean of the rates published for
several years:

- turnover: the published rate (leavers / in post) as the annual leaving hazard;
- recruitment: renewal theory. A post alternates between a holder, who stays a mean
  T = 1 / turnover, and a vacancy lasting the mean fill time m, so the long-run vacancy share is
  v = m / (T + m). Solving for m gives m = v / (1 - v) x T; fill times are lognormal with
  sigma 0.6 and that mean (median = m x exp(-sigma^2 / 2)), v and the turnover being taken from
  the same years;
- casework: Little's law. Open cases L = referrals a year x mean case duration, so a duration of
  L / referrals keeps the average caseload of the staff at the start at the published caseload.

Every generated value carries a comment naming its source column and year, or its formula.
Standard library only, so Debian's /usr/bin/python3 runs it as it is.

Exit codes: 0 written, 2 bad input (unknown authority or year, a missing value).
"""

import argparse
import csv
import difflib
import math
import os
import re
import sys

CENSUS_FILE = "csww_indicators.csv"
REFERRALS_FILE = "cin_referrals.csv"
DEFAULT_DATA = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "dfe"))

# What the DfE's codes in place of a number mean.
MISSING_CODES = {
    "x": "not available",
    "z": "not applicable",
    "c": "confidential (suppressed)",
    "u": "low reliability",
    "low": "too small to show",
    "": "empty",
}

FILL_SIGMA = 0.6
# A cap at the average caseload would keep every worker full and let waiting cases grow; the
# 2021 census has about a third of case holders above 20 cases when the average was 16, so the cap
# sits a quarter above the average (16 -> 20, the core example's cap).
CAP_HEADROOM = 1.25
DEFAULT_CAP = 20
DAYS_PER_YEAR = 365.25


class InputError(Exception):
    """A problem with the request or the data: reported in one line, exit code 2."""


def read_rows(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}")


def authority_rows(rows):
    return [r for r in rows if r.get("geographic_level") == "Local authority"]


def find_authority(census, name):
    """The authority's canonical name, matching its name (any case) or its ONS or DfE code."""
    names = sorted({r["la_name"] for r in census})
    wanted = name.strip().casefold()
    for r in census:
        if wanted in (r["la_name"].casefold(), r["new_la_code"].casefold(),
                      r["old_la_code"].casefold()):
            return r["la_name"]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if not close:
        lowered = {n.casefold(): n for n in names}
        close = [lowered[n] for n in difflib.get_close_matches(wanted, list(lowered), 3, 0.6)]
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else \
        " (--list shows them)"
    raise InputError(f"unknown local authority {name!r}{hint}")


def number(row, column, source):
    if column not in row:
        raise InputError(f"{source}: no column {column}")
    text = row[column].strip()
    try:
        value = float(text)
    except ValueError:
        meaning = MISSING_CODES.get(text.casefold(), "not a number")
        raise InputError(
            f"{source}: {column} is {text!r} ({meaning}) for {row['la_name']} "
            f"{row['time_period']}; cannot build a scenario without it")
    if not math.isfinite(value) or value < 0:
        raise InputError(f"{source}: {column} is {text} for {row['la_name']} "
                         f"{row['time_period']}; expected a number of at least 0")
    return value


def fmt(x, places=1):
    """A number with at most `places` decimals, without trailing zeros after the point (a whole
    number keeps its zeros: 4600 stays 4600)."""
    text = f"{x:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


class Rate:
    """A rate (a fraction) estimated from one or more census years, and where it came from."""

    def __init__(self, column, value, used):
        self.column = column
        self.value = value
        self.used = used  # [(year, published per cent)] in year order

    def source(self):
        """Where the rate came from, for the scenario's comments."""
        if len(self.used) == 1:
            year, published = self.used[0]
            return f"{self.column} {year} = {fmt(published)} %"
        years = ", ".join(fmt(p) for _, p in self.used)
        return (f"mean {self.column} {self.used[0][0]}-{self.used[-1][0]} ({years} %) = "
                f"{fmt(self.value * 100, 2)} %")

    def where(self):
        """The years and column, for error messages."""
        first, last = self.used[0][0], self.used[-1][0]
        return f"{first}" if first == last else f"{first}-{last} (mean)"


def mean_rate(rate_rows, column):
    """The mean of the per cent rates published in column over rate_rows, as a fraction.

    One row: its value, or the error its code gives. Several: the years with a code in place of a
    number are left out (the mean of what was published); an error only if none is left."""
    used, first_error = [], None
    for row in sorted(rate_rows, key=lambda r: r["time_period"]):
        try:
            used.append((row["time_period"], number(row, column, CENSUS_FILE)))
        except InputError as e:
            first_error = first_error or e
    if not used:
        raise first_error
    return Rate(column, sum(p for _, p in used) / len(used) / 100, used)


def rate_rows_from(census_rows, first_year, year):
    """The authority's census rows from first_year to year, the years a scenario's rates use."""
    return [r for r in census_rows if first_year <= int(r["time_period"]) <= year]


class Referrals:
    """Referrals a year for a census row, with the year (to 31 March) and how they were found."""

    def __init__(self, count, year, note=""):
        self.count, self.year, self.note = count, year, note


def find_referrals(referral_rows, census_row, year):
    """The referrals to the authority of census_row in the year to 31 March of year.

    The census reports some pairs of authorities that share a children's service as one row,
    named "A / B" with codes "A / B"; referrals are published for each, so the pair's are their
    sum."""
    name = census_row["la_name"]
    codes = [c.strip() for c in census_row["new_la_code"].split(" / ")]
    in_year = [r for r in referral_rows if r["time_period"] == str(year)]
    if len(codes) > 1:
        parts = [next((r for r in in_year if r["new_la_code"] == c), None) for c in codes]
        if all(parts):
            total = sum(number(r, "referral_count", REFERRALS_FILE) for r in parts)
            return Referrals(total, str(year),
                             " + ".join(f"{r['la_name']} {r['referral_count']}" for r in parts))
    else:
        ref = next((r for r in in_year if r["new_la_code"] == codes[0] or r["la_name"] == name),
                   None)
        if ref is not None:
            return Referrals(number(ref, "referral_count", REFERRALS_FILE), ref["time_period"])
    available = ", ".join(sorted({r["time_period"] for r in referral_rows
                                  if r["la_name"] == name}))
    raise InputError(f"no referrals for {name} in {year} in {REFERRALS_FILE}; "
                     f"years available: {available or 'none'}")


def census_year(rows, name, year):
    """The authority's census row for year, from its rows."""
    row = next((r for r in rows if r["time_period"] == str(year)), None)
    if row is None:
        available = ", ".join(sorted({r["time_period"] for r in rows}))
        raise InputError(f"no census for {name} in {year}; years available: {available}")
    return row


def build(census_row, referrals, horizon, replications, seed, rate_rows=None):
    """The scenario text: the start from census_row, turnover and the vacancy rate behind the fill
    time from the mean over rate_rows (default: census_row alone), referrals a Referrals."""
    c = census_row
    year = c["time_period"]
    ref_year = referrals.year
    rate_rows = rate_rows or [c]

    def col(name):
        return number(c, name, CENSUS_FILE)

    inpost = col("inpost_fte")
    vacancy = col("vacancy_fte")
    agency = col("agency_fte")
    turnover_rate = mean_rate(rate_rows, "turnover_rate_fte")
    vacancy_share = mean_rate(rate_rows, "vacancy_rate_fte")
    turnover, vacancy_rate = turnover_rate.value, vacancy_share.value
    has_caseload = "caseload_fte" in c
    caseload = col("caseload_fte") if has_caseload else DEFAULT_CAP / CAP_HEADROOM

    if turnover <= 0:
        raise InputError(f"{CENSUS_FILE}: turnover_rate_fte is 0 for {c['la_name']} "
                         f"{turnover_rate.where()}: no leavers, so no fill time can be estimated "
                         "from the vacancy rate")
    if vacancy_rate >= 1:
        raise InputError(f"{CENSUS_FILE}: vacancy_rate_fte is {fmt(vacancy_rate * 100)} for "
                         f"{c['la_name']} {vacancy_share.where()}; expected below 100")
    if referrals.count <= 0:
        raise InputError(f"{REFERRALS_FILE}: referral_count is 0 for {c['la_name']} {ref_year}")
    referral_source = f"referral_count {ref_year}" + \
        (f" = {referrals.note}" if referrals.note else "")

    establishment = round(inpost + vacancy)
    permanent = round(inpost)
    if establishment < 1 or permanent > establishment:
        raise InputError(f"{CENSUS_FILE}: inpost_fte {fmt(inpost)} and vacancy_fte "
                         f"{fmt(vacancy)} for {c['la_name']} {year} give no posts")
    vacancies = establishment - permanent
    # The census splits agency workers into those covering vacancies (agency_cover_fte) and the
    # rest, who add capacity on no post. A census without the split: all cover vacancies.
    # agency_cover_fte suppressed (a code): as without the split.
    try:
        agency_cover = min(col("agency_cover_fte"), agency)
        has_cover = True
    except InputError:
        agency_cover, has_cover = agency, False
    initial_agency = min(round(agency_cover), vacancies)
    agency_extra = round(agency - agency_cover) if has_cover else 0
    cover_share, cover_source = vacancy_cover_share(c, vacancy, agency_cover, has_cover)

    tenure_years = 1 / turnover
    fill_mean_days = vacancy_rate / (1 - vacancy_rate) * tenure_years * DAYS_PER_YEAR
    # A post with no vacancies in the census still needs a positive fill time: one day.
    fill_median_days = max(fill_mean_days * math.exp(-FILL_SIGMA ** 2 / 2), 1.0)

    cap = math.ceil(caseload * CAP_HEADROOM) if has_caseload else DEFAULT_CAP
    case_holders = permanent + initial_agency + agency_extra
    open_cases = round(caseload * case_holders)
    duration_days = open_cases / referrals.count * DAYS_PER_YEAR
    if duration_days <= 0:
        raise InputError(f"{c['la_name']} {year}: no staff to hold cases")

    caseload_source = (f"caseload_fte {year} = {fmt(caseload)}" if has_caseload else
                       f"no caseload_fte column: {fmt(caseload)}, the core example's cap "
                       f"{DEFAULT_CAP} / {CAP_HEADROOM}")
    cap_source = (f"ceil({CAP_HEADROOM} x caseload_fte {year} = {fmt(caseload)}): headroom over "
                  "the average" if has_caseload else "no caseload_fte column: the default")
    name = f"{c['la_name']} {year} (DfE census)"

    lines = [
        f"# Starting scenario for {c['la_name']} ({c['new_la_code']}), written by "
        "tools/census/make_scenario.py",
        f"# from the DfE children's social work workforce census at 30 September {year}",
        f"# ({CENSUS_FILE}) and children in need referrals in the year to 31 March {ref_year}",
        f"# ({REFERRALS_FILE}); Open Government Licence v3.0. Census row: in post "
        f"{fmt(inpost)} FTE,",
        f"# vacancies {fmt(vacancy)}, agency {fmt(agency)}, turnover "
        f"{shown(c, 'turnover_rate_fte')} %, vacancy rate {shown(c, 'vacancy_rate_fte')} %,",
        f"# starters {c.get('starters_fte', '?')}, leavers {c.get('leavers_fte', '?')}, "
        f"case holders {c.get('case_holders_fte', '?')} FTE holding {c.get('cases', '?')} cases.",
        f"# FTE are rounded to whole workers.",
        f"name: {yaml_text(name)}",
        f"start: {year}-09-30                      # the census date",
        f"horizon: {horizon}",
        "output_interval: 1 month",
        f"seed: {seed}",
        f"replications: {replications}",
        "roles:",
        f"  social_worker: {{ caseload_cap: {cap} }}   # {cap_source}",
        "establishment:",
        f"  social_worker: {establishment}              # round(inpost_fte {year} + vacancy_fte "
        f"{year}) = round({fmt(inpost)} + {fmt(vacancy)})",
        "initial_staff:",
        f"  permanent: {{ social_worker: {permanent} }}    # round(inpost_fte {year} = "
        f"{fmt(inpost)})",
        (f"  agency:    {{ social_worker: {initial_agency} }}    # min(round(agency_cover_fte "
         f"{year} = {fmt(agency_cover)}), vacancies {vacancies}): agency covering vacancies"
         if has_cover else
         f"  agency:    {{ social_worker: {initial_agency} }}    # min(round(agency_fte {year} = "
         f"{fmt(agency)}), vacancies {vacancies}): no agency_cover_fte column, so all cover "
         "vacancies"),
        (f"  agency_extra: {{ social_worker: {agency_extra} }}  # round(agency_fte {year} "
         f"{fmt(agency)} - agency_cover_fte {fmt(agency_cover)}): agency beyond the vacancies"
         if has_cover else
         f"  agency_extra: {{ social_worker: 0 }}  # agency_cover_fte not published"),
        "turnover:",
        f"  social_worker: {{ annual_rate: {fmt(turnover, 6)} }}   # {turnover_rate.source()}",
        "recruitment:",
        f"  # Renewal theory: vacancy share v = m / (T + m), T = 1 / turnover = "
        f"{fmt(tenure_years, 2)} years,",
        f"  # v = {vacancy_share.source()}, so mean fill m = "
        f"v / (1 - v) x T = {fmt(fill_mean_days)} days;",
        f"  # lognormal with sigma {FILL_SIGMA}: median = m x exp(-sigma^2 / 2).",
        f"  vacancy_fill_time: {{ dist: lognormal, median: {fmt(fill_median_days)} days, "
        f"sigma: {FILL_SIGMA} }}",
        "  initial_vacancies: residual           # the census catches vacancies part-way "
        "through their fill",
        "agency:",
        "  cover_vacancies: true                 # the census counts agency staff covering "
        "vacancies",
        f"  cover_share: {fmt(cover_share, 4)}                # {cover_source}",
        "  fill_time:  { dist: exponential, mean: 2 weeks }    # assumed, as the core example",
        "  assignment: { dist: exponential, mean: 6 months }   # assumed, as the core example",
        "demand:",
        f"  referrals_per_year: {fmt(referrals.count, 0)}      # {referral_source} "
        "(year to 31 March)",
        f"  initial_open_cases: {open_cases}      # caseload {fmt(caseload)} x case holders "
        f"{case_holders} (permanent + agency); {caseload_source}",
        "  # (every social worker here holds cases, so the simulated average caseload starts at",
        "  # the published one; the census counts fewer case holders than staff in post)",
        f"  # Little's law: open cases = referrals a year x mean duration, so mean = "
        f"{open_cases} / {fmt(referrals.count, 0)} years.",
        f"  case_duration: {{ dist: exponential, mean: {fmt(duration_days)} days }}",
        "allocation:",
        "  policy: least_loaded",
    ]
    return "\n".join(lines) + "\n"


def vacancy_cover_share(c, vacancy, agency_cover, has_cover):
    """The share of vacancies agency staff cover, and where it comes from: the published
    vacancy_agency_cover_rate_fte (agency_cover_fte / vacancy_fte, %); where it is a code (u: low
    reliability) the same ratio from the FTE; 1 with no vacancies or agency_cover_fte unpublished."""
    year = c["time_period"]
    if not has_cover:
        return 1.0, "agency_cover_fte not published: every vacancy covered"
    if vacancy <= 0:
        return 1.0, f"no vacancies in {year}: vacancy_agency_cover_rate_fte not applicable"
    try:
        rate = number(c, "vacancy_agency_cover_rate_fte", CENSUS_FILE)
        return min(rate / 100, 1.0), f"vacancy_agency_cover_rate_fte {year} = {fmt(rate)} %"
    except InputError:
        share = min(agency_cover / vacancy, 1.0)
        return share, (f"agency_cover_fte / vacancy_fte {year} = {fmt(agency_cover)} / "
                       f"{fmt(vacancy)} (vacancy_agency_cover_rate_fte is "
                       f"{c.get('vacancy_agency_cover_rate_fte', '?').strip()!r})")


def shown(row, column):
    """A census value as the header shows it: the number, or the code published in its place."""
    text = row.get(column, "?").strip()
    try:
        return fmt(float(text))
    except ValueError:
        return text


def yaml_text(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_horizon(text):
    if not re.fullmatch(r"\d+(\.\d+)?( +(day|week|month|year)s?)?", text.strip()):
        raise InputError(f"--horizon {text!r}: expected a number of days or \"N unit\" "
                         "(days, weeks, months, years)")
    return text.strip()


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Write a starting wfsim scenario for one local authority and census year "
                    "from the DfE children's social work workforce census and referrals.")
    p.add_argument("--authority", help="local authority name (or ONS or DfE code)")
    p.add_argument("--year", type=int, help="census year (30 September)")
    p.add_argument("--rates-from", type=int, metavar="YEAR",
                   help="take turnover and the vacancy rate behind the fill time as the means of "
                        "the rates published from this census year to --year (default: --year "
                        "alone)")
    p.add_argument("-o", "--output", help="scenario file to write (default: standard output)")
    p.add_argument("--data", default=DEFAULT_DATA,
                   help=f"folder holding {CENSUS_FILE} and {REFERRALS_FILE} (default: data/dfe)")
    p.add_argument("--horizon", default="10 years", help="how long to simulate (default 10 years)")
    p.add_argument("--replications", type=int, default=20, help="replications (default 20)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--list", action="store_true", help="list the local authorities and years")
    args = p.parse_args(argv)
    if not args.list and (args.authority is None or args.year is None):
        p.error("--authority and --year are required (or --list)")
    if args.replications < 1:
        p.error("--replications must be at least 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    try:
        census = authority_rows(read_rows(os.path.join(args.data, CENSUS_FILE)))
        if args.list:
            years = {}
            for r in census:
                years.setdefault((r["la_name"], r["new_la_code"]), set()).add(r["time_period"])
            for (name, code), ys in sorted(years.items()):
                print(f"{name}\t{code}\t{min(ys)}-{max(ys)}")
            return 0
        horizon = check_horizon(args.horizon)
        name = find_authority(census, args.authority)
        rows = [r for r in census if r["la_name"] == name]
        row = census_year(rows, name, args.year)
        rate_rows = None
        if args.rates_from is not None:
            if args.rates_from > args.year:
                raise InputError(f"--rates-from {args.rates_from} is after --year {args.year}")
            rate_rows = rate_rows_from(rows, args.rates_from, args.year)
        referrals = authority_rows(read_rows(os.path.join(args.data, REFERRALS_FILE)))
        ref = find_referrals(referrals, row, args.year)
        text = build(row, ref, horizon, args.replications, args.seed, rate_rows)
    except InputError as e:
        print(f"make_scenario: error: {e}", file=sys.stderr)
        return 2
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
