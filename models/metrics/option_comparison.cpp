#include "models/metrics/option_comparison.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/metrics/paired_difference.hpp"
#include "models/metrics/target_judging.hpp"

namespace wfsim::model {

namespace {

// The last sample whose day is on or before `days` (the first if none is), as `by` targets
// are judged.
std::size_t sample_at(std::span<const double> times, double days) {
    const auto after = std::upper_bound(times.begin(), times.end(), days,
                                        [](double d, double t) { return d < sample_day(t); });
    return after == times.begin() ? 0 : static_cast<std::size_t>(after - times.begin()) - 1;
}

double judged_at(const Target& target, double horizon_days) {
    switch (target.kind) {
        case TargetKind::By: return target.by_days;
        case TargetKind::Throughout:
        case TargetKind::Average: return target.to_days;
        case TargetKind::Sustained: return horizon_days;
    }
    return horizon_days;
}

void require_same_shape(const output::SeriesTable& baseline, const output::OptionRun& option) {
    const output::SeriesTable& s = option.series;
    if (s.metrics() != baseline.metrics() || s.replications() != baseline.replications() ||
        s.samples() != baseline.samples()) {
        throw std::invalid_argument("option '" + option.name +
                                    "' has results of another shape than the baseline's");
    }
    for (std::size_t m = 0; m < s.metrics(); ++m) {
        if (s.specs()[m].name != baseline.specs()[m].name) {
            throw std::invalid_argument("option '" + option.name + "' records '" +
                                        s.specs()[m].name + "' where the baseline records '" +
                                        baseline.specs()[m].name + "'");
        }
    }
}

}  // namespace

std::vector<std::size_t> comparison_samples(const std::vector<Target>& targets,
                                            std::span<const double> times) {
    if (times.empty()) return {};
    const double horizon = times.back();
    std::vector<std::size_t> samples{times.size() - 1};
    for (const Target& t : targets) samples.push_back(sample_at(times, judged_at(t, horizon)));
    std::sort(samples.begin(), samples.end());
    samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
    return samples;
}

void compare_with_baseline(output::Comparison& comparison, const output::SeriesTable& baseline,
                           const std::vector<output::TargetResult>& baseline_targets,
                           std::span<const double> times, std::span<const std::string> dates,
                           std::span<const std::size_t> samples) {
    comparison.metrics.clear();
    comparison.targets.clear();
    for (const output::OptionRun& option : comparison.options) {
        require_same_shape(baseline, option);
        for (std::size_t m = 0; m < baseline.metrics(); ++m) {
            for (const std::size_t sample : samples) {
                const PairedDifference d =
                    paired_difference(baseline.across_replications(m, sample),
                                      option.series.across_replications(m, sample));
                comparison.metrics.push_back({option.name, baseline.specs()[m].name,
                                              dates[sample], times[sample], d.baseline_mean,
                                              d.option_mean, d.difference, d.sd, d.ci_low,
                                              d.ci_high, d.pairs});
            }
        }
        if (option.targets.size() != baseline_targets.size()) {
            throw std::invalid_argument("option '" + option.name +
                                        "' was judged against other targets");
        }
        for (std::size_t t = 0; t < baseline_targets.size(); ++t) {
            const PairedDifference d =
                paired_difference(baseline_targets[t], option.targets[t]);
            comparison.targets.push_back({option.name, baseline_targets[t].name,
                                          baseline_targets[t].probability,
                                          option.targets[t].probability, d.difference, d.ci_low,
                                          d.ci_high, d.pairs});
        }
    }
}

}  // namespace wfsim::model
