// The report as terminal text: what was run, the targets table (condition in words,
// probability met with its 95 % interval, replications that met it and their median date) and
// the key metrics at each report date (median and 5-95 % band); for a comparison of options,
// then the options' part (terminal_comparison.hpp).
#pragma once

#include <string>

#include "tools/report/report_model.hpp"

namespace wfsim::report {

std::string terminal_report(const ReportModel& model);

}  // namespace wfsim::report
