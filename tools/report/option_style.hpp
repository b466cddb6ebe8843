// How the options' charts tell options apart: each option (the baseline first) has a colour, a
// line pattern and a point marker, so that the charts read in black and white as in colour. The
// colours are dark enough for a thin line on white and differ from the targets' magenta and
// orange and from each other; past six options they repeat.
#pragma once

#include <cstddef>
#include <string>

namespace wfsim::report {

enum class Marker { Circle, Square, Triangle, Diamond };

struct OptionStyle {
    const char* colour;  // "#rrggbb"
    const char* dash;    // an SVG stroke-dasharray; empty for a solid line
    Marker marker;
};

// Index 0 is the baseline's (solid, the fan charts' median colour), then the options in order.
OptionStyle option_style(std::size_t index);

// An SVG path (d) of the marker centred on (x, y), `size` across.
std::string marker_path(Marker marker, double x, double y, double size);

// A small inline SVG of the option's line and marker, for legends and tables
// (svg.option-key[data-option]).
std::string option_key(std::size_t index, const std::string& name);

// The fill opacity of an option's 50 % band: light enough that overlapping bands and the
// lines over them stay visible.
inline constexpr char kOptionBandOpacity[] = "0.2";

}  // namespace wfsim::report
