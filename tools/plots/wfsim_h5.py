"""Reading a wfsim run file ("wfsim-run-1", see output/run_layout.hpp) for plots: each series as
an (R, T) array, the sample dates, quantile bands across replications and the judged targets;
in a file of wfsim compare, each option's series and targets and the comparison tables.
Shared by the plotting scripts beside it; needs h5py and NumPy (Debian's /usr/bin/python3).

    from wfsim_h5 import open_run, quantile_bands
    with open_run("core.h5") as run:
        values = run.series("agency_share")            # float64 (replications, samples)
        bands = quantile_bands(values, (0.5, 0.9))     # median and the 50 % and 90 % bands
        for target in run.targets_on("agency_share"):
            print(target.label(), target.probability)

    with open_run("strategy_compare.h5") as run:       # written by wfsim compare
        for option in run.options():                   # the baseline ("base") first
            values = run.option_series(option.name, "agency_share")
        for row in run.comparison_rows("metrics"):     # paired differences from the baseline
            print(row["option"], row["metric"], row["date"], row["difference"], row["ci_low"])
"""

import dataclasses
import difflib
import os
import warnings

import h5py
import numpy as np

FORMAT = "wfsim-run-1"


class RunFileError(Exception):
    """A problem with a run file or a name in it, as one line that names the file."""


def suggest(name, choices):
    """' (did you mean a, b?)' for the closest of choices, or '' when none is close."""
    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


DAYS_PER_MONTH = 365.25 / 12  # engine::kDaysPerMonth: "6 months" in a scenario is 182.625 days


def span_text(days):
    """A duration as the scenario would write it: '6 months', '2 weeks', '45 days'."""
    for unit, length in (("month", DAYS_PER_MONTH), ("week", 7.0)):
        count = days / length
        if count >= 1 and abs(count - round(count)) < 1e-9:
            n = round(count)
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{days:g} day{'s' if days != 1 else ''}"


@dataclasses.dataclass
class Target:
    """One target as /targets/<name> holds it: its definition, the probability that it was met
    with its 95 % Wilson interval, and each replication's outcome."""
    name: str
    metric: str
    op: str           # ">=" or "<="
    value: float
    kind: str         # "by", "throughout", "average" or "for"
    by: str = ""      # ISO dates, those of the kind
    start: str = ""   # the file's `from`
    end: str = ""     # the file's `to`
    for_days: float = float("nan")
    probability: float = float("nan")
    ci_low: float = float("nan")
    ci_high: float = float("nan")
    met: np.ndarray = None             # uint8 [R], 1 = met
    first_met_days: np.ndarray = None  # float64 [R], NaN if never

    def condition(self):
        """'agency_share <= 0.2'."""
        symbol = {"<=": "\u2264", ">=": "\u2265"}.get(self.op, self.op)
        return f"{self.metric} {symbol} {self.value:g}"

    def when(self):
        """When the condition is judged, in words: 'by 2017-03-31', 'average 2016-04-01 to ...'."""
        if self.kind == "by":
            return f"by {self.by}"
        if self.kind == "for":
            return f"for {span_text(self.for_days)}"
        return f"{self.kind} {self.start} to {self.end}"

    def label(self):
        """The name, then the condition and when, unless the name already says it."""
        described = f"{self.condition()} {self.when()}"
        return described if self.name.startswith(self.metric) else f"{self.name}: {described}"


@dataclasses.dataclass
class Option:
    """One policy option of a comparison as /options/<name> describes it; the baseline (the
    scenario as written) is one too, with no settings."""
    name: str
    description: str
    settings: list  # its "path: value" lines, as the scenario sets them

    def label(self):
        """'name: description', or the name alone when there is no description."""
        return f"{self.name}: {self.description}" if self.description else self.name


BASELINE_DESCRIPTION = "the scenario as written"
COMPARISON_TABLES = ("metrics", "targets")


def _read_targets(group):
    """The targets of a targets group (/targets or /options/<name>/targets), in its order."""
    out = []
    for name in (_text(n) for n in group.attrs["names"]):
        g = group[name]
        a = g.attrs
        out.append(Target(
            name=_text(a["name"]), metric=_text(a["metric"]), op=_text(a["op"]),
            value=float(a["value"]), kind=_text(a["kind"]), by=_text(a.get("by", "")),
            start=_text(a.get("from", "")), end=_text(a.get("to", "")),
            for_days=float(a.get("for_days", float("nan"))),
            probability=float(a["probability"]), ci_low=float(a["ci_low"]),
            ci_high=float(a["ci_high"]), met=g["met"][...],
            first_met_days=g["first_met_days"][...]))
    return out


