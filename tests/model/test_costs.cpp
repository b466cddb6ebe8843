// Cost series against hand arithmetic: pay accrues on FTE-days at the loaded rates, agency on
// day rates or the premium, and a dated pay change applies from its date only.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {
namespace {

double sum(const BatchResult& r, const std::string& metric, std::size_t rep) {
    const std::size_t m = r.series.index_of(metric);
    double total = 0.0;
    for (std::size_t t = 0; t < r.series.samples(); ++t) total += r.series.at(m, rep, t);
    return total;
}

double last(const BatchResult& r, const std::string& metric, std::size_t rep) {
    return r.series.at(r.series.index_of(metric), rep, r.series.samples() - 1);
}

// No one leaves: 100 social workers (20 of them half time), 10 agency social workers on one
// long assignment, 5 managers; a year of pay.
std::string steady(const std::string& extra) {
    return R"(start: 2016-04-01
horizon: 12 months
replications: 2
roles:
  social_worker: { caseload_cap: 20, part_time: { share: 0.2, fte: 0.5 } }
  team_manager: { caseload_cap: 0 }
establishment: { social_worker: 110, team_manager: 5 }
initial_staff:
  permanent: { social_worker: 100, team_manager: 5 }
  agency: { social_worker: 10 }
agency: { assignment: 50 years }
retention:
  supplements:
    social_worker: { amount: 2000 }
demand: { referrals_per_year: 0, case_duration: 1 month }
costs:
  salary: { social_worker: 40000, team_manager: 50000 }
  on_costs: 0.3
  agency:
    day_rate: { social_worker: 350 }
    days_per_year: 220
)" + extra;
}

TEST(Costs, PayAccruesOnFteDaysAtLoadedRates) {
    const BatchResult r = run_batch(parse_scenario({"c.yaml", steady("")}), 1);
    const double sw_fte = 80.0 + 20.0 * 0.5;
    const double permanent = sw_fte * 42000.0 * 1.3 + 5.0 * 50000.0 * 1.3;
    const double agency = 10.0 * 350.0 * 220.0;
    for (std::size_t rep = 0; rep < 2; ++rep) {
        EXPECT_NEAR(sum(r, "cost_permanent_staff", rep), permanent, 1e-6 * permanent);
        EXPECT_NEAR(sum(r, "cost_agency_staff", rep), agency, 1e-6 * agency);
        EXPECT_NEAR(sum(r, "cost.team_manager", rep), 5.0 * 50000.0 * 1.3, 1e-3);
        EXPECT_NEAR(sum(r, "cost.social_worker", rep), sw_fte * 42000.0 * 1.3 + agency, 1e-3);
        EXPECT_NEAR(sum(r, "cost_total", rep), permanent + agency, 1e-6 * permanent);
        EXPECT_NEAR(last(r, "cost_cumulative", rep), permanent + agency, 1e-6 * permanent);
    }
}

TEST(Costs, AgencyWithoutADayRateCostsThePremiumOverALoadedPost) {
    std::string yaml = steady("");
    yaml.replace(yaml.find("    day_rate: { social_worker: 350 }\n"),
                 std::string("    day_rate: { social_worker: 350 }\n").size(),
                 "    premium: 0.4\n");
    const BatchResult r = run_batch(parse_scenario({"c.yaml", yaml}), 1);
    // The premium is over salary with on-costs; market supplements are not paid to agency staff.
    const double agency = 10.0 * 40000.0 * 1.3 * 1.4;
    EXPECT_NEAR(sum(r, "cost_agency_staff", 0), agency, 1e-6 * agency);
}

TEST(Costs, APayRiseAppliesFromItsDateOnly) {
    const BatchResult r = run_batch(
        parse_scenario({"c.yaml", steady(R"(interventions:
  - at: 2016-10-01
    set: { costs.salary.team_manager: 60000 }
)")}),
        1);
    const double days_before = engine::days_between({2016, 4, 1}, {2016, 10, 1});
    const double days_after = engine::kDaysPerYear - days_before;
    const double expected =
        5.0 * 1.3 * (50000.0 * days_before + 60000.0 * days_after) / engine::kDaysPerYear;
    EXPECT_NEAR(sum(r, "cost.team_manager", 0), expected, 1e-6 * expected);
}

TEST(Costs, WithoutACostsSectionOnlySupplementsArePaid) {
    std::string yaml = steady("");
    yaml.erase(yaml.find("costs:"));
    const BatchResult r = run_batch(parse_scenario({"c.yaml", yaml}), 1);
    const double supplements = (80.0 + 20.0 * 0.5) * 2000.0;
    EXPECT_NEAR(sum(r, "cost_total", 0), supplements, 1e-6 * supplements);
    EXPECT_EQ(sum(r, "cost_agency_staff", 0), 0.0);
    EXPECT_EQ(sum(r, "cost.team_manager", 0), 0.0);
}

}  // namespace
}  // namespace wfsim::model
