#include "output/quantiles.hpp"

#include <algorithm>
#include <cmath>

namespace wfsim::output {

double quantile_of_sorted(std::span<const double> sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

void sort_without_nan(std::vector<double>& values) {
    std::erase_if(values, [](double v) { return std::isnan(v); });
    std::sort(values.begin(), values.end());
}

}  // namespace wfsim::output
