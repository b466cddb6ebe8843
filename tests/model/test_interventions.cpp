// Dated interventions: each change takes effect on its date and only from then, an
// intervention that changes nothing changes no number, and every mistake in one is reported
// like a mistake in the file, naming the intervention. Statistical tolerances are 4 standard
// errors of the replication mean.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

using Lines = std::vector<std::string>;
constexpr double kTolerance = 4.0;  // standard errors

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"i.yaml", yaml}), 2);
}

Lines problems(const std::string& yaml) {
    return testing::scenario_problems(yaml, "i.yaml");
}

double at(const BatchResult& r, const std::string& metric, std::size_t rep, std::size_t sample) {
    return r.series.at(r.series.index_of(metric), rep, sample);
}

struct Mean {
    double mean = 0.0;
    double se = 0.0;
};

Mean mean_at(const BatchResult& r, const std::string& metric, std::size_t sample) {
    const std::size_t n = r.series.replications();
    double sum = 0.0;
    double sum2 = 0.0;
    for (std::size_t rep = 0; rep < n; ++rep) {
        const double v = at(r, metric, rep, sample);
        sum += v;
        sum2 += v * v;
    }
    const double mean = sum / static_cast<double>(n);
    const double var = (sum2 - static_cast<double>(n) * mean * mean) / static_cast<double>(n - 1);
    return {mean, std::sqrt(var / static_cast<double>(n))};
}

// A service with every kind of process running: turnover with notice and destinations,
// continuous recruitment, a scheduled and a triggered campaign, agency cover and demand.
// Samples are monthly from 2016-04-01: sample k is k months in.
std::string busy(const std::string& interventions) {
    return R"(start: 2016-04-01
horizon: 4 years
replications: 6
seed: 5
roles:
  social_worker: { caseload_cap: 20 }
  senior_social_worker: { caseload_cap: 15 }
establishment: { social_worker: 80, senior_social_worker: 20 }
initial_staff:
  permanent: { social_worker: 66, senior_social_worker: 18 }
  agency: { social_worker: 6 }
turnover:
  social_worker: { annual_rate: 0.2 }
  senior_social_worker: { annual_rate: 0.12 }
leaving:
  notice_period: 1 month
  destinations: { left_sector: 0.5, agency: 0.3, other_authority: 0.2 }
recruitment:
  vacancy_fill_time: { dist: lognormal, median: 4 months, sigma: 0.5 }
  campaigns:
    spring:
      role: social_worker
      schedule: { first: 2016-05-01, every: 6 months }
      applicants: 10
      appointable: 0.5
      acceptance: 0.8
    alarm:
      role: senior_social_worker
      trigger: { vacancy_rate_above: 0.1, check_every: 1 month, min_gap: 3 months }
      applicants: 4
      appointable: 0.5
      acceptance: 0.8
agency:
  cover_vacancies: yes
  fill_time: 3 weeks
  assignment: { dist: exponential, mean: 6 months }
demand:
  referrals_per_year: 900
  initial_open_cases: 1200
  case_duration: { dist: exponential, mean: 8 months }
)" + interventions;
}

// Every value of every series, NaN equal to NaN.
void expect_same_series(const BatchResult& a, const BatchResult& b) {
    ASSERT_EQ(a.series.metrics(), b.series.metrics());
    ASSERT_EQ(a.series.samples(), b.series.samples());
    for (std::size_t m = 0; m < a.series.metrics(); ++m) {
        for (std::size_t rep = 0; rep < a.series.replications(); ++rep) {
            for (std::size_t t = 0; t < a.series.samples(); ++t) {
                const double x = a.series.at(m, rep, t);
                const double y = b.series.at(m, rep, t);
                if (std::isnan(x) && std::isnan(y)) continue;
                ASSERT_EQ(x, y) << a.series.specs()[m].name << " replication " << rep
                                << " sample " << t;
            }
        }
    }
}

