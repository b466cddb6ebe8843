// The agency policy: extra capacity while casework is over a threshold, the cap on the agency
// share, conversions, early leavers, returners and the 2024 rules. Statistical checks use 4
// standard errors; invariants are watched at every notice Staffing gives.
#include <cmath>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"
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

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"agency.yaml", yaml}), 2);
}

// 100 posts, 40 filled at the start and the rest filled over months; 2,000 cases open at the
// start and 10,000 referrals a year of 3 months' work (2,500 open) against 30 cases per
// worker: cases wait until staff arrive.
std::string short_staffed(const std::string& agency) {
    return R"(start: 2016-04-01
horizon: 4 years
seed: 3
replications: 20
roles: { sw: { caseload_cap: 30 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 40 } }
recruitment: { vacancy_fill_time: { dist: exponential, mean: 8 months } }
demand:
  referrals_per_year: 10000
  initial_open_cases: 2000
  case_duration: { dist: exponential, mean: 3 months }
)" + agency;
}

TEST(AgencyPolicy, ExtraCapacityIsBookedWhileCasesWaitAndStopsWhenTheyDoNot) {
    const BatchResult r = run(short_staffed(R"(agency:
  fill_time: 1 week
  assignment: 2 months
  extra_capacity: { when_unallocated_above: 50, role: sw, max_extra: 30, check_every: 1 month }
)"));
    const BatchResult none = run(short_staffed(""));
    const std::size_t extra = r.series.index_of("agency_extra");
    const std::size_t waiting = r.series.index_of("unallocated_cases");
    const std::size_t agency = r.series.index_of("staff_agency");
    const std::size_t last = r.times.size() - 1;
    double waiting_with = 0.0;
    double waiting_without = 0.0;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double most = 0.0;
        for (std::size_t k = 0; k <= last; ++k) {
            EXPECT_LE(r.series.at(extra, rep, k), 30.0);
            EXPECT_EQ(r.series.at(extra, rep, k), r.series.at(agency, rep, k));
            EXPECT_EQ(none.series.at(extra, rep, k), 0.0);
            most = std::max(most, r.series.at(extra, rep, k));
        }
        for (std::size_t k = 1; k <= 12; ++k) {
            waiting_with += r.series.at(waiting, rep, k);
            waiting_without += none.series.at(waiting, rep, k);
        }
        EXPECT_GE(most, 10.0) << rep;  // booked in the first months
        // Fully staffed for a long while by the end: nothing waits, and the extras have gone.
        EXPECT_EQ(r.series.at(waiting, rep, last), 0.0);
        EXPECT_EQ(r.series.at(extra, rep, last), 0.0);
    }
    EXPECT_LT(waiting_with, 0.8 * waiting_without);
}

// Watches every agency start: the agency share with the newcomer is within the cap.
class ShareWatch final : public StaffingObserver {
public:
    ShareWatch(const Staffing& staffing, double cap) : staffing_(staffing), cap_(cap) {}
    void agency_started(WorkerId, engine::Simulator& sim) override {
        if (sim.now() == 0.0) return;  // initial staff are as given
        ++starts;
        const double agency = staffing_.agency_count();
        EXPECT_LE(agency / (agency + staffing_.permanent_count()), cap_ + 1e-12);
    }
    int starts = 0;

private:
    const Staffing& staffing_;
    double cap_;
};

constexpr const char* kHighTurnover = R"(start: 2016-04-01
horizon: 10 years
seed: 9
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 70 } }
turnover: { sw: { annual_rate: 0.3 } }
leaving:
  destinations: { left_sector: 0.5, agency: 0.5 }
recruitment: { vacancy_fill_time: { dist: exponential, mean: 6 months } }
demand: { referrals_per_year: 2000, case_duration: 3 months }
agency:
  cover_vacancies: true
  fill_time: { dist: exponential, mean: 2 weeks }
  assignment: { dist: exponential, mean: 4 months }
)";

TEST(AgencyPolicy, TheAgencyShareCapIsNeverExceededByAStart) {
    const std::string yaml = std::string(kHighTurnover) + "  max_share: 0.15\n";
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
        testing::StaffService s(yaml, rep);
        ShareWatch watch(s.staffing, 0.15);
        s.run(watch);
        EXPECT_GT(watch.starts, 50);
        EXPECT_GT(s.agency.refused(), 10u);  // the cap binds: vacancies average 20 %
    }
    // Without the cap nothing is refused.
    testing::StaffService s(kHighTurnover, 0);
    ShareWatch watch(s.staffing, 1.0);
    s.run(watch);
    EXPECT_EQ(s.agency.refused(), 0u);
}

