// Text into HTML: every character that could open markup or end an attribute is escaped, so a
// scenario's text or a target's name shows as written and cannot change the page.
#pragma once

#include <string>
#include <string_view>

namespace wfsim::report {

// &, <, >, " and ' as character references; safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

}  // namespace wfsim::report
