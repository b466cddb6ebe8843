// The "Options compared" section of a comparison file's page: the options with their
// descriptions and settings and whether they shared random numbers; a targets table with a
// column per option (its probability with its interval, and its paired difference from the
// baseline with its interval, shaded and said in words); the total cost; and per key metric a
// chart overlaying the options over time beside a chart of their paired differences at the
// compared dates.
#pragma once

#include "tools/report/html_document.hpp"
#include "tools/report/report_model.hpp"

namespace wfsim::report {

// `model.comparison` must be set.
HtmlSection options_section(const ReportModel& model);

}  // namespace wfsim::report
