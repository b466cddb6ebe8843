// Dated events that may repeat: on a date, then every so often until a last date. ASYE
// intakes, grow-your-own cohorts, student placements and grade reviews all run on one.
#pragma once

#include <optional>
#include <string_view>

#include "engine/calendar.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

struct Recurrence {
    double first_day = 0.0;
    double every_days = 0.0;  // 0: once
    std::optional<double> until_day;

    // Reads `<date_key>` (required, not before the start), `every` (absent: once, unless
    // `default_every` is given) and `until` from `section`; `what` names the event in the docs.
    static Recurrence read(config::Section& section, const engine::Date& start,
                           std::string_view date_key, std::string_view what,
                           std::optional<double> default_every = {});

    // The first occurrence strictly after `t` (or at `t` when `inclusive`); infinity if none.
    double next(double t, bool inclusive) const;

    friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

}  // namespace wfsim::model
