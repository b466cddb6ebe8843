// The referral rate over time (ReferralProfile) against its definition written out in
// tests/support/referral_intensity.hpp: the multiplier at any time, the inversion of its
// integral (an arrival comes when the integral from now reaches the Exp(1) draw), walks cut at
// a bound and carried on, and the referral_rate series. Exact up to rounding; the statistical
// checks are in tests/theory/test_referral_theory.cpp.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/casework/referral_profile.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/referral_intensity.hpp"

namespace wfsim::model {
namespace {

using engine::Date;
using engine::kDaysPerYear;
using testing::ReferralIntensity;

const Date kStart{2016, 1, 1};

ReferralStep step_from(const Date& from, double multiplier) {
    return ReferralStep{from, engine::days_between(kStart, from), multiplier};
}

// A walk that finds its piece afresh.
ReferralProfile::Walk walk(const ReferralProfile& profile, double per_day, double t, double mass,
                           double until) {
    ReferralProfile::Piece piece;
    return profile.walk(per_day, t, mass, until, piece);
}

// Seasonality, a strong trend and three steps, down, down and up.
struct Shaped {
    std::vector<double> season = {1.0, 0.8, 1.1, 0.9, 1.0, 1.2, 0.7, 0.5, 1.3, 1.4, 1.1, 2.5};
    double trend = 0.3;
    std::vector<std::pair<Date, double>> steps = {
        {{2016, 9, 15}, 0.6}, {{2017, 2, 1}, 0.5}, {{2017, 3, 10}, 2.5}};

