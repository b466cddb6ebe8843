// Case types and their journeys, teams and the allocation rules, against cases whose answers
// are known exactly or by binomial theory (tolerances in standard errors).
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "engine/simulator.hpp"
#include "models/batch.hpp"
#include "models/casework/caseload.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"j.yaml", yaml}), 2);
}

double at(const BatchResult& r, const std::string& metric, std::size_t sample,
          std::size_t rep = 0) {
    return r.series.at(r.series.index_of(metric), rep, sample);
}

// The sum of a flow series over every sample and replication.
double total(const BatchResult& r, const std::string& metric) {
    double sum = 0.0;
    const std::size_t series = r.series.index_of(metric);
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        for (std::size_t k = 0; k < r.series.samples(); ++k) sum += r.series.at(series, rep, k);
    }
    return sum;
}

// A service that is never short of workers: 50 staff who never leave, caps of 1000.
std::string ample(const std::string& rest, int replications = 1) {
    return "start: 2016-04-01\nseed: 11\nreplications: " + std::to_string(replications) +
           R"(
output_interval: 1 month
roles: { social_worker: { caseload_cap: 1000 } }
establishment: { social_worker: 50 }
initial_staff: { permanent: { social_worker: 50 } }
)" + rest;
}

TEST(CaseJourneys, StepsFollowTheirProbabilities) {
    // Every assessment is done after 20 days; 40 % become child in need, 10 % child
    // protection (both lasting beyond the horizon), the rest close.
    const BatchResult r = run(ample(R"(horizon: 2 years
case_types:
  assessment: { duration: 20 days, next: { child_in_need: 0.4, child_protection: 0.1 } }
  child_in_need: { duration: 10 years }
  child_protection: { duration: 10 years }
demand: { referrals_per_year: 3000 }
)",
                                    8));
    const double assessed = total(r, "stages_completed.assessment");
    const std::size_t last = r.series.samples() - 1;
    double in_need = 0.0, protection = 0.0;
    for (std::size_t rep = 0; rep < 8; ++rep) {
        in_need += at(r, "open_cases.child_in_need", last, rep);
        protection += at(r, "open_cases.child_protection", last, rep);
    }
    ASSERT_GT(assessed, 40000.0);
    // Binomial: each assessment steps independently; 4 standard errors.
    const auto within = [&](double count, double p) {
        const double se = std::sqrt(assessed * p * (1 - p));
        EXPECT_NEAR(count, assessed * p, 4 * se) << "p = " << p;
    };
    within(in_need, 0.4);
    within(protection, 0.1);
    EXPECT_EQ(total(r, "stages_completed.child_in_need"), 0.0);
    // Closed cases are the assessments that closed.
    EXPECT_EQ(total(r, "closed_cases"), assessed - in_need - protection);
}

std::string step_service(bool continuity, const std::string& held_by = "") {
    return ample(std::string(R"(horizon: 1 year
case_types:
  assessment: { duration: { dist: exponential, mean: 20 days }, next: { child_in_need: 1 })") +
                 (held_by.empty() ? "" : ", held_by: front_door") + R"( }
  child_in_need: { duration: { dist: exponential, mean: 40 days })" +
                 (held_by.empty() ? "" : ", held_by: " + held_by) + R"( }
demand: { referrals_per_year: 2000 }
allocation: { continuity: )" + (continuity ? "true" : "false") + " }\n");
}

TEST(CaseJourneys, ContinuityKeepsTheWorkerAcrossAStep) {
    // Nobody leaves, so with continuity every child keeps their first worker to the end.
    const BatchResult kept = run(step_service(true));
    EXPECT_EQ(total(kept, "closed_cases"), total(kept, "stages_completed.child_in_need"));
    for (std::size_t k = 1; k < kept.series.samples(); ++k) {
        EXPECT_EQ(at(kept, "mean_workers_per_closed_case", k), 1.0) << k;
    }
    // Without it each step is allocated afresh to the least-loaded worker: often the one who
    // just finished the assessment (their load fell by one), often another.
    const BatchResult fresh = run(step_service(false));
    const std::size_t last = fresh.series.samples() - 1;
    EXPECT_GT(at(fresh, "mean_workers_per_closed_case", last), 1.2);
}

TEST(CaseJourneys, AStepToAnotherTeamsTypeGivesANewWorkerEvenWithContinuity) {
    const std::string teams = R"(horizon: 1 year
start: 2016-04-01
seed: 11
replications: 1
roles: { social_worker: { caseload_cap: 1000 } }
teams:
  front_door: { count: 2, posts: { social_worker: 5 } }
  children_in_need: { count: 3, posts: { social_worker: 5 } }
initial_staff: { permanent: { social_worker: 25 } }
case_types:
  assessment: { duration: { dist: exponential, mean: 20 days }, held_by: front_door, next: { child_in_need: 1 } }
  child_in_need: { duration: { dist: exponential, mean: 40 days }, held_by: children_in_need }
demand: { referrals_per_year: 2000 }
allocation: { continuity: true }
)";
    const BatchResult r = run(teams);
    for (std::size_t k = 1; k < r.series.samples(); ++k) {
        EXPECT_EQ(at(r, "mean_workers_per_closed_case", k), 2.0) << k;
    }
    EXPECT_EQ(at(r, "team_staff_permanent.front_door", 0), 10.0);
    EXPECT_EQ(at(r, "team_staff_permanent.children_in_need", 0), 15.0);
}

