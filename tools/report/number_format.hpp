// Numbers as a report prints them: three significant figures below a thousand (16.2, 0.183),
// whole numbers with thousands separators above (12,345), and a dash for a missing value, so a
// table reads at a glance and columns of different metrics need no exponent.
#pragma once

#include <string>

namespace wfsim::report {

std::string format_value(double value);

// "63 %" for 0.63: a probability or a share of replications.
std::string format_percent(double share);

}  // namespace wfsim::report
