#!/usr/bin/python3
"""Back-test the starting scenarios against the next year's workforce census.

    backtest.py [--authority NAME ...] [--years 2018-2022] [--replications 50] [--seed 1]
                [--jobs N] [-o DIR] [--wfsim PATH] [--data DIR] [--keep-runs]

For each local authority and start year Y with a census in Y, at least one earlier census year and
a census in Y+1, make_scenario builds a scenario that starts from census Y (in-post FTE,
vacancies, agency, caseload) with rates estimated only from what was published up to Y:

- turnover: the mean of turnover_rate_fte over the census years up to and including Y (2017..Y;
  years with a code in place of a number left out);
- vacancy fill time: renewal theory from that turnover and the mean of vacancy_rate_fte over the
  same years;
- referrals: the year to 31 March Y (published before census Y); the case duration by Little's
  law from them and the caseload of census Y.

wfsim simulates 12 months (to census Y+1), and the simulated in-post FTE, agency rate, vacancy
rate, turnover rate and caseload (backtest_metrics defines each as the DfE does) are compared with
the published Y+1 figures, beside the naive forecast: year Y's published figure.

Writes to the output folder: backtest.csv (every authority-year and metric: published, model,
naive, errors, or why it was not scored), errors.csv and backtest.md (the error table, with what
was skipped and why; the Markdown also goes to standard output) and backtest.png.

Exit codes: 0 done, 2 bad arguments or data, 1 a wfsim run failed.
"""

import argparse
import concurrent.futures
import csv
import hashlib
import math
import os
import re
import subprocess
import sys
import tempfile
import time

import make_scenario as ms
from backtest_errors import markdown, table, write_csv
from backtest_metrics import METRICS, RunError, published, read_run
from backtest_plot import plot

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DEFAULT_WFSIM = os.path.join(SOURCE_DIR, "build", "tools", "wfsim", "wfsim")
HORIZON = "1 year"
CSV_COLUMNS = ["authority", "la_code", "start_year", "seed", "metric", "published", "model",
               "model_se", "naive", "model_error", "naive_error", "note"]


class Parser(argparse.ArgumentParser):
    def error(self, message):
        fail(message)


def fail(message):
    print(f"backtest: error: {message}", file=sys.stderr)
    sys.exit(2)


