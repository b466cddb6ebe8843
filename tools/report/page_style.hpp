// The report page's style sheet, inlined into the page: readable on a phone (tables scroll
// sideways, charts take the width), and printable (no chart split over two pages).
#pragma once

namespace wfsim::report {

const char* page_style();

// The rules only the options-compared section needs (html_options_section.hpp): its targets
// table's shading and words, the options' keys, and the charts side by side per metric.
const char* options_style();

}  // namespace wfsim::report
