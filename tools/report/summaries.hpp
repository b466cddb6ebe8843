// What a report computes from one run's results (the baseline's, or an option's): the quantiles
// of a metric across replications at every sample, and a target's outcome. Computed once per
// run and metric; the tables and charts only read them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "output/series_table.hpp"
#include "output/target_results.hpp"

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

}  // namespace wfsim::report
