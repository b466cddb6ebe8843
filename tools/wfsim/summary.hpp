// The terminal summary of a run: each key metric at the horizon, as the mean over
// replications and the 5-95 % band between replications.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::cli {

struct Band {
    double mean = 0.0;
    double p5 = 0.0;
    double p95 = 0.0;
    std::size_t count = 0;  // replications with a value (NaN ones are left out)
};

// Linear-interpolation quantile (Hyndman-Fan type 7) of the non-NaN values.
Band band_of(std::vector<double> values);

void print_summary(std::FILE* out, const output::SeriesTable& series,
                   std::span<const std::string> metrics, std::size_t sample);

// Each target: the probability of meeting it and its 95 % interval; nothing without targets.
void print_targets(std::FILE* out, const std::vector<output::TargetResult>& targets);

}  // namespace wfsim::cli