// Counts how assignments covering vacancies end.
class EndWatch final : public StaffingObserver {
public:
    explicit EndWatch(const Staffing& staffing) : staffing_(staffing) {}
    void worker_leaving(WorkerId worker, Destination d, engine::Simulator&) override {
        const Worker& w = staffing_.worker(worker);
        if (w.contract != Contract::Agency || w.post == kNone) return;
        if (d == Destination::Converted) ++converted;
        if (d == Destination::AssignmentEnded) ++ended;
    }
    void permanent_started(WorkerId worker, engine::Simulator&) override {
        const Worker& w = staffing_.worker(worker);
        if (w.route != Route::Conversion) return;
        ++conversion_starts;
        EXPECT_EQ(staffing_.post(w.post).holder, worker);
        EXPECT_EQ(staffing_.post(w.post).cover, kNone);
    }
    int converted = 0;
    int ended = 0;
    int conversion_starts = 0;

private:
    const Staffing& staffing_;
};

TEST(AgencyPolicy, TheShareOfAssignmentsEndingInConversionIsTheProbability) {
    const std::string yaml = std::string(kHighTurnover) + "  conversion: { probability: 0.3 }\n";
    int converted = 0;
    int ends = 0;
    for (std::uint64_t rep = 0; rep < 4; ++rep) {
        testing::StaffService s(yaml, rep);
        EndWatch watch(s.staffing);
        s.run(watch);
        EXPECT_EQ(watch.conversion_starts, watch.converted);
        EXPECT_EQ(s.agency.conversions(), static_cast<std::uint64_t>(watch.converted));
        converted += watch.converted;
        ends += watch.converted + watch.ended;
    }
    ASSERT_GT(ends, 300);
    const double p = 0.3;
    EXPECT_NEAR(static_cast<double>(converted) / ends, p,
                kTolerance * std::sqrt(p * (1 - p) / ends));
}

// Counts the vacancies opened and those an agency worker started on (once per vacancy spell).
class CoverWatch final : public StaffingObserver {
public:
    explicit CoverWatch(const Staffing& staffing) : staffing_(staffing) {}
    void vacancy_opened(PostId post, engine::Simulator&) override {
        ++opened;
        open_spell_[post] = staffing_.post(post).vacancy_spell;
    }
    void agency_started(WorkerId worker, engine::Simulator&) override {
        const PostId post = staffing_.worker(worker).post;
        if (post == kNone) return;
        const auto it = open_spell_.find(post);
        if (it == open_spell_.end() || it->second != staffing_.post(post).vacancy_spell) return;
        ++covered;
        open_spell_.erase(it);  // re-bookings of the same vacancy count once
    }
    int opened = 0;
    int covered = 0;

private:
    const Staffing& staffing_;
    std::map<PostId, std::uint32_t> open_spell_;
};

TEST(AgencyPolicy, TheShareOfVacanciesCoveredIsTheCoverShare) {
    // 30 initial vacancies with no agency staff (booked with probability cover_share, like
    // later ones) and about 25 new vacancies a year for 10 years, per replication.
    const double p = 0.6;
    const std::string yaml = std::string(kHighTurnover) + "  cover_share: 0.6\n";
    std::uint64_t opened = 0;
    std::uint64_t declined = 0;
    std::uint64_t covered = 0;
    for (std::uint64_t rep = 0; rep < 4; ++rep) {
        testing::StaffService s(yaml, rep);
        CoverWatch watch(s.staffing);
        s.run(watch);
        opened += static_cast<std::uint64_t>(watch.opened);
        declined += s.agency.uncovered_vacancies();
        covered += static_cast<std::uint64_t>(watch.covered);
        // A declined vacancy is never covered; a booked one is unless a permanent starter
        // comes first (a 2-week agency fill against a 6-month permanent one: rarely).
        EXPECT_LE(watch.covered + static_cast<int>(s.agency.uncovered_vacancies()), watch.opened);
    }
    ASSERT_GT(opened, 600u);
    const double n = static_cast<double>(opened);
    const double booked = 1.0 - static_cast<double>(declined) / n;
    EXPECT_NEAR(booked, p, kTolerance * std::sqrt(p * (1 - p) / n));
    EXPECT_GT(static_cast<double>(covered) / n, 0.85 * p);
    // The default covers every vacancy, with no draw.
    testing::StaffService all(kHighTurnover, 0);
    CoverWatch watch(all.staffing);
    all.run(watch);
    EXPECT_EQ(all.agency.uncovered_vacancies(), 0u);
    EXPECT_GT(watch.covered, static_cast<int>(0.85 * watch.opened));
}

