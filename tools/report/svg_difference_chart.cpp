#include "tools/report/svg_difference_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "tools/report/axis_ticks.hpp"
#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/option_style.hpp"
#include "tools/report/svg_canvas.hpp"

namespace wfsim::report {

namespace {

using namespace svg;

// Enough digits to check a drawing against its numbers.
std::string exact(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

// Zero and every difference and interval end.
std::pair<double, double> value_range(std::span<const DifferencesAt> dates) {
    double low = 0.0, high = 0.0;
    for (const DifferencesAt& at : dates) {
        for (const output::MetricDifference& d : at.options) {
            if (d.pairs == 0) continue;
            for (const double v : {d.difference, d.ci_low, d.ci_high}) {
                if (!std::isfinite(v)) continue;
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    return {low, high};
}

// The options of a date sit side by side about its position, a fixed share of the space
// between dates apart.
double offset(std::size_t option, std::size_t options) {
    const double spacing = std::min(0.6 / static_cast<double>(options), 0.18);
    return (static_cast<double>(option) - (static_cast<double>(options) - 1) / 2) * spacing;
}

std::string difference(const Frame& f, double x, const output::MetricDifference& d,
                       std::size_t option, const std::string& date) {
    const OptionStyle style = option_style(option + 1);
    const std::string data =
        "data-option=\"" + html_escape(d.option) + "\" data-date=\"" + html_escape(date) + "\"";
    std::string svg;
    if (std::isfinite(d.ci_low) && std::isfinite(d.ci_high)) {
        const std::string stroke =
            std::string("stroke=\"") + style.colour + "\" stroke-width=\"2\"";
        svg += line(x, f.y(d.ci_high), x, f.y(d.ci_low),
                    "class=\"difference-interval\" " + data + " data-low=\"" + exact(d.ci_low) +
                        "\" data-high=\"" + exact(d.ci_high) + "\" " + stroke);
        for (const double end : {d.ci_low, d.ci_high}) {
            svg += line(x - 6, f.y(end), x + 6, f.y(end), "class=\"difference-cap\" " + stroke);
        }
    }
    svg += "<path class=\"difference-point\" " + data + " data-difference=\"" +
           exact(d.difference) + "\" d=\"" + marker_path(style.marker, x, f.y(d.difference), 10) +
           "\" fill=\"" + style.colour + "\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
    return svg;
}

}  // namespace

std::string svg_difference_chart(const std::string& metric, const std::string& units,
                                 const std::string& baseline,
                                 std::span<const DifferencesAt> dates) {
    const auto [low, high] = value_range(dates);
    const ValueAxis values = value_axis(low, high);
    const double n = static_cast<double>(dates.size());
    const Frame f{-0.5, std::max(n, 1.0) - 0.5, values.low, values.high};

    std::string svg =
        open_svg("difference-chart", "data-metric=\"" + html_escape(metric) + "\" data-units=\"" +
                                         html_escape(units) + "\" data-dates=\"" +
                                         std::to_string(dates.size()) + "\"");
    svg += "<title>" + html_escape(metric) + ": each option's mean difference from " +
           html_escape(baseline) +
           ", replication by replication, with its 95 % interval, at the compared dates</title>";
    std::vector<Tick> along;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        along.push_back({static_cast<double>(i), dates[i].date});
    }
    // An ISO date takes about 80 of the plot's 560 units: from 7 dates on they would touch.
    svg += axes(f, values, along, dates.size() >= 7);
    const double zero = f.y(0.0);
    svg += line(
        kLeft, zero, kWidth - kRight, zero,
        std::string("class=\"zero-line\" stroke=\"") + colour::kAxis + "\" stroke-width=\"1.5\"");
    svg += text(kLeft + 4, zero - 6, "start", "zero-label", colour::kAxis, "= " + baseline, true);
    if (dates.empty()) {
        svg += text(kWidth / 2, kHeight / 2, "middle", "no-data", colour::kAxis,
                    "the file compares no dates");
    }
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const DifferencesAt& at = dates[i];
        bool any = false;
        for (std::size_t o = 0; o < at.options.size(); ++o) {
            const output::MetricDifference& d = at.options[o];
            if (d.pairs == 0 || !std::isfinite(d.difference)) continue;
            any = true;
            svg += difference(f, f.x(static_cast<double>(i) + offset(o, at.options.size())), d, o,
                              at.date);
        }
        if (!any) {
            svg += text(f.x(static_cast<double>(i)), kTop + 18, "middle", "no-data", colour::kAxis,
                        "no values");
        }
    }
    svg += text(kLeft, kTop - 12, "start", "units", colour::kAxis,
                "difference from " + baseline + ", " + units_text(units));
    return svg + "</svg>";
}

}  // namespace wfsim::report
