// The ASYE: intakes on their dates, the protected caseload and development time, assessment
// outcomes in their probabilities (failures leave), the ASYE turnover rate switching off at
// completion, campaign NQSWs starting their ASYE, the per-cohort table, and the Staffing
// mechanics the process relies on (set_in_asye, complete_asye).
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "engine/simulator.hpp"
#include "models/batch.hpp"
#include "models/casework/caseload.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/asye.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover.hpp"
#include "series_stats.hpp"

namespace wfsim::model {
namespace {

using engine::kDaysPerMonth;
using engine::kDaysPerYear;
using testing::at_sample;
using testing::kTolerance;
using testing::Mean;
using testing::mean_of;
using testing::replication_sums;

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"asye.yaml", yaml}), 2);
}

// The monthly sample whose interval holds time t (an event at a sample time is recorded in
// that sample).
std::size_t sample_of(double t) {
    return static_cast<std::size_t>(std::ceil(t / kDaysPerMonth - 1e-9));
}

TEST(Asye, IntakesJoinOnTheirDatesIntoVacanciesThenAboveEstablishment) {
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 3 years
replications: 2
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 20 }
initial_staff: { permanent: { sw: 15 } }
asye:
  role: sw
  intakes:
    - { date: 2016-09-01, count: 8 }
    - { date: 2017-01-01, count: 3, every: 6 months, until: 2018-01-01 }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    // 2016-09-01 is day 153, 2017-01-01 day 275; the six-monthly intake runs until
    // 2018-01-01 (day 640), which it reaches at 275 + 2 x 182.625 = 640.25, on that date.
    const std::vector<std::pair<double, int>> intakes = {
        {153, 8}, {275, 3}, {275 + 182.625, 3}, {275 + 365.25, 3}};
    for (std::size_t k = 0; k < r.times.size(); ++k) {
        const double t = r.times[k];
        double hired = 0, in_asye = 0, passed = 0, staff = 15;
        for (const auto& [day, count] : intakes) {
            if (sample_of(day) == k) hired += count;
            if (day <= t) staff += count;
            if (day <= t && t < day + kDaysPerYear) in_asye += count;
            if (sample_of(day + kDaysPerYear) == k) passed += count;  // everyone passes
        }
        for (std::size_t rep = 0; rep < 2; ++rep) {
            const auto at = [&](const char* m) {
                return r.series.at(r.series.index_of(m), rep, k);
            };
            EXPECT_EQ(at("hires_nqsw"), hired) << k;
            EXPECT_EQ(at("nqsw_count"), in_asye) << k;
            EXPECT_EQ(at("asye_passed"), passed) << k;
            EXPECT_EQ(at("staff_permanent"), staff) << k;
            // The first five fill the vacancies; the rest wait above establishment.
            EXPECT_EQ(at("staff_in_pool"), std::max(0.0, staff - 20)) << k;
        }
    }
}

struct Protection {
    const char* yaml;
    double nqsw_cap;
    double case_holding_fte;
};

class AsyeProtection : public ::testing::TestWithParam<Protection> {};

TEST_P(AsyeProtection, NqswsHoldTheirProtectedCapUnderHighDemand) {
    const Protection& p = GetParam();
    // 20 experienced workers and 10 NQSWs, far more referrals than they can take: everyone
    // is at their cap all the time.
    const BatchResult r = run(std::string(R"(start: 2016-04-01
horizon: 6 months
replications: 2
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 30 }
initial_staff: { permanent: { sw: 20 } }
asye:
  role: sw
  intakes: [{ date: 2016-04-01, count: 10 }]
)") + p.yaml + R"(
demand: { referrals_per_year: 20000, case_duration: 6 months }
)");
    for (std::size_t k = 1; k < r.times.size(); ++k) {
        for (std::size_t rep = 0; rep < 2; ++rep) {
            const auto at = [&](const char* m) {
                return r.series.at(r.series.index_of(m), rep, k);
            };
            EXPECT_EQ(at("nqsw_count"), 10.0);
            EXPECT_EQ(at("nqsw_mean_caseload"), p.nqsw_cap) << k;
            EXPECT_EQ(at("nqsw_over_protected_share"), 0.0) << k;
            EXPECT_DOUBLE_EQ(at("case_holding_fte"), p.case_holding_fte) << k;
            EXPECT_DOUBLE_EQ(at("mean_caseload.sw"), (20 * 20 + 10 * p.nqsw_cap) / 30) << k;
        }
    }
}

