// Referrals under a rate that varies over time (demand.seasonality, trend, steps) against the
// theory of the non-homogeneous Poisson process: the referrals in an interval are Poisson with
// mean the integral of the rate over it, and those in disjoint intervals are independent. The
// integral comes from the rate's definition written out in tests/support/referral_intensity.hpp,
// not from the model. Tolerances are 4 standard errors of the replication mean (see
// theory_support.hpp).
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "tests/support/referral_intensity.hpp"
#include "theory_support.hpp"

namespace wfsim::theory {
namespace {

using engine::Date;
using engine::kDaysPerYear;
using testing::ReferralIntensity;

constexpr Date kStart{2016, 1, 1};
// 16 months of 30.4375 days are 487 whole days: 2017-05-02, where a monthly sample falls.
constexpr std::size_t kSampleOnADate = 16;
const std::string kSampleDate = "2017-05-02";

// Casework that never holds the referrals up: caps far above the load, one-week cases.
std::string scenario(const std::string& horizon, const std::string& interval, double per_year,
                     const std::string& demand, const std::string& more = "") {
    return "start: 2016-01-01\nhorizon: " + horizon + "\noutput_interval: " + interval +
           "\nreplications: 200\n"
           "roles:\n  social_worker: { caseload_cap: 1000 }\n"
           "establishment: { social_worker: 10 }\n"
           "initial_staff:\n  permanent: { social_worker: 10 }\n"
           "demand:\n  referrals_per_year: " +
           num(per_year) + "\n  case_duration: 1 week\n" + demand + more;
}

// Per replication, the referrals in samples first..last (each counts the interval ending at it).
std::vector<double> referrals(const model::BatchResult& r, std::size_t first, std::size_t last) {
    std::vector<double> sums;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        const auto row = r.series.row(model::index(model::Metric::Referrals), rep);
        double sum = 0.0;
        for (std::size_t k = first; k <= last; ++k) sum += row[k];
        sums.push_back(sum);
    }
    return sums;
}

// Expects the referrals in samples first..last to match the integral of `rate` over them.
Estimate expect_integral(const std::string& label, const model::BatchResult& r,
                         const ReferralIntensity& rate, std::size_t first, std::size_t last) {
    const Estimate measured = estimate(referrals(r, first, last));
    expect_matches(label, measured, rate.integral(r.times[first - 1], r.times[last]));
    return measured;
}

// Per replication, a - factor x b: the contrast that is 0 in expectation when the counts b
// scaled by `factor` are expected to equal a.
std::vector<double> contrast(const std::vector<double>& a, double factor,
                             const std::vector<double>& b) {
    std::vector<double> out;
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(a[i] - factor * b[i]);
    return out;
}

TEST(ReferralTheory, SeasonalReferralsMatchTheIntegralEveryMonth) {
    ReferralIntensity rate{.start = kStart, .per_year = 6000.0};
    rate.season = {1, 1, 1, 1, 1, 1, 1, 1, 1.5, 1, 1, 3};  // busy Septembers, Decembers triple
    const model::BatchResult r = run_yaml(
        "referrals/seasonal", scenario("2 years", "1 month", 6000.0,
                                       "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1.5, 1, 1, 3]\n"));
    ASSERT_EQ(r.times.size(), 25u);
    std::size_t distinct = 0;
    for (std::size_t k = 1; k < r.times.size(); ++k) {
        const Estimate e = expect_integral("seasonal month " + std::to_string(k), r, rate, k, k);
        // Guards the check: months far from what a constant rate would give are in it.
        const double flat = 6000.0 * (r.times[k] - r.times[k - 1]) / kDaysPerYear;
        if (std::fabs(rate.integral(r.times[k - 1], r.times[k]) - flat) > 20.0 * e.se) {
            ++distinct;
        }
    }
    EXPECT_GE(distinct, 20u);
}

struct Trend {
    const char* name;
    double trend;
};

void PrintTo(const Trend& t, std::ostream* os) {
    *os << t.name;
}

class ReferralTrend : public ::testing::TestWithParam<Trend> {};

// The rate t years in is (1 + trend)^t times the first: year 2 brings 1 + trend times the
// referrals of year 1, which bring referrals_per_year x trend / ln(1 + trend).
TEST_P(ReferralTrend, YearTwoBringsOnePlusTrendTimesYearOne) {
    const Trend& t = GetParam();
    ReferralIntensity rate{.start = kStart, .per_year = 5000.0};
    rate.trend = t.trend;
    const std::string tag = std::string("referrals/trend/") + t.name;
    const model::BatchResult r =
        run_yaml(tag, scenario("2 years", "1 year", 5000.0, "  trend: " + num(t.trend) + "\n"));
    ASSERT_EQ(r.times.size(), 3u);
    const std::vector<double> year1 = referrals(r, 1, 1);
    const std::vector<double> year2 = referrals(r, 2, 2);
    expect_matches(tag + " year 1", estimate(year1), 5000.0 * t.trend / std::log1p(t.trend));
    expect_integral(tag + " year 2", r, rate, 2, 2);
    expect_matches(tag + " year 2 - (1 + trend) x year 1",
                   estimate(contrast(year2, 1.0 + t.trend, year1)), 0.0);
    std::cout << "[ theory   ] " << tag
              << ": year 2 / year 1 = " << estimate(year2).mean / estimate(year1).mean
              << ", 1 + trend = " << 1.0 + t.trend << std::endl;
}

INSTANTIATE_TEST_SUITE_P(Trends, ReferralTrend,
                         ::testing::Values(Trend{"growing", 0.5}, Trend{"falling", -0.3}),
                         [](const ::testing::TestParamInfo<Trend>& param_info) {
                             return std::string(param_info.param.name);
                         });

// Early help cutting referrals by 10 %: the year after the step brings 0.9 times the year
// before it.
TEST(ReferralTheory, AStepScalesTheReferralsFromItsDate) {
    ReferralIntensity rate{.start = kStart, .per_year = 6000.0};
    rate.steps = {{*engine::parse_iso_date(kSampleDate), 0.9}};
    const model::BatchResult r = run_yaml(
        "referrals/step", scenario("30 months", "1 month", 6000.0,
                                   "  steps: [{ from: " + kSampleDate + ", multiplier: 0.9 }]\n"));
    constexpr std::size_t k = kSampleOnADate;
    const std::vector<double> before = referrals(r, k - 11, k);
    const std::vector<double> after = referrals(r, k + 1, k + 12);
    expect_integral("step: year before", r, rate, k - 11, k);
    expect_integral("step: year after", r, rate, k + 1, k + 12);
    expect_matches("step: year after - 0.9 x year before", estimate(contrast(after, 0.9, before)),
                   0.0);
}

// Seasonality, trend and two steps together, quarter by quarter.
TEST(ReferralTheory, AFullProfileMatchesTheIntegralEachQuarter) {
    ReferralIntensity rate{.start = kStart, .per_year = 4000.0};
    rate.season = {1.2, 1.1, 1, 0.9, 1, 1, 0.8, 0.6, 1.3, 1.2, 1.1, 0.9};
    rate.trend = 0.1;
    rate.steps = {{{2017, 4, 1}, 0.9}, {{2018, 1, 1}, 1.25}};
    const model::BatchResult r =
        run_yaml("referrals/full",
                 scenario("3 years", "3 months", 4000.0,
                          "  seasonality: [1.2, 1.1, 1, 0.9, 1, 1, 0.8, 0.6, 1.3, 1.2, 1.1, 0.9]\n"
                          "  trend: 0.1\n"
                          "  steps:\n    - { from: 2017-04-01, multiplier: 0.9 }\n"
                          "    - { from: 2018-01-01, multiplier: 1.25 }\n"));
    ASSERT_EQ(r.times.size(), 13u);
    for (std::size_t k = 1; k < r.times.size(); ++k) {
        expect_integral("full profile quarter " + std::to_string(k), r, rate, k, k);
    }
}

// An intervention changing the rate, the seasonality and the steps re-times the next referral
// and the profile applies from its date, with the trend still counted from the start and a step
// dated before it in force at once. Quarter by quarter, before and after.
TEST(ReferralTheory, InterventionsChangeTheProfileFromTheirDate) {
    ReferralIntensity before{.start = kStart, .per_year = 6000.0};
    before.season = {1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1};
    before.trend = 0.2;
    ReferralIntensity after = before;
    after.per_year = 9000.0;
    after.season = {1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 1, 1, 1, 1};
    after.steps = {{{2017, 1, 1}, 0.8}};
    const model::BatchResult r = run_yaml(
        "referrals/intervention",
        scenario("30 months", "1 month", 6000.0,
                 "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1]\n  trend: 0.2\n",
                 "interventions:\n  - at: " + kSampleDate +
                     "\n    set:\n      demand.referrals_per_year: 9000\n"
                     "      demand.seasonality: [1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 1, 1, 1, 1]\n"
                     "      demand.steps: [{ from: 2017-01-01, multiplier: 0.8 }]\n"));
    for (std::size_t k = 1; k + 2 <= kSampleOnADate; k += 3) {
        expect_integral(
            "before the intervention, months " + std::to_string(k) + "-" + std::to_string(k + 2), r,
            before, k, k + 2);
    }
    expect_integral("month of the intervention", r, before, kSampleOnADate, kSampleOnADate);
    for (std::size_t k = kSampleOnADate + 1; k + 2 < r.times.size(); k += 3) {
        expect_integral(
            "after the intervention, months " + std::to_string(k) + "-" + std::to_string(k + 2), r,
            after, k, k + 2);
    }
}

// The next referral is re-timed at once: a rate a thousand times lower before the intervention
// leaves a referral pending months ahead, which must not hold up the first month after it.
TEST(ReferralTheory, AnInterventionRetimesTheReferralPendingUnderTheOldProfile) {
    ReferralIntensity after{.start = kStart, .per_year = 6000.0};
    after.season = {1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1};
    const model::BatchResult r = run_yaml(
        "referrals/retime",
        scenario("18 months", "1 month", 6000.0,
                 "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1]\n"
                 "  steps: [{ from: 2016-01-01, multiplier: 0.001 }]\n",
                 "interventions:\n  - at: " + kSampleDate + "\n    set: { demand.steps: [] }\n"));
    const Estimate quiet = estimate(referrals(r, 1, kSampleOnADate));
    EXPECT_LT(quiet.mean, 20.0);  // about 8 in 16 months
    expect_integral("first month after re-timing", r, after, kSampleOnADate + 1,
                    kSampleOnADate + 1);
}

}  // namespace
}  // namespace wfsim::theory
