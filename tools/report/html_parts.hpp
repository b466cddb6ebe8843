// Small pieces of the page's HTML that several sections use: table cells and headers, a table
// that scrolls sideways on a narrow screen, and a legend entry. Each takes HTML (escaped by the
// caller) and returns HTML.
#pragma once

#include <string>

namespace wfsim::report {

// <td>, or <td class="num"> (right-aligned, tabular figures) for a number.
std::string cell(const std::string& html, bool numeric = false);

// <th scope="col">, or with class "num".
std::string header(const std::string& html, bool numeric = false);

// A table that scrolls sideways on a narrow screen instead of widening the page.
std::string scrolling_table(const std::string& css_class, const std::string& head,
                            const std::string& rows);

// A legend entry: a swatch styled by `style` (CSS) and its label.
std::string swatch(const std::string& style, const std::string& label);

}  // namespace wfsim::report
