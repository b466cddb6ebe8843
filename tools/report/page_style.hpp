// The report page's style sheet, inlined into the page: readable on a phone (tables scroll
// sideways, charts take the width), and printable (no chart split over two pages).
#pragma once

namespace wfsim::report {

const char* page_style();

}  // namespace wfsim::report
