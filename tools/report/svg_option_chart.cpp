#include "tools/report/svg_option_chart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tools/report/axis_ticks.hpp"
#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/option_style.hpp"

namespace wfsim::report {

namespace {

using namespace svg;

// What is drawn: every option's 50 % band and median, and every target's value.
std::pair<double, double> value_range(std::span<const OptionBands> options,
                                      std::span<const TargetMarker> targets) {
    ValueExtent extent;
    for (const OptionBands& option : options) {
        for (const auto* band : {&option.bands->p25, &option.bands->p50, &option.bands->p75}) {
            extent.add(*band);
        }
    }
    for (const TargetMarker& target : targets) extent.add(target.value);
    return {extent.low, extent.high};
}

}  // namespace

std::string svg_option_chart(std::span<const OptionBands> options, std::span<const double> time,
                             const engine::Date& start, std::span<const TargetMarker> targets) {
    const auto [low, high] = value_range(options, targets);
    const ValueAxis values = value_axis(low, high);
    const double t0 = time.empty() ? 0.0 : time.front();
    const double t1 = time.size() < 2 ? t0 + 1.0 : time.back();
    const Frame f{t0, t1, values.low, values.high};
    const MetricBands& first = *options.front().bands;

    const std::string metric = html_escape(first.metric);
    std::string svg = open_svg("option-chart", "data-metric=\"" + metric + "\" data-units=\"" +
                                                   html_escape(first.units) + "\" data-options=\"" +
                                                   std::to_string(options.size()) + "\"");
    svg += "<title>" + metric +
           ": each option's median across replications, with the middle 50 % of them</title>";
    for (const TargetMarker& t : targets) {
        if (t.period_from && t.period_to) svg += target_period(f, t);
    }
    svg += axes(f, values, date_ticks(start, t0, t1));
    // Every band before any median, so that no band hides another option's line.
    bool drawn = false;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string band = band_path(f, time, options[i].bands->p25, options[i].bands->p75);
        if (band.empty()) continue;
        svg += "<path class=\"option-band\" data-option=\"" + html_escape(options[i].name) +
               "\" d=\"" + band + "\" fill=\"" + option_style(i).colour + "\" fill-opacity=\"" +
               kOptionBandOpacity + "\"/>";
    }
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string median = line_path(f, time, options[i].bands->p50);
        if (median.empty()) continue;
        drawn = true;
        const OptionStyle style = option_style(i);
        svg += "<path class=\"option-median\" data-option=\"" + html_escape(options[i].name) +
               "\" d=\"" + median + "\" fill=\"none\" stroke=\"" + style.colour +
               "\" stroke-width=\"2.5\" stroke-linejoin=\"round\"" +
               (*style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "") + "/>";
    }
    if (!drawn) {
        svg += text(kWidth / 2, kHeight / 2, "middle", "no-data", colour::kAxis,
                    "no replication has a value");
    }
    for (const TargetMarker& t : targets) svg += target_overlay(f, t, start);
    svg += text(kLeft, kTop - 12, "start", "units", colour::kAxis, units_text(first.units));
    return svg + "</svg>";
}

}  // namespace wfsim::report
