// Whole replications: invariants that must hold at every sample of every replication of a
// range of scenarios, bit-for-bit reproducibility, and common random numbers (changing the
// staffing side of a scenario leaves the referral stream untouched).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/metrics/metric_catalog.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/core_scenario.hpp"

namespace wfsim::model {
namespace {

constexpr double kYear = engine::kDaysPerYear;

using testing::core_text;
using testing::replaced;

// The shipped core scenario, cut to a few years and replications to keep the suite quick.
Scenario short_core(std::string text = core_text()) {
    Scenario s = parse_scenario({"core.yaml", std::move(text)});
    s.horizon_days = 3 * kYear;
    s.replications = 4;
    return s;
}

// How often each regime was seen, so that a test can insist its scenario reached it.
struct Coverage {
    int samples = 0;
    int with_waiting = 0;
    int with_agency = 0;
    int with_vacancies = 0;
    int with_three_plus = 0;
    int with_no_case_holders = 0;
    double leavers = 0;
    double starters = 0;
};

double value(const BatchResult& r, Metric m, std::size_t rep, std::size_t k) {
    return r.series.at(index(m), rep, k);
}

bool is_count(double v) {
    return std::isfinite(v) && v >= 0.0 && v == std::floor(v);
}

// Every invariant of the recorded series; a fatal failure names the replication and time.
void check_invariants(const Scenario& s, const BatchResult& r, Coverage& seen) {
    int establishment = 0;
    for (const int posts : s.staffing.establishment) establishment += posts;
    int max_cap = 0;
    for (const Role& role : s.roles.all()) max_cap = std::max(max_cap, role.caseload_cap);
    const bool single_role = s.roles.size() == 1;
    const auto initial_open = static_cast<double>(s.demand.initial_open_cases);

    ASSERT_EQ(r.series.replications(), s.replications);
    ASSERT_EQ(r.series.samples(), r.times.size());
    ASSERT_EQ(r.times.front(), 0.0);
    ASSERT_EQ(r.times.back(), s.horizon_days);

    for (std::size_t rep = 0; rep < s.replications; ++rep) {
        double referrals = 0.0;
        double closed = 0.0;
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            const auto v = [&](Metric m) { return value(r, m, rep, k); };
            const double t = r.times[k];
            const std::string where = "replication " + std::to_string(rep) + ", sample " +
                                      std::to_string(k) + " (day " + std::to_string(t) + ")";
            ++seen.samples;

            const double permanent = v(Metric::StaffPermanent);
            const double agency = v(Metric::StaffAgency);
            const double vacancies = v(Metric::Vacancies);
            ASSERT_TRUE(is_count(permanent)) << where;
            ASSERT_TRUE(is_count(agency)) << where;
            ASSERT_TRUE(is_count(vacancies)) << where;
            ASSERT_EQ(permanent + vacancies, establishment) << where;
            ASSERT_LE(agency, vacancies) << "agency staff only cover vacancies, " << where;

            // Flows: whole, non-negative numbers.
            for (const Metric m :
                 {Metric::Starters, Metric::Leavers, Metric::Referrals, Metric::ClosedCases}) {
                ASSERT_TRUE(is_count(v(m)))
                    << metric_specs()[index(m)].name << " " << v(m) << ", " << where;
            }
            seen.leavers += v(Metric::Leavers);
            seen.starters += v(Metric::Starters);

            // Cases: nothing lost, nothing invented.
            const double open = v(Metric::OpenCases);
            const double allocated = v(Metric::AllocatedCases);
            const double waiting = v(Metric::UnallocatedCases);
            ASSERT_TRUE(is_count(open) && is_count(allocated) && is_count(waiting)) << where;
            ASSERT_EQ(open, allocated + waiting) << where;
            referrals += v(Metric::Referrals);
            closed += v(Metric::ClosedCases);
            ASSERT_EQ(initial_open + referrals - closed, open) << where;

            // Caseloads.
            const double max_load = v(Metric::MaxCaseload);
            const double mean_load = v(Metric::MeanCaseload);
            ASSERT_TRUE(is_count(max_load)) << where;
            ASSERT_LE(max_load, max_cap) << where;
            ASSERT_LE(allocated, max_cap * (permanent + agency)) << where;
            if (std::isnan(mean_load)) {
                // No case-holding staff in post: then nobody can hold a case either.
                ASSERT_EQ(allocated, 0.0) << where;
                ++seen.with_no_case_holders;
            } else {
                ASSERT_GE(mean_load, 0.0) << where;
                ASSERT_LE(mean_load, max_load) << where;
            }
            if (single_role && max_cap > 0) {
                // Only staff of the one role are in post, and all of them hold cases.
                ASSERT_EQ(std::isnan(mean_load), permanent + agency == 0) << where;
                if (waiting > 0 && permanent + agency > 0) {
                    ASSERT_EQ(mean_load, max_cap) << "cases wait beside free capacity, " << where;
                    ASSERT_EQ(max_load, max_cap) << where;
                }
            }
            seen.with_waiting += waiting > 0 ? 1 : 0;

            // Shares: within [0, 1]; NaN only when their denominator is zero.
            const double vacancy_rate = v(Metric::VacancyRate);
            ASSERT_GE(vacancy_rate, 0.0) << where;
            ASSERT_LE(vacancy_rate, 1.0) << where;
            ASSERT_EQ(vacancy_rate, vacancies / establishment) << where;
            const double agency_share = v(Metric::AgencyShare);
            if (permanent + agency == 0) {
                ASSERT_TRUE(std::isnan(agency_share)) << where;
            } else {
                ASSERT_GE(agency_share, 0.0) << where;
                ASSERT_LE(agency_share, 1.0) << where;
            }
            const double three_plus = v(Metric::ShareOpenCases3PlusWorkers);
            if (open == 0) {
                ASSERT_TRUE(std::isnan(three_plus)) << where;
            } else {
                ASSERT_GE(three_plus, 0.0) << where;
                ASSERT_LE(three_plus, 1.0) << where;
                seen.with_three_plus += three_plus > 0 ? 1 : 0;
            }

            // The 12-month turnover rate exists exactly from 12 months on.
            const double turnover = v(Metric::TurnoverRate12m);
            if (t < kYear) {
                ASSERT_TRUE(std::isnan(turnover)) << turnover << ", " << where;
            } else if (permanent > 0) {
                ASSERT_FALSE(std::isnan(turnover)) << where;
                ASSERT_GE(turnover, 0.0) << where;
            }

            seen.with_agency += agency > 0 ? 1 : 0;
            seen.with_vacancies += vacancies > 0 ? 1 : 0;
        }
    }
}

Coverage run_and_check(const Scenario& s) {
    Coverage seen;
    const BatchResult r = run_batch(s, 2);
    check_invariants(s, r, seen);
    return seen;
}

Coverage run_and_check(const std::string& yaml) {
    return run_and_check(parse_scenario({"variant.yaml", yaml}));
}

TEST(Invariants, CoreScenario) {
    const Coverage seen = run_and_check(short_core());
    EXPECT_EQ(seen.samples, 4 * 37);
    EXPECT_GT(seen.with_agency, 0);
    EXPECT_GT(seen.leavers, 0);
    EXPECT_GT(seen.starters, 0);
    EXPECT_GT(seen.with_three_plus, 0);
}

TEST(Invariants, HighDemandSoCasesWait) {
    // Offered work 4000 x 0.5 year = 2000 cases against 50 x 20 = 1000 places.
    const Coverage seen = run_and_check(R"(start: 2016-04-01
horizon: 3 years
seed: 7
replications: 4
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 50 }
initial_staff: { permanent: { social_worker: 40 }, agency: { social_worker: 5 } }
turnover: { social_worker: { annual_rate: 0.3 } }
recruitment: { vacancy_fill_time: { dist: lognormal, median: 3 months, sigma: 0.6 } }
agency:
  cover_vacancies: yes
  fill_time: { dist: exponential, mean: 2 weeks }
  assignment: { dist: exponential, mean: 6 months }
demand:
  referrals_per_year: 4000
  initial_open_cases: 1500
  case_duration: { dist: exponential, mean: 6 months }
)");
    EXPECT_GT(seen.with_waiting, seen.samples / 2);
    EXPECT_GT(seen.with_agency, 0);
}

