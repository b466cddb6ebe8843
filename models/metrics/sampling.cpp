#include "models/metrics/sampling.hpp"

#include <cmath>

namespace wfsim::model {

std::vector<double> sample_times(double horizon_days, double interval_days) {
    // Relative tolerance so that e.g. 120 monthly steps land on a 10-year horizon even if
    // the last product rounds a hair above it.
    const double tolerance = 1e-9 * horizon_days;
    std::vector<double> times;
    for (std::size_t i = 0;; ++i) {
        const double t = static_cast<double>(i) * interval_days;
        if (t > horizon_days + tolerance) break;
        times.push_back(std::fmin(t, horizon_days));
    }
    if (times.back() < horizon_days - tolerance) times.push_back(horizon_days);
    return times;
}

}  // namespace wfsim::model