// Slough's protection (90 %, at most 14 cases, 10 % development time) caps NQSWs at 14; without
// the maximum they would hold floor(20 x 0.9 x 0.9) = 16, and without development time 18.
INSTANTIATE_TEST_SUITE_P(
    Asye, AsyeProtection,
    ::testing::Values(Protection{"  protected_caseload: { share_of_cap: 0.9, max: 14 }\n"
                                 "  development_time: 0.1",
                                 14, 20 + 10 * 0.9},
                      Protection{"  protected_caseload: { share_of_cap: 0.9, max: 100 }\n"
                                 "  development_time: 0.1",
                                 16, 20 + 10 * 0.9},
                      Protection{"  protected_caseload: { share_of_cap: 0.9, max: 100 }\n"
                                 "  development_time: 0",
                                 18, 30},
                      Protection{"  protected_caseload: { share_of_cap: 0.5, max: 14 }\n"
                                 "  development_time: 0.2",
                                 8, 20 + 10 * 0.8}));

TEST(Asye, OutcomesFollowTheirProbabilitiesAndFailuresLeave) {
    // 1,000 NQSWs join at the start and nobody resigns: 70 % pass at 12 months, 20 % are
    // extended by 6 months (then half pass), 10 % fail.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 20 months
replications: 20
seed: 3
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 1000 }
initial_staff: {}
asye:
  role: sw
  intakes: [{ date: 2016-04-01, count: 1000 }]
  outcomes: { pass: 0.7, extend: 0.2, fail: 0.1 }
  extension: { length: 6 months, pass: 0.5, fail: 0.5 }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const std::size_t first = 12, second = 18;  // 12 and 18 months are sample times
    const auto expect_near = [&](const char* metric, std::size_t from, std::size_t to,
                                 double expected) {
        const Mean m = replication_sums(r, metric, from, to);
        EXPECT_NEAR(m.mean, expected, kTolerance * m.se) << metric << " " << from << "-" << to;
    };
    expect_near("asye_passed", 0, first, 700);
    expect_near("asye_extended", 0, first, 200);
    expect_near("asye_failed", 0, first, 100);
    expect_near("asye_passed", first + 1, second, 100);
    expect_near("asye_failed", first + 1, second, 100);
    EXPECT_EQ(replication_sums(r, "asye_extended", first + 1, 20).mean, 0.0);
    EXPECT_EQ(replication_sums(r, "asye_passed", 0, first - 1).mean, 0.0);
    // Every failure is a leaver to the asye_failed destination, in the same interval.
    const std::size_t failed = r.series.index_of("asye_failed");
    const std::size_t leavers = r.series.index_of("leavers_asye_failed");
    const std::size_t all_leavers = r.series.index_of("leavers");
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        EXPECT_EQ(r.series.at(r.series.index_of("hires_nqsw"), rep, 0), 1000.0);
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            EXPECT_EQ(r.series.at(leavers, rep, k), r.series.at(failed, rep, k));
            EXPECT_EQ(r.series.at(all_leavers, rep, k), r.series.at(failed, rep, k));
        }
    }
    // All assessed by 18 months.
    for (const double n : at_sample(r, "nqsw_count", second)) EXPECT_EQ(n, 0.0);
}