TEST(Invariants, HighTurnoverWithAgencyCover) {
    const Coverage seen = run_and_check(R"(start: 2016-04-01
horizon: 3 years
seed: 11
replications: 4
output_interval: 1 week
roles: { social_worker: { caseload_cap: 15 } }
establishment: { social_worker: 60 }
initial_staff: { permanent: { social_worker: 60 } }
turnover: { social_worker: { annual_rate: 3.0 } }
recruitment: { vacancy_fill_time: { dist: gamma, mean: 2 months, shape: 2 } }
agency:
  cover_vacancies: yes
  fill_time: { dist: uniform, min: 0, max: 3 weeks }
  assignment: { dist: fixed, value: 5 weeks }
demand:
  referrals_per_year: 1500
  case_duration: { dist: lognormal, median: 4 months, sigma: 1.0 }
)");
    EXPECT_GT(seen.leavers, 4 * 60 * 3);  // about 3 leavers a post a year
    EXPECT_GT(seen.with_agency, seen.samples / 2);
    EXPECT_GT(seen.with_three_plus, 0);
    EXPECT_GT(seen.with_waiting, 0);
}

TEST(Invariants, AgencyOffNoRecruitmentStaffDrainAway) {
    // Initial agency staff leave after one assignment and nobody replaces anyone.
    const Scenario s = parse_scenario({"variant.yaml", R"(start: 2016-04-01
horizon: 3 years
seed: 3
replications: 4
roles: { social_worker: { caseload_cap: 10 } }
establishment: { social_worker: 20 }
initial_staff: { permanent: { social_worker: 12 }, agency: { social_worker: 4 } }
turnover: { social_worker: { annual_rate: 0.8 } }
agency: { cover_vacancies: no, assignment: 3 months }
demand:
  referrals_per_year: 300
  initial_open_cases: 100
  case_duration: { dist: exponential, mean: 3 months }
)"});
    const BatchResult r = run_batch(s, 2);
    Coverage seen;
    check_invariants(s, r, seen);
    EXPECT_EQ(seen.starters, 0);
    EXPECT_GT(seen.with_waiting, 0);
    for (std::size_t rep = 0; rep < s.replications; ++rep) {
        EXPECT_EQ(value(r, Metric::StaffAgency, rep, 0), 4.0);
        // From month 4 on, every initial assignment (3 months) has ended and none is rebooked.
        for (std::size_t k = 4; k < r.times.size(); ++k) {
            EXPECT_EQ(value(r, Metric::StaffAgency, rep, k), 0.0) << rep << " " << k;
        }
    }
}

TEST(Invariants, NoAgencyAtAll) {
    const Coverage seen = run_and_check(
        short_core(replaced(replaced(core_text(), "  agency:    { social_worker: 10 }\n", ""),
                            "  cover_vacancies: true\n", "  cover_vacancies: false\n")));
    EXPECT_EQ(seen.with_agency, 0);
    EXPECT_GT(seen.with_vacancies, 0);
}

TEST(Invariants, SeveralRolesWithDifferentCaps) {
    const Coverage seen = run_and_check(R"(start: 2016-04-01
horizon: 2 years
seed: 5
replications: 4
output_interval: 2 weeks
roles:
  social_worker: { caseload_cap: 18 }
  senior: { caseload_cap: 12 }
  nqsw: { caseload_cap: 10 }
  manager: { caseload_cap: 0 }
establishment: { social_worker: 40, senior: 10, nqsw: 15, manager: 6 }
initial_staff:
  permanent: { social_worker: 30, senior: 9, nqsw: 10, manager: 6 }
  agency: { social_worker: 6, nqsw: 2 }
turnover:
  social_worker: { annual_rate: 0.2 }
  senior: { annual_rate: 0.1 }
  nqsw: { annual_rate: 0.4 }
  manager: { annual_rate: 0.05 }
recruitment: { vacancy_fill_time: 10 weeks }
agency:
  cover_vacancies: yes
  fill_time: 1 week
  assignment: { dist: exponential, mean: 4 months }
demand:
  referrals_per_year: 2600
  initial_open_cases: 400
  case_duration: { dist: exponential, mean: 5 months }
)");
    EXPECT_GT(seen.with_agency, 0);
    EXPECT_GT(seen.with_waiting, 0);
}

TEST(Invariants, NobodyInPostAtTheStart) {
    // Everything waits until the first starters arrive; mean caseload and agency share are NaN
    // while there are no staff.
    const Coverage seen = run_and_check(R"(start: 2016-04-01
horizon: 2 years
replications: 4
output_interval: 1 week
roles: { social_worker: { caseload_cap: 5 } }
establishment: { social_worker: 6 }
initial_staff: {}
recruitment: { vacancy_fill_time: { dist: exponential, mean: 2 months } }
demand:
  referrals_per_year: 50
  initial_open_cases: 10
  case_duration: 2 months
)");
    EXPECT_GT(seen.with_no_case_holders, 0);
    EXPECT_GT(seen.starters, 0);
}

TEST(Invariants, OnlyStaffWhoHoldNoCases) {
    const Coverage seen = run_and_check(R"(start: 2016-04-01
horizon: 1 year
replications: 2
roles: { manager: { caseload_cap: 0 } }
establishment: { manager: 3 }
initial_staff: { permanent: { manager: 3 } }
demand: { referrals_per_year: 100, case_duration: 1 month }
)");
    EXPECT_EQ(seen.with_no_case_holders, seen.samples);
    EXPECT_GT(seen.with_waiting, 0);
}

// Every value of every series, compared as bytes (NaN included).
void expect_bit_identical(const BatchResult& a, const BatchResult& b) {
    ASSERT_EQ(a.times, b.times);
    ASSERT_EQ(a.series.metrics(), b.series.metrics());
    ASSERT_EQ(a.series.replications(), b.series.replications());
    ASSERT_EQ(a.series.samples(), b.series.samples());
    EXPECT_EQ(a.events, b.events);
    for (std::size_t m = 0; m < a.series.metrics(); ++m) {
        for (std::size_t rep = 0; rep < a.series.replications(); ++rep) {
            const auto x = a.series.row(m, rep);
            const auto y = b.series.row(m, rep);
            EXPECT_EQ(std::memcmp(x.data(), y.data(), x.size_bytes()), 0)
                << a.series.specs()[m].name << ", replication " << rep;
        }
    }
}

bool rows_equal(const BatchResult& a, const BatchResult& b, Metric m, std::size_t rep) {
    const auto x = a.series.row(index(m), rep);
    const auto y = b.series.row(index(m), rep);
    return std::memcmp(x.data(), y.data(), x.size_bytes()) == 0;
}

TEST(Reproducibility, SameScenarioAndSeedGiveBitIdenticalResults) {
    const Scenario s = short_core();
    expect_bit_identical(run_batch(s, 2), run_batch(s, 2));
}

TEST(Reproducibility, OneOrTwoThreadsGiveBitIdenticalResults) {
    Scenario s = short_core();
    s.replications = 5;  // an odd number, so the threads get unequal shares
    expect_bit_identical(run_batch(s, 1), run_batch(s, 2));
}

TEST(Reproducibility, AnotherSeedGivesOtherResults) {
    // Guards the two tests above against comparing tables that could not differ.
    Scenario s = short_core();
    const BatchResult a = run_batch(s, 2);
    s.seed += 1;
    const BatchResult b = run_batch(s, 2);
    for (const Metric m : {Metric::Referrals, Metric::Leavers, Metric::StaffAgency}) {
        EXPECT_FALSE(rows_equal(a, b, m, 0)) << metric_specs()[index(m)].name;
    }
    // And the replications of one run differ from each other.
    const auto first = a.series.row(index(Metric::Referrals), 0);
    const auto second = a.series.row(index(Metric::Referrals), 1);
    EXPECT_NE(std::memcmp(first.data(), second.data(), first.size_bytes()), 0);
}

TEST(CommonRandomNumbers, AgencyAssignmentsDoNotChangeTheReferrals) {
    const std::string core = core_text();
    const BatchResult base = run_batch(short_core(core), 2);
    const BatchResult other =
        run_batch(short_core(replaced(core, "assignment: { dist: exponential, mean: 6 months }",
                                      "assignment: { dist: uniform, min: 1 week, max: 5 weeks }")),
                  2);
    bool agency_differs = false;
    for (std::size_t rep = 0; rep < base.series.replications(); ++rep) {
        EXPECT_TRUE(rows_equal(base, other, Metric::Referrals, rep)) << "replication " << rep;
        agency_differs = agency_differs || !rows_equal(base, other, Metric::StaffAgency, rep);
    }
    EXPECT_TRUE(agency_differs) << "the change should have changed the staffing";
}

TEST(CommonRandomNumbers, TurnoverDoesNotChangeTheReferrals) {
    const std::string core = core_text();
    const BatchResult base = run_batch(short_core(core), 2);
    const BatchResult other =
        run_batch(short_core(replaced(core, "annual_rate: 0.15", "annual_rate: 0.6")), 2);
    bool leavers_differ = false;
    for (std::size_t rep = 0; rep < base.series.replications(); ++rep) {
        EXPECT_TRUE(rows_equal(base, other, Metric::Referrals, rep)) << "replication " << rep;
        leavers_differ = leavers_differ || !rows_equal(base, other, Metric::Leavers, rep);
    }
    EXPECT_TRUE(leavers_differ);
}

}  // namespace
}  // namespace wfsim::model
