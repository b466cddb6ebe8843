#include "tools/report/svg_fan_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tools/report/axis_ticks.hpp"
#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"

namespace wfsim::report {

namespace {

using namespace svg;

// The value range to show: the 90 % band at every sample and every target's value.
std::pair<double, double> value_range(const MetricBands& bands,
                                      std::span<const TargetMarker> targets) {
    ValueExtent extent;
    for (const auto* band : {&bands.p5, &bands.p50, &bands.p95}) extent.add(*band);
    for (const TargetMarker& target : targets) extent.add(target.value);
    return {extent.low, extent.high};
}

}  // namespace

std::string svg_fan_chart(const MetricBands& bands, std::span<const double> time,
                          const engine::Date& start, std::span<const TargetMarker> targets) {
    const auto [low, high] = value_range(bands, targets);
    const ValueAxis values = value_axis(low, high);
    const double t0 = time.empty() ? 0.0 : time.front();
    const double t1 = time.size() < 2 ? t0 + 1.0 : time.back();
    const Frame f{t0, t1, values.low, values.high};

    const std::string metric = html_escape(bands.metric);
    std::string svg = open_svg("fan-chart", "data-metric=\"" + metric + "\" data-units=\"" +
                                                html_escape(bands.units) + "\" data-samples=\"" +
                                                std::to_string(time.size()) + "\"");
    svg += "<title>" + metric +
           ": median across replications with the bands holding the middle 50 % and 90 % of "
           "them</title>";
    // Back to front: periods shade the background, the grid shows through them, the bands hide
    // the grid, and the targets stay on top.
    for (const TargetMarker& t : targets) {
        if (t.period_from && t.period_to) svg += target_period(f, t);
    }
    svg += axes(f, values, date_ticks(start, t0, t1));
    const std::string band90 = band_path(f, time, bands.p5, bands.p95);
    if (band90.empty()) {
        svg += text(kWidth / 2, kHeight / 2, "middle", "no-data", colour::kAxis,
                    "no replication has a value");
    } else {
        svg += "<path class=\"band-90\" d=\"" + band90 + "\" fill=\"" + colour::kBand90 + "\"/>";
        const std::string band50 = band_path(f, time, bands.p25, bands.p75);
        svg += "<path class=\"band-50\" d=\"" + band50 + "\" fill=\"" + colour::kBand50 + "\"/>";
        const std::string median = line_path(f, time, bands.p50);
        svg += "<path class=\"median\" d=\"" + median + "\" fill=\"none\" stroke=\"" +
               colour::kMedian + "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>";
    }
    for (const TargetMarker& t : targets) svg += target_overlay(f, t, start);
    svg += text(kLeft, kTop - 12, "start", "units", colour::kAxis, units_text(bands.units));
    return svg + "</svg>";
}

}  // namespace wfsim::report
