#include "tools/report/svg_canvas.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"

namespace wfsim::report::svg {

namespace {

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

}  // namespace

std::string num(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string point(double x, double y) {
    return num(x) + "," + num(y);
}

std::string open_svg(const std::string& css_class, const std::string& attributes) {
    return "<svg class=\"" + css_class + "\" " + attributes + " viewBox=\"0 0 " +
           std::to_string(static_cast<int>(kWidth)) + " " +
           std::to_string(static_cast<int>(kHeight)) + "\" role=\"img\">";
}

std::string text(double x, double y, const char* anchor, const char* css_class, const char* colour,
                 const std::string& content, bool halo) {
    return "<text class=\"" + std::string(css_class) + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
           "\" text-anchor=\"" + anchor + "\" fill=\"" + colour + "\" font-size=\"" +
           std::to_string(kFontSize) + "\"" +
           (halo ? " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" : "") + ">" +
           html_escape(content) + "</text>";
}

std::string line(double x1, double y1, double x2, double y2, const std::string& attributes) {
    return "<line " + attributes + " x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" +
           num(x2) + "\" y2=\"" + num(y2) + "\"/>";
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

std::string axes(const Frame& f, const ValueAxis& values, const std::vector<Tick>& along,
                 bool staggered) {
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
    for (std::size_t i = 0; i < along.size(); ++i) {
        const double x = f.x(along[i].at);
        const double drop = staggered && i % 2 == 1 ? 14 : 0;
        svg += line(x, bottom, x, bottom + 5 + drop,
                    std::string("stroke=\"") + colour::kAxis + "\" stroke-width=\"1\"");
        svg += text(x, bottom + 20 + drop, "middle", "tick", colour::kAxis, along[i].label);
    }
    return svg + "</g>";
}

}  // namespace wfsim::report::svg

namespace wfsim::report {

std::string units_text(const std::string& units) {
    return units == "1" ? "share" : units;
}

}  // namespace wfsim::report
