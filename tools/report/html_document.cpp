#include "tools/report/html_document.hpp"

#include "tools/report/html_escape.hpp"
#include "tools/report/page_style.hpp"

namespace wfsim::report {

std::string render_page(const std::string& title, std::span<const HtmlSection> sections) {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        html_escape(title) + "</title>\n<style>\n" + page_style();
    for (const HtmlSection& section : sections) html += section.style;
    html += "</style>\n</head>\n<body>\n<main>\n";
    for (const HtmlSection& section : sections) {
        html += "<section id=\"" + html_escape(section.id) + "\">\n";
        if (!section.heading.empty()) html += "<h2>" + html_escape(section.heading) + "</h2>\n";
        html += section.body + "\n</section>\n";
    }
    return html + "</main>\n</body>\n</html>\n";
}

}  // namespace wfsim::report
