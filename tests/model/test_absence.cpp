// Absence: Staffing's absence mechanics driven by hand, then the absence process against
// renewal-reward and Little's law, the hand-over of long absences' cases, and agency cover
// that starts during an absence and ends at the return. Tolerances are 4 standard errors of
// the replication mean.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/simulator.hpp"
#include "models/batch.hpp"
#include "models/casework/caseload.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/staffing.hpp"
#include "tests/support/staff_service.hpp"

namespace wfsim::model {
namespace {

constexpr double kTolerance = 4.0;  // standard errors

struct Mean {
    double mean = 0.0;
    double se = 0.0;
};

Mean mean_of(const std::vector<double>& xs) {
    double mean = 0.0;
    for (const double x : xs) mean += x;
    mean /= static_cast<double>(xs.size());
    double var = 0.0;
    for (const double x : xs) var += (x - mean) * (x - mean);
    var /= static_cast<double>(xs.size() - 1);
    return {mean, std::sqrt(var / static_cast<double>(xs.size()))};
}

// Per replication, the mean of a series over samples from `from` on.
std::vector<double> time_averages(const BatchResult& r, const std::string& metric,
                                  std::size_t from) {
    const std::size_t m = r.series.index_of(metric);
    std::vector<double> out;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double sum = 0.0;
        std::size_t n = 0;
        for (std::size_t k = from; k < r.times.size(); ++k, ++n) sum += r.series.at(m, rep, k);
        out.push_back(sum / static_cast<double>(n));
    }
    return out;
}

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"absence.yaml", yaml}), 2);
}

// --- Staffing's absence mechanics, by hand ----------------------------------------------

constexpr const char* kTeam = R"(start: 2020-01-01
horizon: 1 year
roles: { sw: { caseload_cap: 4 } }
establishment: { sw: 4 }
initial_staff: { permanent: { sw: 4 } }
demand: { referrals_per_year: 0, case_duration: 100 }
)";

struct Notices final : public StaffingObserver {
    void capacity_changed(WorkerId w, engine::Simulator&) override { changed.push_back(w); }
    void cover_needed(WorkerId w, engine::Simulator&) override { cover.push_back(w); }
    void worker_leaving(WorkerId w, Destination d, engine::Simulator&) override {
        leaving.push_back({w, d});
    }
    std::vector<WorkerId> changed;
    std::vector<WorkerId> cover;
    std::vector<std::pair<WorkerId, Destination>> leaving;
};

struct Team {
    Team()
        : scenario(parse_scenario({"team.yaml", kTeam})),
          cases(4, scenario.allocation, sim),
          staffing(scenario.roles, scenario.staffing, cases, 1, 0) {
        staffing.add_observer(notices);
        staffing.initialise(sim);
        for (int i = 0; i < 12; ++i) cases.open_case(100.0, sim);  // 3 each
    }
    Scenario scenario;
    engine::Simulator sim;
    Caseload cases;
    Staffing staffing;
    Notices notices;
};

TEST(AbsenceMechanics, AnAbsentWorkerKeepsTheirCasesButTakesNoNewOnes) {
    Team t;
    t.staffing.start_absence(0, Absence::Sickness, t.sim);
    EXPECT_EQ(t.cases.cap(0), 0);
    EXPECT_EQ(t.cases.load(0), 3);
    EXPECT_EQ(t.cases.case_holders(), 3);
    EXPECT_EQ(t.notices.changed, std::vector<WorkerId>{0});
    EXPECT_EQ(t.staffing.worker(0).absence_spell, 1u);
    for (int i = 0; i < 3; ++i) t.cases.open_case(100.0, t.sim);
    EXPECT_EQ(t.cases.load(0), 3);  // the new cases went to the others
    EXPECT_EQ(t.cases.waiting(), 0u);
    // The absent worker's cases still close; the allocation index is not disturbed by it.
    t.sim.run_until(100.0);
    EXPECT_EQ(t.cases.load(0), 0);
    EXPECT_EQ(t.cases.closed(), 15u);
    t.cases.open_case(10.0, t.sim);
    EXPECT_EQ(t.cases.load(0), 0);
    EXPECT_THROW(t.staffing.start_absence(0, Absence::Maternity, t.sim), std::logic_error);
}

