// The metrics a summary shows when not told which: staffing, caseloads and the stability of
// children's workers, in reading order. wfsim run's summary and wfsim report's default share
// the list so the two agree.
#pragma once

#include <string>
#include <vector>

namespace wfsim::report {

inline const std::vector<std::string> kKeyMetrics = {
    "staff_permanent",   "staff_agency",
    "vacancy_rate",      "agency_share",
    "turnover_rate_12m", "open_cases",
    "unallocated_cases", "mean_caseload",
    "max_caseload",      "share_open_cases_3plus_workers"};

}  // namespace wfsim::report