// Team A (one worker, cap 2) holds type x; team B (one worker, cap 10) holds type y.
std::string two_teams(const std::string& scope) {
    return R"(start: 2016-04-01
horizon: 2 months
output_interval: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 2 }, senior: { caseload_cap: 10 } }
teams:
  a: { posts: { social_worker: 1 } }
  b: { posts: { senior: 1 } }
initial_staff: { permanent: { social_worker: 1, senior: 1 } }
case_types:
  x: { duration: 10 years, held_by: a }
  y: { duration: 10 years, held_by: b }
demand: { referrals_per_year: 0, initial_cases: { x: { count: 5 } } }
allocation: { scope: )" + scope + " }\n";
}

TEST(Teams, CasesGoToTheirTypesTeamAndWaitWhenItIsFull) {
    const BatchResult team = run(two_teams("team"));
    EXPECT_EQ(at(team, "team_mean_caseload.a", 0), 2.0);
    EXPECT_EQ(at(team, "team_mean_caseload.b", 0), 0.0);
    EXPECT_EQ(at(team, "unallocated_cases.x", 0), 3.0);
    EXPECT_EQ(at(team, "team_unallocated_cases.a", 0), 3.0);
    // Team first, then the service: the senior in team b takes the rest.
    const BatchResult service = run(two_teams("team_then_service"));
    EXPECT_EQ(at(service, "team_mean_caseload.a", 0), 2.0);
    EXPECT_EQ(at(service, "team_mean_caseload.b", 0), 3.0);
    EXPECT_EQ(at(service, "unallocated_cases", 0), 0.0);
}

TEST(Teams, InitialStaffAndVacanciesAreSpreadOverTheTeams) {
    // Social worker posts in turn: a1 a2 b (first posts), a1 a2 b (second), a1 a2 (third).
    // Five initial staff fill a1 a2 b a1 a2: team a has 4 of its 6 posts filled, b 1 of 2.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 10 } }
teams:
  a: { count: 2, posts: { social_worker: 3 } }
  b: { posts: { social_worker: 2 } }
initial_staff: { permanent: { social_worker: 5 }, agency: { social_worker: 2 } }
agency: { cover_vacancies: true, fill_time: 1 day, assignment: 10 years }
demand: { referrals_per_year: 0, case_duration: 1 year }
)");
    EXPECT_EQ(at(r, "team_staff_permanent.a", 0), 4.0);
    EXPECT_EQ(at(r, "team_staff_permanent.b", 0), 1.0);
    EXPECT_EQ(at(r, "team_vacancies.a", 0), 2.0);
    EXPECT_EQ(at(r, "team_vacancies.b", 0), 1.0);
    // The next two posts in turn (b's second, then a1's third) get the agency staff.
    EXPECT_EQ(at(r, "team_staff_agency.b", 0), 1.0);
    EXPECT_EQ(at(r, "team_staff_agency.a", 0), 1.0);
    EXPECT_EQ(at(r, "vacancies", 0), 3.0);
}

// One worker with a cap of 4 who starts a day in, and ten cases of weight 2 open at the start.
std::string one_worker(const std::string& allocation) {
    return R"(start: 2016-04-01
horizon: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 4 } }
establishment: { social_worker: 1 }
initial_staff: {}
recruitment: { vacancy_fill_time: 1 day }
case_types:
  protection: { duration: 10 years, weight: 2 }
