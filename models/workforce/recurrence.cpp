#include "models/workforce/recurrence.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace wfsim::model {

Recurrence Recurrence::read(config::Section& section, const engine::Date& start,
                            std::string_view date_key, std::string_view what,
                            std::optional<double> default_every) {
    Recurrence r;
    const std::string name(what);
    const bool given = section.has(date_key);
    r.first_day =
        engine::days_between(start, section.date(date_key, {"Date of the first " + name + "."}));
    if (r.first_day < 0.0) {
        // Absent (already reported) or before the start.
        if (given && !section.reported(date_key)) section.error(date_key, "before the start date");
        r.first_day = 0.0;
    }
    r.every_days = section.duration(
        "every",
        {"Time between " + name + "s" + (default_every ? "." : "; absent for a single one."),
         "days"},
        {.min = 1.0}, default_every.value_or(0.0));
    if (section.has("until")) {
        r.until_day = engine::days_between(
            start, section.date("until", {"No " + name + " after this date."}, start));
        if (*r.until_day < r.first_day) section.error("until", "before the first " + name);
    }
    return r;
}

double Recurrence::next(double t, bool inclusive) const {
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    double at = first_day;
    if (first_day < t || (!inclusive && first_day == t)) {
        if (every_days <= 0.0) return kInfinity;
        double k = std::floor((t - first_day) / every_days);
        at = first_day + k * every_days;
        // Rounding may leave `at` on either side of t: step to the first one that qualifies.
        while (at < t || (!inclusive && at == t)) at = first_day + ++k * every_days;
    }
    // Anything on the last date itself counts (a yearly rhythm drifts by a quarter day a year).
    if (until_day && at >= *until_day + 1.0) return kInfinity;
    return at;
}

}  // namespace wfsim::model