TEST(AbsenceMechanics, HandingOnMovesTheCasesAsChangesOfWorkerAndTheReturnTakesNewOnes) {
    Team t;
    EXPECT_THROW(t.staffing.hand_on_cases(1, t.sim), std::logic_error);  // not absent
    t.sim.run_until(10.0);
    t.staffing.start_absence(1, Absence::Maternity, t.sim);
    t.staffing.hand_on_cases(1, t.sim);
    EXPECT_TRUE(t.staffing.worker(1).cases_handed_on);
    EXPECT_EQ(t.cases.load(1), 0);
    // 3 cases onto 3 colleagues with one free place each; each has had 2 workers now.
    EXPECT_EQ(t.cases.load(0), 4);
    EXPECT_EQ(t.cases.load(2), 4);
    EXPECT_EQ(t.cases.load(3), 4);
    EXPECT_EQ(t.cases.allocated(), 12u);
    EXPECT_EQ(t.cases.open_with_three_plus_workers(), 0u);
    // Their remaining 90 days of work went with them.
    t.sim.run_until(99.5);
    EXPECT_EQ(t.cases.closed(), 0u);
    t.staffing.end_absence(1, t.sim);
    EXPECT_FALSE(t.staffing.worker(1).cases_handed_on);
    EXPECT_EQ(t.staffing.worker(1).absence, Absence::None);
    EXPECT_EQ(t.cases.cap(1), 4);
    t.cases.open_case(50.0, t.sim);
    EXPECT_EQ(t.cases.load(1), 1);
    EXPECT_THROW(t.staffing.end_absence(1, t.sim), std::logic_error);
}

TEST(AbsenceMechanics, AgencyCoverIsLinkedToTheAbsenceAndEndsAtTheReturn) {
    Team t;
    EXPECT_THROW(t.staffing.request_cover(2, t.sim), std::logic_error);  // not absent
    t.staffing.start_absence(2, Absence::Sickness, t.sim);
    t.staffing.request_cover(2, t.sim);
    EXPECT_EQ(t.notices.cover, std::vector<WorkerId>{2});
    const WorkerId cover = t.staffing.start_agency_cover(0, 2, t.sim);
    EXPECT_EQ(t.staffing.worker(cover).covers, 2u);
    EXPECT_EQ(t.staffing.worker(2).covered_by, cover);
    EXPECT_EQ(t.staffing.agency_count(), 1);
    EXPECT_EQ(t.cases.cap(cover), 4);
    EXPECT_THROW(t.staffing.start_agency_cover(0, 2, t.sim), std::logic_error);  // covered
    EXPECT_THROW(t.staffing.request_cover(2, t.sim), std::logic_error);

    t.staffing.end_absence(2, t.sim);
    EXPECT_EQ(t.staffing.agency_count(), 0);
    EXPECT_FALSE(t.staffing.worker(cover).active);
    EXPECT_EQ(t.staffing.worker(2).covered_by, kNone);
    ASSERT_EQ(t.notices.leaving.size(), 1u);
    EXPECT_EQ(t.notices.leaving[0].first, cover);
    EXPECT_EQ(t.notices.leaving[0].second, Destination::CoverEnded);
    EXPECT_EQ(t.staffing.worker(2).absence_spell, 2u);
}