demand: { referrals_per_year: 0, initial_cases: { protection: { count: 10 } } }
allocation: )" + allocation + "\n";
}

TEST(Allocation, WeightedCaseloadsCapTheSumOfWeights) {
    const BatchResult counted = run(one_worker("{ weighted: false }"));
    EXPECT_EQ(at(counted, "allocated_cases", 1), 4.0);
    EXPECT_EQ(at(counted, "mean_weighted_caseload", 1), 8.0);
    const BatchResult weighted = run(one_worker("{ weighted: true }"));
    EXPECT_EQ(at(weighted, "allocated_cases", 1), 2.0);
    EXPECT_EQ(at(weighted, "mean_weighted_caseload", 1), 4.0);
    EXPECT_EQ(at(weighted, "over_cap_allocations", 1), 0.0);
}

TEST(Allocation, GuidelineCapsAllocateOverTheCapRatherThanLeaveChildrenWaiting) {
    const BatchResult hard = run(one_worker("{ caps: hard }"));
    EXPECT_EQ(at(hard, "unallocated_cases", 0), 10.0);  // before the worker starts
    EXPECT_EQ(at(hard, "unallocated_cases", 1), 6.0);
    EXPECT_EQ(at(hard, "staff_over_cap_share", 1), 0.0);
    // Up to 1.5 x 4 = 6 cases: two over the cap.
    const BatchResult guideline = run(one_worker("{ caps: guideline, guideline_limit: 1.5 }"));
    EXPECT_EQ(at(guideline, "allocated_cases", 1), 6.0);
    EXPECT_EQ(at(guideline, "unallocated_cases", 1), 4.0);
    EXPECT_EQ(at(guideline, "over_cap_allocations", 1), 2.0);
    EXPECT_EQ(at(guideline, "staff_over_cap_share", 1), 1.0);
    EXPECT_EQ(at(guideline, "max_caseload", 1), 6.0);
}

std::string priorities(int low, int high) {
    return R"(start: 2016-04-01
horizon: 2 months
output_interval: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 1 } }
establishment: { social_worker: 1 }
initial_staff: { permanent: { social_worker: 1 } }
case_types:
  first: { duration: 10 days }
  low: { duration: 1 year, priority: )" +
           std::to_string(low) + R"( }
  high: { duration: 1 year, priority: )" +
           std::to_string(high) + R"( }
demand:
  referrals_per_year: 0
  initial_cases: { first: { count: 1 }, low: { count: 1 }, high: { count: 1 } }
)";
}

TEST(Allocation, WaitingCasesGetTheNextWorkerByPriorityThenOrder) {
    // The one worker is busy for 10 days; then the waiting case of the type first in
    // priority gets them, although the other waited longer.
    const BatchResult ranked = run(priorities(5, 0));
    EXPECT_EQ(at(ranked, "unallocated_cases", 0), 2.0);
    EXPECT_EQ(at(ranked, "unallocated_cases.high", 1), 0.0);
    EXPECT_EQ(at(ranked, "unallocated_cases.low", 1), 1.0);
    const BatchResult equal = run(priorities(0, 0));
    EXPECT_EQ(at(equal, "unallocated_cases.low", 1), 0.0);
    EXPECT_EQ(at(equal, "unallocated_cases.high", 1), 1.0);
}

std::string timed(const std::string& age, const std::string& timescale) {
    return ample(R"(horizon: 2 months
case_types:
  assessment: { duration: 60 days, timescale: )" + timescale + R"( }
demand:
  referrals_per_year: 0
  initial_cases: { assessment: { count: 10)" + age + R"( } }
)");
}

TEST(CaseJourneys, InitialCasesAgeCountsTowardsTheirWorkAndTimescale) {
    // Open 40 days at the start, a 60-day stage has 20 days left: done within the first
    // month, 60 days after it started.
    const BatchResult aged = run(timed(", age: 40 days", "61 days"));
    EXPECT_EQ(at(aged, "open_cases", 1), 0.0);
    EXPECT_EQ(at(aged, "stages_completed.assessment", 1), 10.0);
    EXPECT_EQ(at(aged, "within_timescale_share.assessment", 1), 1.0);
    const BatchResult late = run(timed(", age: 40 days", "45 days"));
    EXPECT_EQ(at(late, "within_timescale_share.assessment", 1), 0.0);
    // Opened at the start: still open after a month, done in the second.
    const BatchResult fresh = run(timed("", "61 days"));
    EXPECT_EQ(at(fresh, "open_cases", 1), 10.0);
    EXPECT_EQ(at(fresh, "within_timescale_share.assessment", 2), 1.0);
    EXPECT_TRUE(std::isnan(at(fresh, "within_timescale_share.assessment", 1)));
}