def parse_years(text):
    years = set()
    for part in text.split(","):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?", part)
        if not m or (m.group(2) and int(m.group(2)) < int(m.group(1))):
            fail(f"--years {text!r}: expected years like 2019, 2018-2022 or 2018,2020")
        years.update(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
    return years


def parse_args(argv):
    p = Parser(description="Back-test 12-month forecasts of the starting scenarios against the "
                           "next year's DfE workforce census, beside the naive forecast.")
    p.add_argument("--authority", nargs="+", action="extend", metavar="NAME",
                   help="local authorities (names or ONS or DfE codes; default: all)")
    p.add_argument("--years", help="start years, e.g. 2019, 2018-2022 or 2018,2020 "
                                    "(default: every year with an earlier and a next census)")
    p.add_argument("--replications", type=int, default=50,
                   help="replications per authority-year (default 50)")
    p.add_argument("--seed", type=int, default=1,
                   help="random seed (default 1); each authority-year's own seed is drawn from "
                        "it, the authority and the year (the CSV's seed column)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="wfsim runs at once (default: the number of cores)")
    p.add_argument("-o", "--output", default="backtest", help="output folder (default backtest)")
    p.add_argument("--wfsim", default=DEFAULT_WFSIM,
                   help="the wfsim program (default build/tools/wfsim/wfsim)")
    p.add_argument("--data", default=ms.DEFAULT_DATA, help="folder of the DfE files "
                                                           "(default data/dfe)")
    p.add_argument("--keep-runs", action="store_true",
                   help="keep each scenario and run file in OUTPUT/runs")
    args = p.parse_args(argv)
    if args.replications < 1:
        fail(f"--replications {args.replications}: must be at least 1")
    if args.jobs < 1:
        fail(f"--jobs {args.jobs}: must be at least 1")
    if args.seed < 0:
        fail(f"--seed {args.seed}: must be at least 0")
    if not (os.path.isfile(args.wfsim) and os.access(args.wfsim, os.X_OK)):
        fail(f"--wfsim {args.wfsim}: no such program (build wfsim first)")
    return args


class Job:
    """One authority and start year: its census rows up to Y (all the forecast may use) and
    the row of Y+1 (only for scoring)."""

    def __init__(self, name, rows, year):
        self.name, self.year = name, year
        self.history = [rows[y] for y in sorted(rows) if y <= year]
        self.start = rows[year]
        self.truth = rows[year + 1]

    def label(self):
        return f"{self.name} {self.year}"

    def seed(self, seed):
        """This authority-year's seed, from --seed, the authority and the year. One seed for all
        would give every authority the same random numbers, so their Monte Carlo errors would
        not average out in the error table."""
        digest = hashlib.sha256(f"{seed}/{self.name}/{self.year}".encode()).digest()
        return int.from_bytes(digest[:4], "big")

    def slug(self):
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-") + f"-{self.year}"


def scenario_text(history, referral_rows, replications, seed):
    """The scenario of the last of history's census years, rates from all of history."""
    start = history[-1]
    referrals = ms.find_referrals(referral_rows, start, int(start["time_period"]))
    return ms.build(start, referrals, HORIZON, replications, seed, rate_rows=history)


def plan(census, names, years):
    """Jobs for the authorities and start years, and the authorities with none."""
    jobs, none = [], []
    for name in names:
        rows = {int(r["time_period"]): r for r in census if r["la_name"] == name}
        starts = [y for y in sorted(rows)
                  if (years is None or y in years) and min(rows) < y and y + 1 in rows]
        if not starts:
            none.append(f"{name} ({min(rows)}-{max(rows)})" if len(rows) > 1 else
                        f"{name} ({min(rows)})")
        jobs.extend(Job(name, rows, y) for y in starts)
    return jobs, none


def run_one(job, args, referral_rows, runs):
    """(job, simulated figures or None, why not)."""
    seed = job.seed(args.seed)
    try:
        text = scenario_text(job.history, referral_rows, args.replications, seed)
    except ms.InputError as e:
        return job, None, str(e)
    base = os.path.join(runs, job.slug())
    with open(base + ".yaml", "w", encoding="utf-8") as f:
        f.write(text)
    out = subprocess.run([args.wfsim, "run", base + ".yaml", "-o", base + ".h5",
                          "--replications", str(args.replications), "--seed", str(seed),
                          "--threads", "1", "-q"], capture_output=True, text=True)
    if out.returncode != 0:
        first = (out.stderr.strip().splitlines() or ["no message"])[0]
        raise RuntimeError(f"wfsim failed on {job.label()} (exit {out.returncode}): {first}")
    return job, read_run(base + ".h5"), None


def run_all(jobs, args, referral_rows, runs):
    """Every job's outcome in job order, with progress on stderr."""
    started, last = time.monotonic(), 0.0
    outcomes = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, job, args, referral_rows, runs) for job in jobs]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            try:
                job, sim, why = future.result()
            except Exception:
                for f in futures:  # a failed run stops the back-test: start no more
                    f.cancel()
                raise
            outcomes[id(job)] = (sim, why)
            now = time.monotonic()
            if now - last >= 5 or done == len(jobs):
                last = now
                print(f"backtest: {done}/{len(jobs)} authority-years, {now - started:.0f} s",
                      file=sys.stderr, flush=True)
    return [(job, *outcomes[id(job)]) for job in jobs]


def score(outcomes, seed):
    """CSV rows, {metric: [(published, model, naive, model_se)]}, and the reasons pairs were
    not scored: {metric: {reason: count}}."""
    rows, scored, dropped = [], {m.key: [] for m in METRICS}, {m.key: {} for m in METRICS}
    for job, sim, why in outcomes:
        for m in METRICS:
            truth, truth_why = published(job.truth, m.column)
            naive, naive_why = published(job.start, m.column)
            model, model_se = (sim[m.key].mean, sim[m.key].se) if sim else (None, None)
            undefined = sim[m.key].undefined if sim else ""
            reason = (why and "not simulated") or \
                (truth_why and f"published {truth_why}") or \
                (naive_why and f"naive {naive_why}") or undefined
            row = {"authority": job.name, "la_code": job.start["new_la_code"],
                   "start_year": job.year, "seed": job.seed(seed), "metric": m.key,
                   "published": truth,
                   "model": None if undefined else model,
                   "model_se": None if undefined else model_se, "naive": naive,
                   "note": why or truth_why or naive_why or undefined}
            if reason:
                dropped[m.key][reason] = dropped[m.key].get(reason, 0) + 1
            else:
                row["model_error"] = model - truth
                row["naive_error"] = naive - truth
                scored[m.key].append((truth, model, naive, model_se))
            rows.append(row)
    return rows, scored, dropped