TEST(Interventions, ThatChangeNothingChangeNoNumber) {
    const BatchResult plain = run(busy(""));
    const BatchResult same = run(busy(R"(interventions:
  - at: 2017-01-01
    set:
      turnover.social_worker.annual_rate: 0.2
      establishment.social_worker: 80
      recruitment.campaigns.spring.applicants: 10
      demand.referrals_per_year: 900
      agency.cover_vacancies: yes
)"));
    expect_same_series(plain, same);
    EXPECT_EQ(same.events, plain.events + 6) << "one intervention event per replication";
}

TEST(Interventions, EstablishmentChangesOnTheDateExactly) {
    // No turnover and no recruitment: the only changes to vacancies are the interventions'.
    const std::string base = R"(start: 2016-04-01
horizon: 12 months
replications: 2
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 100 }
initial_staff: { permanent: { social_worker: 90 } }
demand: { referrals_per_year: 0, case_duration: 1 month }
interventions:
  - at: 2016-07-15
    set: { establishment.social_worker: 120 }
  - at: 2016-10-15
    set: { establishment.social_worker: 85 }
)";
    const BatchResult r = run(base);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        // Sample k is k months in (2016-07-01 is sample 3).
        EXPECT_EQ(at(r, "vacancies", rep, 3), 10.0);  // 2016-07-01
        EXPECT_EQ(at(r, "vacancies", rep, 4), 30.0);  // 2016-07-31: 20 posts added
        EXPECT_EQ(at(r, "vacancies", rep, 6), 30.0);  // 2016-10-01
        // Cut to 85: the 30 vacant posts go first, then 5 in post are abolished as their
        // holders leave; nobody leaves here, so all 90 stay in post and none is vacant.
        EXPECT_EQ(at(r, "vacancies", rep, 7), 0.0);  // 2016-10-31
        EXPECT_EQ(at(r, "staff_permanent", rep, 11), 90.0);
    }
}

TEST(Interventions, ACutPostGoesWhenItsHolderLeaves) {
    const std::string base = R"(start: 2016-04-01
horizon: 3 years
replications: 20
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 100 }
initial_staff: { permanent: { social_worker: 100 } }
turnover: { social_worker: { annual_rate: 0.3 } }
recruitment: { vacancy_fill_time: 1 week }
demand: { referrals_per_year: 0, case_duration: 1 month }
interventions:
  - at: 2016-06-01
    set: { establishment.social_worker: 90 }
)";
    const BatchResult r = run(base);
    // With 30 % leaving a year, all ten cuts have been made within three years (each of the
    // first ten leavers takes one with them) and the service settles at 90 posts, filled.
    for (std::size_t rep = 0; rep < 20; ++rep) {
        const std::size_t last = r.times.size() - 1;
        EXPECT_LE(at(r, "staff_permanent", rep, last), 90.0);
        EXPECT_GE(at(r, "staff_permanent", rep, last), 86.0);
        EXPECT_EQ(at(r, "staff_permanent", rep, last) + at(r, "vacancies", rep, last), 90.0);
    }
}

TEST(Interventions, ANewTurnoverRateAppliesFromItsDate) {
    // Leavers are replaced at once; 12-month turnover is the annual rate (exponential clocks:
    // a leaving rate of 0.3 per person-year), then 0.1 from a year after the change.
    const std::string base = R"(start: 2016-04-01
horizon: 4 years
output_interval: 12 months
replications: 200
seed: 9
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 100 }
initial_staff: { permanent: { social_worker: 100 } }
turnover: { social_worker: { annual_rate: 0.3 } }
recruitment: { vacancy_fill_time: 1 day }
demand: { referrals_per_year: 0, case_duration: 1 month }
interventions:
  - at: 2018-04-01
    set: { turnover.social_worker.annual_rate: 0.1 }
)";
    const BatchResult r = run(base);
    const Mean before = mean_at(r, "turnover_rate_12m", 1);  // 2017-04 .. 2018-04
    const Mean after = mean_at(r, "turnover_rate_12m", 3);   // 2019-04 .. 2020-04
    EXPECT_NEAR(before.mean, 0.3, kTolerance * before.se);
    EXPECT_NEAR(after.mean, 0.1, kTolerance * after.se);
    EXPECT_LT(after.se, 0.01);
}