TEST(Asye, TheAsyeTurnoverRateAppliesOnlyUntilTheAssessment) {
    // 1,000 NQSWs, nobody replaced: hazard 0.6 a year during the ASYE, 0.05 after it.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 2 years
output_interval: 1 year
replications: 100
seed: 8
roles: { sw: { caseload_cap: 0 } }
establishment: { sw: 1000 }
initial_staff: {}
turnover: { sw: { annual_rate: 0.05, asye_annual_rate: 0.6 } }
asye:
  role: sw
  intakes: [{ date: 2016-04-01, count: 1000 }]
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const Mean year1 = replication_sums(r, "leavers", 1, 1);
    const Mean year2 = replication_sums(r, "leavers", 2, 2);
    const Mean passed = replication_sums(r, "asye_passed", 1, 1);
    const double stayed = 1000 * std::exp(-0.6);
    EXPECT_NEAR(year1.mean, 1000 - stayed, kTolerance * year1.se);
    EXPECT_NEAR(passed.mean, stayed, kTolerance * passed.se);
    EXPECT_NEAR(year2.mean, stayed * (1 - std::exp(-0.05)), kTolerance * year2.se);
}

TEST(Asye, CampaignNqswsStartTheirAsyeOnlyWhenTheProgrammeIsOn) {
    const std::string base = R"(start: 2016-04-01
horizon: 3 months
replications: 20
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: {}
recruitment:
  campaigns:
    graduates:
      role: sw
      route: nqsw
      schedule: { first: 2016-04-15 }
      applicants: 30
      appointable: 0.5
      acceptance: 0.8
demand: { referrals_per_year: 0, case_duration: 1 month }
)";
    const BatchResult on = run(base + "asye: { role: sw }\n");
    const BatchResult off = run(base);
    const Mean hired = replication_sums(on, "hires_nqsw", 0, 3);
    EXPECT_GT(hired.mean, 5.0);
    const std::vector<double> hires = at_sample(on, "hires_nqsw", 1);
    const std::vector<double> in_asye = at_sample(on, "nqsw_count", 3);
    EXPECT_EQ(hires, in_asye);
    for (const double n : at_sample(off, "nqsw_count", 3)) EXPECT_EQ(n, 0.0);
}

// Staffing, a Caseload and the ASYE (with turnover) put together by hand, to look at the
// per-cohort table and at what observers are told.
struct Service {
    explicit Service(const std::string& yaml)
        : scenario(parse_scenario({"asye.yaml", yaml})),
          cases(64, scenario.allocation, sim),
          staffing(scenario.roles, scenario.staffing, cases, 1, 0, scenario.asye.protection),
          turnover(scenario.turnover, scenario.leaving, scenario.retention, scenario.roles,
                   staffing, cases, sim, 1, 0),
          asye(scenario.asye, scenario.start, staffing, sim, 1, 0) {
        staffing.add_observer(turnover);
        staffing.add_observer(asye);
    }

    Scenario scenario;
    engine::Simulator sim;
    Caseload cases;
    Staffing staffing;
    TurnoverProcess turnover;
    AsyeProcess asye;
};

