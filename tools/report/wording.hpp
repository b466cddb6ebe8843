// Targets and time spans in the words a committee reads: "agency_share <= 0.2 by 2017-03-31",
// "6 months", "monthly".
#pragma once

#include <string>

#include "output/target_results.hpp"

namespace wfsim::report {

// The target's condition: "METRIC OP VALUE" and when it is judged ("by 2017-03-31",
// "throughout 2016-04-01 to 2017-03-31", "on average over 2016-04-01 to 2017-03-31",
// "held for 6 months").
std::string condition_text(const output::TargetResult& target);

// "1 point", "3 points".
std::string counted(long n, const char* unit);

// A span of days in the largest whole unit the scenario language has: "2 years", "6 months",
// "3 weeks", "1 day", else "10.5 days" (a month is 365.25/12 days, as in scenarios).
std::string duration_text(double days);

// How often the run sampled: "monthly", "weekly", "yearly", "daily", else "every 2 weeks".
std::string interval_text(double days);

}  // namespace wfsim::report
