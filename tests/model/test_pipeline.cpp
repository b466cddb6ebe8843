// The staff pipeline's levers against what they must do on average: campaign arithmetic,
// caseload-pressure feedback and the bunching of leavers after retention payments. Tolerances
// are in standard errors of the replication mean (4 SE: a false alarm about once in 16,000
// runs of a test).
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {
namespace {

constexpr double kTolerance = 4.0;  // standard errors

struct Mean {
    double mean = 0.0;
    double se = 0.0;
};

// Per replication, the sum of a series over samples [from, to]; then their mean and SE.
Mean replication_sums(const BatchResult& r, const std::string& metric, std::size_t from,
                      std::size_t to) {
    const std::size_t m = r.series.index_of(metric);
    std::vector<double> sums;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        double sum = 0.0;
        for (std::size_t k = from; k <= to; ++k) sum += r.series.at(m, rep, k);
        sums.push_back(sum);
    }
    double mean = 0.0;
    for (const double s : sums) mean += s;
    mean /= static_cast<double>(sums.size());
    double var = 0.0;
    for (const double s : sums) var += (s - mean) * (s - mean);
    var /= static_cast<double>(sums.size() - 1);
    return {mean, std::sqrt(var / static_cast<double>(sums.size()))};
}

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"pipeline.yaml", yaml}), 2);
}

// One campaign round into a service with far more vacancies than hires.
std::string one_round(const std::string& extra_recruitment, const std::string& extra_top = "") {
    return R"(start: 2016-04-01
horizon: 2 months
output_interval: 1 month
replications: 400
seed: 11
roles: { social_worker: { caseload_cap: 10 } }
establishment: { social_worker: 500 }
initial_staff: {}
)" + extra_top +
           R"(recruitment:
)" + extra_recruitment +
           R"(  campaigns:
    spring:
      role: social_worker
      schedule: { first: 2016-04-15 }
      applicants: 30
      appointable: 0.4
      acceptance: 0.75
      pre_employment_checks: 2 weeks
demand: { referrals_per_year: 0, case_duration: 1 month }
)";
}

TEST(Campaigns, ExpectedHiresAreApplicantsTimesAppointableTimesAcceptance) {
    const BatchResult r = run(one_round(""));
    // Applicants ~ Poisson(30); hires are its thinning, Poisson(30 x 0.4 x 0.75 = 9).
    const Mean applicants = replication_sums(r, "applicants", 0, 2);
    const Mean hires = replication_sums(r, "hires", 0, 2);
    const Mean offers = replication_sums(r, "offers", 0, 2);
    EXPECT_NEAR(applicants.mean, 30.0, kTolerance * std::sqrt(30.0 / 400));
    EXPECT_NEAR(hires.mean, 9.0, kTolerance * std::sqrt(9.0 / 400));
    EXPECT_NEAR(offers.mean, 12.0, kTolerance * std::sqrt(12.0 / 400));
    // The starters arrive two weeks after the round, all by the experienced route.
    const Mean starters = replication_sums(r, "hires_experienced", 0, 2);
    EXPECT_EQ(starters.mean, hires.mean);
    const Mean campaigns = replication_sums(r, "campaigns", 0, 2);
    EXPECT_EQ(campaigns.mean, 1.0);
}

TEST(Campaigns, AttractivenessAndSupplementsScaleApplicants) {
    const BatchResult r = run(one_round("  attractiveness: 1.5\n",
                                        "retention:\n  supplements:\n    social_worker: "
                                        "{ applicant_multiplier: 1.2 }\n"));
    const double expected = 30.0 * 1.5 * 1.2;
    const Mean applicants = replication_sums(r, "applicants", 0, 2);
    EXPECT_NEAR(applicants.mean, expected, kTolerance * std::sqrt(expected / 400));
}