TEST(Interventions, CampaignsCanBeSwitchedOnAddedAndReScheduled) {
    const std::string base = R"(start: 2016-04-01
horizon: 2 years
replications: 4
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 1000 }
initial_staff: {}
recruitment:
  campaigns:
    spring:
      role: social_worker
      enabled: no
      schedule: { first: 2016-04-15, every: 3 months }
      applicants: 10
      appointable: 1
      acceptance: 1
demand: { referrals_per_year: 0, case_duration: 1 month }
interventions:
  - at: 2016-10-01
    set: { recruitment.campaigns.spring.enabled: yes }
  - at: 2017-04-01
    set:
      recruitment.campaigns.spring.schedule.every: 1 month
      recruitment.campaigns.autumn:
        role: social_worker
        schedule: { first: 2017-06-10 }
        applicants: 5
        appointable: 1
        acceptance: 1
)";
    const BatchResult r = run(base);
    std::vector<double> months(r.times.size(), 0.0);
    for (std::size_t k = 0; k < r.times.size(); ++k) months[k] = at(r, "campaigns", 0, k);
    // Sample k counts the rounds of the month before it (k months in). Off until October;
    // then quarterly rounds on the 15th of October and January; from April 2017 monthly on
    // the 15th, and autumn once.
    std::vector<double> expected(r.times.size(), 0.0);
    expected[7] = 1;   // 2016-10-15
    expected[10] = 1;  // 2017-01-15
    for (std::size_t k = 13; k < r.times.size(); ++k) expected[k] = 1;  // monthly from 2017-04-15
    expected[15] += 1;  // autumn, 2017-06-10
    EXPECT_EQ(months, expected);
}

TEST(Interventions, DemandAndCaseloadCapsChangeFromTheirDate) {
    const std::string base = R"(start: 2016-04-01
horizon: 2 years
output_interval: 3 months
replications: 100
roles: { social_worker: { caseload_cap: 30 } }
establishment: { social_worker: 50 }
initial_staff: { permanent: { social_worker: 50 } }
demand: { referrals_per_year: 4000, initial_open_cases: 2000, case_duration: 6 months }
interventions:
  - at: 2017-04-01
    set: { demand.referrals_per_year: 8000, roles.social_worker.caseload_cap: 18 }
)";
    const BatchResult r = run(base);
    const Mean before = mean_at(r, "referrals", 2);  // months 3-6: a quarter of 4,000
    const Mean after = mean_at(r, "referrals", 6);   // months 15-18: a quarter of 8,000
    EXPECT_NEAR(before.mean, 1000.0, kTolerance * std::sqrt(1000.0 / 100));
    EXPECT_NEAR(after.mean, 2000.0, kTolerance * std::sqrt(2000.0 / 100));
    // A lower cap stops allocation above it at once; cases held above it are not taken away
    // but close in time (6 months of work), so every worker is at the new cap within 6 months.
    for (std::size_t rep = 0; rep < 100; ++rep) {
        EXPECT_EQ(at(r, "max_caseload", rep, 3), 30.0);  // 2017-01-01: full at the old cap
        EXPECT_EQ(at(r, "max_caseload", rep, 7), 18.0);  // 2018-01-01
        EXPECT_EQ(at(r, "mean_caseload", rep, 7), 18.0);
    }
}

