// The agency policy, as read from the scenario's `agency:` section: what agency staff cover
// (vacancies, long absences, extra capacity while caseloads are high), how fast they come and
// how long they stay, a cap on the agency share, conversions to permanent posts, early
// leavers, former staff returning as agency workers, and the 2024 national rules.
#pragma once

#include <optional>

#include "engine/distribution.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"

namespace wfsim::model {

// Extra agency staff (on no post) booked while the casework is over a threshold.
struct ExtraCapacityParams {
    std::optional<double> unallocated_above;    // waiting cases
    std::optional<double> mean_caseload_above;  // allocated cases per case-holding worker
    double check_days = 0.0;
    int max_extra = 0;
    RoleId role = 0;
};

struct ReturnersParams {
    double share = 0.0;           // of bookings filled by an available former worker
    double available_days = 0.0;  // how long a former worker stays available
};

struct AgencyRules2024 {
    double min_experience_days = 0.0;  // post-qualifying experience required
    engine::Distribution candidate_experience = engine::Distribution::fixed(0.0);
    double cooling_off_days = 0.0;  // leavers to agency cannot return before this
};

struct AgencyParams {
    bool cover_vacancies = false;
    double cover_share = 1.0;  // probability that a vacancy is covered at all
    bool cover_long_absence = false;
    std::optional<engine::Distribution> fill_time;   // required with any kind of booking
    std::optional<engine::Distribution> assignment;  // required whenever agency staff exist
    std::optional<ExtraCapacityParams> extra_capacity;
    std::optional<double> max_share;  // of agency in (permanent + agency) headcount
    double conversion_probability = 0.0;
    double early_leave_rate = 0.0;  // per year
    std::optional<ReturnersParams> returners;
    std::optional<AgencyRules2024> rules_2024;

    // Whether anything books agency staff.
    bool books() const { return cover_vacancies || cover_long_absence || extra_capacity; }

    static AgencyParams read(config::Section root, const RoleCatalog& roles);
};

}  // namespace wfsim::model
