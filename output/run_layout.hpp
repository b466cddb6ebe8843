// The names that make up the run-file format "wfsim-run-1", shared by the writer and the reader
// so the two cannot drift apart. The layout, for T samples, R replications:
//
//   /time          float64 [T]   days since start; dimension scale "time", CF `units` so
//                                netCDF/xarray decode it to dates
//   /replication   int64 [R]     0..R-1; dimension scale "replication"
//   /date          string [T]    ISO date of each sample; a plain variable along `time`
//   /series/time, /series/replication
//                                the same two scales again, with the same values and
//                                attributes, inside the group: xarray and netCDF take a
//                                group's coordinates from that group only, so
//                                open_dataset(group="series") gets dates this way
//   /series/<m>    float64 [R,T] one per metric, deflate-compressed, `units` and `description`
//                                attributes, scales /series/replication and /series/time
//                                attached; the metrics are the names in the root attribute
//                                `metrics`, never "time" or "replication"
//   /  attributes  format, metrics (names in table order), replications, seed, wfsim_version,
//                  scenario_name, scenario_yaml, start_date, horizon_days, interval_days
//   /events        compound [N]  optional: present only when the run kept an event log. One
//                                element per record, a member per column in column order:
//                                float64, int64, uint32, or an HDF5 enum over uint8 (up to 256
//                                labels) or uint16 whose member names are the labels and whose
//                                values are 0..n-1. Chunked (at most 1 MiB a chunk), shuffled
//                                and deflate-compressed; contiguous when empty. Attributes
//                                `<column>_units` and `<column>_description` for every column.
//                                Which columns there are is the model's choice, not the format's.
//                                Its one axis has the dimension scale /event.
//   /event         float32 [N]   with /events only: netCDF's "dimension but not a variable"
//                                (NAME starting kNotAVariable, no data written), which netCDF
//                                readers need on every axis. netCDF-C (the netcdf4 engine)
//                                does not read compound datasets it did not write and leaves
//                                /events out; h5py and h5netcdf read it.
//   /targets       group         optional: present only when the scenario has targets.
//                                Attribute `names` lists them in scenario order; one subgroup
//                                /targets/<name> each, with attributes name, metric, op (">="
//                                or "<="), value, kind ("by", "throughout", "average", "for"),
//                                by / from / to (ISO dates, those of the kind), for_days (for
//                                "for"), probability (share of replications that met it),
//                                ci_low, ci_high (its 95 % Wilson interval), and datasets
//                                met uint8 [R] (1 = met) and first_met_days float64 [R] (the
//                                first sample time at which the metric met the condition; for
//                                "for", the sample completing the first sustained span; NaN
//                                if never), both along /replication (the root's: a netCDF
//                                group sees its parents' dimensions).
//   /options       group         optional: present only in a comparison (`wfsim compare`),
//                                where the root's series and targets are the baseline's (the
//                                scenario as written). Attributes `names` (the other options, in
//                                scenario order), `baseline` ("base") and common_random_numbers
//                                (1: replication i of every option had the same streams; 0:
//                                each option had its own seed). One subgroup /options/<name>
//                                each, with attributes name, description and settings (the
//                                option's "path: value" lines), and its own series/<m> and
//                                targets/<t>, laid out as the root's (series/ with its own
//                                time and replication scales, targets/ along /replication).
//   /comparison    group         with /options. Attribute `baseline`. Two tables, each stored
//                                as one 1-D dataset per column (pandas.DataFrame({c: g[c][:]})):
//                                metrics: one row per option, metric and compared date (each
//                                target's judging date and the horizon): option, metric, date
//                                (strings), time_days, baseline_mean, option_mean, difference
//                                (mean of option - baseline per replication), difference_sd,
//                                ci_low, ci_high (95 % Student-t), pairs (int64);
//                                targets (when the scenario has targets): option, target,
//                                baseline_probability, probability, difference, ci_low,
//                                ci_high, pairs.
//                                Every column of /comparison/metrics runs along the dimension
//                                /comparison/metrics_row, every one of /comparison/targets along
//                                /comparison/targets_row: dimensions that are not variables,
//                                like /event, as netCDF readers need one on every axis. They
//                                sit beside the tables, not in them, so a table group holds
//                                only its columns and the pandas line above reads it as is;
//                                xarray opens group="comparison/metrics" as a Dataset along
//                                metrics_row.
//
// Every string is variable-length UTF-8. A change to any of this is a new format name; /events
// (with /event), /targets, /options, /comparison (with its row dimensions) and the series
// groups' own scales are additions that readers unaware of them ignore, so they keep the name.
//
// Reading /events with h5py and pandas (enum members come back as codes; h5py keeps the labels
// in the dtype, and check_enum_dtype returns them as {label: code}):
//
//   import h5py, pandas as pd
//   with h5py.File("run.h5") as f:
//       ds = f["events"]
//       events = pd.DataFrame(ds[:])
//       for name in ds.dtype.names:
//           labels = h5py.check_enum_dtype(ds.dtype[name])
//           if labels:
//               events[name] = pd.Categorical.from_codes(
//                   events[name], sorted(labels, key=labels.get))
//       units = {name: ds.attrs[name + "_units"] for name in ds.dtype.names}
#pragma once

