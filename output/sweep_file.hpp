// A sweep file: the results of a study's points (wfsim sweep), whole or a shard of them, in one
// HDF5 file. The layout, for P points in the file (of the study's N), R replications, T samples:
//
//   /point              int64 [P]      the points' indices in the study, ascending; a scale
//   /replication        int64 [R]      0..R-1; a scale
//   /time               float64 [T]    days since start, CF units; a scale
//   /date               string [T]     ISO date of each sample
//   /parameters/<path>  [P]            the point's value of each axis (the parameter's path, or
//                                      "option"): float64 when every value is a number, else
//                                      strings. Attribute `axes` on /parameters, in study order.
//   /series/<m>         float64 [P, R, T]  every replication's series, chunked a point at a time
//                                      and compressed, with `units` and `description`
//   /summary/<m>/<s>    float64 [P, T]  s = mean, p5, p50, p95 across replications (NaN left out)
//   /targets/<name>     group          definition attributes as in a run file; datasets
//                                      met uint8 [P, R], first_met_days float64 [P, R],
//                                      probability, ci_low, ci_high float64 [P] (95 % Wilson)
//   / attributes        format ("wfsim-sweep-1"), fingerprint (of the study and scenario text and
//                       the wfsim version: shards of different studies refuse to merge),
//                       study_name, study_yaml, scenario_yaml, design, streams, seed,
//                       total_points (N), replications, start_date, horizon_days,
//                       interval_days, metrics, wfsim_version
//
// So "the probability of meeting a target against the parameters" is /targets/<t>/probability
// beside /parameters/*, one read each. Written atomically (temporary file, then rename).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::output {

inline constexpr char kSweepFormatName[] = "wfsim-sweep-1";

// What every point of a study shares.
struct SweepHeader {
    std::string fingerprint;
    std::string wfsim_version;
    std::string study_name, study_yaml, scenario_yaml;
    std::string design, streams;  // as the study file says them
    std::uint64_t seed = 0;
    std::int64_t total_points = 0;
    std::size_t replications = 0;
    std::string start_date;
    double horizon_days = 0.0, interval_days = 0.0;
    std::vector<std::string> axes;
    std::vector<SeriesSpec> metrics;
    // The targets' definitions (name, metric, op, value, kind, dates); outcomes are per point.
    std::vector<TargetResult> targets;
    std::vector<double> time;
    std::vector<std::string> date;
};

// One point's results.
struct SweepPoint {
    std::int64_t index = 0;
    std::vector<std::string> values;  // one per axis, as set into the scenario
    SeriesTable series{{}, 0, 0};     // the header's metrics x replications x samples
    std::vector<TargetResult> targets;  // judged, in the header's order
};

class SweepError : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

// The output could not be written (a full disk, a directory that is not there or not
// writable), as against inputs that do not fit together: a runtime failure, not bad input.
class SweepWriteError : public SweepError {
public:
    using SweepError::SweepError;
};

// Writes a sweep file holding exactly `points` (study indices), in any order of write() calls.
class SweepWriter {
public:
    SweepWriter(const std::filesystem::path& out, const SweepHeader& header,
                std::vector<std::int64_t> points);
    ~SweepWriter();
    SweepWriter(const SweepWriter&) = delete;
    SweepWriter& operator=(const SweepWriter&) = delete;

    void write(const SweepPoint& point);
    // Throws SweepError naming the first point never written; then nothing is left at `out`.
    void commit();

    struct State;  // the open file and what is written so far; defined with the writer

private:
    std::unique_ptr<State> state_;
};

class SweepReader {
public:
    explicit SweepReader(const std::filesystem::path& in);
    ~SweepReader();
    SweepReader(SweepReader&&) noexcept;

    const SweepHeader& header() const;
    const std::vector<std::int64_t>& points() const;
    SweepPoint read(std::size_t slot) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Joins sweep files of one study into `out`, points ascending. Refuses (SweepError, one line
// naming the file) files of another study, a point in two files, and points missing from the
// study unless `allow_missing`.
void merge_sweeps(const std::vector<std::filesystem::path>& inputs,
                  const std::filesystem::path& out, bool allow_missing = false);

}  // namespace wfsim::output
