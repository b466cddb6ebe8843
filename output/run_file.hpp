// A run file: one HDF5 file holding a simulation run's time series and the metadata needed to
// reproduce it. The layout (documented in output/run_layout.hpp) follows the netCDF-4 dimension-
// scale conventions so that h5py, netCDF and xarray readers see `time` and `replication`
// coordinates without any wfsim code.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/comparison_results.hpp"
#include "output/record_table.hpp"
#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::output {

struct RunMetadata {
    std::string wfsim_version;
    std::uint64_t seed = 0;
    std::string scenario_name;
    std::string scenario_yaml;  // the input text, verbatim
    std::string start_date;     // ISO "YYYY-MM-DD"
    double horizon_days = 0;
    double interval_days = 0;
};

struct RunData {
    RunMetadata meta;
    std::vector<double> time;       // days since start, length T
    std::vector<std::string> date;  // ISO date of each sample, length T
    SeriesTable series;             // replications() gives the replication count
    // An optional log of individual occurrences, whose columns the model chooses; stored as
    // /events only when present. The initialiser lets callers leave it out of a braced list.
    std::optional<RecordTable> events = std::nullopt;
    // The scenario's targets, judged; stored as /targets only when there are any.
    std::vector<TargetResult> targets = {};
    // A comparison of policy options (`wfsim compare`), whose baseline the fields above hold;
    // stored as /options and /comparison only when present.
    std::optional<Comparison> comparison = std::nullopt;
};

class OutputError : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

// Writes atomically: to "<out>.tmp-<pid>" in the same directory, then rename() into place only
// once complete and closed; on any failure the temp file is removed, nothing new is left at `out`,
// and OutputError is thrown with a one-line message naming the path and what failed.
void write_run(const std::filesystem::path& out, const RunData& run);

// Reads a file written by write_run; throws OutputError (naming the path) if it is missing,
// unreadable or not a wfsim run file.
RunData read_run(const std::filesystem::path& in);

}  // namespace wfsim::output
