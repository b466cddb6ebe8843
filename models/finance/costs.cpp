#include "models/finance/costs.hpp"

#include "engine/calendar.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxSalary = 1e7;  // GBP a year: anything above is a typing slip
constexpr double kMaxDayRate = 1e5;
}  // namespace

CostParams CostParams::read(config::Section root, const RoleCatalog& roles) {
    CostParams params;
    params.salary.assign(roles.size(), 0.0);
    params.agency_day_rate.assign(roles.size(), 0.0);
    config::Section section = root.section(
        "costs",
        {"What the workforce costs. Without it, staff pay counts only market supplements; "
         "campaign costs and retention payments are counted either way."});
    config::Section salary = section.named_entries(
        "salary", {"Salary per full-time post-year, by role (roles not listed cost nothing)."},
        "<role>");
    for (const std::string& name : salary.keys()) {
        const double value = salary.real(name, {"Annual salary of one FTE.", "GBP per year"},
                                         {.min = 0.0, .max = kMaxSalary});
        if (auto id = roles.resolve(salary, name)) params.salary[*id] = value;
    }
    salary.finish();
    params.on_costs = section.real(
        "on_costs",
        {"Employer's on-costs (national insurance, pension) as a share of salary and supplements.",
         "1"},
        {.min = 0.0, .max = 2.0}, 0.0);

    config::Section agency = section.section("agency", {"What agency staff cost."});
    config::Section day_rate = agency.named_entries(
        "day_rate", {"Day rate of an agency worker, by role; roles not listed cost the premium."},
        "<role>");
    for (const std::string& name : day_rate.keys()) {
        const double value = day_rate.real(name, {"Charge per worker-day.", "GBP per day"},
                                           {.min = 0.0, .max = kMaxDayRate, .min_exclusive = true});
        if (auto id = roles.resolve(day_rate, name)) params.agency_day_rate[*id] = value;
    }
    day_rate.finish();
    params.agency_premium = agency.real(
        "premium",
        {"For roles without a day rate: agency cost over a fully loaded permanent worker "
         "(0.35: 1.35 times; councils report 1.3 to 1.4).",
         "1"},
        {.min = 0.0, .max = 10.0}, 0.35);
    params.agency_days_per_year = agency.real(
        "days_per_year",
        {"Days a year an agency worker is paid the day rate for (working days less leave).",
         "days per year"},
        {.min = 0.0, .max = 366.0, .min_exclusive = true}, 220.0);
    agency.finish();
    section.finish();
    return params;
}

CostLedger::CostLedger(const CostParams& params, const RetentionParams& retention,
                       const Staffing& staffing)
    : staffing_(staffing), accounts_(staffing.roles().size()) {
    set_rates(params, retention);
}

void CostLedger::set_rates(const CostParams& params, const RetentionParams& retention) {
    for (std::size_t r = 0; r < accounts_.size(); ++r) {
        const double supplement = r < retention.supplements.size() ? retention.supplements[r].amount
                                                                   : 0.0;
        const double loaded = params.salary[r] * (1.0 + params.on_costs);
        accounts_[r][index_of(Contract::Permanent)].per_fte_day =
            (params.salary[r] + supplement) * (1.0 + params.on_costs) / engine::kDaysPerYear;
        accounts_[r][index_of(Contract::Agency)].per_fte_day =
            params.agency_day_rate[r] > 0.0
                ? params.agency_day_rate[r] * params.agency_days_per_year / engine::kDaysPerYear
                : loaded * (1.0 + params.agency_premium) / engine::kDaysPerYear;
    }
}

void CostLedger::reconfigure(const CostParams& params, const RetentionParams& retention,
                             double now) {
    for (std::size_t r = 0; r < accounts_.size(); ++r) {
        for (const Contract contract : {Contract::Permanent, Contract::Agency}) {
            Account& a = accounts_[r][index_of(contract)];
            const double fte_days = staffing_.fte_days(static_cast<RoleId>(r), contract, now);
            a.banked += (fte_days - a.fte_days_at) * a.per_fte_day;
            a.fte_days_at = fte_days;
        }
    }
    set_rates(params, retention);
}

double CostLedger::staff_cost(RoleId role, Contract contract, double now) const {
    const Account& a = accounts_[role][index_of(contract)];
    return a.banked + (staffing_.fte_days(role, contract, now) - a.fte_days_at) * a.per_fte_day;
}

}  // namespace wfsim::model
