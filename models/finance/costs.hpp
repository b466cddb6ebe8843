// What the workforce costs: salaries with on-costs and market supplements for permanent staff,
// day rates (or a premium over a permanent worker) for agency staff, per role. Campaign costs,
// retention payments and training are counted by the processes that spend them.
//
// Pay accrues on FTE-days in the service (Staffing keeps that integral exactly), so the cost of
// an interval is exact whatever the output interval; a dated change of pay banks what was
// spent at the old rates first.
#pragma once

#include <array>
#include <vector>

#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover_params.hpp"

namespace wfsim::model {

struct CostParams {
    std::vector<double> salary;          // by role: GBP per FTE-year
    double on_costs = 0.0;               // employer's national insurance and pension, share of pay
    std::vector<double> agency_day_rate;  // by role: GBP per worker-day; 0 = use the premium
    double agency_premium = 0.0;         // agency over a fully loaded permanent worker
    double agency_days_per_year = 0.0;   // days an agency worker is paid for in a year

    static CostParams read(config::Section root, const RoleCatalog& roles);
};

class CostLedger {
public:
    // `supplements` are the market supplements (per FTE-year) of retention.supplements.
    CostLedger(const CostParams& params, const RetentionParams& retention,
               const Staffing& staffing);

    // From `now` on, new rates; what was spent so far stays at the old ones.
    void reconfigure(const CostParams& params, const RetentionParams& retention, double now);

    // Cumulative pay of the role's staff of one contract over [0, now], GBP.
    double staff_cost(RoleId role, Contract contract, double now) const;

private:
    struct Account {
        double banked = 0.0;       // spent before `fte_days_at` was taken, at earlier rates
        double fte_days_at = 0.0;  // the FTE-days already banked
        double per_fte_day = 0.0;  // the rate now
    };

    void set_rates(const CostParams& params, const RetentionParams& retention);

    const Staffing& staffing_;
    std::vector<std::array<Account, 2>> accounts_;  // by role, then contract
};

}  // namespace wfsim::model
