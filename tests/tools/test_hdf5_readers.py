"""The run file that wfsim run writes, read by the tools analysts use: h5py, pandas, and xarray
with both netCDF engines (h5netcdf, and netcdf4, i.e. netCDF-C), at the root, in /series and in
/targets/<name>. Every series must come back with dims (replication, time) and its values bit
for bit, `time` as dates from its CF units, `units` and `description` as attributes, /date as
strings; and the README's pandas and xarray examples must run as printed.

    /usr/bin/python3 test_hdf5_readers.py WFSIM_BINARY      (or WFSIM_BINARY in the environment)
"""

import os
import re
import subprocess
import sys
import tempfile
import unittest
import warnings

SOURCE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
README = os.path.join(SOURCE_DIR, "README.md")
if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
    WFSIM = sys.argv.pop(1)
else:
    WFSIM = os.environ.get("WFSIM_BINARY", "")

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


def run_wfsim(folder, name, *flags):
    scenario = os.path.join(folder, "readers.yaml")
    with open(scenario, "w", encoding="utf-8") as f:
        f.write(SCENARIO)
    out = os.path.join(folder, name)
    done = subprocess.run([WFSIM, "run", scenario, "-q", "-o", out, *flags],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"wfsim run failed: {done.stderr}")
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


class RunFileReaders(unittest.TestCase):
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
            cls.series_attrs = {m: {k: text(v) for k, v in f["series/" + m].attrs.items()
                                    if k in ("units", "description")} for m in cls.metrics}
            cls.time = f["time"][...]
            cls.dates = list(f["date"].asstr()[...])
            cls.root_attrs = dict(f.attrs)
            cls.targets = {}
            for name in f["targets"].attrs["names"]:
                g = f["targets"][name]
                cls.targets[name] = (dict(g.attrs), g["met"][...], g["first_met_days"][...])
        cls.samples = len(cls.time)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

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
        for engine in ENGINES:
            ds = open_xr(self.path, engine, group="series")
            raw = open_xr(self.path, engine, group="series", decode_times=False,
                          decode_timedelta=False)
            self.assertEqual(set(ds.data_vars), set(self.metrics), engine)
            self.assertEqual(set(ds.coords), {"time", "replication"}, engine)
            self.check_time(ds, engine)
            self.assertEqual(list(ds["replication"].values), list(range(REPLICATIONS)), engine)
            for m in self.metrics:
                v = ds[m]
                where = f"{engine}: {m}"
                self.assertEqual(v.dims, ("replication", "time"), where)
                self.assertTrue(same(raw[m].values, self.series[m]), where)
                if np.issubdtype(v.dtype, np.timedelta64):
                    # CF: a quantity in "days" is a duration, so xarray decodes it to one
                    # (mean_days_to_allocation); the same days, with NaN as NaT.
                    self.assertEqual(v.encoding["units"], "days", where)
                    days = v.values / np.timedelta64(1, "D")
                    np.testing.assert_allclose(days, self.series[m], rtol=0, atol=1e-9,
                                               err_msg=where)
                    self.assertEqual(v.attrs["description"], self.series_attrs[m]["description"])
                else:
                    self.assertEqual(v.dtype, np.float64, where)
                    self.assertTrue(same(v.values, self.series[m]), where)
                    self.assertEqual(v.attrs, self.series_attrs[m], where)
            # A series by date, as an analyst would take it.
            share = ds["agency_share"].sel(time=slice("2017-01-01", "2017-12-31"))
            self.assertEqual(share.sizes["time"], 12, engine)

    def test_targets_groups(self):
        for engine in ENGINES:
            top = open_xr(self.path, engine, group="targets")
            self.assertEqual(list(top.attrs["names"]), list(self.targets), engine)
            for name, (attrs, met, first) in self.targets.items():
                ds = open_xr(self.path, engine, group="targets/" + name)
                where = f"{engine}: {name}"
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


def readme_python_blocks():
    with open(README, encoding="utf-8") as f:
        return re.findall(r"```python\n(.*?)```", f.read(), flags=re.S)


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
