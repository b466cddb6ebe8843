#include "models/study/designs.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include <boost/random/sobol.hpp>

#include "engine/random_stream.hpp"

namespace wfsim::model {

std::vector<std::vector<std::size_t>> grid_indices(const std::vector<std::size_t>& sizes) {
    std::size_t total = 1;
    for (const std::size_t size : sizes) total *= size;
    std::vector<std::vector<std::size_t>> points;
    points.reserve(total);
    std::vector<std::size_t> index(sizes.size(), 0);
    for (std::size_t p = 0; p < total; ++p) {
        points.push_back(index);
        // Odometer: the last axis turns fastest.
        for (std::size_t i = sizes.size(); i-- > 0;) {
            if (++index[i] < sizes[i]) break;
            index[i] = 0;
        }
    }
    return points;
}

std::vector<std::vector<double>> latin_hypercube(std::size_t n, std::size_t d,
                                                 std::uint64_t seed) {
    engine::RandomStream stream(seed, 0, "study.latin_hypercube");
    std::vector<std::vector<double>> points(n, std::vector<double>(d));
    std::vector<std::size_t> strata(n);
    for (std::size_t k = 0; k < d; ++k) {
        std::iota(strata.begin(), strata.end(), std::size_t{0});
        // Fisher-Yates with our own draws: std::shuffle's algorithm is the library's choice,
        // and the points must be the same on every platform.
        for (std::size_t i = n; i > 1; --i) {
            const auto j = static_cast<std::size_t>(stream.uniform01() * static_cast<double>(i));
            std::swap(strata[i - 1], strata[std::min(j, i - 1)]);
        }
        for (std::size_t i = 0; i < n; ++i) {
            points[i][k] = (static_cast<double>(strata[i]) + stream.uniform01()) /
                           static_cast<double>(n);
        }
    }
    return points;
}

std::vector<std::vector<double>> sobol_points(std::size_t n, std::size_t d, std::uint64_t seed) {
    if (d == 0) return std::vector<std::vector<double>>(n);
    using Sobol = boost::random::sobol;
    constexpr std::size_t kMaxDimension = boost::random::default_sobol_table::max_dimension;
    if (d > kMaxDimension) {
        throw std::invalid_argument("a Sobol sequence has at most " +
                                    std::to_string(kMaxDimension) + " dimensions");
    }
    Sobol sobol(static_cast<std::size_t>(d));
    engine::RandomStream stream(seed, 0, "study.sobol_shift");
    std::vector<std::uint64_t> masks(d);
    for (std::uint64_t& mask : masks) mask = stream.engine()();
    std::vector<std::vector<double>> points(n, std::vector<double>(d));
    constexpr double kScale = 0x1p-64;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < d; ++k) {
            // Boost starts at the sequence's second point; the first is the origin, and without
            // it the first 2^k points are not a net.
            const std::uint64_t raw = i == 0 ? 0 : sobol();
            // The top 53 bits, so that the double is exact and below 1.
            const std::uint64_t bits = (raw ^ masks[k]) & ~std::uint64_t{0x7FF};
            points[i][k] = static_cast<double>(bits) * kScale;
        }
    }
    return points;
}

}  // namespace wfsim::model
