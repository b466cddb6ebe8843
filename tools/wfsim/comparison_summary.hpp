// The terminal summary of a comparison of policy options: each option's chance of meeting each
// target, and key metrics at the compared dates, beside the baseline's with the paired
// difference and its 95 % interval.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <vector>

#include "output/run_file.hpp"

namespace wfsim::cli {

// The metrics a comparison shows by default: the targets' metrics, then the cumulative cost and
// a few that every strategy watches, unless they are zero throughout; each once.
std::vector<std::string> comparison_metrics(const output::RunData& run);

void print_target_comparison(std::FILE* out, const output::RunData& run);

// `metrics` must be series of the run.
void print_metric_comparison(std::FILE* out, const output::RunData& run,
                             std::span<const std::string> metrics);

}  // namespace wfsim::cli
