// Comparing policy options with the baseline (the scenario as written): every metric at the
// dates the targets are judged, and every target's chance of being met, as paired differences
// (models/metrics/paired_difference.hpp).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "models/scenario/targets.hpp"
#include "output/comparison_results.hpp"
#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::model {

// The samples compared, in time order and each once: for each target the sample it is judged
// at (a `by` date's, a period's last), the horizon's for a sustained target, and always the
// last sample. `times` are the sample times, days since the start.
std::vector<std::size_t> comparison_samples(const std::vector<Target>& targets,
                                            std::span<const double> times);

// Fills comparison.metrics (option x metric x sample, in that order) and comparison.targets
// (option x target) from comparison.options, whose series and targets must match the
// baseline's in names and shape.
void compare_with_baseline(output::Comparison& comparison, const output::SeriesTable& baseline,
                           const std::vector<output::TargetResult>& baseline_targets,
                           std::span<const double> times, std::span<const std::string> dates,
                           std::span<const std::size_t> samples);

}  // namespace wfsim::model
