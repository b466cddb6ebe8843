// The targets on a chart over time: each target on the chart's metric as a dashed line at its
// value, with its date (a vertical line) or its period (a shaded span). The fan charts and the
// options' charts mark targets alike, with the classes line.target-line[data-target],
// line.target-date and rect.target-period.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "tools/report/summaries.hpp"
#include "tools/report/svg_canvas.hpp"

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

namespace svg {

// The period's shading, drawn first so that the grid and the series show over it.
std::string target_period(const Frame& f, const TargetMarker& t);

// The value's line and label, and the date's line and label, drawn last, over the series.
std::string target_overlay(const Frame& f, const TargetMarker& t, const engine::Date& start);

}  // namespace svg

}  // namespace wfsim::report
