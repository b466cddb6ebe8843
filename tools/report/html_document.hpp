// An HTML page assembled from sections: each section is built by its own function and the page
// only frames them (head, inline style, main), so a new kind of report, or a new part of one,
// is a new section function and one more entry in a list. The page is self-contained: no
// scripts, fonts, images or style sheets are fetched.
#pragma once

#include <span>
#include <string>

namespace wfsim::report {

struct HtmlSection {
    std::string id;       // the section's element id, for links and tests
    std::string heading;  // plain text, shown as its h2; empty for none (the page's title block)
    std::string body;     // HTML
    // CSS that only this section needs, added to the page's style: a page without the section
    // carries none of it.
    std::string style = "";
};

// A complete document: <!DOCTYPE html>, a viewport for phones, the page's style inline (then
// each section's own, in order) and the sections in order. `title` is plain text.
std::string render_page(const std::string& title, std::span<const HtmlSection> sections);

}  // namespace wfsim::report
