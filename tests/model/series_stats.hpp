// Per-replication statistics of recorded series for the statistical model tests: tolerances
// are in standard errors of the replication mean.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "models/batch.hpp"

namespace wfsim::model::testing {

inline constexpr double kTolerance = 4.0;  // standard errors

struct Mean {
    double mean = 0.0;
    double se = 0.0;
};

inline Mean mean_of(const std::vector<double>& values) {
    double mean = 0.0;
    for (const double v : values) mean += v;
    mean /= static_cast<double>(values.size());
    double var = 0.0;
    for (const double v : values) var += (v - mean) * (v - mean);
    var /= static_cast<double>(values.size() - 1);
    return {mean, std::sqrt(var / static_cast<double>(values.size()))};
}

// Per replication, the sum of a series over samples [from, to]; then their mean and SE.
inline Mean replication_sums(const BatchResult& r, const std::string& metric, std::size_t from,
                             std::size_t to) {
    const std::size_t m = r.series.index_of(metric);
    std::vector<double> sums;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double sum = 0.0;
        for (std::size_t k = from; k <= to; ++k) sum += r.series.at(m, rep, k);
        sums.push_back(sum);
    }
    return mean_of(sums);
}

// The value of a series at one sample in every replication.
inline std::vector<double> at_sample(const BatchResult& r, const std::string& metric,
                                     std::size_t sample) {
    const std::size_t m = r.series.index_of(metric);
    std::vector<double> values;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        values.push_back(r.series.at(m, rep, sample));
    }
    return values;
}

}  // namespace wfsim::model::testing
