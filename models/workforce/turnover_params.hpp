// What drives permanent staff to leave, as read from the scenario:
//   turnover.<role>  base hazard, a different hazard during the ASYE, tenure bands;
//   leaving          notice periods, destinations, caseload-pressure feedback;
//   retention        retention payments at tenure milestones and market supplements.
// A worker's hazard at any moment is the product of these factors; see turnover.hpp.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "engine/distribution.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

struct TenureBand {
    double under_days = 0.0;  // applies while tenure < this
    double multiplier = 1.0;
};

struct RoleTurnover {
    double annual_rate = 0.0;  // 0 = never leaves (unless a multiplier is applied to 0: still 0)
    std::optional<double> asye_annual_rate;  // while in the ASYE; default annual_rate
    std::vector<TenureBand> tenure;  // ascending; beyond the last band, 1

    // The multiplier at time `now` of a worker who started at `started`.
    double multiplier_at(double started, double now) const;
    // The first time after `now` at which that worker's multiplier changes (infinity if none).
    double next_band_edge(double started, double now) const;
};

struct TurnoverParams {
    std::vector<RoleTurnover> roles;  // by role

    static TurnoverParams read(config::Section root, const RoleCatalog& roles);
};

struct CaseloadPressure {
    bool enabled = false;
    double above = 0.0;              // caseload per FTE above which the hazard rises
    double increase_per_case = 0.0;  // multiplier += this per case above
    double max_multiplier = 1.0;
    double review_days = 0.0;  // how often each worker's caseload is looked at

    double multiplier(double caseload_per_fte) const;
};

struct LeavingParams {
    std::optional<engine::Distribution> notice_period;  // none: leave at once
    // Shares of permanent leavers by destination (left_sector, agency, other_authority).
    std::array<double, kResignationDestinations> destination_shares = {1.0, 0.0, 0.0};
    bool destinations_given = false;
    CaseloadPressure pressure;

    static LeavingParams read(config::Section root);
};

struct RetentionPayment {
    std::string name;
    std::vector<bool> roles;      // by role: eligible
    double after_days = 0.0;      // tenure milestone
    double amount = 0.0;          // per payment
    double clawback_days = 0.0;   // repaid if leaving within this after the payment
    double hold_days = 0.0;       // before the payment: leavers wait for it
    double retained_share = 0.0;  // of those who waited, the share who then stay
};

struct MarketSupplement {
    double amount = 0.0;  // per FTE per year
    double hazard_multiplier = 1.0;
    double applicant_multiplier = 1.0;
};

struct RetentionParams {
    std::vector<RetentionPayment> payments;
    std::vector<MarketSupplement> supplements;  // by role (neutral when not given)

    static RetentionParams read(config::Section root, const RoleCatalog& roles);
};

}  // namespace wfsim::model