TEST(Campaigns, OffersStopAtTheOpenPlacesAndTheRestGoToTheReserveList) {
    // 5 vacancies, 30 x 0.4 = 12 appointable on average: about 5 hired, the others reserved
    // (up to the list's size).
    std::string yaml = one_round("  reserve_list: { max_size: 3, expiry: 6 months }\n");
    yaml.replace(yaml.find("social_worker: 500"), 18, "social_worker: 5");
    const BatchResult r = run(yaml);
    const std::size_t reserve = r.series.index_of("reserve_list_size");
    const std::size_t pool = r.series.index_of("staff_in_pool");
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        EXPECT_LE(r.series.at(reserve, rep, 1), 3.0);
        EXPECT_EQ(r.series.at(pool, rep, 2), 0.0);  // no over-recruitment allowed
    }
    const Mean hires = replication_sums(r, "hires", 0, 2);
    EXPECT_GT(hires.mean, 4.0);
    EXPECT_LE(hires.mean, 5.0);
}

// A service whose workers' leaving hazard rises with caseload per FTE above 12.
std::string pressured(double referrals_per_year, bool pressure) {
    return R"(start: 2016-04-01
horizon: 3 years
replications: 200
seed: 5
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 50 }
initial_staff: { permanent: { social_worker: 50 } }
turnover: { social_worker: { annual_rate: 0.15 } }
recruitment: { vacancy_fill_time: 2 months }
)" +
           std::string(
               pressure ? "leaving: { caseload_pressure: { above: 12, increase_per_case: 0.25 } }\n"
                        : "") +
           "demand: { referrals_per_year: " + std::to_string(referrals_per_year) +
           ", case_duration: { dist: exponential, mean: 4 months } }\n";
}

TEST(TurnoverDrivers, CaseloadPressureRaisesTurnoverWhenReferralsRise) {
    // 1,500 referrals a year of 4 months each: about 500 open cases, 10 per worker, under the
    // threshold; 2,700 a year: about 900, 18 per worker, well above it.
    const Mean calm = replication_sums(run(pressured(1500, true)), "leavers", 1, 36);
    const Mean busy = replication_sums(run(pressured(2700, true)), "leavers", 1, 36);
    const double se = std::hypot(calm.se, busy.se);
    EXPECT_GT(busy.mean - calm.mean, kTolerance * se)
        << "calm " << calm.mean << ", busy " << busy.mean;

    // Without the feedback the same leaving clocks run out whatever the demand (common random
    // numbers): leavers are identical, replication by replication.
    const BatchResult a = run(pressured(1500, false));
    const BatchResult b = run(pressured(2700, false));
    const std::size_t m = a.series.index_of("leavers");
    for (std::size_t rep = 0; rep < a.series.replications(); ++rep) {
        for (std::size_t k = 0; k < a.times.size(); ++k) {
            ASSERT_EQ(a.series.at(m, rep, k), b.series.at(m, rep, k)) << rep << " " << k;
        }
    }
}

TEST(TurnoverDrivers, LeaversWaitForARetentionPaymentAndBunchAfterItsClawback) {
    // 200 staff who all joined at the start, hazard 0.3 a year, nobody replaced. A payment at
    // 1 year: leavers from 6 months before it wait for it, and for its 3-month clawback, so
    // nobody leaves between months 6 and 15 and the waiting ones all go at month 15.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 18 months
replications: 200
seed: 9
roles: { social_worker: { caseload_cap: 0 } }
establishment: { social_worker: 200 }
initial_staff: { permanent: { social_worker: 200 } }
turnover: { social_worker: { annual_rate: 0.3 } }
retention:
  payments:
    first_year: { role: social_worker, after: 1 year, amount: 1000, clawback: 3 months,
                  hold_window: 6 months }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const double rate = 0.3;
    const auto survive = [&](double years) { return 200.0 * std::exp(-rate * years); };
    // Samples are monthly: sample k closes the month ending at k months.
    const Mean before = replication_sums(r, "leavers", 1, 6);
    const Mean held = replication_sums(r, "leavers", 7, 14);
    const Mean bunch = replication_sums(r, "leavers", 15, 15);
    const Mean payments = replication_sums(r, "retention_payments", 0, 18);
    EXPECT_NEAR(before.mean, survive(0) - survive(0.5), kTolerance * before.se + 1e-9);
    EXPECT_EQ(held.mean, 0.0);
    // Those whose clocks ran out from month 6 to month 15 all leave at month 15.
    EXPECT_NEAR(bunch.mean, survive(0.5) - survive(1.25), kTolerance * bunch.se);
    // Everyone still employed at 12 months is paid, including those waiting to go.
    EXPECT_NEAR(payments.mean, survive(0.5), kTolerance * payments.se);
    const Mean paid = replication_sums(r, "retention_paid", 0, 18);
    EXPECT_DOUBLE_EQ(paid.mean, 1000.0 * payments.mean);
}