def write_rows(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        w.writeheader()
        for row in rows:
            w.writerow({k: cell(row.get(k)) for k in CSV_COLUMNS})


def cell(x):
    """A CSV cell: floats in full (repr), nothing for a missing or undefined figure."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return repr(x) if isinstance(x, float) else x


def report(args, jobs, outcomes, none, errors, dropped, seconds):
    years = sorted({j.year for j in jobs})
    span = f"{years[0]}-{years[-1]}" if years else "none"
    not_run = [(job, why) for job, sim, why in outcomes if sim is None]
    lines = [
        "# Back-test of the starting scenarios",
        "",
        f"{len(jobs)} authority-years ({len({j.name for j in jobs})} authorities, start years "
        f"{span}), 12 months simulated from census Y, {args.replications} replications each, "
        f"seed {args.seed} (each authority-year's own drawn from it); {seconds:.0f} s. Rates "
        "from census years up to Y only: turnover the mean of turnover_rate_fte, the fill time "
        "from it and the mean of vacancy_rate_fte, referrals of the year to 31 March Y. Naive "
        "forecast: year Y's published figure.",
        "",
        "Errors are forecast - published figure of year Y+1, in the metric's unit (rates in "
        "percentage points). Model closer: share of authority-years where the model's error is "
        "the smaller (ties count a half). Model s.e.: median Monte Carlo standard error of the "
        "model's forecasts (mean over the replications).",
        "",
        markdown(errors).rstrip("\n"),
        "",
        "## Not scored",
        "",
        f"- Authority-years not simulated: {len(not_run)}" + (":" if not_run else "."),
    ]
    lines += [f"  - {job.label()}: {why}" for job, why in not_run]
    for m in METRICS:
        counts = dropped[m.key]
        total = sum(counts.values())
        detail = "; ".join(f"{why}: {n}" for why, n in sorted(counts.items(),
                                                               key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"- {m.label}, pairs not scored: {total}" + (f" ({detail})" if detail else ""))
    if none:
        lines.append(f"- Authorities with no start year that has an earlier and a next census "
                     f"among those asked: {len(none)} ({', '.join(none)})")
    return "\n".join(lines) + "\n"


def main(argv=None):
    args = parse_args(argv)
    try:
        census = ms.authority_rows(ms.read_rows(os.path.join(args.data, ms.CENSUS_FILE)))
        referral_rows = ms.authority_rows(ms.read_rows(os.path.join(args.data,
                                                                    ms.REFERRALS_FILE)))
        names = sorted({r["la_name"] for r in census})
        if args.authority:
            names = sorted({ms.find_authority(census, a) for a in args.authority})
    except ms.InputError as e:
        fail(str(e))
    census_years = sorted({int(r["time_period"]) for r in census})
    years = None
    if args.years:
        years = parse_years(args.years)
        bad = sorted(y for y in years if not census_years[0] < y < census_years[-1])
        if bad:
            fail(f"--years: {', '.join(map(str, bad))} cannot start a back-test: a start year "
                 f"needs an earlier census and the next one ({census_years[0] + 1}-"
                 f"{census_years[-1] - 1} in {ms.CENSUS_FILE})")
    jobs, none = plan(census, names, years)
    if not jobs:
        fail("no authority-year to back-test: " + ", ".join(none))
    os.makedirs(args.output, exist_ok=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:
        runs = os.path.join(args.output, "runs") if args.keep_runs else scratch
        os.makedirs(runs, exist_ok=True)
        try:
            outcomes = run_all(jobs, args, referral_rows, runs)
        except (RuntimeError, RunError) as e:
            print(f"backtest: error: {e}", file=sys.stderr)
            return 1
    seconds = time.monotonic() - started
    rows, scored, dropped = score(outcomes, args.seed)
    errors = table(scored)
    write_rows(rows, os.path.join(args.output, "backtest.csv"))
    write_csv(errors, os.path.join(args.output, "errors.csv"))
    text = report(args, jobs, outcomes, none, errors, dropped, seconds)
    with open(os.path.join(args.output, "backtest.md"), "w", encoding="utf-8") as f:
        f.write(text)
    years_run = sorted({j.year for j in jobs})
    plot(scored, os.path.join(args.output, "backtest.png"),
         f"12-month forecasts of {sum(1 for _, s, _ in outcomes if s)} authority-years "
         f"(start years {years_run[0]}-{years_run[-1]}): model against naive (last year's figure)")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
