// Workforce dynamics against renewal theory.
//
// With no agency, each funded post alternates independently between a permanent holder, who
// stays an exponential time with mean T = 1 / annual_rate, and a vacancy lasting a
// vacancy_fill_time draw with mean m. By the renewal-reward theorem the long-run share of time
// a post is filled is T / (T + m) whatever the fill-time distribution (only its mean matters),
// so N posts hold N T / (T + m) permanent staff on average, and leavers (= starters) flow at
// annual_rate x that headcount.
#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "theory_support.hpp"

namespace wfsim::theory {
namespace {

using engine::kDaysPerMonth;
using engine::kDaysPerYear;
using model::Metric;

// --- 1. Long-run filled posts depend only on the mean vacancy fill time -------------------

constexpr int kPosts = 1000;
constexpr double kAnnualRate = 0.5;                // mean tenure T = 2 years
constexpr double kMeanFill = 6.0 * kDaysPerMonth;  // m = 6 months
constexpr double kBurnIn = 10.0 * kDaysPerYear;    // 4 mean post cycles (T + m = 2.5 y)

struct FillTime {
    const char* name;
    std::string yaml;  // a distribution with mean kMeanFill
};

std::vector<FillTime> fill_times() {
    const double sigma = 0.8;
    return {
        {"lognormal",
         "{ dist: lognormal, median: " + num(kMeanFill / std::exp(0.5 * sigma * sigma)) +
             ", sigma: " + num(sigma) + " }"},
        {"fixed", "{ dist: fixed, value: " + num(kMeanFill) + " }"},
        {"gamma", "{ dist: gamma, mean: " + num(kMeanFill) + ", shape: 0.5 }"},
        {"uniform", "{ dist: uniform, min: 1 month, max: 11 months }"},
        {"exponential", "{ dist: exponential, mean: " + num(kMeanFill) + " }"},
    };
}

void PrintTo(const FillTime& fill, std::ostream* os) {
    *os << fill.name;
}

class FilledPosts : public ::testing::TestWithParam<FillTime> {};

TEST_P(FilledPosts, LongRunHeadcountIsNTOverTPlusM) {
    const FillTime& fill = GetParam();
    const std::string yaml =
        "name: renewal " + std::string(fill.name) +
        "\nstart: 2020-01-01\nhorizon: 40 years\noutput_interval: 1 month\nreplications: 256\n"
        "roles:\n  social_worker: { caseload_cap: 20 }\n"
        "establishment: { social_worker: " +
        std::to_string(kPosts) +
        " }\n"
        "initial_staff:\n  permanent: { social_worker: " +
        std::to_string(kPosts) +
        " }\n"
        "turnover:\n  social_worker: { annual_rate: " +
        num(kAnnualRate) +
        " }\n"
        "recruitment:\n  vacancy_fill_time: " +
        fill.yaml +
        "\n"
        "demand:\n  referrals_per_year: 0\n  case_duration: 1 month\n";
    const std::string tag = std::string("renewal/") + fill.name;
    const model::BatchResult result = run_yaml(tag, yaml);

    const double tenure = kDaysPerYear / kAnnualRate;
    const double filled = kPosts * tenure / (tenure + kMeanFill);
    expect_matches(tag + " staff_permanent",
                   estimate(time_average(result, Metric::StaffPermanent, kBurnIn)), filled);
    // In steady state each filled post loses its holder at rate annual_rate, and every
    // vacancy is eventually filled, so starters and leavers both flow at annual_rate x filled.
    expect_matches(tag + " leavers per year",
                   estimate(flow_rate_per_year(result, Metric::Leavers, kBurnIn)),
                   kAnnualRate * filled);
    expect_matches(tag + " starters per year",
                   estimate(flow_rate_per_year(result, Metric::Starters, kBurnIn)),
                   kAnnualRate * filled);
    expect_constant(result, Metric::StaffAgency, 0.0);
}

INSTANTIATE_TEST_SUITE_P(FillTimeDistributions, FilledPosts, ::testing::ValuesIn(fill_times()),
                         [](const ::testing::TestParamInfo<FillTime>& param_info) {
                             return std::string(param_info.param.name);
                         });

// --- 1b. Initial vacancies: the fill-time clock starts at time 0 -------------------------
//
// With every post vacant at the start and nobody leaving, post i is filled at its own
// fill-time draw F_i, so staff_permanent(t) ~ Binomial(N, P(F <= t)): this checks the whole
// distribution of the fill time (not just its mean) and that initial vacancies start their
// clock at time 0.

TEST(InitialVacancies, FilledByTimeTFollowsFillTimeCdf) {
    constexpr int kN = 1000;
    constexpr double kMedian = 3.0 * kDaysPerMonth;
    constexpr double kSigma = 0.6;
    const std::string yaml =
        "name: initial vacancies\nstart: 2020-01-01\nhorizon: 2 years\noutput_interval: 1 month\n"
        "replications: 128\n"
        "roles:\n  social_worker: { caseload_cap: 20 }\n"
        "establishment: { social_worker: " +
        std::to_string(kN) +
        " }\n"
        "initial_staff:\n  permanent: { social_worker: 0 }\n"
        "recruitment:\n  vacancy_fill_time: { dist: lognormal, median: 3 months, sigma: " +
        num(kSigma) +
        " }\n"
        "demand:\n  referrals_per_year: 0\n  case_duration: 1 month\n";
    const model::BatchResult result = run_yaml("initial_vacancies", yaml);

    const auto& table = result.series;
    const std::size_t staff = model::index(Metric::StaffPermanent);
    EXPECT_EQ(table.at(staff, 0, 0), 0.0) << "nobody in post at time 0";
    for (const std::size_t month : {1u, 2u, 3u, 6u, 12u}) {
        ASSERT_LT(month, result.times.size());
        const double t = result.times[month];
        const double cdf = 0.5 * std::erfc(-std::log(t / kMedian) / (kSigma * std::sqrt(2.0)));
        std::vector<double> filled;
        for (std::size_t rep = 0; rep < table.replications(); ++rep) {
            filled.push_back(table.at(staff, rep, month));
        }
        expect_matches("initial_vacancies staff_permanent at month " + std::to_string(month),
                       estimate(filled), kN * cdf);
    }
    // Nobody leaves, so every starter fills one of the initial vacancies.
    expect_constant(result, Metric::Leavers, 0.0);
}

// With initial_vacancies: residual, the vacancies open at the start are part-way through their
// fill: their remaining time R has the equilibrium residual density (1 - F(x)) / m, whose CDF
// for a lognormal is t (1 - F(t)) / m + Phi((ln t - mu - sigma^2) / sigma) (integrating
// 1 - F by parts). With sigma 0.6 (coefficient of variation below 1) E[R] = m (1 + CV^2) / 2
// is below m, so they fill faster than fresh vacancies at every month.

TEST(InitialVacancies, ResidualFillsFollowTheEquilibriumResidualCdf) {
    constexpr int kN = 1000;
    constexpr double kMedian = 3.0 * kDaysPerMonth;
    constexpr double kSigma = 0.6;
    const auto yaml = [&](const std::string& initial) {
        return "name: initial vacancies residual\nstart: 2020-01-01\nhorizon: 1 year\n"
               "output_interval: 1 month\nreplications: 128\n"
               "roles:\n  social_worker: { caseload_cap: 20 }\n"
               "establishment: { social_worker: " +
               std::to_string(kN) +
               " }\n"
               "initial_staff:\n  permanent: { social_worker: 0 }\n"
               "recruitment:\n  vacancy_fill_time: { dist: lognormal, median: 3 months, "
               "sigma: " +
               num(kSigma) + " }\n  initial_vacancies: " + initial +
               "\n"
               "demand:\n  referrals_per_year: 0\n  case_duration: 1 month\n";
    };
    const model::BatchResult residual = run_yaml("initial_vacancies_residual", yaml("residual"));
    const model::BatchResult fresh = run_yaml("initial_vacancies_residual", yaml("fresh"));

    const std::size_t staff = model::index(Metric::StaffPermanent);
    const double mu = std::log(kMedian);
    const double mean = kMedian * std::exp(0.5 * kSigma * kSigma);
    const auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
    for (const std::size_t month : {1u, 2u, 3u, 6u, 12u}) {
        ASSERT_LT(month, residual.times.size());
        const double t = residual.times[month];
        const double cdf = phi((std::log(t) - mu) / kSigma);
        const double residual_cdf =
            t * (1.0 - cdf) / mean + phi((std::log(t) - mu - kSigma * kSigma) / kSigma);
        std::vector<double> filled;
        std::vector<double> filled_fresh;
        for (std::size_t rep = 0; rep < residual.series.replications(); ++rep) {
            filled.push_back(residual.series.at(staff, rep, month));
            filled_fresh.push_back(fresh.series.at(staff, rep, month));
        }
        const Estimate r = estimate(filled);
        const Estimate f = estimate(filled_fresh);
        expect_matches("residual staff_permanent at month " + std::to_string(month), r,
                       kN * residual_cdf);
        expect_matches("fresh staff_permanent at month " + std::to_string(month), f, kN * cdf);
        EXPECT_GT(r.mean, f.mean + kTolerance * std::hypot(r.se, f.se))
            << "initial vacancies fill faster at month " << month;
    }
}

// The residual sampler against its mean E[X^2] / (2 E[X]) = (var + mean^2) / (2 mean), for
// every kind of distribution, from 400,000 draws (standard error sd / sqrt(n)).

TEST(ResidualTime, MeanIsSecondMomentOverTwiceTheMean) {
    using engine::Distribution;
    const std::vector<std::pair<const char*, Distribution>> kinds = {
        {"fixed", Distribution::fixed(90.0)},
        {"exponential", Distribution::exponential(90.0)},
        {"lognormal", Distribution::lognormal(75.0, 0.8)},
        {"gamma", Distribution::gamma(90.0, 0.5)},
        {"gamma shape 3", Distribution::gamma(90.0, 3.0)},
        {"uniform", Distribution::uniform(30.0, 330.0)},
        {"uniform from 0", Distribution::uniform(0.0, 180.0)},
    };
    constexpr int kDraws = 400000;
    for (const auto& [name, dist] : kinds) {
        engine::RandomStream stream(scenario_seed(std::string("residual ") + name), 0,
                                    "residual");
        std::vector<double> draws(kDraws);
        double least = INFINITY;
        for (double& x : draws) {
            x = dist.sample_residual(stream);
            least = std::min(least, x);
        }
        const Estimate e = estimate(draws);
        const double m = dist.mean();
        expect_matches(std::string("mean residual of ") + name, e,
                       (dist.variance() + m * m) / (2.0 * m));
        EXPECT_GE(least, 0.0) << name;
    }
}

// --- 2. The 12-month turnover rate estimates the leaving hazard ---------------------------
//
// Leavers arrive with intensity annual_rate x (permanent headcount), so over any window
// E[leavers] = annual_rate x E[person-years]: the metric (leavers / time-averaged headcount)
// is a ratio estimator of annual_rate. Its O(1 / (annual_rate N)) ratio bias is kept far below
// the standard error by a large establishment (N = 2000: ~600 leavers a year per window).

TEST(Turnover, TwelveMonthRateMatchesAnnualRate) {
    constexpr double kRate = 0.3;
    const std::string yaml =
        "name: turnover\nstart: 2020-01-01\nhorizon: 30 years\noutput_interval: 1 month\n"
        "replications: 192\n"
        "roles:\n  social_worker: { caseload_cap: 20 }\n"
        "establishment: { social_worker: 2000 }\n"
        "initial_staff:\n  permanent: { social_worker: 1800 }\n"
        "turnover:\n  social_worker: { annual_rate: " +
        num(kRate) +
        " }\n"
        "recruitment:\n  vacancy_fill_time: { dist: lognormal, median: 3 months, sigma: 0.6 }\n"
        "demand:\n  referrals_per_year: 0\n  case_duration: 1 month\n";
    const model::BatchResult result = run_yaml("turnover", yaml);

    // Headcount is stationary after ~5 years; the first window must start after that.
    constexpr double kStationary = 5.0 * kDaysPerYear;
    expect_matches(
        "turnover turnover_rate_12m",
        estimate(time_average(result, Metric::TurnoverRate12m, kStationary + kDaysPerYear)), kRate);

    // The same identity on flows, paired within each replication to cancel the headcount's
    // between-replication spread: leavers per year - annual_rate x mean headcount -> 0.
    const std::vector<double> leavers = flow_rate_per_year(result, Metric::Leavers, kStationary);
    const std::vector<double> headcount = time_average(result, Metric::StaffPermanent, kStationary);
    std::vector<double> excess;
    for (std::size_t r = 0; r < leavers.size(); ++r) {
        excess.push_back(leavers[r] - kRate * headcount[r]);
    }
    expect_matches("turnover leavers/yr - rate x staff_permanent", estimate(excess), 0.0);

    // Before 12 months there is no full window: the metric is missing, not zero.
    const auto first = result.series.row(model::index(Metric::TurnoverRate12m), 0);
    for (std::size_t t = 0; t < result.times.size() && result.times[t] < kDaysPerYear - 1e-6; ++t) {
        EXPECT_TRUE(std::isnan(first[t])) << "turnover_rate_12m at t = " << result.times[t];
    }
}

// --- 4. Agency cover of vacancies ---------------------------------------------------------
//
// With exponential vacancy fill time (rate nu = 1/m), agency fill time (rate phi) and
// assignment (rate beta), a vacancy is a Markov chain between "booked, waiting" and
// "covered": waiting -> covered at phi, covered -> waiting at beta (the post books again),
// and either state ends at nu when the permanent starter arrives. The expected covered time
// per vacancy, starting from waiting, is
//     W = phi / (nu (phi + beta + nu)),
// so by renewal-reward (cycle = tenure + vacancy, mean T + m) the mean agency headcount is
// N W / (T + m) and the share of vacancy time covered is W / m = phi / (phi + beta + nu).

TEST(Agency, CoverOfVacanciesMatchesAlternatingRenewal) {
    constexpr int kN = 1000;
    constexpr double kRate = 0.5;                        // T = 2 years
    constexpr double kVacancy = 4.0 * kDaysPerMonth;     // m
    constexpr double kAgencyFill = 3.0 * 7.0;            // 1 / phi
    constexpr double kAssignment = 3.0 * kDaysPerMonth;  // 1 / beta
    const std::string yaml =
        "name: agency\nstart: 2020-01-01\nhorizon: 40 years\noutput_interval: 1 month\n"
        "replications: 256\n"
        "roles:\n  social_worker: { caseload_cap: 20 }\n"
        "establishment: { social_worker: " +
        std::to_string(kN) +
        " }\n"
        "initial_staff:\n  permanent: { social_worker: " +
        std::to_string(kN) +
        " }\n"
        "turnover:\n  social_worker: { annual_rate: " +
        num(kRate) +
        " }\n"
        "recruitment:\n  vacancy_fill_time: { dist: exponential, mean: " +
        num(kVacancy) +
        " }\n"
        "agency:\n  cover_vacancies: true\n"
        "  fill_time: { dist: exponential, mean: " +
        num(kAgencyFill) +
        " }\n"
        "  assignment: { dist: exponential, mean: " +
        num(kAssignment) +
        " }\n"
        "demand:\n  referrals_per_year: 0\n  case_duration: 1 month\n";
    const model::BatchResult result = run_yaml("agency", yaml);

    const double tenure = kDaysPerYear / kRate;
    const double nu = 1.0 / kVacancy;
    const double phi = 1.0 / kAgencyFill;
    const double beta = 1.0 / kAssignment;
    const double covered_per_vacancy = phi / (nu * (phi + beta + nu));
    const double cycle = tenure + kVacancy;

    expect_matches("agency staff_agency",
                   estimate(time_average(result, Metric::StaffAgency, kBurnIn)),
                   kN * covered_per_vacancy / cycle);
    expect_matches("agency vacancies", estimate(time_average(result, Metric::Vacancies, kBurnIn)),
                   kN * kVacancy / cycle);
    // Agency cover does not change the permanent workforce.
    expect_matches("agency staff_permanent",
                   estimate(time_average(result, Metric::StaffPermanent, kBurnIn)),
                   kN * tenure / cycle);
}

}  // namespace
}  // namespace wfsim::theory