TEST(Asye, CohortsAreTheMonthOfStartingAndAccountForEveryNqsw) {
    Service s(R"(start: 2016-04-01
horizon: 4 years
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: {}
turnover: { sw: { annual_rate: 0.1, asye_annual_rate: 0.3 } }
asye:
  role: sw
  outcomes: { pass: 0.6, extend: 0.2, fail: 0.2 }
  extension: { pass: 0.5, fail: 0.5 }
  intakes:
    - { date: 2016-09-01, count: 50 }
    - { date: 2016-09-20, count: 10 }
    - { date: 2017-09-01, count: 40 }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    s.staffing.initialise(s.sim);
    s.asye.start(s.sim);
    s.sim.run_until(4 * kDaysPerYear);

    const std::vector<AsyeCohort>& cohorts = s.asye.cohorts();
    ASSERT_EQ(cohorts.size(), 2u);
    EXPECT_EQ(cohorts[0].month, (engine::Date{2016, 9, 1}));
    EXPECT_EQ(cohorts[1].month, (engine::Date{2017, 9, 1}));
    EXPECT_EQ(cohorts[0].size, 60);
    EXPECT_EQ(cohorts[1].size, 40);
    int passed = 0, extended = 0, failed = 0;
    for (const AsyeCohort& c : cohorts) {
        // Two years on, everyone has passed, failed or left.
        EXPECT_EQ(c.passed + c.failed + c.left, c.size);
        EXPECT_GT(c.left, 0);
        EXPECT_GT(c.passed, c.failed);
        EXPECT_LE(c.extended, c.size - c.left);
        passed += c.passed;
        extended += c.extended;
        failed += c.failed;
    }
    EXPECT_EQ(s.asye.outcomes(AsyeOutcome::Passed), static_cast<std::uint64_t>(passed));
    EXPECT_EQ(s.asye.outcomes(AsyeOutcome::Extended), static_cast<std::uint64_t>(extended));
    EXPECT_EQ(s.asye.outcomes(AsyeOutcome::Failed), static_cast<std::uint64_t>(failed));
    EXPECT_EQ(s.asye.intake_starters(), 100u);
}

// Writes down what observers are told, with the state they see.
class Log final : public StaffingObserver {
public:
    explicit Log(const Staffing& staffing) : staffing_(staffing) {}
    void capacity_changed(WorkerId w, engine::Simulator&) override {
        lines.push_back("capacity " + std::to_string(w) + " " +
                        std::to_string(staffing_.cap_of(w)));
    }
    void asye_completed(WorkerId w, AsyeOutcome o, engine::Simulator&) override {
        EXPECT_TRUE(staffing_.worker(w).active);
        lines.push_back("asye " + std::to_string(w) + " " +
                        std::string(kAsyeOutcomeNames[index_of(o)]));
    }
    void worker_leaving(WorkerId w, Destination d, engine::Simulator&) override {
        lines.push_back("leaving " + std::to_string(w) + " " +
                        std::string(kDestinationNames[index_of(d)]));
    }
    std::vector<std::string> lines;

private:
    const Staffing& staffing_;
};

TEST(Asye, StaffingEndsTheAsyeOrLetsTheNqswGoAndTellsObserversFirst) {
    Service s(R"(start: 2016-04-01
horizon: 1 year
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 3 }
initial_staff: {}
asye: { role: sw, protected_caseload: { share_of_cap: 0.9, max: 14 }, development_time: 0.1 }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    Log log(s.staffing);
    s.staffing.add_observer(log);
    s.staffing.initialise(s.sim);
    const Hire nqsw{.route = Route::Nqsw, .in_asye = true};
    const WorkerId a = s.staffing.start_permanent(0, 0, nqsw, s.sim);
    const WorkerId b = s.staffing.start_permanent(1, 0, nqsw, s.sim);
    EXPECT_EQ(s.staffing.cap_of(a), 14);
    EXPECT_EQ(s.cases.cap(a), 14);
    EXPECT_DOUBLE_EQ(s.staffing.case_holding_fte(a), 0.9);

    s.staffing.set_in_asye(a, false, s.sim);
    EXPECT_FALSE(s.staffing.worker(a).in_asye);
    EXPECT_EQ(s.cases.cap(a), 20);
    EXPECT_DOUBLE_EQ(s.staffing.case_holding_fte(a), 1.0);
    EXPECT_EQ(log.lines, (std::vector<std::string>{"capacity " + std::to_string(a) + " 20"}));
    log.lines.clear();

    s.staffing.complete_asye(b, AsyeOutcome::Extended, s.sim);
    EXPECT_TRUE(s.staffing.worker(b).in_asye);
    s.staffing.complete_asye(b, AsyeOutcome::Failed, s.sim);
    EXPECT_FALSE(s.staffing.worker(b).active);
    EXPECT_TRUE(s.staffing.post(1).vacant());
    EXPECT_EQ(s.staffing.permanent_leavers(), 1u);
    const std::string id = std::to_string(b);
    EXPECT_EQ(log.lines,
              (std::vector<std::string>{"asye " + id + " extended", "asye " + id + " failed",
                                        "leaving " + id + " asye_failed"}));

    // New protection from now: NQSWs' caps follow.
    const WorkerId c = s.staffing.start_permanent(2, 0, nqsw, s.sim);
    s.staffing.set_asye_protection({.share_of_cap = 0.5, .max = 14, .development_time = 0.0},
                                   s.sim);
    EXPECT_EQ(s.cases.cap(c), 10);
    EXPECT_EQ(s.cases.cap(a), 20);
}

}  // namespace
}  // namespace wfsim::model
