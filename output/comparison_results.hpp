// What a run file records of a comparison of policy options (`wfsim compare`): each option's
// series and targets beside the baseline's, and their paired differences from the baseline.
// The statistics are computed by models/metrics/option_comparison.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::output {

// One option's run: the same metrics, replications and samples as the baseline's.
struct OptionRun {
    std::string name;  // the group /options/<name>, so no '/'
    std::string description;
    std::vector<std::string> settings;  // "path: value", as the scenario sets them
    SeriesTable series;
    std::vector<TargetResult> targets;
};

// An option's mean of one metric at one date against the baseline's, replication by
// replication: difference = option - baseline, with a 95 % Student-t interval of its mean.
struct MetricDifference {
    std::string option, metric, date;  // date: ISO, of the sample compared
    double time_days = 0.0;            // of that sample, since the start
    double baseline_mean = 0.0, option_mean = 0.0;
    double difference = 0.0, difference_sd = 0.0, ci_low = 0.0, ci_high = 0.0;
    std::int64_t pairs = 0;  // replications where both values are numbers
};

// An option's chance of meeting a target against the baseline's, paired the same way.
struct TargetDifference {
    std::string option, target;
    double baseline_probability = 0.0, probability = 0.0;
    double difference = 0.0, ci_low = 0.0, ci_high = 0.0;
    std::int64_t pairs = 0;
};

struct Comparison {
    std::string baseline = "base";
    // False when each option had its own seed (`wfsim compare --independent`), which only
    // serves to show what common random numbers gain.
    bool common_random_numbers = true;
    std::vector<OptionRun> options;  // the options other than the baseline, in scenario order
    std::vector<MetricDifference> metrics;
    std::vector<TargetDifference> targets;
};

}  // namespace wfsim::output
