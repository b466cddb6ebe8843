// What a report shows of a comparison of policy options (`wfsim compare`), computed once: each
// option's description and settings, its targets' outcomes, the quantiles of the report's key
// metrics across its replications, and its paired differences from the baseline (the scenario
// as written). Differences at the dates the comparison judged come from the file's /comparison
// tables; at other report dates they are worked out the same way, with
// model::paired_difference, from the two runs' replications.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "output/run_file.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/summaries.hpp"

namespace wfsim::report {

struct OptionSummary {
    std::string name;
    std::string description;
    std::vector<std::string> settings;   // "path: value", as the scenario sets them
    std::vector<TargetSummary> targets;  // the run's targets in their order, under this option
    std::vector<MetricBands> metrics;    // the report's key metrics in their order
};

// Every option's paired difference from the baseline in one metric at one sample, in the
// options' order (option - baseline, mean over replications, with its 95 % interval).
struct DifferencesAt {
    std::size_t sample = 0;
    std::string date;  // the sample's, ISO
    std::vector<output::MetricDifference> options;
};

struct MetricComparison {
    std::vector<DifferencesAt> at_report_dates;    // one per ReportModel::dates
    std::vector<DifferencesAt> at_compared_dates;  // the samples the file compared, in time order
};

// The cumulative cost at the last sample: what each option costs over the whole run.
struct CostComparison {
    std::string units;
    DifferencesAt at_horizon;
};

struct ComparisonModel {
    std::string baseline;  // "base"
    bool common_random_numbers = true;
    std::vector<OptionSummary> options;
    std::vector<std::vector<output::TargetDifference>> targets;  // [target][option]
    std::vector<MetricComparison> metrics;                       // per key metric
    std::optional<CostComparison> cost;  // when the file records cost_cumulative
};

// The metric whose value at the horizon is the total cost.
inline constexpr char kTotalCostMetric[] = "cost_cumulative";

// `run` must hold a comparison. Throws output::OutputError when an option lacks a series or a
// target the baseline has, as no file wfsim wrote does.
ComparisonModel build_comparison_model(const output::RunData& run, const ReportSelection& selection,
                                       const engine::Date& start);

}  // namespace wfsim::report
