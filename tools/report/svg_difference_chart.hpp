// The paired differences of one metric as inline SVG: at each compared date, each option's
// mean difference from the baseline (a marker) with its 95 % interval (whiskers from ci_low to
// ci_high), side by side in the options' colours and markers (option_style.hpp), over a line
// at zero: the baseline. Stable classes and data attributes: svg.difference-chart
// [data-metric][data-dates], line.zero-line, line.difference-interval[data-option][data-date]
// [data-low][data-high], path.difference-point[data-option][data-date][data-difference].
#pragma once

#include <span>
#include <string>

#include "tools/report/comparison_model.hpp"

namespace wfsim::report {

// `dates` in time order, each with the options in the same order; option i is drawn in
// option_style(i + 1), the baseline having style 0. A difference with no pairs is left out;
// one with no interval (a single pair) gets its marker alone.
std::string svg_difference_chart(const std::string& metric, const std::string& units,
                                 const std::string& baseline, std::span<const DifferencesAt> dates);

}  // namespace wfsim::report
