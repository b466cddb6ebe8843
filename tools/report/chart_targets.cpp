#include "tools/report/chart_targets.hpp"

#include <algorithm>

#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/number_format.hpp"

namespace wfsim::report {

std::vector<TargetMarker> target_markers(std::span<const TargetSummary> targets,
                                         const std::string& metric, const engine::Date& start) {
    const auto days = [&](const std::string& iso) -> std::optional<double> {
        const std::optional<engine::Date> date = engine::parse_iso_date(iso);
        if (!date) return std::nullopt;
        return engine::days_between(start, *date);
    };
    std::vector<TargetMarker> markers;
    for (const TargetSummary& summary : targets) {
        const output::TargetResult& t = summary.result;
        if (t.metric != metric) continue;
        TargetMarker marker{t.name, t.value, days(t.by), days(t.from), days(t.to)};
        if (!marker.period_from || !marker.period_to) marker.period_from = marker.period_to = {};
        markers.push_back(std::move(marker));
    }
    return markers;
}

namespace svg {

std::string target_period(const Frame& f, const TargetMarker& t) {
    const double x0 = f.x(std::max(*t.period_from, f.t0));
    const double x1 = f.x(std::min(*t.period_to, f.t1));
    return "<rect class=\"target-period\" data-target=\"" + html_escape(t.name) + "\" x=\"" +
           num(x0) + "\" y=\"" + num(kTop) + "\" width=\"" + num(std::max(x1 - x0, 1.0)) +
           "\" height=\"" + num(kHeight - kTop - kBottom) + "\" fill=\"" + colour::kTargetPeriod +
           "\"/>";
}

std::string target_overlay(const Frame& f, const TargetMarker& t, const engine::Date& start) {
    const std::string name = html_escape(t.name);
    std::string svg;
    const double y = f.y(t.value);
    svg += line(kLeft, y, kWidth - kRight, y,
                "class=\"target-line\" data-target=\"" + name + "\" data-value=\"" +
                    format_value(t.value) + "\" stroke=\"" + colour::kTarget +
                    "\" stroke-width=\"2.5\" stroke-dasharray=\"10 5\"");
    svg += text(kWidth - kRight - 4, y - 6, "end", "target-label", colour::kTarget,
                "target " + format_value(t.value), true);
    if (t.date_days) {
        const double x = f.x(std::clamp(*t.date_days, f.t0, f.t1));
        svg += line(x, kTop, x, kHeight - kBottom,
                    "class=\"target-date\" data-target=\"" + name + "\" stroke=\"" +
                        colour::kTargetDate + "\" stroke-width=\"2\" stroke-dasharray=\"6 4\"");
        svg += text(x + 4, kTop + 14, "start", "target-label", colour::kTargetDate,
                    "by " + engine::format_iso_date(engine::date_at(start, *t.date_days)), true);
    }
    return svg;
}

}  // namespace svg

}  // namespace wfsim::report