TEST(Interventions, SwitchingOnContinuousRecruitmentFillsTheVacanciesThere) {
    const std::string base = R"(start: 2016-04-01
horizon: 1 year
replications: 2
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 100 }
initial_staff: { permanent: { social_worker: 70 } }
demand: { referrals_per_year: 0, case_duration: 1 month }
interventions:
  - at: 2016-08-01
    set: { recruitment.vacancy_fill_time: 2 months }
)";
    const BatchResult r = run(base);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        // Switched on 2016-08-01; the fills take 2 months, to just after 2016-10-01.
        EXPECT_EQ(at(r, "vacancies", rep, 6), 30.0);  // 2016-10-01
        EXPECT_EQ(at(r, "vacancies", rep, 7), 0.0);   // 2016-10-31
        EXPECT_EQ(at(r, "starters", rep, 7), 30.0);
    }
}

// Teams grow and shrink by template: new posts join the template whose count (or posts) the
// intervention changed, so its series and its case types' candidates include them; cuts take
// that template's vacant posts first and leave the other templates alone.
TEST(Interventions, TeamTemplatesGainAndLoseTheirOwnPosts) {
    const std::string base = R"(start: 2016-04-01
horizon: 12 months
replications: 2
roles: { social_worker: { caseload_cap: 20 } }
teams:
  assessment: { count: 2, posts: { social_worker: 5 } }
  protection: { count: 2, posts: { social_worker: 5 } }
initial_staff: { permanent: { social_worker: 16 } }
case_types:
  assessment: { duration: 5 years, held_by: assessment }
  protection: { duration: 5 years, held_by: protection }
demand:
  referrals_per_year: 0
  initial_cases: { assessment: { count: 80 }, protection: { count: 80 } }
interventions:
  - at: 2016-07-15
    set: { teams.assessment.count: 4 }
  - at: 2016-10-15
    set: { teams.protection.count: 1 }
  - at: 2017-01-15
    set: { teams.protection.posts.social_worker: 6 }
)";
    const BatchResult r = run(base);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        // 16 staff over 20 posts, spread team by team: each template has 8 in post, 2 vacant.
        EXPECT_EQ(at(r, "team_vacancies.assessment", rep, 3), 2.0);  // 2016-07-01
        EXPECT_EQ(at(r, "team_vacancies.protection", rep, 3), 2.0);
        // Two more assessment teams: 10 vacant posts there, none elsewhere.
        EXPECT_EQ(at(r, "team_vacancies.assessment", rep, 4), 12.0);  // 2016-07-31
        EXPECT_EQ(at(r, "team_vacancies.protection", rep, 4), 2.0);
        EXPECT_EQ(at(r, "vacancies", rep, 4), 14.0);
        // One protection team (5 posts) of the 10: its 2 vacant posts go at once, 3 of the 8 in
        // post wait for their holders to leave (nobody does here).
        EXPECT_EQ(at(r, "team_vacancies.protection", rep, 7), 0.0);  // 2016-10-31
        EXPECT_EQ(at(r, "team_staff_permanent.protection", rep, 7), 8.0);
        EXPECT_EQ(at(r, "team_vacancies.assessment", rep, 7), 12.0);
        // 6 posts a team: one pending cut is cancelled instead of a post added.
        EXPECT_EQ(at(r, "team_vacancies.protection", rep, 10), 0.0);  // 2017-01-31
        EXPECT_EQ(at(r, "vacancies", rep, 10), 12.0);
        // The protection cases stayed with the protection teams' 8 workers.
        EXPECT_EQ(at(r, "team_mean_caseload.protection", rep, 10), 10.0);
    }
}

