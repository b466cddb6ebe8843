#include "tools/report/summaries.hpp"

#include <limits>

#include "tools/report/quantiles.hpp"
#include "tools/report/wording.hpp"

namespace wfsim::report {

MetricBands metric_bands(const output::SeriesTable& series, std::size_t metric) {
    const output::SeriesSpec& spec = series.specs().at(metric);
    MetricBands bands{spec.name, spec.units, spec.description, {}, {}, {}, {}, {}, {}};
    const std::size_t samples = series.samples();
    for (auto* band : {&bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) {
        band->resize(samples);
    }
    bands.count.resize(samples);
    std::vector<double> values;
    values.reserve(series.replications());
    for (std::size_t t = 0; t < samples; ++t) {
        series.across_replications(metric, t, values);
        sort_without_nan(values);
        bands.count[t] = values.size();
        const auto q = [&](double p) {
            return values.empty() ? std::numeric_limits<double>::quiet_NaN()
                                  : quantile_of_sorted(values, p);
        };
        bands.p5[t] = q(0.05);
        bands.p25[t] = q(0.25);
        bands.p50[t] = q(0.50);
        bands.p75[t] = q(0.75);
        bands.p95[t] = q(0.95);
    }
    return bands;
}

TargetSummary summarise_target(const output::TargetResult& target, const engine::Date& start) {
    TargetSummary summary{target, condition_text(target), 0, {}};
    std::vector<double> first_met;
    for (std::size_t r = 0; r < target.met.size(); ++r) {
        if (!target.met[r]) continue;
        ++summary.met;
        if (r < target.first_met_days.size()) first_met.push_back(target.first_met_days[r]);
    }
    sort_without_nan(first_met);
    if (!first_met.empty()) {
        const double days = first_met[(first_met.size() - 1) / 2];
        summary.median_date_met = engine::format_iso_date(engine::date_at(start, days));
    }
    return summary;
}

}  // namespace wfsim::report