// At the start the vacancies the initial agency staff cover count towards the share: with 10
// of 30 initial vacancies covered and cover_share 1/3, no other initial vacancy is booked.
TEST(AgencyPolicy, InitialAgencyCoverCountsTowardsTheCoverShare) {
    const std::string base = R"(start: 2016-04-01
horizon: 1 day
output_interval: 1 day
seed: 9
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 100 }
initial_staff: { permanent: { sw: 70 }, agency: { sw: 10 } }
demand: { referrals_per_year: 0, case_duration: 3 months }
agency:
  cover_vacancies: true
  fill_time: 1 week
  assignment: 1 year
)";
    for (const auto& [share, declined] : {std::pair{0.3333333333333333, 20u}, {0.0, 20u},
                                          std::pair{1.0, 0u}}) {
        testing::StaffService s(base + "  cover_share: " + std::to_string(share) + "\n", 0);
        CoverWatch watch(s.staffing);
        s.run(watch);
        EXPECT_EQ(watch.opened, 30) << share;
        EXPECT_EQ(s.agency.uncovered_vacancies(), declined) << share;
    }
    // Half: each of the 20 is booked with probability (0.5 x 30 - 10) / 20 = 1/4.
    std::uint64_t declined = 0;
    constexpr int kReps = 200;
    for (int rep = 0; rep < kReps; ++rep) {
        testing::StaffService s(base + "  cover_share: 0.5\n", static_cast<std::uint64_t>(rep));
        CoverWatch watch(s.staffing);
        s.run(watch);
        declined += s.agency.uncovered_vacancies();
    }
    const double n = 20.0 * kReps;
    EXPECT_NEAR(1.0 - static_cast<double>(declined) / n, 0.25,
                kTolerance * std::sqrt(0.25 * 0.75 / n));
}

TEST(AgencyPolicy, ConversionsAreCountedAsConversionHires) {
    std::string yaml = std::string(kHighTurnover) + "  conversion: { probability: 0.3 }\n";
    yaml += "replications: 4\n";
    const BatchResult r = run(yaml);
    const std::size_t conversions = r.series.index_of("agency_conversions");
    const std::size_t hires = r.series.index_of("hires_conversion");
    double total = 0.0;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            EXPECT_EQ(r.series.at(conversions, rep, k), r.series.at(hires, rep, k));
            total += r.series.at(conversions, rep, k);
        }
    }
    EXPECT_GT(total, 50.0);
}

TEST(AgencyPolicy, EarlyLeaversAreTheRateTimesAgencyPersonYears) {
    std::string yaml = std::string(kHighTurnover) + "  early_leave_rate: 1.5\n";
    yaml += "replications: 60\noutput_interval: 1 week\n";
    const BatchResult r = run(yaml);
    const std::size_t early = r.series.index_of("agency_early_leavers");
    const std::size_t agency = r.series.index_of("staff_agency");
    std::vector<double> excess;  // leavers - rate x person-years, per replication
    double leavers = 0.0;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double count = 0.0;
        double person_years = 0.0;
        for (std::size_t k = 1; k < r.times.size(); ++k) {
            count += r.series.at(early, rep, k);
            // The headcount at the middle of the interval, as the mean of its ends.
            person_years += 0.5 * (r.series.at(agency, rep, k - 1) + r.series.at(agency, rep, k)) *
                            (r.times[k] - r.times[k - 1]) / engine::kDaysPerYear;
        }
        leavers += count;
        excess.push_back(count - 1.5 * person_years);
    }
    ASSERT_GT(leavers, 1000.0);
    const Mean d = mean_of(excess);
    EXPECT_NEAR(d.mean, 0.0, kTolerance * d.se) << d.se;
}

