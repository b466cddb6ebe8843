"""The five figures the back-test forecasts, defined as the DfE's workforce census defines them,
read from a census row (published) or from a wfsim run file (simulated).

DfE definitions (children and family social workers, full-time equivalents, at 30 September;
data/dfe/README.md), which the published columns follow to their rounding:

- in-post FTE: permanent social workers in post (inpost_fte);
- agency rate: agency FTE / (agency FTE + in-post FTE), % (agency_rate_fte);
- vacancy rate: vacancy FTE / (vacancy FTE + in-post FTE), % (vacancy_rate_fte);
- turnover rate: leavers FTE in the year to 30 September / in-post FTE at 30 September, %
  (turnover_rate_fte);
- caseload: cases held / FTE of case holders (caseload_fte).

The simulated figure is taken from each replication at the last sample (12 months after the start,
the next census date) and averaged over the replications; its Monte Carlo standard error is the
replications' standard deviation / sqrt(replications). Every worker in a starting scenario is full
time, so a worker is one FTE and a vacant post one vacancy FTE (read_run checks this).
"""

import math

import h5py
import numpy as np

from make_scenario import MISSING_CODES

DAYS_PER_YEAR = 365.25


class Metric:
    def __init__(self, key, label, unit, column, simulate):
        self.key, self.label, self.unit, self.column = key, label, unit, column
        self.simulate = simulate  # series at the horizon -> per-replication values


def _share(part, other):
    return 100 * part / (part + other)


METRICS = [
    Metric("inpost_fte", "in-post FTE", "FTE", "inpost_fte",
           lambda s: s["fte_permanent"]),
    Metric("agency_rate", "agency rate", "%", "agency_rate_fte",
           lambda s: _share(s["fte_agency"], s["fte_permanent"])),
    Metric("vacancy_rate", "vacancy rate", "%", "vacancy_rate_fte",
           lambda s: _share(s["vacancies"], s["fte_permanent"])),
    Metric("turnover_rate", "turnover rate", "%", "turnover_rate_fte",
           lambda s: 100 * s["leavers_in_year"] / s["fte_permanent"]),
    Metric("caseload", "caseload", "cases per FTE", "caseload_fte",
           lambda s: s["allocated_cases"] / s["case_holding_fte"]),
]
BY_KEY = {m.key: m for m in METRICS}



def published(row, column):
    """(value, None) for a published number, (None, why) for a code in its place."""
    text = row.get(column, "").strip()
    try:
        value = float(text)
    except ValueError:
        return None, f"{column} {row['time_period']} is '{text}' " \
                     f"({MISSING_CODES.get(text.casefold(), 'not a number')})"
    if not math.isfinite(value):
        return None, f"{column} {row['time_period']} is '{text}' (not a number)"
    return value, None


class Simulated:
    """A simulated figure: mean over replications, its Monte Carlo s.e., or why there is none."""

    def __init__(self, mean, se, undefined=""):
        self.mean, self.se, self.undefined = mean, se, undefined


class RunError(Exception):
    """A run file that does not hold what the back-test reads."""


def read_run(path):
    """{metric key: Simulated} at 12 months from a run file."""
    with h5py.File(path, "r") as f:
        time = f["time"][:]
        end = len(time) - 1
        if abs(time[end] - DAYS_PER_YEAR) > 1e-6:
            raise RunError(f"{path}: last sample at day {time[end]}, expected {DAYS_PER_YEAR}")

        def series(name):
            return f["series/" + name][:]

        staff, fte = series("staff_permanent"), series("fte_permanent")
        if not np.array_equal(staff, fte):
            raise RunError(f"{path}: part-time staff, so workers are not FTE")
        leavers = series("leavers")  # in the interval ending at each sample; 0 at the start
        at_end = {name: series(name)[:, end] for name in
                  ("fte_permanent", "fte_agency", "vacancies", "allocated_cases",
                   "case_holding_fte")}
        at_end["leavers_in_year"] = leavers[:, 1:end + 1].sum(axis=1)
    out = {}
    for m in METRICS:
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.asarray(m.simulate(at_end), dtype=float)
        undefined = int((~np.isfinite(values)).sum())
        if undefined:
            # A rate over no staff, as the DfE's 'z': no forecast rather than a mean of the rest.
            out[m.key] = Simulated(math.nan, math.nan,
                                   f"model undefined in {undefined} of {len(values)} "
                                   "replications (no staff)")
            continue
        se = float(values.std(ddof=1) / math.sqrt(len(values))) if len(values) > 1 else math.nan
        out[m.key] = Simulated(float(values.mean()), se)
    return out