TEST(AbsenceMechanics, AnAbsentWorkerWhoLeavesEndsTheirCover) {
    Team t;
    t.staffing.start_absence(3, Absence::Maternity, t.sim);
    const WorkerId cover = t.staffing.start_agency_cover(0, 3, t.sim);
    t.staffing.permanent_leaves(3, Destination::LeftSector, t.sim);
    EXPECT_FALSE(t.staffing.worker(cover).active);
    EXPECT_EQ(t.staffing.agency_count(), 0);
    // A cover that ends first unlinks itself: the absent worker can be covered again.
    t.staffing.start_absence(0, Absence::Sickness, t.sim);
    const WorkerId first = t.staffing.start_agency_cover(0, 0, t.sim);
    t.staffing.agency_leaves(first, Destination::AssignmentEnded, t.sim);
    EXPECT_EQ(t.staffing.worker(0).covered_by, kNone);
    EXPECT_NE(t.staffing.start_agency_cover(0, 0, t.sim), kNone);
}

// --- The absence process over whole runs ------------------------------------------------

std::string service(const std::string& absence, int staff, const std::string& horizon,
                    int replications) {
    const std::string n = std::to_string(staff);
    return "start: 2016-04-01\nhorizon: " + horizon +
           "\nseed: 5\nreplications: " + std::to_string(replications) +
           "\nroles: { sw: { caseload_cap: 20 } }\n" + "establishment: { sw: " + n +
           " }\ninitial_staff: { permanent: { sw: " + n +
           " } }\ndemand: { referrals_per_year: 0, case_duration: 1 month }\nabsence:\n" + absence;
}

TEST(Absence, SicknessRateInSteadyStateIsTheDaysLostRate) {
    // Manchester's 4.8 %, in short spells (mean 5 days) and a tenth long ones (mean 2 months).
    const BatchResult r = run(service(
        "  sickness:\n    days_lost_rate: 0.048\n    short_spell: { dist: exponential, mean: 5 }\n"
        "    long_spell: { dist: exponential, mean: 60 }\n    long_share: 0.1\n",
        300, "3 years", 250));
    const Mean rate = mean_of(time_averages(r, "absence_rate", 13));
    EXPECT_NEAR(rate.mean, 0.048, kTolerance * rate.se) << rate.se;
    // The test has power: d / mean spell (forgetting that spells start only at work) would
    // give 4.57 %, more than 4 SE away.
    EXPECT_LT(rate.se, 0.0004);
    // Nobody is on maternity leave without a maternity section.
    EXPECT_EQ(mean_of(time_averages(r, "staff_on_maternity", 1)).mean, 0.0);
    const Mean absent = mean_of(time_averages(r, "staff_absent", 13));
    EXPECT_NEAR(absent.mean, 300 * 0.048, kTolerance * absent.se + 0.5);
}

TEST(Absence, StaffOnMaternityLeaveFollowLittlesLaw) {
    // Leaves start at 0.05 a year per worker at work and last 9 months: by Little's law
    // L = rate x (N - L) x W, so L = N r W / (1 + r W).
    const BatchResult r = run(
        service("  maternity: { annual_rate: 0.05, duration: 9 months }\n", 400, "6 years", 100));
    const double rw = 0.05 * 0.75;
    const double expected = 400 * rw / (1 + rw);
    const Mean on_leave = mean_of(time_averages(r, "staff_on_maternity", 13));
    EXPECT_NEAR(on_leave.mean, expected, kTolerance * on_leave.se) << on_leave.se;
    EXPECT_EQ(mean_of(time_averages(r, "absence_rate", 1)).mean, 0.0);  // not sickness
}

constexpr const char* kSickness =
    "  sickness:\n    days_lost_rate: 0.048\n    short_spell: { dist: exponential, mean: 5 }\n"
    "    long_spell: { dist: exponential, mean: 60 }\n    long_share: 0.1\n"
    "  hand_over_after: 3 weeks\n";

