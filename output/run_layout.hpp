// The names that make up the run-file format "wfsim-run-1", shared by the writer and the reader
// so the two cannot drift apart. The layout, for T samples, R replications:
//
//   /time          float64 [T]   days since start; dimension scale "time", CF `units` so
//                                netCDF/xarray decode it to dates
//   /replication   int64 [R]     0..R-1; dimension scale "replication"
//   /date          string [T]    ISO date of each sample; a plain variable along `time`
//   /series/<m>    float64 [R,T] one per metric, deflate-compressed, `units` and `description`
//                                attributes, scales /replication and /time attached
//   /  attributes  format, metrics (names in table order), replications, seed, wfsim_version,
//                  scenario_name, scenario_yaml, start_date, horizon_days, interval_days
//
// Every string is variable-length UTF-8. A change to any of this is a new format name.
#pragma once

namespace wfsim::output::layout {

inline constexpr char kFormatName[] = "wfsim-run-1";

// Datasets and groups.
inline constexpr char kTime[] = "time";
inline constexpr char kReplication[] = "replication";
inline constexpr char kDate[] = "date";
inline constexpr char kSeriesGroup[] = "series";

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

}  // namespace wfsim::output::layout
