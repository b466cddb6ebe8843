"""The run file that wfsim run writes, read by the tools analysts use: h5py, pandas, and xarray
with both netCDF engines (h5netcdf, and netcdf4, i.e. netCDF-C), at the root, in /series and in
/targets/<name>. Every series must come back with dims (replication, time) and its values bit
for bit, `time` as dates from its CF units, `units` and `description` as attributes, /date as
strings; and the README's pandas and xarray examples must run as printed. The file that wfsim
compare writes too: each option's series and targets group by group, and the comparison tables
as xarray Datasets along their row dimensions and as pandas DataFrames, equal to what h5py reads.

    /usr/bin/python3 test_hdf5_readers.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import os
import subprocess
import tempfile
import unittest
import warnings

from readme_testing import readme_python_blocks, wfsim_binary

WFSIM = wfsim_binary()

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

# netCDF4 and cftime were compiled against an older NumPy than Debian's and say so on import;
# the warning is about their build, not the file.
warnings.filterwarnings("ignore", message="numpy.ndarray size changed")
import xarray as xr  # noqa: E402

ENGINES = ("h5netcdf", "netcdf4")
REPLICATIONS = 6
START = "2016-04-01"
# Two years monthly with the three kinds of target; the names are the scenario's own, with a
# space and a "<=" in the unnamed one's, as a reader must take them.
SCENARIO = f"""name: readers
start: {START}
horizon: 2 years
output_interval: 1 month
seed: 11
replications: {REPLICATIONS}
roles:
  social_worker: {{ caseload_cap: 20 }}
establishment:
  social_worker: 60
initial_staff:
  permanent: {{ social_worker: 50 }}
  agency:    {{ social_worker: 5 }}
turnover:
  social_worker: {{ annual_rate: 0.15 }}
recruitment:
  vacancy_fill_time: {{ dist: lognormal, median: 3 months, sigma: 0.6 }}
agency:
  cover_vacancies: true
  fill_time:  {{ dist: exponential, mean: 2 weeks }}
  assignment: {{ dist: exponential, mean: 6 months }}
demand:
  referrals_per_year: 2000
  initial_open_cases: 0
  case_duration: {{ dist: exponential, mean: 6 months }}
allocation:
  policy: least_loaded
targets:
  - {{ name: permanent_95, metric: agency_share, op: "<=", value: 0.05, by: 2017-09-30 }}
  - {{ metric: mean_caseload, op: "<=", value: 16, from: 2016-10-01, to: 2017-09-30, hold: average }}
  - {{ name: never, metric: mean_caseload, op: ">=", value: 1e9, for: 3 months }}
"""


# Two options for wfsim compare; the second has a name and description to be read back as text.
OPTIONS = """options:
  - name: lower_turnover
    description: turnover 10 % instead of 15 %
    set:
      turnover.social_worker.annual_rate: 0.10
  - name: more_posts
    description: 70 posts — ten more
    set:
      establishment.social_worker: 70
"""
OPTION_NAMES = ["lower_turnover", "more_posts"]


def run_wfsim(folder, name, *flags, command="run", text=SCENARIO):
    scenario = os.path.join(folder, "readers.yaml")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(folder, name)
    done = subprocess.run([WFSIM, command, scenario, "-q", "-o", out, *flags],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"wfsim {command} failed: {done.stderr}")
    return out


def open_xr(path, engine, group=None, **options):
    """The dataset, loaded, with any warning raised as an error except xarray's NumPy cast
    warning when it decodes a series in "days" holding NaN to timedelta (NaN becomes NaT)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", message="invalid value encountered in cast",
                                category=RuntimeWarning)
        warnings.filterwarnings("ignore", message="numpy.ndarray size changed")
        with xr.open_dataset(path, engine=engine, group=group, **options) as ds:
            return ds.load()


def text(value):
    return value.decode() if isinstance(value, bytes) else value