TEST(Interventions, NewTeamPostsTakeTheirTemplatesCases) {
    // The new assessment posts are filled within a day; referrals of assessment type then go
    // to the least loaded of the template's workers: the newcomers, never the protection team.
    const std::string base = R"(start: 2016-04-01
horizon: 4 months
replications: 2
roles: { social_worker: { caseload_cap: 20 } }
teams:
  assessment: { count: 1, posts: { social_worker: 5 } }
  protection: { count: 1, posts: { social_worker: 5 } }
initial_staff: { permanent: { social_worker: 10 } }
turnover: { social_worker: { annual_rate: 0.0001 } }
recruitment: { vacancy_fill_time: 1 day }
case_types:
  assessment: { duration: 5 years, held_by: assessment }
  protection: { duration: 5 years, held_by: protection }
demand:
  referrals_per_year: 0
  initial_cases: { assessment: { count: 100 }, protection: { count: 10 } }
interventions:
  - at: 2016-05-15
    set: { teams.assessment.count: 2, demand.referrals_per_year: 400 }
)";
    const BatchResult r = run(base);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        EXPECT_EQ(at(r, "team_staff_permanent.assessment", rep, 2), 10.0);  // 2016-05-31
        EXPECT_EQ(at(r, "team_mean_caseload.protection", rep, 3), 2.0);
        // The 5 old assessment workers are full (20 each); every referral went to the new 5.
        const double referred = at(r, "open_cases", rep, 3) - 110.0;
        EXPECT_GT(referred, 0.0);
        EXPECT_EQ(at(r, "team_mean_caseload.assessment", rep, 3) * 10.0, 100.0 + referred);
        EXPECT_EQ(at(r, "unallocated_cases", rep, 3), 0.0);
    }
}

// Mistakes in interventions are reported at the value that an intervention set, naming it.
TEST(Interventions, MistakesAreReportedWhereTheyWereMadeNamingTheIntervention) {
    const std::string head = R"(start: 2016-04-01
horizon: 2 years
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 10 }
initial_staff: {}
demand: { referrals_per_year: 0, case_duration: 1 month }
)";
    EXPECT_EQ(problems(head + R"(interventions:
  - at: 2017-01-01
    set:
      turnover.social_worker.annual_rate: -0.1
      seed: 4
      establishment.social_wroker: 12
)"),
              (Lines{
                  "i.yaml:10:43: error: turnover.social_worker.annual_rate: must be between 0 "
                  "and 100 (got -0.1) (set by interventions[0])",
                  "i.yaml:11:7: error: interventions[0].set.seed: cannot change during a run; "
                  "set seed in the scenario itself",
                  "i.yaml:12:36: error: establishment.social_wroker: role 'social_wroker' is not "
                  "declared in roles (did you mean 'social_worker'?) (set by interventions[0])",
              }));
    EXPECT_EQ(problems(head + R"(interventions:
  - at: 2016-01-01
    set: { establishment.social_worker: 12 }
  - at: 2019-01-01
    set: { establishment.social_worker: 12 }
  - at: 2017-01-01
    set: { roles.team_manager.caseload_cap: 0 }
)"),
              (Lines{
                  "i.yaml:8:9: error: interventions[0].at: must be after the start (2016-04-01)",
                  "i.yaml:10:9: error: interventions[1].at: must be before the end of the horizon",
                  "i.yaml:12:9: error: interventions[2].at: must not be before the previous "
                  "intervention's date (2019-01-01)",
                  "i.yaml:13:10: error: interventions[2].set: roles cannot be added during a run "
                  "(declare them from the start)",
              }));
    const std::string teams = R"(start: 2016-04-01
horizon: 2 years
roles: { social_worker: { caseload_cap: 20 } }
teams: { assessment: { count: 2, posts: { social_worker: 5 } } }
initial_staff: {}
demand: { referrals_per_year: 0, case_duration: 1 month }
)";
    EXPECT_EQ(problems(teams + R"(interventions:
  - at: 2017-01-01
    set: { teams.duty.posts.social_worker: 3, establishment.social_worker: 12 }
)"),
              (Lines{
                  "i.yaml:9:10: error: interventions[0].set: team templates cannot be added during "
                  "a run (declare them from the start; an intervention may change their count "
                  "and posts)",
                  "i.yaml:9:47: error: establishment: the establishment comes from teams: when "
                  "teams are declared (remove one) (set by interventions[0])",
              }));
}

}  // namespace
}  // namespace wfsim::model
