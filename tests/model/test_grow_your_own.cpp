// Grow-your-own programmes: graduate cohorts qualifying after their length in the expected
// numbers and joining as NQSWs in their ASYE; apprentices from the service's own staff who
// move up and leave their old post vacant; student placements; the cohort records and the
// training cost.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "engine/simulator.hpp"
#include "models/batch.hpp"
#include "models/casework/caseload.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/grow_your_own.hpp"
#include "models/workforce/staffing.hpp"
#include "series_stats.hpp"

namespace wfsim::model {
namespace {

using engine::kDaysPerMonth;
using testing::at_sample;
using testing::kTolerance;
using testing::Mean;
using testing::replication_sums;

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"gyo.yaml", yaml}), 2);
}

std::size_t sample_of(double t) {
    return static_cast<std::size_t>(std::ceil(t / kDaysPerMonth - 1e-9));
}

// Step Up cohorts of 20 on 2016-09-01 and 2017-09-01 (days 153 and 518.25), 14 months each,
// 80 % qualifying, into a service with 50 vacancies and nobody leaving.
constexpr const char* kStepUp = R"(start: 2016-04-01
horizon: 3 years
replications: 200
seed: 12
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 50 } }
asye: { role: sw }
grow_your_own:
  step_up:
    kind: step_up
    role: sw
    cohorts: { first: 2016-09-01, every: 12 months, until: 2017-09-01 }
    size: 20
    length: 14 months
    completion_rate: 0.8
    cost_per_trainee: 15000
demand: { referrals_per_year: 0, case_duration: 1 month }
)";

TEST(GrowYourOwn, GraduateCohortsQualifyAfterTheirLengthAtTheCompletionRate) {
    const BatchResult r = run(kStepUp);
    const std::vector<double> starts = {153, 153 + 365.25};
    const double length = 14 * kDaysPerMonth;
    for (std::size_t k = 0; k < r.times.size(); ++k) {
        double training = 0;
        bool completing = false;
        for (const double s : starts) {
            if (s <= r.times[k] && r.times[k] < s + length) training += 20;
            completing = completing || sample_of(s + length) == k;
        }
        for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
            const auto at = [&](const char* m) {
                return r.series.at(r.series.index_of(m), rep, k);
            };
            ASSERT_EQ(at("trainees"), training) << k;
            ASSERT_EQ(at("hires_grow_your_own"), at("trainees_qualified")) << k;
            if (!completing) {
                ASSERT_EQ(at("trainees_qualified"), 0.0) << k;
            }
        }
    }
    // Binomial(20, 0.8) per cohort.
    for (const double s : starts) {
        const std::size_t k = sample_of(s + length);
        const Mean q = replication_sums(r, "trainees_qualified", k, k);
        EXPECT_NEAR(q.mean, 16.0, kTolerance * q.se) << k;
        // They start their ASYE, and stay in it for 12 months.
        EXPECT_EQ(at_sample(r, "nqsw_count", k), at_sample(r, "trainees_qualified", k));
        EXPECT_EQ(replication_sums(r, "hires_nqsw", 0, r.times.size() - 1).mean, 0.0);
    }
}

TEST(GrowYourOwn, CohortRecordsAndTheTrainingCost) {
    const Scenario scenario = parse_scenario({"gyo.yaml", kStepUp});
    engine::Simulator sim;
    Caseload cases(100, scenario.allocation, sim);
    Staffing staffing(scenario.roles, scenario.staffing, cases, 1, 0);
    GrowYourOwnProcess gyo(scenario.grow_your_own, true, staffing, sim, 1, 0);
    staffing.add_observer(gyo);
    staffing.initialise(sim);
    gyo.start(sim);
    sim.run_until(200);
    EXPECT_EQ(gyo.training_cost(), 20 * 15000.0);
    sim.run_until(3 * engine::kDaysPerYear);
    EXPECT_EQ(gyo.training_cost(), 2 * 20 * 15000.0);
    ASSERT_EQ(gyo.cohorts().size(), 2u);
    int qualified = 0;
    for (const TraineeCohort& c : gyo.cohorts()) {
        EXPECT_TRUE(c.completed);
        EXPECT_EQ(c.size, 20);
        EXPECT_EQ(c.in_training, 0);
        qualified += c.qualified;
    }
    EXPECT_EQ(gyo.qualified(), static_cast<std::uint64_t>(qualified));
    EXPECT_EQ(staffing.permanent_count(), 50 + qualified);
    EXPECT_EQ(gyo.trainees(), 0);
}

TEST(GrowYourOwn, ApprenticesKeepTheirPostUntilTheyQualifyThenMoveUp) {
    // 10 of 30 support workers start a 3-year apprenticeship; 70 % of them qualify and take
    // social worker posts, leaving their support posts vacant (nobody recruits).
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 4 years
replications: 200
seed: 13
roles:
  sw: { caseload_cap: 20 }
  support: { caseload_cap: 0 }
establishment: { sw: 50, support: 30 }
initial_staff: { permanent: { sw: 40, support: 30 } }
grow_your_own:
  apprentices:
    kind: apprenticeship
    role: sw
    from_role: support
    cohorts: { first: 2016-09-01 }
    size: 10
    length: 3 years
    completion_rate: 0.7
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const std::size_t done = sample_of(153 + 3 * engine::kDaysPerYear);
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        const auto at = [&](const char* m, std::size_t k) {
            return r.series.at(r.series.index_of(m), rep, k);
        };
        EXPECT_EQ(at("trainees", done - 1), 10.0);
        EXPECT_EQ(at("staff_permanent.support", done - 1), 30.0);  // still in post
        const double q = at("trainees_qualified", done);
        EXPECT_EQ(at("hires_grow_your_own", done), q);
        EXPECT_EQ(at("staff_permanent.support", done), 30 - q);
        EXPECT_EQ(at("vacancies.support", done), q);
        EXPECT_EQ(at("staff_permanent.sw", done), 40 + q);
        EXPECT_EQ(at("trainees", done), 0.0);
        EXPECT_EQ(at("starters", done), 0.0);  // moves within the service, not starters
    }
    const Mean q = replication_sums(r, "trainees_qualified", done, done);
    EXPECT_NEAR(q.mean, 7.0, kTolerance * q.se);
}

TEST(GrowYourOwn, StudentPlacementsConvertAShareOfStudentsIntoNqsws) {
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 5 years
output_interval: 1 year
replications: 400
seed: 14
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 50 }
initial_staff: { permanent: { sw: 45 } }
student_placements: { role: sw, per_year: 4, conversion: 0.25, first: 2016-07-01 }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    // Five placement years end within the horizon: Binomial(4, 0.25) joiners each.
    const Mean hires = replication_sums(r, "hires_nqsw", 0, r.times.size() - 1);
    EXPECT_NEAR(hires.mean, 5.0, kTolerance * hires.se);
    EXPECT_EQ(replication_sums(r, "trainees_qualified", 0, r.times.size() - 1).mean, 0.0);
}

}  // namespace
}  // namespace wfsim::model