TEST(TurnoverDrivers, TenureBandsMultiplyTheHazardOfNewStarters) {
    // 200 staff who all joined at the start, hazard 0.2 a year doubled in their first year,
    // nobody replaced: the clock re-times each departure at the band's edge.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 2 years
output_interval: 1 year
replications: 200
seed: 4
roles: { social_worker: { caseload_cap: 0 } }
establishment: { social_worker: 200 }
initial_staff: { permanent: { social_worker: 200 } }
turnover:
  social_worker: { annual_rate: 0.2, tenure: [{ under: 1 year, multiplier: 2 }] }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const Mean first = replication_sums(r, "leavers", 1, 1);
    const Mean second = replication_sums(r, "leavers", 2, 2);
    EXPECT_NEAR(first.mean, 200.0 * (1 - std::exp(-0.4)), kTolerance * first.se);
    EXPECT_NEAR(second.mean, 200.0 * std::exp(-0.4) * (1 - std::exp(-0.2)), kTolerance * second.se);
}

TEST(TurnoverDrivers, InitialStaffHaveServiceThatTheTenureBandsSee) {
    // 400 staff: half with under 2 years' service, half with 2 to 4, evenly within each band;
    // the hazard (0.1 a year) is tripled under 2 years. In the first year a worker with
    // service s < 1 year has hazard 0.3 all year; 1 <= s < 2 has it for 2 - s and 0.1 after;
    // s >= 2 has 0.1. Expected survival is the mean of exp(-cumulative hazard) over s.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 1 year
output_interval: 1 year
replications: 200
seed: 6
roles: { social_worker: { caseload_cap: 0 } }
establishment: { social_worker: 400 }
initial_staff:
  permanent: { social_worker: 400 }
  tenure: [{ under: 2 years, share: 0.5 }, { under: 4 years, share: 0.5 }]
turnover:
  social_worker: { annual_rate: 0.1, tenure: [{ under: 2 years, multiplier: 3 }] }
demand: { referrals_per_year: 0, case_duration: 1 month }
)");
    const Mean newer = replication_sums(r, "tenure_under_2y_share", 0, 0);
    EXPECT_NEAR(newer.mean, 0.5, kTolerance * std::sqrt(0.25 / 400 / 200));
    const double under_one = 0.5 * std::exp(-0.3);
    const double one_to_two = 0.5 * std::exp(-0.5) * (std::exp(0.4) - std::exp(0.2)) / 0.2;
    const double survival = 0.5 * (under_one + one_to_two) + 0.5 * std::exp(-0.1);
    const Mean leavers = replication_sums(r, "leavers", 1, 1);
    EXPECT_NEAR(leavers.mean, 400.0 * (1.0 - survival), kTolerance * leavers.se);
}

TEST(TurnoverDrivers, TenureBandsMustAscend) {
    try {
        parse_scenario({"t.yaml", R"(start: 2016-04-01
horizon: 1 year
roles: { social_worker: { caseload_cap: 10 } }
establishment: { social_worker: 1 }
initial_staff: {}
turnover:
  social_worker:
    annual_rate: 0.1
    tenure: [{ under: 2 years, multiplier: 1.5 }, { under: 1 year, multiplier: 1.2 }]
demand: { referrals_per_year: 0, case_duration: 1 month }
)"});
        ADD_FAILURE() << "accepted descending tenure bands";
    } catch (const config::InputError& e) {
        EXPECT_STREQ(e.what(),
                     "t.yaml:9:60: error: turnover.social_worker.tenure[1].under: bands must be in "
                     "ascending order of tenure");
    }
}

}  // namespace
}  // namespace wfsim::model