// Watches returners: by any time, no more returners have started than staff who left for
// agency work at least the cooling-off period before.
class ReturnerWatch final : public StaffingObserver {
public:
    ReturnerWatch(const AgencyProcess& agency, double cooling_off)
        : agency_(agency), cooling_off_(cooling_off) {}
    void worker_leaving(WorkerId, Destination d, engine::Simulator& sim) override {
        if (d == Destination::Agency) left_.push_back(sim.now());
    }
    void agency_started(WorkerId, engine::Simulator& sim) override {
        if (agency_.returners() == seen) return;
        seen = agency_.returners();
        std::size_t eligible = 0;
        for (const double t : left_) eligible += t <= sim.now() - cooling_off_ ? 1 : 0;
        EXPECT_LE(seen, eligible) << "at day " << sim.now();
        earliest_gap = std::min(earliest_gap, sim.now() - left_.front());
    }
    std::uint64_t seen = 0;
    double earliest_gap = 1e300;

private:
    const AgencyProcess& agency_;
    double cooling_off_;
    std::vector<double> left_;
};

TEST(AgencyPolicy, ReturnersNeverComeBackBeforeTheCoolingOff) {
    const std::string yaml = std::string(kHighTurnover) +
                             "  returners: { share: 0.8 }\n"
                             "  rules_2024: { min_experience: 0 days, cooling_off: 3 months }\n";
    for (std::uint64_t rep = 0; rep < 3; ++rep) {
        testing::StaffService s(yaml, rep);
        ReturnerWatch watch(s.agency, 3 * engine::kDaysPerMonth);
        s.run(watch);
        EXPECT_GT(watch.seen, 50u);
        EXPECT_GE(watch.earliest_gap, 3 * engine::kDaysPerMonth);
    }
}

// 200 vacancies booked at time 0, never filled permanently, assignments of 100 years: the
// agency headcount at time t is 200 x P(the booking has arrived by t).
std::string bookings(const std::string& rules) {
    return R"(start: 2016-04-01
horizon: 2 months
output_interval: 1 month
seed: 12
replications: 40
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 200 }
initial_staff: {}
demand: { referrals_per_year: 0, case_duration: 1 month }
agency:
  cover_vacancies: true
  fill_time: { dist: exponential, mean: 1 month }
  assignment: 100 years
)" + rules;
}

TEST(AgencyPolicy, TheExperienceRuleTurnsCandidatesAwayAndLengthensTheFill) {
    // Half the candidates (uniform 0-6 years) have under 3 years: each booking then takes an
    // exponential time of mean 1 month / (1 - 1/2), so by one month 1 - e^-0.5 have arrived.
    const BatchResult plain = run(bookings(""));
    const BatchResult ruled =
        run(bookings("  rules_2024:\n    min_experience: 3 years\n"
                     "    candidate_experience: { dist: uniform, min: 0 years, max: 6 years }\n"));
    const std::size_t agency = plain.series.index_of("staff_agency");
    std::vector<double> a;
    std::vector<double> b;
    for (std::size_t rep = 0; rep < 40; ++rep) {
        a.push_back(plain.series.at(agency, rep, 1));
        b.push_back(ruled.series.at(agency, rep, 1));
    }
    const double month = engine::kDaysPerMonth;
    const double t = plain.times[1] / month;
    const Mean without = mean_of(a);
    const Mean with = mean_of(b);
    EXPECT_NEAR(without.mean, 200 * (1 - std::exp(-t)), kTolerance * without.se);
    EXPECT_NEAR(with.mean, 200 * (1 - std::exp(-0.5 * t)), kTolerance * with.se);
}

}  // namespace
}  // namespace wfsim::model

namespace wfsim::model {
namespace {

TEST(AgencyPolicy, InitialAgencyBeyondTheVacanciesHoldsCasesOnNoPost) {
    // 10 posts, 8 permanent, 1 agency covering a vacancy and 3 more agency workers beyond
    // the vacancies (as the census counts them): 12 case holders share 120 cases.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 2 months
replications: 1
roles: { sw: { caseload_cap: 20 } }
establishment: { sw: 10 }
initial_staff: { permanent: { sw: 8 }, agency: { sw: 1 }, agency_extra: { sw: 3 } }
agency: { assignment: 10 years }
demand: { referrals_per_year: 0, initial_open_cases: 120, case_duration: 10 years }
)");
    const auto at = [&](const char* metric) { return r.series.at(r.series.index_of(metric), 0, 0); };
    EXPECT_EQ(at("staff_agency"), 4.0);
    EXPECT_EQ(at("agency_extra"), 3.0);
    EXPECT_EQ(at("vacancies"), 2.0);
    EXPECT_EQ(at("mean_caseload"), 10.0);
    EXPECT_EQ(at("agency_share"), 4.0 / 12.0);
}

}  // namespace
}  // namespace wfsim::model
