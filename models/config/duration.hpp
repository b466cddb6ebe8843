// Durations as strategists write them: "6 weeks", "3 months", or a plain number of days.
#pragma once

#include <string_view>

#include "models/config/parsed.hpp"

namespace wfsim::config {

// Days in `text`: a number (days), or a number, a space and a unit (day, week, month, year,
// singular or plural). A month is a twelfth of a year and a year 365.25 days, as in the
// engine's calendar. A unit without a space ("3months") is rejected rather than guessed at.
Parsed<double> parse_duration(std::string_view text);

}  // namespace wfsim::config