    ReferralProfile profile() const {
        std::vector<ReferralStep> s;
        for (const auto& [from, multiplier] : steps) s.push_back(step_from(from, multiplier));
        return ReferralProfile(kStart, season, trend, s);
    }
    ReferralIntensity intensity(double per_year) const {
        ReferralIntensity i{.start = kStart, .per_year = per_year};
        std::copy(season.begin(), season.end(), i.season.begin());
        i.trend = trend;
        i.steps = steps;
        return i;
    }
};

TEST(ReferralProfile, SeasonalityIsScaledToAMeanOfOneWeightedByMonthLength) {
    std::vector<double> season;
    for (int m = 1; m <= 12; ++m) season.push_back(m);  // relative levels 1, 2, ..., 12
    const ReferralProfile profile(kStart, season, 0.0, {});
    double weighted = 0.0;
    const double january = profile.multiplier(0.0);
    for (int m = 1; m <= 12; ++m) {
        const double t = engine::days_between(kStart, Date{2016, m, 1});
        const double multiplier = profile.multiplier(t);
        EXPECT_NEAR(multiplier / january, m, 1e-12 * m) << "month " << m;
        weighted += multiplier * ReferralProfile::kMonthWeights[static_cast<std::size_t>(m - 1)];
    }
    EXPECT_NEAR(weighted / kDaysPerYear, 1.0, 1e-14);
    // 365.25 / sum(m x length of month m): January's multiplier written out.
    EXPECT_NEAR(january, kDaysPerYear / 2382.5, 1e-15);
}

TEST(ReferralProfile, IsFlatOnlyWhenNothingVaries) {
    EXPECT_TRUE(ReferralProfile().flat());
    EXPECT_TRUE(ReferralProfile(kStart, {}, 0.0, {}).flat());
    const ReferralProfile equal(kStart, std::vector<double>(12, 2.5), 0.0, {});
    EXPECT_TRUE(equal.flat());
    EXPECT_EQ(equal.multiplier(100.0), 1.0);
    std::vector<double> season(12, 1.0);
    season[6] = 1.01;
    EXPECT_FALSE(ReferralProfile(kStart, season, 0.0, {}).flat());
    EXPECT_FALSE(ReferralProfile(kStart, {}, 0.01, {}).flat());
    EXPECT_FALSE(ReferralProfile(kStart, {}, 0.0, {step_from({2016, 6, 1}, 1.0)}).flat());
}

TEST(ReferralProfile, MultiplierFollowsTheDefinitionAndChangesAtMidnight) {
    const Shaped shaped;
    const ReferralProfile profile = shaped.profile();
    const ReferralIntensity intensity = shaped.intensity(1.0);
    for (double t = 0.0; t < 4 * kDaysPerYear; t += 0.37) {
        EXPECT_NEAR(profile.multiplier(t), intensity.per_year_at(t),
                    1e-12 * intensity.per_year_at(t))
            << "t = " << t;
    }
    // A month and a step apply from their first instant: 2016-02-01 is day 31, 2016-09-15 day
    // 258.
    const double january = profile.multiplier(31.0 - 1e-9);
    const double february = profile.multiplier(31.0);
    EXPECT_NEAR(february / january, 0.8, 1e-6);
    EXPECT_NEAR(profile.multiplier(258.0) / profile.multiplier(258.0 - 1e-9), 0.6, 1e-6);
    // The trend compounds: a year on, the same month and steps (all in force from day 434)
    // give 1.3 times the rate.
    EXPECT_NEAR(
        profile.multiplier(3 * kDaysPerYear + 10.0) / profile.multiplier(2 * kDaysPerYear + 10.0),
        1.3, 1e-12);
}

// The arrival is where the integral from `from` reaches `mass`, for masses that end within
// the first piece and ones that cross months, steps and years.
TEST(ReferralProfile, WalkInvertsTheIntegratedRate) {
    const Shaped shaped;
    const ReferralProfile profile = shaped.profile();
    constexpr double kPerYear = 1000.0;
    const ReferralIntensity intensity = shaped.intensity(kPerYear);
    for (const double from : {0.0, 17.3, 250.0, 400.25, 800.0}) {
        for (const double mass : {1e-6, 0.01, 0.5, 1.0, 3.7, 40.0, 300.0, 1500.0}) {
            const auto found =
                walk(profile, kPerYear / kDaysPerYear, from, mass, from + 10 * kDaysPerYear);
            ASSERT_TRUE(found.arrived) << from << " " << mass;
            EXPECT_FALSE(found.never);
            EXPECT_GE(found.time, from);
            EXPECT_NEAR(intensity.integral(from, found.time), mass, 1e-9 * mass + 1e-12)
                << "from " << from << ", mass " << mass << ": arrival " << found.time;
        }
    }
}

TEST(ReferralProfile, AWalkCutAtItsBoundCarriesOnToTheSameArrival) {
    const Shaped shaped;
    const ReferralProfile profile = shaped.profile();
    constexpr double kPerDay = 500.0 / kDaysPerYear;
    const ReferralIntensity intensity = shaped.intensity(500.0);
    const double from = 100.0;
    const double mass = 900.0;  // about two years of referrals
    const auto whole = walk(profile, kPerDay, from, mass, from + 10 * kDaysPerYear);
    ASSERT_TRUE(whole.arrived);
    double t = from;
    double remaining = mass;
    int legs = 0;
    ReferralProfile::Piece piece;  // kept from leg to leg, as the process keeps it
    while (true) {
        const double until = t + kDaysPerYear;
        const auto leg = profile.walk(kPerDay, t, remaining, until, piece);
        ASSERT_FALSE(leg.never);
        ++legs;
        if (leg.arrived) {
            EXPECT_NEAR(leg.time, whole.time, 1e-9 * whole.time);
            break;
        }
        EXPECT_EQ(leg.time, until);
        EXPECT_NEAR(remaining - leg.remaining, intensity.integral(t, until), 1e-9 * mass);
        t = until;
        remaining = leg.remaining;
        ASSERT_LT(legs, 10);
    }
    EXPECT_GT(legs, 1);  // it did carry on
}

// Consecutive arrivals, as the process draws them keeping the piece it is in, are those found
// with the piece looked up afresh each time, bit for bit.
TEST(ReferralProfile, KeepingThePieceChangesNoArrival) {
    const ReferralProfile profile = Shaped().profile();
    constexpr double kPerDay = 3000.0 / kDaysPerYear;
    ReferralProfile::Piece kept;
    double t_kept = 0.0;
    double t_fresh = 0.0;
    int arrivals = 0;
    for (double mass = 0.05; t_kept < 3 * kDaysPerYear; mass = std::fmod(mass * 7.3, 3.0)) {
        const auto a = profile.walk(kPerDay, t_kept, mass, t_kept + kDaysPerYear, kept);
        const auto b = walk(profile, kPerDay, t_fresh, mass, t_fresh + kDaysPerYear);
        ASSERT_TRUE(a.arrived && b.arrived);
        ASSERT_EQ(a.time, b.time) << "arrival " << arrivals;
        t_kept = a.time;
        t_fresh = b.time;
        ++arrivals;
    }
    EXPECT_GT(arrivals, 5000);
}

// The scenario language allows neither a zero step nor all months at 0; the profile still
// ends the walk rather than run on for ever if given one.
TEST(ReferralProfile, NoArrivalWhenTheRateIsZeroForEver) {
    const ReferralProfile stops(kStart, {}, 0.0, {step_from({2016, 6, 1}, 0.0)});
    const double june = engine::days_between(kStart, Date{2016, 6, 1});
    // Before the step: arrivals while the rate lasts, then none.
    const auto early = walk(stops, 1.0, 0.0, 10.0, 1000.0);
    EXPECT_TRUE(early.arrived);
    EXPECT_NEAR(early.time, 10.0, 1e-12);
    const auto late = walk(stops, 1.0, 0.0, june + 5.0, 1000.0);
    EXPECT_TRUE(late.never);
    EXPECT_FALSE(late.arrived);
    EXPECT_TRUE(walk(stops, 1.0, june, 1e-9, 1000.0).never);
    EXPECT_TRUE(walk(ReferralProfile(kStart, {}, 0.5, {}), 0.0, 0.0, 1.0, 1000.0).never);
    // A declining trend has a finite total; the walk stops at its bound rather than run on.
    const auto falling = walk(ReferralProfile(kStart, {}, -0.9, {}), 1.0, 0.0, 1e6, 365.25);
    EXPECT_FALSE(falling.arrived);
    EXPECT_FALSE(falling.never);
    EXPECT_EQ(falling.time, 365.25);
}

// --- Through the model --------------------------------------------------------------------

std::string scenario(const std::string& demand, const std::string& more = "") {
    return "start: 2016-01-01\nhorizon: 3 years\nreplications: 3\nseed: 11\n"
           "roles: { social_worker: { caseload_cap: 1000 } }\n"
           "establishment: { social_worker: 5 }\n"
           "initial_staff: { permanent: { social_worker: 5 } }\n"
           "demand:\n  referrals_per_year: 2000\n  case_duration: 1 month\n" +
           demand + more;
}

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"p.yaml", yaml}), 2);
}

