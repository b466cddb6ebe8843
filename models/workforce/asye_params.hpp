// The ASYE programme (Assessed and Supported Year in Employment), as read from `asye:`. Its
// presence turns the programme on: NQSWs (campaign hires by the nqsw route, cohort intakes,
// qualified grow-your-own trainees) start in their ASYE with a protected caseload and
// development time, leave at the role's asye_annual_rate, and are assessed at its end.
#pragma once

#include <vector>

#include "engine/calendar.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/recurrence.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

// NQSWs joining together on a date (and every so often after it, if `every` is given).
struct AsyeIntake {
    Recurrence when;
    int count = 0;

    friend bool operator==(const AsyeIntake&, const AsyeIntake&) = default;
};

struct AsyeParams {
    bool enabled = false;
    RoleId role = 0;  // the role whose posts NQSWs hold
    double length_days = 12 * engine::kDaysPerMonth;
    ProtectedCaseload protection{.share_of_cap = 0.9, .max = 14, .development_time = 0.1};
    // Outcomes of the first assessment; they add up to 1.
    double pass = 1.0;
    double extend = 0.0;
    double fail = 0.0;
    // After an extension of this length the NQSW passes with this probability, else fails.
    double extension_days = 6 * engine::kDaysPerMonth;
    double extension_pass = 1.0;
    std::vector<AsyeIntake> intakes;

    static AsyeParams read(config::Section root, const RoleCatalog& roles,
                           const engine::Date& start);
};

}  // namespace wfsim::model
