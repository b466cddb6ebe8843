// Internal promotion and the move it makes: Staffing::move_to_post and move_to by hand, then
// promotion into a senior role over whole runs (the share of posts filled from below, the
// vacancy it opens there, no clash with campaigns and continuous recruitment).
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/simulator.hpp"
#include "models/batch.hpp"
#include "models/casework/caseload.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/staffing.hpp"
#include "series_stats.hpp"

namespace wfsim::model {
namespace {

using testing::kTolerance;
using testing::Mean;
using testing::mean_of;

// Posts 0-2 social workers (cap 4), post 3 senior (cap 3), post 4 manager (no cases).
// At the start: social workers in posts 0 and 1, an agency worker covering the senior post.
constexpr const char* kTeam = R"(start: 2020-01-01
horizon: 1 year
roles:
  sw: { caseload_cap: 4 }
  senior: { caseload_cap: 3 }
  manager: { caseload_cap: 0 }
establishment: { sw: 3, senior: 1, manager: 1 }
initial_staff:
  permanent: { sw: 2 }
  agency: { senior: 1 }
agency: { assignment: 6 months }
demand: { referrals_per_year: 0, case_duration: 100 }
)";

class Log final : public StaffingObserver {
public:
    explicit Log(const Staffing& staffing) : staffing_(staffing) {}
    void replacement_needed(PostId post, engine::Simulator&) override {
        lines.push_back("needed " + std::to_string(post));
    }
    void worker_moved(WorkerId w, RoleId from, engine::Simulator&) override {
        lines.push_back("moved " + std::to_string(w) + " from " + staffing_.roles()[from].name +
                        " to " + staffing_.roles()[staffing_.worker(w).role].name);
    }
    void worker_leaving(WorkerId w, Destination d, engine::Simulator&) override {
        lines.push_back("leaving " + std::to_string(w) + " " +
                        std::string(kDestinationNames[index_of(d)]));
    }
    std::vector<std::string> lines;

private:
    const Staffing& staffing_;
};

struct Service {
    explicit Service(const char* yaml)
        : scenario(parse_scenario({"promotion.yaml", yaml})),
          cases(8, scenario.allocation, sim),
          staffing(scenario.roles, scenario.staffing, cases, 1, 0),
          log(staffing) {
        staffing.add_observer(log);
    }
    Scenario scenario;
    engine::Simulator sim;
    Caseload cases;
    Staffing staffing;
    Log log;
};

TEST(Promotion, MoveToPostTakesTheWorkerUpAndOpensTheirOldPost) {
    Service s(kTeam);
    s.staffing.initialise(s.sim);
    for (int i = 0; i < 4; ++i) s.cases.open_case(100.0, s.sim);  // 2 each for the sws ...
    ASSERT_EQ(s.cases.load(0), 2);
    s.log.lines.clear();

    const WorkerId agency = s.staffing.post(3).cover;
    ASSERT_NE(agency, kNone);
    s.staffing.move_to_post(0, 3, s.sim);
    const Worker& w = s.staffing.worker(0);
    EXPECT_EQ(w.role, 1);
    EXPECT_EQ(w.post, 3u);
    EXPECT_EQ(w.route, Route::Promotion);
    EXPECT_EQ(s.staffing.post(3).holder, 0u);
    EXPECT_EQ(s.staffing.post(3).cover, kNone);  // the agency cover ended
    EXPECT_TRUE(s.staffing.post(0).vacant());
    EXPECT_EQ(s.staffing.post(0).vacancy_spell, 1u);
    EXPECT_EQ(s.staffing.permanent_count(0), 1);
    EXPECT_EQ(s.staffing.permanent_count(1), 1);
    EXPECT_EQ(s.staffing.vacancy_count(0), 2);
    EXPECT_EQ(s.staffing.vacancy_count(1), 0);
    EXPECT_EQ(s.staffing.agency_count(), 0);
    // Not a leaver or a starter to the service. They keep their cases (the senior cap is 3)
    // and take the agency worker's, up to that cap.
    EXPECT_EQ(s.staffing.permanent_leavers(), 0u);
    EXPECT_EQ(s.staffing.permanent_starters(), 0u);
    EXPECT_EQ(s.cases.cap(0), 3);
    EXPECT_EQ(s.cases.allocated(), 4u);
    EXPECT_EQ(s.log.lines,
              (std::vector<std::string>{"leaving " + std::to_string(agency) + " cover_ended",
                                        "moved 0 from sw to senior", "needed 0"}));

    // Into a role that holds no cases, above its establishment: their cases are handed on
    // (the senior takes one to their cap of 3, the last waits for a worker).
    s.log.lines.clear();
    s.staffing.move_to(1, 2, kNone, Hire{.route = Route::Promotion}, s.sim);
    EXPECT_EQ(s.staffing.pool_count(2), 1);
    EXPECT_EQ(s.staffing.worker(1).post, kNone);
    EXPECT_EQ(s.staffing.permanent_count(2), 1);
    EXPECT_EQ(s.cases.load(1), 0);
    EXPECT_EQ(s.cases.cap(1), 0);
    EXPECT_EQ(s.cases.load(0), 3);
    EXPECT_EQ(s.cases.waiting(), 1u);
    EXPECT_EQ(s.log.lines, (std::vector<std::string>{"moved 1 from sw to manager", "needed 1"}));

    EXPECT_THROW(s.staffing.move_to_post(1, 3, s.sim), std::logic_error);  // filled
}

// Ten senior posts whose holders leave at 30 % a year, promoted into from 50 social workers
// who never leave; no recruitment, so a senior post is filled only by promotion.
std::string seniors(const std::string& recruitment) {
    return R"(start: 2016-04-01
horizon: 5 years
replications: 200
seed: 21
roles:
  sw: { caseload_cap: 20 }
  senior: { caseload_cap: 15 }
establishment: { sw: 50, senior: 10 }
initial_staff: { permanent: { sw: 50, senior: 10 } }
turnover: { senior: { annual_rate: 0.3 } }
promotion:
  senior: { from: sw, share: 0.6, min_tenure: 1 year }
)" + recruitment +
           "demand: { referrals_per_year: 0, case_duration: 1 month }\n";
}

