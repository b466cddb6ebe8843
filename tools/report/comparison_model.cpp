#include "tools/report/comparison_model.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/metrics/paired_difference.hpp"

namespace wfsim::report {

namespace {

void require_same_shape(const output::SeriesTable& baseline, const output::OptionRun& option) {
    if (option.series.replications() != baseline.replications() ||
        option.series.samples() != baseline.samples()) {
        throw output::OutputError("option '" + option.name +
                                  "' has other replications or samples than the baseline");
    }
}

std::size_t series_index(const output::OptionRun& option, const std::string& metric) {
    try {
        return option.series.index_of(metric);
    } catch (const std::out_of_range&) {
        throw output::OutputError("option '" + option.name + "' has no series '" + metric + "'");
    }
}

const output::TargetResult& target_under(const output::OptionRun& option,
                                         const std::string& target) {
    const auto found =
        std::find_if(option.targets.begin(), option.targets.end(),
                     [&](const output::TargetResult& t) { return t.name == target; });
    if (found == option.targets.end()) {
        throw output::OutputError("option '" + option.name + "' has no result for target '" +
                                  target + "'");
    }
    return *found;
}

// The option's difference from the baseline in `metric` (the baseline's index) at `sample`:
// the file's, where the comparison judged that sample, else worked out the same way.
output::MetricDifference metric_difference(const output::RunData& run,
                                           const output::OptionRun& option, std::size_t metric,
                                           std::size_t sample) {
    const std::string& name = run.series.specs()[metric].name;
    const std::string& date = run.date[sample];
    for (const output::MetricDifference& d : run.comparison->metrics) {
        if (d.option == option.name && d.metric == name && d.date == date) return d;
    }
    const std::size_t under = series_index(option, name);
    const model::PairedDifference d =
        model::paired_difference(run.series.across_replications(metric, sample),
                                 option.series.across_replications(under, sample));
    return {option.name,  name, date,     run.time[sample], d.baseline_mean, d.option_mean,
            d.difference, d.sd, d.ci_low, d.ci_high,        d.pairs};
}

output::TargetDifference target_difference(const output::RunData& run,
                                           const output::OptionRun& option,
                                           const output::TargetResult& target) {
    for (const output::TargetDifference& d : run.comparison->targets) {
        if (d.option == option.name && d.target == target.name) return d;
    }
    const output::TargetResult& under = target_under(option, target.name);
    const model::PairedDifference d = model::paired_difference(target, under);
    return {option.name,  target.name, target.probability, under.probability,
            d.difference, d.ci_low,    d.ci_high,          d.pairs};
}

DifferencesAt differences_at(const output::RunData& run, std::size_t metric, std::size_t sample) {
    DifferencesAt at{sample, run.date[sample], {}};
    for (const output::OptionRun& option : run.comparison->options) {
        at.options.push_back(metric_difference(run, option, metric, sample));
    }
    return at;
}

// The samples the file compares `metric` at, in time order: those of its /comparison rows.
std::vector<std::size_t> compared_samples(const output::RunData& run, const std::string& metric) {
    std::vector<std::size_t> samples;
    for (const output::MetricDifference& d : run.comparison->metrics) {
        if (d.metric != metric) continue;
        const auto at = std::find(run.date.begin(), run.date.end(), d.date);
        if (at != run.date.end())
            samples.push_back(static_cast<std::size_t>(at - run.date.begin()));
    }
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

OptionSummary summarise_option(const output::RunData& run, const output::OptionRun& option,
                               const ReportSelection& selection, const engine::Date& start) {
    require_same_shape(run.series, option);
    OptionSummary summary{option.name, option.description, option.settings, {}, {}};
    for (const output::TargetResult& target : run.targets) {
        summary.targets.push_back(summarise_target(target_under(option, target.name), start));
    }
    for (const std::string& metric : selection.metrics) {
        summary.metrics.push_back(metric_bands(option.series, series_index(option, metric)));
    }
    return summary;
}

}  // namespace

ComparisonModel build_comparison_model(const output::RunData& run, const ReportSelection& selection,
                                       const engine::Date& start) {
    const output::Comparison& c = *run.comparison;
    ComparisonModel model;
    model.baseline = c.baseline;
    model.common_random_numbers = c.common_random_numbers;
    for (const output::OptionRun& option : c.options) {
        model.options.push_back(summarise_option(run, option, selection, start));
    }
    for (const output::TargetResult& target : run.targets) {
        std::vector<output::TargetDifference>& row = model.targets.emplace_back();
        for (const output::OptionRun& option : c.options) {
            row.push_back(target_difference(run, option, target));
        }
    }
    for (const std::string& name : selection.metrics) {
        const std::size_t metric = run.series.index_of(name);
        MetricComparison& compared = model.metrics.emplace_back();
        for (const ReportDate& date : selection.dates) {
            compared.at_report_dates.push_back(differences_at(run, metric, date.sample));
        }
        for (const std::size_t sample : compared_samples(run, name)) {
            compared.at_compared_dates.push_back(differences_at(run, metric, sample));
        }
    }
    const auto& specs = run.series.specs();
    const auto cost = std::find_if(specs.begin(), specs.end(), [](const output::SeriesSpec& s) {
        return s.name == kTotalCostMetric;
    });
    if (cost != specs.end() && !c.options.empty()) {
        model.cost = CostComparison{
            cost->units, differences_at(run, static_cast<std::size_t>(cost - specs.begin()),
                                        run.time.size() - 1)};
    }
    return model;
}

}  // namespace wfsim::report
