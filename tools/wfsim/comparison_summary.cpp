#include "tools/wfsim/comparison_summary.hpp"

#include <algorithm>
#include <cmath>

namespace wfsim::cli {

namespace {

const std::vector<std::string> kWatchedMetrics = {"cost_cumulative", "agency_share",
                                                  "vacancy_rate", "turnover_rate_12m",
                                                  "mean_caseload"};

void add_once(std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

void print_difference(std::FILE* out, double difference, double low, double high,
                      std::int64_t pairs) {
    if (pairs == 0) {
        std::fprintf(out, " %12s %25s\n", "-", "(no values)");
    } else if (std::isnan(low)) {
        std::fprintf(out, " %+12.4g %25s\n", difference, "(too few replications)");
    } else {
        std::fprintf(out, " %+12.4g %+12.4g to %+9.4g\n", difference, low, high);
    }
}

}  // namespace

std::vector<std::string> comparison_metrics(const output::RunData& run) {
    std::vector<std::string> metrics;
    for (const output::TargetResult& t : run.targets) add_once(metrics, t.metric);
    // A watched metric the scenario leaves at zero throughout (costs without a costs: section)
    // would only add rows of zeros.
    const auto moves = [&](const std::string& name) {
        if (!run.comparison) return false;
        return std::any_of(run.comparison->metrics.begin(), run.comparison->metrics.end(),
                           [&](const output::MetricDifference& d) {
                               return d.metric == name &&
                                      (d.baseline_mean != 0.0 || d.option_mean != 0.0);
                           });
    };
    for (const std::string& name : kWatchedMetrics) {
        if (moves(name)) add_once(metrics, name);
    }
    return metrics;
}

void print_target_comparison(std::FILE* out, const output::RunData& run) {
    if (!run.comparison || run.targets.empty()) return;
    const output::Comparison& c = *run.comparison;
    std::fprintf(out,
                 "Targets: chance of meeting each, and the difference from %s "
                 "(paired replications, 95 %% interval):\n",
                 c.baseline.c_str());
    std::fprintf(out, "%-28s %-20s %8s %12s %25s\n", "target", "option", "P(met)",
                 ("vs " + c.baseline).c_str(), "95% interval");
    for (const output::TargetResult& t : run.targets) {
        std::fprintf(out, "%-28s %-20s %8.3f\n", t.name.c_str(), c.baseline.c_str(),
                     t.probability);
        for (const output::TargetDifference& d : c.targets) {
            if (d.target != t.name) continue;
            std::fprintf(out, "%-28s %-20s %8.3f", "", d.option.c_str(), d.probability);
            print_difference(out, d.difference, d.ci_low, d.ci_high, d.pairs);
        }
    }
}

void print_metric_comparison(std::FILE* out, const output::RunData& run,
                             std::span<const std::string> metrics) {
    if (!run.comparison) return;
    const output::Comparison& c = *run.comparison;
    std::fprintf(out,
                 "Metrics at the compared dates: each option's mean, and the difference from %s "
                 "(paired replications, 95 %% interval):\n",
                 c.baseline.c_str());
    int width = 28;
    for (const std::string& metric : metrics) width = std::max(width, static_cast<int>(metric.size()));
    std::fprintf(out, "%-*s %-10s %-20s %12s %12s %25s\n", width, "metric", "date", "option", "mean",
                 ("vs " + c.baseline).c_str(), "95% interval");
    for (const std::string& metric : metrics) {
        std::vector<std::string> dates;
        for (const output::MetricDifference& d : c.metrics) {
            if (d.metric == metric) add_once(dates, d.date);
        }
        for (const std::string& date : dates) {
            bool first = true;
            for (const output::MetricDifference& d : c.metrics) {
                if (d.metric != metric || d.date != date) continue;
                if (first) {
                    std::fprintf(out, "%-*s %-10s %-20s %12.4g\n", width, metric.c_str(), date.c_str(),
                                 c.baseline.c_str(), d.baseline_mean);
                    first = false;
                }
                std::fprintf(out, "%-*s %-10s %-20s %12.4g", width, "", "", d.option.c_str(),
                             d.option_mean);
                print_difference(out, d.difference, d.ci_low, d.ci_high, d.pairs);
            }
        }
    }
}

}  // namespace wfsim::cli
