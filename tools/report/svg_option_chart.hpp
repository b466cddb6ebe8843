// One metric over the run's time under every option, as inline SVG: each option's median
// across replications as a line over its 50 % band (the middle half of its replications),
// the baseline's first, each in its own colour and line pattern (option_style.hpp), with the
// targets on the metric marked as on the fan charts. Stable classes and data attributes:
// svg.option-chart[data-metric][data-options], path.option-band[data-option],
// path.option-median[data-option], and the targets' line.target-line, line.target-date,
// rect.target-period.
#pragma once

#include <span>
#include <string>

#include "engine/calendar.hpp"
#include "tools/report/chart_targets.hpp"
#include "tools/report/summaries.hpp"

namespace wfsim::report {

struct OptionBands {
    std::string name;
    const MetricBands* bands;  // as long as the time axis
};

// `options` in drawing order, the baseline first: option i is drawn in option_style(i).
// `time` are the samples' days since `start`.
std::string svg_option_chart(std::span<const OptionBands> options, std::span<const double> time,
                             const engine::Date& start, std::span<const TargetMarker> targets);

}  // namespace wfsim::report
