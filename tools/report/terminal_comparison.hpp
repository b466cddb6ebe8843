// The terminal part of a comparison report, after the baseline's tables: the options with
// their descriptions and settings, and whether they shared random numbers; each target's chance
// under every option with its difference from the baseline; the key metrics under every option
// at the report's dates (median, 5-95 % band, paired mean difference); and the total cost.
#pragma once

#include <string>

#include "tools/report/report_model.hpp"

namespace wfsim::report {

// `model.comparison` must be set.
std::string terminal_comparison(const ReportModel& model);

}  // namespace wfsim::report