TEST(Promotion, AShareOfSeniorPostsGoToTheRoleBelowWhoseVacancyItOpens) {
    const BatchResult r = run_batch(parse_scenario({"promotion.yaml", seniors("")}), 2);
    const auto series = [&](const std::string& m) { return r.series.index_of(m); };
    const std::size_t year = 12;
    std::vector<double> difference;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double promoted = 0, leavers = 0, promoted_later = 0, leavers_later = 0;
        for (std::size_t k = 1; k < r.times.size(); ++k) {
            const double p = r.series.at(series("hires_promotion"), rep, k);
            const double l = r.series.at(series("leavers"), rep, k);
            promoted += p;
            leavers += l;
            if (k > year) {
                promoted_later += p;
                leavers_later += l;
            } else {
                EXPECT_EQ(p, 0.0) << "nobody has a year's service before " << k;
            }
            // Each promotion leaves a social worker post vacant for good (no recruitment).
            EXPECT_EQ(r.series.at(series("vacancies.sw"), rep, k), promoted);
            EXPECT_EQ(r.series.at(series("staff_permanent.senior"), rep, k),
                      10 - leavers + promoted);
            EXPECT_EQ(r.series.at(series("starters"), rep, k), 0.0);
        }
        difference.push_back(promoted_later - 0.6 * leavers_later);
    }
    // Each senior leaver after the first year is replaced from below with probability 0.6.
    const Mean d = mean_of(difference);
    EXPECT_NEAR(d.mean, 0.0, kTolerance * d.se);
    EXPECT_GT(testing::replication_sums(r, "hires_promotion", 0, r.times.size() - 1).mean, 3.0);
}

TEST(Promotion, DoesNotClashWithCampaignsOrContinuousRecruitment) {
    // Campaign starters and continuous fills for the same posts: a promotion makes their
    // requests stale, so nobody lands above establishment and posts balance.
    const BatchResult r = run_batch(parse_scenario({"promotion.yaml", seniors(R"(recruitment:
  vacancy_fill_time: 3 months
  campaigns:
    seniors:
      role: senior
      schedule: { first: 2016-06-01, every: 2 months }
      applicants: 2
      appointable: 0.5
      acceptance: 0.8
      pre_employment_checks: 1 month
)")}),
                                    2);
    const auto series = [&](const std::string& m) { return r.series.index_of(m); };
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            ASSERT_EQ(r.series.at(series("staff_in_pool"), rep, k), 0.0) << rep << " " << k;
            ASSERT_EQ(r.series.at(series("staff_permanent.senior"), rep, k) +
                          r.series.at(series("vacancies.senior"), rep, k),
                      10.0);
        }
    }
    EXPECT_GT(testing::replication_sums(r, "hires_promotion", 0, r.times.size() - 1).mean, 1.0);
    EXPECT_GT(testing::replication_sums(r, "hires_experienced", 0, r.times.size() - 1).mean, 1.0);
}

}  // namespace
}  // namespace wfsim::model