TEST(Absence, AnInterventionThatChangesNothingChangesNoNumber) {
    const std::string base = service(kSickness, 100, "2 years", 4);
    const BatchResult plain = run(base);
    const BatchResult same = run(base + R"(interventions:
  - at: 2016-10-01
    set: { absence.sickness.days_lost_rate: 0.048, absence.hand_over_after: 3 weeks }
)");
    for (std::size_t m = 0; m < plain.series.metrics(); ++m) {
        for (std::size_t rep = 0; rep < 4; ++rep) {
            for (std::size_t k = 0; k < plain.times.size(); ++k) {
                const double x = plain.series.at(m, rep, k);
                const double y = same.series.at(m, rep, k);
                if (std::isnan(x) && std::isnan(y)) continue;
                ASSERT_EQ(x, y) << same.series.specs()[m].name << " sample " << k;
            }
        }
    }
}

TEST(Absence, ANewDaysLostRateAppliesFromItsDate) {
    const BatchResult r = run(service(kSickness, 300, "3 years", 150) + R"(interventions:
  - at: 2017-04-01
    set: { absence.sickness.days_lost_rate: 0.096 }
)");
    // Before: 4.8 %; from 6 months after the change (spells under way have ended): 9.6 %.
    std::vector<double> before;
    for (std::size_t rep = 0; rep < 150; ++rep) {
        double sum = 0.0;
        for (std::size_t k = 4; k <= 12; ++k) {
            sum += r.series.at(r.series.index_of("absence_rate"), rep, k);
        }
        before.push_back(sum / 9);
    }
    const Mean early = mean_of(before);
    const Mean late = mean_of(time_averages(r, "absence_rate", 19));
    EXPECT_NEAR(early.mean, 0.048, kTolerance * early.se + 0.002);
    EXPECT_NEAR(late.mean, 0.096, kTolerance * late.se) << late.se;
}

// A service with turnover, so cases change worker, and long sickness spells.
std::string with_turnover(const std::string& absence_extra) {
    return R"(start: 2016-04-01
horizon: 3 years
seed: 8
replications: 40
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 200 }
initial_staff: { permanent: { sw: 200 } }
turnover: { sw: { annual_rate: 0.15 } }
recruitment: { vacancy_fill_time: { dist: exponential, mean: 2 months } }
demand:
  referrals_per_year: 6000
  case_duration: { dist: exponential, mean: 8 months }
absence:
  sickness:
    days_lost_rate: 0.06
    short_spell: 5
    long_spell: { dist: exponential, mean: 3 months }
    long_share: 0.3
)" + absence_extra;
}

TEST(Absence, CasesHandedOnAfterTheThresholdAreChangesOfWorker) {
    const BatchResult kept = run(with_turnover(""));
    const BatchResult handed = run(with_turnover("  hand_over_after: 2 weeks\n"));
    const std::vector<double> a = time_averages(kept, "share_open_cases_3plus_workers", 13);
    const std::vector<double> b = time_averages(handed, "share_open_cases_3plus_workers", 13);
    std::vector<double> rise;
    for (std::size_t i = 0; i < a.size(); ++i) rise.push_back(b[i] - a[i]);
    const Mean d = mean_of(rise);
    EXPECT_GT(d.mean, kTolerance * d.se) << d.mean << " +- " << d.se;
}

// Watches agency cover of absences: each cover starts while its worker is absent and ends
// (CoverEnded) at the worker's return, in the same instant.
class CoverWatch final : public StaffingObserver {
public:
    explicit CoverWatch(const Staffing& staffing) : staffing_(staffing) {}

    void agency_started(WorkerId worker, engine::Simulator&) override {
        const Worker& w = staffing_.worker(worker);
        if (w.covers == kNone) return;
        ++covers_started;
        EXPECT_NE(staffing_.worker(w.covers).absence, Absence::None);
        EXPECT_EQ(staffing_.worker(w.covers).covered_by, worker);
    }
    void worker_leaving(WorkerId worker, Destination d, engine::Simulator& sim) override {
        const Worker& w = staffing_.worker(worker);
        if (w.contract != Contract::Agency || w.covers == kNone) return;
        if (d == Destination::CoverEnded) {
            ++covers_ended;
            ended_for_ = w.covers;
            ended_at_ = sim.now();
        } else {
            ++assignments_ended;
        }
    }
    void capacity_changed(WorkerId worker, engine::Simulator& sim) override {
        const Worker& w = staffing_.worker(worker);
        if (w.absence != Absence::None) return;
        if (ended_for_ == worker) {
            EXPECT_EQ(ended_at_, sim.now());
            ++returns_matched;
            ended_for_ = kNone;
        }
    }