def same(a, b):
    """Bit for bit, NaNs included."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and a.tobytes() == b.tobytes()


class GroupChecks:
    """For a test case whose class has `time` (the file's days) and `dates` (/date)."""

    def check_time(self, ds, engine):
        time = ds["time"]
        self.assertEqual(time.dims, ("time",), engine)
        self.assertTrue(np.issubdtype(time.dtype, np.datetime64), f"{engine}: {time.dtype}")
        self.assertEqual(time.encoding["units"], f"days since {START}", engine)
        # Decoded from the CF units: the start plus each sample's days (within a microsecond:
        # two years in nanoseconds is past a float64's integers) ...
        expected = np.datetime64(START, "ns") + np.round(self.time * 86400e9).astype(
            "timedelta64[ns]")
        error = np.abs((time.values - expected) / np.timedelta64(1, "ns"))
        self.assertLessEqual(error.max(), 1000, engine)
        # ... whose calendar days are the /date strings.
        self.assertEqual([str(d) for d in time.values.astype("datetime64[D]")], self.dates,
                         engine)

    def check_series_group(self, path, group, series):
        """`group` (a series group) in each engine: every metric in `series` ({name: (R, T)
        values as h5py reads them}) along (replication, time), bit for bit, with dates."""
        with h5py.File(path, "r") as f:
            attrs = {m: {k: text(v) for k, v in f[group][m].attrs.items()
                         if k in ("units", "description")} for m in series}
        for engine in ENGINES:
            ds = open_xr(path, engine, group=group)
            raw = open_xr(path, engine, group=group, decode_times=False,
                          decode_timedelta=False)
            self.assertEqual(set(ds.data_vars), set(series), f"{engine}: {group}")
            self.assertEqual(set(ds.coords), {"time", "replication"}, f"{engine}: {group}")
            self.check_time(ds, f"{engine}: {group}")
            self.assertEqual(list(ds["replication"].values), list(range(REPLICATIONS)), engine)
            for m, values in series.items():
                v = ds[m]
                where = f"{engine}: {group}/{m}"
                self.assertEqual(v.dims, ("replication", "time"), where)
                self.assertTrue(same(raw[m].values, values), where)
                if np.issubdtype(v.dtype, np.timedelta64):
                    # CF: a quantity in "days" is a duration, so xarray decodes it to one
                    # (mean_days_to_allocation); the same days, with NaN as NaT.
                    self.assertEqual(v.encoding["units"], "days", where)
                    days = v.values / np.timedelta64(1, "D")
                    np.testing.assert_allclose(days, values, rtol=0, atol=1e-9, err_msg=where)
                    self.assertEqual(v.attrs["description"], attrs[m]["description"], where)
                else:
                    self.assertEqual(v.dtype, np.float64, where)
                    self.assertTrue(same(v.values, values), where)
                    self.assertEqual(v.attrs, attrs[m], where)

    def check_targets_groups(self, path, group, targets):
        """`group` (a targets group) in each engine: each of `targets` ({name: (attributes,
        met, first_met_days) as h5py reads them}) along replication, first_met_days as dates."""
        for engine in ENGINES:
            top = open_xr(path, engine, group=group)
            self.assertEqual(list(top.attrs["names"]), list(targets), engine)
            for name, (attrs, met, first) in targets.items():
                ds = open_xr(path, engine, group=f"{group}/{name}")
                where = f"{engine}: {group}/{name}"
                self.assertEqual(dict(ds.sizes), {"replication": REPLICATIONS}, where)
                self.assertEqual(ds["met"].dims, ("replication",), where)
                self.assertEqual(list(ds["met"].values), list(met), where)
                decoded = ds["first_met_days"].values
                self.assertTrue(np.issubdtype(decoded.dtype, np.datetime64), where)
                self.assertEqual(list(np.isnat(decoded)), list(np.isnan(first)), where)
                days = (decoded[~np.isnan(first)] - np.datetime64(START, "ns")) / np.timedelta64(
                    1, "D")
                np.testing.assert_allclose(days, first[~np.isnan(first)], rtol=0, atol=1e-9,
                                           err_msg=where)
                for key, value in attrs.items():
                    got = ds.attrs[key]
                    if isinstance(value, str):
                        self.assertEqual(got, value, f"{where}: {key}")
                    else:
                        self.assertEqual(float(got), float(value), f"{where}: {key}")


def read_targets(group):
    """{name: (attributes, met, first_met_days)} of an h5py targets group."""
    out = {}
    for name in group.attrs["names"]:
        g = group[name]
        out[name] = (dict(g.attrs), g["met"][...], g["first_met_days"][...])
    return out


class RunFileReaders(GroupChecks, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = run_wfsim(cls.tmp.name, "core.h5")
        cls.events_path = run_wfsim(cls.tmp.name, "events.h5", "--events")
        with h5py.File(cls.path, "r") as f:
            cls.metrics = list(f.attrs["metrics"])
            cls.series = {m: f["series/" + m][...] for m in cls.metrics}
            cls.time = f["time"][...]
            cls.dates = list(f["date"].asstr()[...])
            cls.root_attrs = dict(f.attrs)
            cls.targets = read_targets(f["targets"])
        cls.samples = len(cls.time)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_h5py_reads_series_dates_and_attributes(self):
        with h5py.File(self.path, "r") as f:
            self.assertEqual(f["series/agency_share"].shape, (REPLICATIONS, self.samples))
            self.assertEqual(f["date"].asstr()[0], START)
            self.assertEqual(f.attrs["format"], "wfsim-run-1")  # str, not bytes
            self.assertIsInstance(f["series/agency_share"].attrs["units"], str)
            self.assertEqual(list(f["replication"][...]), list(range(REPLICATIONS)))
            # The series group's own coordinates are the root's.
            self.assertTrue(same(f["series/time"][...], f["time"][...]))
            self.assertEqual(list(f["series/replication"][...]), list(range(REPLICATIONS)))
            self.assertEqual(set(f["series"]), set(self.metrics) | {"time", "replication"})

    def test_root_group(self):
        for engine in ENGINES:
            ds = open_xr(self.path, engine)
            self.assertEqual(dict(ds.sizes), {"time": self.samples, "replication": REPLICATIONS},
                             engine)
            self.check_time(ds, engine)
            self.assertEqual(ds["date"].dims, ("time",), engine)
            self.assertEqual([str(d) for d in ds["date"].values], self.dates, engine)
            self.assertEqual(list(ds["replication"].values), list(range(REPLICATIONS)), engine)
            self.assertEqual(ds.attrs["format"], "wfsim-run-1", engine)
            self.assertEqual(list(ds.attrs["metrics"]), self.metrics, engine)
            self.assertEqual(int(ds.attrs["seed"]), 11, engine)
            self.assertEqual(int(ds.attrs["replications"]), REPLICATIONS, engine)
            self.assertEqual(ds.attrs["start_date"], START, engine)
            self.assertEqual(ds.attrs["scenario_yaml"], SCENARIO, engine)

    def test_series_group(self):
        self.check_series_group(self.path, "series", self.series)
        for engine in ENGINES:  # a series by date, as an analyst would take it
            ds = open_xr(self.path, engine, group="series")
            share = ds["agency_share"].sel(time=slice("2017-01-01", "2017-12-31"))
            self.assertEqual(share.sizes["time"], 12, engine)

    def test_targets_groups(self):
        self.check_targets_groups(self.path, "targets", self.targets)
        kinds = {name: a["kind"] for name, (a, _, _) in self.targets.items()}
        self.assertEqual(sorted(kinds.values()), ["average", "by", "for"])

    def test_events_file_root_opens(self):
        with h5py.File(self.events_path, "r") as f:
            events = f["events"][...]
        self.assertGreater(len(events), 0)
        ds = open_xr(self.events_path, "h5netcdf")
        self.assertEqual(ds["events"].dims, ("event",))
        self.assertEqual(ds["events"].values.tobytes(), events.tobytes())
        self.assertEqual(ds["events"].attrs["time_units"], "days")
        self.check_time(ds, "h5netcdf")
        # netCDF-C leaves out compound datasets it did not write itself (layout: /event), but
        # the rest of the file reads as without events.
        nc = open_xr(self.events_path, "netcdf4")
        self.check_time(nc, "netcdf4")
        self.assertEqual([str(d) for d in nc["date"].values], self.dates)
        for engine in ENGINES:
            series = open_xr(self.events_path, engine, group="series")
            self.assertTrue(same(series["agency_share"].values, self.series["agency_share"]))

    def test_pandas_from_xarray(self):
        frame = open_xr(self.path, "h5netcdf", group="series")["vacancies"].to_dataframe()
        self.assertEqual(list(frame.index.names), ["replication", "time"])
        self.assertTrue(same(frame["vacancies"].values,
                             self.series["vacancies"].reshape(-1)))


class ComparisonFileReaders(GroupChecks, unittest.TestCase):
    """The file of wfsim compare: /options/<name>/series and /targets/<t> as the root's, and
    /comparison/metrics and /comparison/targets as tables in xarray and pandas."""

    TABLES = {"metrics": "metrics_row", "targets": "targets_row"}

    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = run_wfsim(cls.tmp.name, "compare.h5", command="compare",
                             text=SCENARIO + OPTIONS)
        with h5py.File(cls.path, "r") as f:
            cls.metrics = list(f.attrs["metrics"])
            cls.time = f["time"][...]
            cls.dates = list(f["date"].asstr()[...])
            cls.options = {}
            for name in f["options"].attrs["names"]:
                g = f["options"][name]
                cls.options[name] = ({m: g["series"][m][...] for m in cls.metrics},
                                     read_targets(g["targets"]), dict(g.attrs))
            # Each table as h5py gives it: {column: array}, strings as bytes or str.
            cls.tables = {t: {c: f["comparison"][t][c][...] for c in f["comparison"][t]}
                          for t in cls.TABLES}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_file_has_both_options_and_both_tables(self):
        self.assertEqual(list(self.options), OPTION_NAMES)
        self.assertEqual(self.options["more_posts"][2]["description"], "70 posts — ten more")
        metrics = self.tables["metrics"]
        self.assertEqual(set(metrics), {"option", "metric", "date", "time_days", "baseline_mean",
                                        "option_mean", "difference", "difference_sd", "ci_low",
                                        "ci_high", "pairs"})
        # Every metric per option at two dates: 2017-09-30, when the first two targets are
        # judged, and the horizon (when the third is).
        self.assertEqual(len(metrics["option"]), 2 * len(self.metrics) * 2)
        self.assertEqual(sorted({text(d) for d in metrics["date"]}),
                         ["2017-09-30", self.dates[-1]])
        self.assertEqual(len(self.tables["targets"]["option"]), 2 * 3)

    def test_root_opens(self):
        for engine in ENGINES:
            ds = open_xr(self.path, engine)
            self.check_time(ds, engine)
            self.assertEqual([str(d) for d in ds["date"].values], self.dates, engine)

    def test_each_options_series_group(self):
        for name, (series, _, _) in self.options.items():
            self.check_series_group(self.path, f"options/{name}/series", series)
        # The options differ from each other (and so from the baseline) where they should.
        first, second = (self.options[n][0]["staff_permanent"] for n in OPTION_NAMES)
        self.assertFalse(same(first, second))

    def test_each_options_targets(self):
        for name, (_, targets, _) in self.options.items():
            self.check_targets_groups(self.path, f"options/{name}/targets", targets)

    def test_option_group_attributes(self):
        for engine in ENGINES:
            ds = open_xr(self.path, engine, group="options")
            self.assertEqual(list(ds.attrs["names"]), OPTION_NAMES, engine)
            self.assertEqual(ds.attrs["baseline"], "base", engine)
            for name, (_, _, attrs) in self.options.items():
                got = open_xr(self.path, engine, group=f"options/{name}").attrs
                self.assertEqual(got["description"], attrs["description"], f"{engine}: {name}")

    def expected_column(self, table, column):
        """The column as h5py reads it, strings as str."""
        values = self.tables[table][column]
        if values.dtype.kind == "O":
            return [text(v) for v in values]
        return values

    def check_column(self, got, table, column, where):
        want = self.expected_column(table, column)
        if isinstance(want, list):
            self.assertEqual([text(v) for v in got], want, where)
        else:
            self.assertEqual(np.asarray(got).dtype, want.dtype, where)
            self.assertTrue(same(got, want), where)

    def test_tables_as_xarray_datasets_along_their_row_dimension(self):
        for engine in ENGINES:
            for table, row in self.TABLES.items():
                group = f"comparison/{table}"
                where = f"{engine}: {group}"
                ds = open_xr(self.path, engine, group=group, decode_times=False)
                rows = len(self.tables[table]["option"])
                self.assertEqual(dict(ds.sizes), {row: rows}, where)
                self.assertEqual(set(ds.data_vars), set(self.tables[table]), where)
                for column in self.tables[table]:
                    self.assertEqual(ds[column].dims, (row,), f"{where}/{column}")
                    self.check_column(ds[column].values, table, column, f"{where}/{column}")
                self.assertIn("description", ds["difference"].attrs, where)
            # time_days carries CF units, so it decodes to each row's date.
            decoded = open_xr(self.path, engine, group="comparison/metrics")["time_days"].values
            self.assertEqual([str(d) for d in decoded.astype("datetime64[D]")],
                             self.expected_column("metrics", "date"), engine)

    def test_tables_as_pandas_dataframes(self):
        with h5py.File(self.path, "r") as f:
            for table in self.TABLES:
                g = f["comparison"][table]
                # The README's line; h5py reads variable-length strings as bytes.
                frame = pd.DataFrame({c: g[c][:] for c in g})
                for column in frame.columns:
                    if frame[column].dtype == object:
                        frame[column] = frame[column].str.decode("utf-8")
                self.assertEqual(set(frame.columns), set(self.tables[table]), table)
                self.assertEqual(len(frame), len(self.tables[table]["option"]), table)
                for column in frame.columns:
                    self.check_column(frame[column].to_numpy(), table, column,
                                      f"{table}/{column}")
                # The same table as xarray's, row for row.
                ds = open_xr(self.path, "h5netcdf", group=f"comparison/{table}",
                             decode_times=False)
                from_xr = ds.to_dataframe().reset_index(drop=True)[list(frame.columns)]
                pd.testing.assert_frame_equal(from_xr, frame, check_dtype=False)
        # An analyst's question: each option's difference in a metric at the horizon.
        metrics = frame_of(self.tables["metrics"])
        horizon = metrics[(metrics["metric"] == "staff_permanent")
                          & (metrics["date"] == self.dates[-1])]
        self.assertEqual(list(horizon["option"]), OPTION_NAMES)
        self.assertTrue((horizon["ci_low"] <= horizon["difference"]).all())
        self.assertTrue((horizon["difference"] <= horizon["ci_high"]).all())


def frame_of(columns):
    return pd.DataFrame({c: [text(v) for v in values] if values.dtype.kind == "O" else values
                         for c, values in columns.items()})


class ReadmeExamples(unittest.TestCase):
    """The README's examples run verbatim on a run file named as the README's (core.h5)."""

    @classmethod
    def setUpClass(cls):
        if not WFSIM:
            raise unittest.SkipTest("give the wfsim binary as the first argument")
        cls.tmp = tempfile.TemporaryDirectory()
        run_wfsim(cls.tmp.name, "core.h5")
        with h5py.File(os.path.join(cls.tmp.name, "core.h5"), "r") as f:
            cls.share = f["series/agency_share"][...]
            cls.dates = list(f["date"].asstr()[...])
            cls.time = f["time"][...]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_block(self, code):
        here = os.getcwd()
        os.chdir(self.tmp.name)
        scope = {}
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="numpy.ndarray size changed")
                exec(compile(code, "README.md", "exec"), scope)  # noqa: S102
        finally:
            os.chdir(here)
        return scope

    def block(self, marker):
        blocks = [b for b in readme_python_blocks() if marker in b]
        self.assertEqual(len(blocks), 1, f"README blocks with {marker!r}")
        return blocks[0]

    def test_pandas_example_is_five_lines_and_gives_a_column_per_replication(self):
        code = self.block('"series/agency_share"')
        self.assertEqual(len(code.strip().splitlines()), 5, code)
        share = self.run_block(code)["share"]
        self.assertIsInstance(share, pd.DataFrame)
        self.assertEqual([d.strftime("%Y-%m-%d") for d in share.index], self.dates)
        self.assertEqual(list(share.columns), list(range(REPLICATIONS)))
        self.assertTrue(same(share.to_numpy(), self.share.T))

    def test_xarray_alternative_is_one_line_and_gives_the_same_table(self):
        code = self.block("xr.open_dataset")
        lines = [line for line in code.strip().splitlines() if not line.startswith("import ")]
        self.assertEqual(len(lines), 1, code)
        share = self.run_block(code)["share"]
        self.assertIsInstance(share, pd.DataFrame)
        self.assertEqual(list(share.columns), list(range(REPLICATIONS)))
        self.assertTrue(same(share.to_numpy(), self.share.T))
        self.assertEqual([d.strftime("%Y-%m-%d") for d in share.index], self.dates)


if __name__ == "__main__":
    unittest.main()
