#include "tools/report/option_style.hpp"

#include <array>

#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/svg_canvas.hpp"

namespace wfsim::report {

namespace {

const std::array<OptionStyle, 6> kStyles = {{
    {colour::kMedian, "", Marker::Circle},
    {"#00875a", "9 4", Marker::Square},
    {"#7b3294", "3 3", Marker::Triangle},
    {"#8c510a", "12 3 3 3", Marker::Diamond},
    {"#01665e", "6 2", Marker::Circle},
    {"#555555", "2 5", Marker::Square},
}};

}  // namespace

OptionStyle option_style(std::size_t index) {
    if (index < kStyles.size()) return kStyles[index];
    return kStyles[1 + (index - 1) % (kStyles.size() - 1)];
}

std::string marker_path(Marker marker, double x, double y, double size) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on a literal prepended to a
    // temporary string.
    std::string d;
    const auto to = [&](char command, double px, double py) {
        d += command;
        d += svg::point(px, py);
    };
    const double r = size / 2;
    switch (marker) {
        case Marker::Square:
            to('M', x - r, y - r);
            to('L', x + r, y - r);
            to('L', x + r, y + r);
            to('L', x - r, y + r);
            break;
        case Marker::Triangle:
            to('M', x, y - r * 1.2);
            to('L', x + r * 1.1, y + r * 0.8);
            to('L', x - r * 1.1, y + r * 0.8);
            break;
        case Marker::Diamond:
            to('M', x, y - r * 1.3);
            to('L', x + r, y);
            to('L', x, y + r * 1.3);
            to('L', x - r, y);
            break;
        case Marker::Circle:  // two half-circle arcs
            to('M', x - r, y);
            for (const double across : {size, -size}) {
                d += 'a';
                d += svg::point(r, r);
                d += " 0 1,0 ";
                d += svg::point(across, 0);
            }
            break;
    }
    return d + "Z";
}

std::string option_key(std::size_t index, const std::string& name) {
    const OptionStyle style = option_style(index);
    std::string dash = *style.dash ? std::string(" stroke-dasharray=\"") + style.dash + "\"" : "";
    return "<svg class=\"option-key\" data-option=\"" + html_escape(name) +
           "\" viewBox=\"0 0 44 14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"43\" "
           "y2=\"7\" stroke=\"" +
           style.colour + "\" stroke-width=\"2.5\"" + dash + "/><path d=\"" +
           marker_path(style.marker, 22, 7, 8) + "\" fill=\"" + style.colour + "\"/></svg>";
}

}  // namespace wfsim::report