TEST(CaseJourneys, ClosedCasesComeBackAsReReferrals) {
    // Every case closes after 20 days; 30 % come back 30 days later. Cases closed by the
    // second-to-last sample (more than 30 days before the end) have all had their chance.
    const BatchResult r = run(ample(R"(horizon: 2 years
demand:
  referrals_per_year: 3000
  case_duration: 20 days
  re_referral: { probability: 0.3, after: 30 days }
)",
                                    8));
    double closed = 0.0;
    const std::size_t series = r.series.index_of("closed_cases");
    for (std::size_t rep = 0; rep < 8; ++rep) {
        for (std::size_t k = 0; k + 1 < r.series.samples(); ++k) closed += r.series.at(series, rep, k);
    }
    const double back = total(r, "re_referrals");
    EXPECT_NEAR(back, 0.3 * closed, 4 * std::sqrt(closed * 0.3 * 0.7));
    // Re-referrals are referrals: 3000 a year of new ones on top.
    const double fresh = total(r, "referrals") - back;
    EXPECT_NEAR(fresh, 8 * 2 * 3000.0, 4 * std::sqrt(8 * 2 * 3000.0));
}

TEST(CaseJourneys, ThreePlusWorkersInTwelveMonthsCountsTheWorkerHoldingItAtTheWindowStart) {
    engine::Simulator sim;
    const AllocationParams rules;
    Caseload cases(3, rules, sim);
    cases.add_worker(0, 5);
    cases.rebalance(sim);
    cases.open_case(10000.0, sim);  // worker 0 from day 0
    std::vector<std::uint64_t> three_plus;
    const auto change_to = [&](WorkerId next, WorkerId leaving, double day) {
        sim.run_until(day);
        cases.add_worker(next, 5);
        cases.remove_worker(leaving, day);
        cases.rebalance(sim);
    };
    change_to(1, 0, 100.0);  // second worker
    change_to(2, 1, 200.0);  // third worker
    cases.count_three_plus_workers_within(400.0, 365.25, three_plus);
    EXPECT_EQ(three_plus[0], 1u);  // window (34.75, 400]: workers 1 and 2, and 0 at its start
    cases.count_three_plus_workers_within(466.0, 365.25, three_plus);
    EXPECT_EQ(three_plus[0], 0u);  // window (100.75, 466]: 1 (at its start) and 2
}

std::vector<std::string> problems(const std::string& yaml) {
    return testing::scenario_problems(yaml);
}

const std::string kTyped = R"(start: 2016-04-01
horizon: 1 year
roles: { social_worker: { caseload_cap: 10 } }
teams:
  duty: { count: 2, posts: { social_worker: 3 } }
initial_staff: { permanent: { social_worker: 4 } }
case_types:
  assessment: { duration: 30 days, held_by: duty, next: { child_in_need: 0.5 } }
  child_in_need: { duration: 9 months }
demand: { referrals_per_year: 100 }
)";

