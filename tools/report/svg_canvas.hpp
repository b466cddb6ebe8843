// The drawing primitives the report's charts share: one drawing size, a frame mapping values to
// it, numbers at a tenth of a unit, labels, lines, paths through a series and bands between two,
// and the axes. Every chart of the page then has the same proportions, fonts and grid, so they
// read alike side by side.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "tools/report/axis_ticks.hpp"

namespace wfsim::report::svg {

// The drawing's own units; the browser scales the whole to the page's width.
inline constexpr double kWidth = 640, kHeight = 320;
inline constexpr double kLeft = 64, kRight = 16, kTop = 30, kBottom = 36;
inline constexpr int kFontSize = 14;

// Maps x (days, or any position along the horizontal axis) and values to drawing coordinates
// (y grows downwards).
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
std::string num(double value);
std::string point(double x, double y);

// The opening tag, with the chart's class and data attributes (already escaped) first, then
// the drawing's viewBox: no fixed size, so the chart takes its container's width.
std::string open_svg(const std::string& css_class, const std::string& attributes);

// A label; `halo` outlines it in white so that it stays legible over bands and lines.
std::string text(double x, double y, const char* anchor, const char* css_class, const char* colour,
                 const std::string& content, bool halo = false);

// `attributes` come first, so that a line's class leads its tag.
std::string line(double x1, double y1, double x2, double y2, const std::string& attributes);

// The area between `low` and `high` at each time (its upper edge forwards, its lower edge
// back), in one piece per run of samples where both are numbers.
std::string band_path(const Frame& f, std::span<const double> time, const std::vector<double>& low,
                      const std::vector<double>& high);

// The line through `values`, broken where a value is NaN rather than joined across the gap.
std::string line_path(const Frame& f, std::span<const double> time,
                      const std::vector<double>& values);

// The horizontal grid with the value labels, and the time axis with its ticks below.
// `staggered`: every other label a line lower, for labels too many to fit side by side.
std::string axes(const Frame& f, const ValueAxis& values, const std::vector<Tick>& along,
                 bool staggered = false);

}  // namespace wfsim::report::svg

namespace wfsim::report {

// A unit as a reader says it: "share" for the run file's dimensionless "1".
std::string units_text(const std::string& units);

}  // namespace wfsim::report
