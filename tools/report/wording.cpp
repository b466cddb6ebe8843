#include "tools/report/wording.hpp"

#include <cmath>

#include "engine/calendar.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::report {

namespace {

// How many whole `unit`s `days` is, if it is one (to rounding in the file's doubles).
bool whole_units(double days, double unit, long& count) {
    const double n = std::round(days / unit);
    if (n < 1.0 || std::abs(days - n * unit) > 1e-6 * unit) return false;
    count = static_cast<long>(n);
    return true;
}

}  // namespace

std::string counted(long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

std::string duration_text(double days) {
    long n = 0;
    if (whole_units(days, engine::kDaysPerYear, n)) return counted(n, "year");
    if (whole_units(days, engine::kDaysPerMonth, n)) return counted(n, "month");
    if (whole_units(days, engine::kDaysPerWeek, n)) return counted(n, "week");
    if (whole_units(days, 1.0, n)) return counted(n, "day");
    return config::format_number(days) + " days";
}

std::string interval_text(double days) {
    const std::string span = duration_text(days);
    if (span == "1 year") return "yearly";
    if (span == "1 month") return "monthly";
    if (span == "1 week") return "weekly";
    if (span == "1 day") return "daily";
    return "every " + span;
}

std::string condition_text(const output::TargetResult& t) {
    const std::string comparison = t.metric + " " + t.op + " " + config::format_number(t.value);
    if (t.kind == "by") return comparison + " by " + t.by;
    if (t.kind == "throughout") return comparison + " throughout " + t.from + " to " + t.to;
    if (t.kind == "average") return comparison + " on average over " + t.from + " to " + t.to;
    if (t.kind == "for") return comparison + " held for " + duration_text(t.for_days);
    return comparison + " (" + t.kind + ")";  // a kind newer than this program: say it as is
}

}  // namespace wfsim::report