    int covers_started = 0;
    int covers_ended = 0;
    int assignments_ended = 0;
    int returns_matched = 0;

private:
    const Staffing& staffing_;
    WorkerId ended_for_ = kNone;
    double ended_at_ = 0.0;
};

TEST(Absence, AgencyCoverStartsDuringALongAbsenceAndEndsAtTheReturn) {
    const std::string yaml = R"(start: 2016-04-01
horizon: 4 years
seed: 21
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 100 } }
agency:
  cover_long_absence: true
  fill_time: { dist: exponential, mean: 1 week }
  assignment: { dist: exponential, mean: 4 months }
absence:
  maternity: { annual_rate: 0.05, duration: 9 months }
  sickness: { days_lost_rate: 0.04, short_spell: 4, long_spell: 2 months, long_share: 0.1 }
  cover: { after: 2 weeks }
demand: { referrals_per_year: 1000, case_duration: 3 months }
)";
    testing::StaffService s(yaml, 0);
    CoverWatch watch(s.staffing);
    s.run(watch);
    EXPECT_GT(watch.covers_started, 20);
    EXPECT_GT(watch.covers_ended, 10);
    EXPECT_GT(watch.assignments_ended, 3);  // and were booked again
    EXPECT_EQ(watch.returns_matched, watch.covers_ended);
}

// 100 posts, all filled, and a campaign at the start that over-recruits 10 % into the pool;
// nobody leaves, so the pool stays. Maternity leaves need cover at once.
std::string pooled(bool from_pool) {
    return std::string(R"(start: 2016-04-01
horizon: 3 years
seed: 4
replications: 30
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 100 } }
recruitment:
  over_recruitment: { sw: 0.1 }
  campaigns:
    start: { role: sw, schedule: { first: 2016-04-02 }, applicants: 40, appointable: 0.9,
             acceptance: 1 }
agency:
  cover_long_absence: true
  fill_time: 1 week
  assignment: 6 months
absence:
  maternity: { annual_rate: 0.08, duration: 9 months }
  cover: { after: 0 days, from_pool: )") +
           (from_pool ? "yes" : "no") + R"( }
demand: { referrals_per_year: 0, case_duration: 1 month }
)";
}

TEST(Absence, PoolStaffCoverFirstSoFewerAgencyWorkersAreBooked) {
    const BatchResult without = run(pooled(false));
    const BatchResult with = run(pooled(true));
    const std::size_t cover = with.series.index_of("absence_cover_agency");
    const std::size_t absent = with.series.index_of("staff_absent");
    for (std::size_t rep = 0; rep < with.series.replications(); ++rep) {
        for (std::size_t k = 0; k < with.times.size(); ++k) {
            EXPECT_LE(without.series.at(cover, rep, k), without.series.at(absent, rep, k));
            EXPECT_LE(with.series.at(cover, rep, k), with.series.at(absent, rep, k));
        }
    }
    const Mean agency_without = mean_of(time_averages(without, "absence_cover_agency", 6));
    const Mean agency_with = mean_of(time_averages(with, "absence_cover_agency", 6));
    EXPECT_GT(mean_of(time_averages(with, "staff_in_pool", 6)).mean, 5.0);
    EXPECT_GT(agency_without.mean - agency_with.mean,
              kTolerance * std::hypot(agency_without.se, agency_with.se));
}

}  // namespace
}  // namespace wfsim::model
