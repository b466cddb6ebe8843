// A fan chart as inline SVG: one metric over the run's time, its median across replications as
// a line inside its 50 % and 90 % bands, with the targets on that metric drawn as a horizontal
// line at their value and their date (a vertical line) or period (a shaded span). Scales to its
// container (viewBox, no fixed size). Elements carry stable classes and data attributes
// (svg.fan-chart[data-metric], path.band-90, path.band-50, path.median, line.target-line
// [data-target], line.target-date, rect.target-period) for styling and tests.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "tools/report/report_model.hpp"

namespace wfsim::report {

struct TargetMarker {
    std::string name;
    double value = 0.0;
    std::optional<double> date_days;               // "by": judged at this date
    std::optional<double> period_from, period_to;  // a period: judged over it
};

// The markers of the targets on `metric`, in the targets' order.
std::vector<TargetMarker> target_markers(std::span<const TargetSummary> targets,
                                         const std::string& metric, const engine::Date& start);

// `time` are the samples' days since `start`, as long as the bands.
std::string svg_fan_chart(const MetricBands& bands, std::span<const double> time,
                          const engine::Date& start, std::span<const TargetMarker> targets);

// A unit as a reader says it: "share" for the run file's dimensionless "1".
std::string units_text(const std::string& units);

}  // namespace wfsim::report