class RunFile:
    """An open run file; use open_run() and close it (or use it in a with statement)."""

    def __init__(self, path):
        self.path = str(path)
        if not os.path.exists(self.path):
            raise RunFileError(f"cannot read {self.path}: No such file or directory")
        if os.path.isdir(self.path):
            raise RunFileError(f"cannot read {self.path}: Is a directory")
        try:
            self._file = h5py.File(self.path, "r")
        except OSError as error:
            reason = "not an HDF5 file" if not h5py.is_hdf5(self.path) else str(error)
            raise RunFileError(f"cannot read {self.path}: {reason}") from None
        found = _text(self._file.attrs.get("format", ""))
        if found != FORMAT:
            self._file.close()
            what = "no 'format' attribute" if not found else f"format '{found}'"
            raise RunFileError(f"cannot read {self.path}: not a wfsim run file ({what})")

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def attrs(self):
        """The root attributes: scenario_name, seed, replications, start_date, ..."""
        return {key: _text(v) if isinstance(v, (bytes, str)) else v
                for key, v in self._file.attrs.items()}

    def metrics(self):
        """The series' names, in the file's order."""
        return [_text(m) for m in self._file.attrs["metrics"]]

    def _dataset(self, metric):
        if metric not in self.metrics():
            raise RunFileError(f"{self.path}: no series '{metric}'"
                               f"{suggest(metric, self.metrics())}")
        return self._file["series/" + metric]

    def series(self, metric):
        """float64 array (replications, samples)."""
        return self._dataset(metric)[...]

    def units(self, metric):
        return _text(self._dataset(metric).attrs.get("units", ""))

    def description(self, metric):
        return _text(self._dataset(metric).attrs.get("description", ""))

    def time(self):
        """Days since the start of each sample."""
        return self._file["time"][...]

    def dates(self):
        """The calendar date of each sample, numpy datetime64[D]."""
        return np.array(self._file["date"].asstr()[...], dtype="datetime64[D]")

    def targets(self):
        """Every target, in the scenario's order; [] when the run had none. In a comparison,
        the baseline's."""
        return _read_targets(self._file["targets"]) if "targets" in self._file else []

    def targets_on(self, metric):
        """The targets judged on one metric."""
        return [t for t in self.targets() if t.metric == metric]


    # A comparison (wfsim compare): the root's series and targets are the baseline's.

    def is_comparison(self):
        """True for a file of wfsim compare (it has /options)."""
        return "options" in self._file

    def _require_comparison(self):
        if not self.is_comparison():
            raise RunFileError(f"{self.path}: not a comparison file (no /options: it was "
                               f"written by wfsim run, not wfsim compare)")

    def baseline(self):
        """The baseline's name ("base")."""
        self._require_comparison()
        return _text(self._file["options"].attrs.get("baseline", "base"))

    def common_random_numbers(self):
        """True when replication i of every option had the same random streams (the default of
        wfsim compare), False with --independent."""
        self._require_comparison()
        return bool(self._file["options"].attrs.get("common_random_numbers", 1))

    def options(self):
        """The options compared: the baseline first, then the others in the scenario's order."""
        self._require_comparison()
        group = self._file["options"]
        out = [Option(self.baseline(), BASELINE_DESCRIPTION, [])]
        for name in (_text(n) for n in group.attrs["names"]):
            a = group[name].attrs
            out.append(Option(name, _text(a.get("description", "")),
                              [_text(line) for line in a.get("settings", [])]))
        return out

    def option_names(self):
        return [o.name for o in self.options()]

    def _option_group(self, option):
        """The file's group holding the option's series/ and targets/: the root for the
        baseline, /options/<name> for the others."""
        names = self.option_names()
        if option not in names:
            raise RunFileError(f"{self.path}: no option '{option}'{suggest(option, names)}")
        return self._file if option == names[0] else self._file["options"][option]

    def option_series(self, option, metric):
        """One option's series of a metric, float64 (replications, samples)."""
        self._dataset(metric)  # the name checked against the file's metrics
        return self._option_group(option)["series"][metric][...]

    def option_targets(self, option):
        """One option's targets, judged on its own series, in the scenario's order."""
        group = self._option_group(option)
        return _read_targets(group["targets"]) if "targets" in group else []

    def comparison_rows(self, table):
        """A table of /comparison, "metrics" or "targets", as a list of rows ({column: value},
        strings as str) in the file's order; [] when the file has no such table (a scenario
        without targets has no targets table)."""
        if table not in COMPARISON_TABLES:
            raise ValueError(f"no comparison table '{table}': {', '.join(COMPARISON_TABLES)}")
        self._require_comparison()
        path = "comparison/" + table
        if path not in self._file:
            return []
        group = self._file[path]
        columns = {}
        for name, dataset in group.items():
            columns[name] = (dataset.asstr()[...] if h5py.check_string_dtype(dataset.dtype)
                             else dataset[...])
        rows = len(next(iter(columns.values()))) if columns else 0
        return [{name: values[i].item() if hasattr(values[i], "item") else values[i]
                 for name, values in columns.items()} for i in range(rows)]


def open_run(path):
    """Opens a run file, or raises RunFileError with a one-line reason."""
    return RunFile(path)


@dataclasses.dataclass
class Bands:
    """Per sample across replications: the median and, per central coverage c (0.5, 0.9), the
    (c/2 below, c/2 above the median) quantiles, i.e. the 25-75 % and 5-95 % bands."""
    median: np.ndarray
    bands: dict  # coverage -> (low [T], high [T])


def quantile_bands(values, coverages=(0.5, 0.9)):
    """values: (replications, samples). Quantiles by NumPy's default (linear) method over the
    replications at each sample, leaving NaNs out; a sample with no number gives NaN."""
    values = np.asarray(values, dtype=float)
    if values.ndim != 2:
        raise ValueError(f"expected (replications, samples), got shape {values.shape}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "All-NaN slice": NaN is the answer
        median = np.nanquantile(values, 0.5, axis=0)
        bands = {}
        for c in coverages:
            if not 0 < c < 1:
                raise ValueError(f"coverage {c} is not between 0 and 1")
            # Rounded so that 0.9 asks for the 5 % quantile itself, not 0.04999999999999999.
            levels = [round((1 - c) / 2, 12), round((1 + c) / 2, 12)]
            low, high = np.nanquantile(values, levels, axis=0)
            bands[c] = (low, high)
    return Bands(median, bands)
