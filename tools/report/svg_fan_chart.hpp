// A fan chart as inline SVG: one metric over the run's time, its median across replications as
// a line inside its 50 % and 90 % bands, with the targets on that metric drawn as a horizontal
// line at their value and their date (a vertical line) or period (a shaded span). Scales to its
// container (viewBox, no fixed size). Elements carry stable classes and data attributes
// (svg.fan-chart[data-metric], path.band-90, path.band-50, path.median, line.target-line
// [data-target], line.target-date, rect.target-period) for styling and tests.
#pragma once

#include <span>
#include <string>

#include "engine/calendar.hpp"
#include "tools/report/chart_targets.hpp"
#include "tools/report/summaries.hpp"
#include "tools/report/svg_canvas.hpp"

namespace wfsim::report {

// `time` are the samples' days since `start`, as long as the bands.
std::string svg_fan_chart(const MetricBands& bands, std::span<const double> time,
                          const engine::Date& start, std::span<const TargetMarker> targets);

}  // namespace wfsim::report