namespace wfsim::output::layout {

inline constexpr char kFormatName[] = "wfsim-run-1";

// Datasets and groups.
inline constexpr char kTime[] = "time";
inline constexpr char kReplication[] = "replication";
inline constexpr char kDate[] = "date";
inline constexpr char kSeriesGroup[] = "series";
inline constexpr char kEvents[] = "events";
inline constexpr char kEventDimension[] = "event";
inline constexpr char kTargetsGroup[] = "targets";
inline constexpr char kOptionsGroup[] = "options";
inline constexpr char kComparisonGroup[] = "comparison";
inline constexpr char kComparisonMetrics[] = "metrics";
inline constexpr char kComparisonTargets[] = "targets";
// The tables' row dimensions, in /comparison beside the tables rather than in them, so that a
// table group holds its columns and nothing else.
inline constexpr char kComparisonMetricsRow[] = "metrics_row";
inline constexpr char kComparisonTargetsRow[] = "targets_row";

// Attributes of /options and its subgroups.
inline constexpr char kOptionNames[] = "names";
inline constexpr char kBaseline[] = "baseline";
inline constexpr char kCommonRandomNumbers[] = "common_random_numbers";
inline constexpr char kOptionSettings[] = "settings";

// Attributes of /targets and its subgroups, and the subgroups' datasets.
inline constexpr char kTargetNames[] = "names";
inline constexpr char kTargetMet[] = "met";
inline constexpr char kTargetFirstMet[] = "first_met_days";

// Root attributes.
inline constexpr char kFormat[] = "format";
inline constexpr char kMetrics[] = "metrics";
inline constexpr char kReplications[] = "replications";
inline constexpr char kSeed[] = "seed";
inline constexpr char kWfsimVersion[] = "wfsim_version";
inline constexpr char kScenarioName[] = "scenario_name";
inline constexpr char kScenarioYaml[] = "scenario_yaml";
inline constexpr char kStartDate[] = "start_date";
inline constexpr char kHorizonDays[] = "horizon_days";
inline constexpr char kIntervalDays[] = "interval_days";

// Dataset attributes.
inline constexpr char kUnits[] = "units";
inline constexpr char kDescription[] = "description";
inline constexpr char kLongName[] = "long_name";
inline constexpr char kCalendar[] = "calendar";

// The NAME of a dimension scale that is a netCDF dimension but not a netCDF variable; netCDF-C
// and h5netcdf recognise the phrase (netCDF-C follows it with the length in 10 characters).
inline constexpr char kNotAVariable[] = "This is a netCDF dimension but not a netCDF variable.";

// Attributes of a record dataset (/events), one pair per column: "<column>_units" and
// "<column>_description". No column's pair can collide with another's, as the suffixes differ.
inline constexpr char kColumnUnitsSuffix[] = "_units";
inline constexpr char kColumnDescriptionSuffix[] = "_description";

}  // namespace wfsim::output::layout
