#include "models/metrics/paired_difference.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace wfsim::model {

PairedDifference paired_difference(std::span<const double> baseline,
                                   std::span<const double> option, double confidence) {
    if (baseline.size() != option.size()) {
        throw std::invalid_argument("paired_difference: the runs have different lengths");
    }
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    PairedDifference result{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 0};
    // Two passes (means, then squared deviations) rather than a running sum of squares, which
    // loses precision when the differences are small beside the values, as they are under
    // common random numbers.
    double sum_base = 0.0, sum_option = 0.0;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < baseline.size(); ++i) {
        if (std::isnan(baseline[i]) || std::isnan(option[i])) continue;
        sum_base += baseline[i];
        sum_option += option[i];
        ++n;
    }
    result.pairs = n;
    if (n == 0) return result;
    result.baseline_mean = sum_base / static_cast<double>(n);
    result.option_mean = sum_option / static_cast<double>(n);
    double sum_difference = 0.0;
    for (std::size_t i = 0; i < baseline.size(); ++i) {
        if (std::isnan(baseline[i]) || std::isnan(option[i])) continue;
        sum_difference += option[i] - baseline[i];
    }
    result.difference = sum_difference / static_cast<double>(n);
    if (n == 1) return result;
    double squares = 0.0;
    for (std::size_t i = 0; i < baseline.size(); ++i) {
        if (std::isnan(baseline[i]) || std::isnan(option[i])) continue;
        const double deviation = option[i] - baseline[i] - result.difference;
        squares += deviation * deviation;
    }
    result.sd = std::sqrt(squares / static_cast<double>(n - 1));
    const boost::math::students_t t(static_cast<double>(n - 1));
    const double half_width = boost::math::quantile(boost::math::complement(t, (1.0 - confidence) / 2.0)) *
                              result.sd / std::sqrt(static_cast<double>(n));
    result.ci_low = result.difference - half_width;
    result.ci_high = result.difference + half_width;
    return result;
}

PairedDifference paired_difference(const output::TargetResult& baseline,
                                   const output::TargetResult& option, double confidence) {
    const std::vector<double> before(baseline.met.begin(), baseline.met.end());
    const std::vector<double> after(option.met.begin(), option.met.end());
    return paired_difference(before, after, confidence);
}

}  // namespace wfsim::model
