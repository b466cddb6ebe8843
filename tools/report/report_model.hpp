// Everything a report shows, computed once from a run file: the quantiles of each key metric
// across replications at every sample (the fan charts and the key-metrics table read the same
// numbers), and each target's outcome. The terminal table and the HTML sections only format it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "output/run_file.hpp"
#include "tools/report/report_selection.hpp"

namespace wfsim::report {

// One metric across replications, per sample. Where no replication has a value (NaN in all),
// every quantile is NaN and count is 0.
struct MetricBands {
    std::string metric;
    std::string units;  // as the run file gives them ("1" for a share)
    std::string description;
    std::vector<double> p5, p25, p50, p75, p95;
    std::vector<std::size_t> count;  // replications with a value (NaN ones are left out)
};

// The bands of `metric` (an index into `series`) at every sample.
MetricBands metric_bands(const output::SeriesTable& series, std::size_t metric);

struct TargetSummary {
    output::TargetResult result;  // as judged by wfsim run
    std::string condition;        // in words
    std::size_t met = 0;          // replications that met it
    // The median, over the replications that met it, of the first sample date at which the
    // metric met the condition: a sample date, the lower middle one for an even count, so that
    // it is a date some replication reached. Empty if none met it.
    std::string median_date_met;
};

TargetSummary summarise_target(const output::TargetResult& target, const engine::Date& start);

struct ReportModel {
    output::RunMetadata meta;
    std::string run_file;  // the file's name, for the title
    engine::Date start;    // meta.start_date, read
    std::size_t replications = 0;
    std::vector<double> time;       // days since the start, per sample
    std::vector<std::string> date;  // ISO date per sample
    std::vector<TargetSummary> targets;
    std::vector<MetricBands> metrics;  // the key metrics, in the selection's order
    std::vector<ReportDate> dates;     // of the key-metrics table
};

ReportModel build_report_model(const output::RunData& run, const ReportSelection& selection,
                               std::string run_file);

}  // namespace wfsim::report