std::vector<double> row(const BatchResult& r, const std::string& metric, std::size_t rep) {
    const auto values = r.series.row(r.series.index_of(metric), rep);
    return {values.begin(), values.end()};
}

TEST(ReferralRateSeries, IsTheRateAtEachSample) {
    const std::string demand =
        "  seasonality: [1, 0.8, 1.1, 0.9, 1, 1.2, 0.7, 0.5, 1.3, 1.4, 1.1, 2.5]\n"
        "  trend: 0.3\n"
        "  steps: [{ from: 2016-09-15, multiplier: 0.6 }, { from: 2017-02-01, multiplier: 0.5 },"
        " { from: 2017-03-10, multiplier: 2.5 }]\n";
    // From 2018-01-01 the base rate is 3000.
    const BatchResult r = run(scenario(demand,
                                       "interventions:\n  - at: 2018-01-01\n"
                                       "    set: { demand.referrals_per_year: 3000 }\n"));
    const double change = engine::days_between(kStart, Date{2018, 1, 1});
    const ReferralIntensity before = Shaped().intensity(2000.0);
    const ReferralIntensity after = Shaped().intensity(3000.0);
    for (std::size_t rep = 0; rep < 3; ++rep) {
        const std::vector<double> rate = row(r, "referral_rate", rep);
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            const double t = r.times[k];
            const double expected = (t < change ? before : after).per_year_at(t);
            EXPECT_NEAR(rate[k], expected, 1e-12 * expected) << "sample " << k;
        }
    }
    // Without a profile the rate is referrals_per_year itself.
    const BatchResult flat = run(scenario(""));
    for (const double rate : row(flat, "referral_rate", 0)) EXPECT_EQ(rate, 2000.0);
}

TEST(ReferralRateSeries, FollowsTheProfileBesideCaseTypes) {
    const BatchResult r = run(R"(start: 2016-01-01
horizon: 2 years
replications: 2
seed: 3
roles: { social_worker: { caseload_cap: 1000 } }
establishment: { social_worker: 5 }
initial_staff: { permanent: { social_worker: 5 } }
case_types:
  assessment: { duration: 20 days }
  child_in_need: { duration: 2 months }
demand:
  referrals_per_year: 2000
  referral_mix: { assessment: 0.7, child_in_need: 0.3 }
  seasonality: [1, 0.8, 1.1, 0.9, 1, 1.2, 0.7, 0.5, 1.3, 1.4, 1.1, 2.5]
)");
    const ReferralIntensity rate = Shaped{.trend = 0.0, .steps = {}}.intensity(2000.0);
    for (std::size_t rep = 0; rep < 2; ++rep) {
        const std::vector<double> series = row(r, "referral_rate", rep);
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            EXPECT_NEAR(series[k], rate.per_year_at(r.times[k]), 1e-12 * series[k]) << k;
        }
        const std::vector<double> assessments = row(r, "open_cases.assessment", rep);
        EXPECT_GT(assessments.back(), 0.0);
    }
}

TEST(ReferralRateSeries, EqualMonthsDrawTheSameReferralsAsNoSeasonality) {
    const BatchResult none = run(scenario(""));
    const BatchResult equal =
        run(scenario("  seasonality: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]\n"));
    // And an intervention that sets the profile it already has re-times nothing.
    const BatchResult same = run(scenario("  trend: 0.1\n",
                                          "interventions:\n  - at: 2017-01-01\n"
                                          "    set: { demand.trend: 0.1, demand.steps: [] }\n"));
    const BatchResult trend = run(scenario("  trend: 0.1\n"));
    // Guards the comparisons: a month 1 % busier draws other referrals.
    const BatchResult varied =
        run(scenario("  seasonality: [3, 3, 3, 3, 3, 3, 3.03, 3, 3, 3, 3, 3]\n"));
    for (std::size_t rep = 0; rep < 3; ++rep) {
        EXPECT_EQ(row(none, "referrals", rep), row(equal, "referrals", rep));
        EXPECT_EQ(row(same, "referrals", rep), row(trend, "referrals", rep));
        EXPECT_NE(row(none, "referrals", rep), row(varied, "referrals", rep));
    }
}

}  // namespace
}  // namespace wfsim::model