std::string typed_with(const std::string& from, const std::string& to) {
    std::string text = kTyped;
    const std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

TEST(CaseJourneyInput, TheExampleIsValid) {
    EXPECT_EQ(problems(kTyped), std::vector<std::string>{});
}

TEST(CaseJourneyInput, MistakesAreReportedAtTheirKey) {
    using Lines = std::vector<std::string>;
    EXPECT_EQ(problems(typed_with("child_in_need: 0.5", "child_in_ned: 0.5")),
              (Lines{"s.yaml:8:73: error: case_types.assessment.next.child_in_ned: case type "
                     "'child_in_ned' is not declared in case_types (did you mean "
                     "'child_in_need'?)"}));
    EXPECT_EQ(problems(typed_with("child_in_need: 0.5", "child_in_need: 0.7, closed: 0.4")),
              (Lines{"s.yaml:8:57: error: case_types.assessment.next: probabilities add up to "
                     "more than 1 (got 1.1)"}));
    EXPECT_EQ(problems(typed_with("held_by: duty", "held_by: dutty")),
              (Lines{"s.yaml:8:45: error: case_types.assessment.held_by: team 'dutty' is not "
                     "declared in teams (did you mean 'duty'?)"}));
    EXPECT_EQ(problems(typed_with("referrals_per_year: 100",
                                  "referrals_per_year: 100, case_duration: 1 year")),
              (Lines{"s.yaml:10:51: error: demand.case_duration: with case_types, each type "
                     "has its own duration (case_types.<type>.duration)"}));
    EXPECT_EQ(problems(typed_with("referrals_per_year: 100",
                                  "referrals_per_year: 100, referral_mix: { assessment: 0.5 }")),
              (Lines{"s.yaml:10:50: error: demand.referral_mix: shares must add up to 1 (got "
                     "0.5)"}));
    EXPECT_EQ(problems(typed_with("initial_staff:", "establishment: { social_worker: 6 }\n"
                                                    "initial_staff:")),
              (Lines{"s.yaml:6:16: error: establishment: the establishment comes from teams: "
                     "when teams are declared (remove one)"}));
    EXPECT_EQ(problems(typed_with("social_worker: 4", "social_worker: 7")),
              (Lines{"s.yaml:6:46: error: initial_staff.permanent.social_worker: more "
                     "permanent staff than posts (got 7, establishment 6)"}));
}

}  // namespace
}  // namespace wfsim::model

namespace wfsim::model {
namespace {

TEST(CaseJourneys, InitialCasesBringTheirChildrensEarlierWorkers) {
    // Every child had 2 workers before the start, within the last 6 months: with the worker
    // who takes the case at the start, each has had 3 in the last 12 months.
    const std::string yaml = R"(start: 2016-04-01
horizon: 1 year
output_interval: 6 months
replications: 1
roles: { social_worker: { caseload_cap: 100 } }
establishment: { social_worker: 10 }
initial_staff: { permanent: { social_worker: 10 } }
case_types:
  looked_after: { duration: 10 years }
demand:
  referrals_per_year: 0
  initial_cases:
    looked_after: { count: 200, age: 6 months, earlier_workers: { 2: 1 } }
)";
    const BatchResult r = run_batch(parse_scenario({"h.yaml", yaml}), 1);
    const auto at = [&](const char* metric, std::size_t k) {
        return r.series.at(r.series.index_of(metric), 0, k);
    };
    EXPECT_EQ(at("share_open_cases_3plus_workers", 0), 1.0);
    EXPECT_EQ(at("workers_3plus_12m_share.looked_after", 0), 1.0);
    EXPECT_EQ(at("workers_3plus_12m_share.looked_after", 1), 1.0);
    // A year on, the earlier workers' starts (up to 6 months before the start) have left
    // the window: the current worker and the one before them remain.
    EXPECT_EQ(at("workers_3plus_12m_share.looked_after", 2), 0.0);
    EXPECT_EQ(at("share_open_cases_3plus_workers", 2), 1.0);
    // Without a history nobody has had 3.
    std::string none = yaml;
    const std::string history = ", earlier_workers: { 2: 1 }";
    none.replace(none.find(history), history.size(), "");
    const BatchResult fresh = run_batch(parse_scenario({"h.yaml", none}), 1);
    EXPECT_EQ(fresh.series.at(fresh.series.index_of("share_open_cases_3plus_workers"), 0, 0), 0.0);
}

}  // namespace
}  // namespace wfsim::model

namespace wfsim::model {
namespace {

TEST(CaseJourneys, ATimescaleSetByAnInterventionIsMeasuredFromItsDate) {
    const BatchResult r = run_batch(parse_scenario({"t.yaml", R"(start: 2020-01-01
horizon: 6 months
output_interval: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 20 }
initial_staff: { permanent: { social_worker: 20 } }
case_types:
  assessment: { duration: { dist: exponential, mean: 20 days } }
demand: { referrals_per_year: 2000 }
interventions:
  - at: 2020-02-15
    set: { case_types.assessment.timescale: 45 days }
)"}),
                                     1);
    const std::size_t share = r.series.index_of("within_timescale_share.assessment");
    EXPECT_TRUE(std::isnan(r.series.at(share, 0, 1)));  // January: not measured
    for (std::size_t k = 3; k < r.series.samples(); ++k) {
        EXPECT_GT(r.series.at(share, 0, k), 0.8) << k;  // exponential(20 days) within 45: 89 %
    }
}

}  // namespace
}  // namespace wfsim::model
