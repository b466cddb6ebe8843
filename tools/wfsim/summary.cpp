#include "tools/wfsim/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "tools/report/quantiles.hpp"

namespace wfsim::cli {

Band band_of(std::vector<double> values) {
    report::sort_without_nan(values);
    Band band;
    band.count = values.size();
    if (values.empty()) {
        band.mean = band.p5 = band.p95 = std::nan("");
        return band;
    }
    band.mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
    band.p5 = report::quantile_of_sorted(values, 0.05);
    band.p95 = report::quantile_of_sorted(values, 0.95);
    return band;
}

void print_summary(std::FILE* out, const output::SeriesTable& series,
                   std::span<const std::string> metrics, std::size_t sample) {
    std::fprintf(out, "%-32s %12s %12s %12s\n", "metric", "mean", "5%", "95%");
    for (const std::string& name : metrics) {
        const std::size_t m = series.index_of(name);
        std::vector<double> values;
        values.reserve(series.replications());
        for (std::size_t r = 0; r < series.replications(); ++r) {
            values.push_back(series.at(m, r, sample));
        }
        const Band b = band_of(std::move(values));
        std::fprintf(out, "%-32s %12.4g %12.4g %12.4g", name.c_str(), b.mean, b.p5, b.p95);
        if (b.count < series.replications()) {
            std::fprintf(out, "  (%zu of %zu replications)", b.count, series.replications());
        }
        std::fputc('\n', out);
    }
}

void print_targets(std::FILE* out, const std::vector<output::TargetResult>& targets) {
    if (targets.empty()) return;
    std::fprintf(out, "Targets, across replications:\n");
    std::fprintf(out, "%-40s %12s %21s\n", "target", "P(met)", "95% interval");
    for (const output::TargetResult& t : targets) {
        std::fprintf(out, "%-40s %12.3f %10.3f - %-8.3f\n", t.name.c_str(), t.probability,
                     t.ci_low, t.ci_high);
    }
}

}  // namespace wfsim::cli
