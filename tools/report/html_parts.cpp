#include "tools/report/html_parts.hpp"

namespace wfsim::report {

std::string cell(const std::string& html, bool numeric) {
    return numeric ? "<td class=\"num\">" + html + "</td>" : "<td>" + html + "</td>";
}

std::string header(const std::string& html, bool numeric) {
    return numeric ? "<th class=\"num\" scope=\"col\">" + html + "</th>"
                   : "<th scope=\"col\">" + html + "</th>";
}

std::string scrolling_table(const std::string& css_class, const std::string& head,
                            const std::string& rows) {
    return "<div class=\"table-scroll\"><table class=\"" + css_class + "\"><thead><tr>" + head +
           "</tr></thead><tbody>" + rows + "</tbody></table></div>";
}

std::string swatch(const std::string& style, const std::string& label) {
    return "<li><span class=\"swatch\" style=\"" + style + "\"></span>" + label + "</li>";
}

}  // namespace wfsim::report
