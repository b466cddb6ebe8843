#include "tools/report/svg_fan_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "tools/report/axis_ticks.hpp"
#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/number_format.hpp"

namespace wfsim::report {

namespace {

// The drawing's own units; the browser scales the whole to the page's width.
constexpr double kWidth = 640, kHeight = 320;
constexpr double kLeft = 64, kRight = 16, kTop = 30, kBottom = 36;
constexpr int kFontSize = 14;

// Maps days and values to drawing coordinates (y grows downwards).
struct Frame {
    double t0, t1, v0, v1;
    double x(double days) const {
        return kLeft + (days - t0) / (t1 - t0) * (kWidth - kLeft - kRight);
    }
    double y(double value) const {
        return kHeight - kBottom - (value - v0) / (v1 - v0) * (kHeight - kTop - kBottom);
    }
};

// One decimal is a tenth of a unit in a drawing a few hundred units wide: finer than a pixel
// on any screen, and it keeps a chart of a thousand samples small.
std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string point(double x, double y) {
    return num(x) + "," + num(y);
}

bool finite(double v) {
    return std::isfinite(v);
}

// The runs of consecutive samples where `ok` holds, as [first, last) index pairs: a metric
// undefined at some samples (NaN) is drawn in pieces rather than joined across the gap.
template <typename Ok>
std::vector<std::pair<std::size_t, std::size_t>> runs(std::size_t n, Ok ok) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (std::size_t i = 0; i < n;) {
        if (!ok(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && ok(j)) ++j;
        out.emplace_back(i, j);
        i = j;
    }
    return out;
}

std::string band_path(const Frame& f, std::span<const double> time, const std::vector<double>& low,
                      const std::vector<double>& high) {
    std::string d;
    for (const auto& [a, b] :
         runs(time.size(), [&](std::size_t i) { return finite(low[i]) && finite(high[i]); })) {
        for (std::size_t i = a; i < b; ++i) {
            d += i == a ? 'M' : 'L';
            d += point(f.x(time[i]), f.y(high[i]));
        }
        for (std::size_t i = b; i-- > a;) {
            d += 'L';
            d += point(f.x(time[i]), f.y(low[i]));
        }
        d += "Z";
    }
    return d;
}

std::string line_path(const Frame& f, std::span<const double> time,
                      const std::vector<double>& values) {
    std::string d;
    for (const auto& [a, b] : runs(time.size(), [&](std::size_t i) { return finite(values[i]); })) {
        for (std::size_t i = a; i < b; ++i) {
            d += i == a ? 'M' : 'L';
            d += point(f.x(time[i]), f.y(values[i]));
        }
    }
    return d;
}

// A label; `halo` outlines it in white so that it stays legible over the bands.
std::string text(double x, double y, const char* anchor, const char* css_class, const char* colour,
                 const std::string& content, bool halo = false) {
    return "<text class=\"" + std::string(css_class) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
           "\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\" font-size=\"" +
           std::to_string(kFontSize) + "\"" +
           (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "") + ">" +
           html_escape(content) + "</text>";
}

// `attributes` come first, so that a line's class leads its tag.
std::string line(double x1, double y1, double x2, double y2, const std::string& attributes) {
    return "<line " + attributes + " x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" +
           num(x2) + "\" y2=\"" + num(y2) + "\"/>";
}

// The value range to show: the 90 % band at every sample and every target's value.
std::pair<double, double> value_range(const MetricBands& bands,
                                      std::span<const TargetMarker> targets) {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (std::size_t i = 0; i < bands.p5.size(); ++i) {
        for (const double v : {bands.p5[i], bands.p50[i], bands.p95[i]}) {
            if (!finite(v)) continue;
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    for (const TargetMarker& target : targets) {
        low = std::min(low, target.value);
        high = std::max(high, target.value);
    }
    return {low, high};
}

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

std::string axes(const Frame& f, const ValueAxis& values, const std::vector<Tick>& dates) {
    std::string svg = "<g class=\"axis y-axis\">";
    for (const Tick& tick : values.ticks) {
        const double y = f.y(tick.at);
        svg += line(kLeft, y, kWidth - kRight, y,
                    std::string("stroke=\"") + colour::kGrid + "\" stroke-width=\"1\"");
        svg += text(kLeft - 6, y + 4, "end", "tick", colour::kAxis, tick.label);
    }
    svg += "</g><g class=\"axis x-axis\">";
    const double bottom = kHeight - kBottom;
    svg += line(kLeft, bottom, kWidth - kRight, bottom,
                std::string("stroke=\"") + colour::kAxis + "\" stroke-width=\"1\"");
    for (const Tick& tick : dates) {
        const double x = f.x(tick.at);
        svg += line(x, bottom, x, bottom + 5,
                    std::string("stroke=\"") + colour::kAxis + "\" stroke-width=\"1\"");
        svg += text(x, bottom + 20, "middle", "tick", colour::kAxis, tick.label);
    }
    return svg + "</g>";
}

}  // namespace

std::string units_text(const std::string& units) {
    return units == "1" ? "share" : units;
}

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

std::string svg_fan_chart(const MetricBands& bands, std::span<const double> time,
                          const engine::Date& start, std::span<const TargetMarker> targets) {
    const auto [low, high] = value_range(bands, targets);
    const ValueAxis values = value_axis(low, high);
    const double t0 = time.empty() ? 0.0 : time.front();
    const double t1 = time.size() < 2 ? t0 + 1.0 : time.back();
    const Frame f{t0, t1, values.low, values.high};

    const std::string metric = html_escape(bands.metric);
    std::string svg = "<svg class=\"fan-chart\" data-metric=\"" + metric + "\" data-units=\"" +
                      html_escape(bands.units) + "\" data-samples=\"" +
                      std::to_string(time.size()) + "\" viewBox=\"0 0 " +
                      std::to_string(static_cast<int>(kWidth)) + " " +
                      std::to_string(static_cast<int>(kHeight)) + "\" role=\"img\">";
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
