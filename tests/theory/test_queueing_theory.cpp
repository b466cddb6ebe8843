// Casework against queueing theory.
//
// With a fixed staff (no turnover, establishment = initial permanent staff), workers of caps
// c_i form s = sum c_i servers: every allocated case progresses at rate 1, and allocation is
// work-conserving (a case waits only when every worker is at cap). Poisson referrals with
// exponential case_duration therefore make the open cases exactly an M/M/s queue, and with
// caps far above the load an M/G/infinity queue for any case_duration.
#include <algorithm>
#include <cmath>
#include <iostream>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "theory_support.hpp"

namespace wfsim::theory {
namespace {

using engine::kDaysPerMonth;
using engine::kDaysPerYear;
using model::Metric;

// Erlang C: probability that an arrival waits in M/M/s with offered load a = lambda / mu < s.
// Erlang B by its stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then
// C = s B / (s - a (1 - B)).
double erlang_c(int s, double a) {
    double b = 1.0;
    for (int k = 1; k <= s; ++k) b = a * b / (k + a * b);
    return s * b / (s - a * (1.0 - b));
}

TEST(ErlangC, KnownValues) {
    // M/M/1: C = rho. M/M/2 with a = 1: C = 1/3. s = 10, a = 8: 0.409 (tables).
    EXPECT_NEAR(erlang_c(1, 0.7), 0.7, 1e-15);
    EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-15);
    EXPECT_NEAR(erlang_c(10, 8.0), 0.40918, 1e-5);
    // Large s stays finite and in (0, 1).
    const double c = erlang_c(1000, 950.0);
    EXPECT_GT(c, 0.0);
    EXPECT_LT(c, 1.0);
}

// --- 3. M/M/s: fixed staff, exponential case duration ------------------------------------

constexpr double kCaseMean = kDaysPerMonth;  // 1 / mu: one month

struct StaffMix {
    const char* name;
    std::string roles;   // YAML of roles, establishment and initial_staff
    int servers;         // s = sum of caps of case-holding workers
    double utilisation;  // rho = a / s
    double horizon_years;
};

std::vector<StaffMix> staff_mixes() {
    return {
        {"s20_rho090",
         "roles:\n  social_worker: { caseload_cap: 10 }\n"
         "establishment: { social_worker: 2 }\n"
         "initial_staff:\n  permanent: { social_worker: 2 }\n",
         20, 0.90, 60.0},
        // Two caps and a role holding no cases: least-loaded across cap classes must still be
        // work-conserving, so s = 3 x 10 + 2 x 5 = 40.
        {"s40_rho090_mixed_caps",
         "roles:\n  social_worker: { caseload_cap: 10 }\n  senior: { caseload_cap: 5 }\n"
         "  manager: { caseload_cap: 0 }\n"
         "establishment: { social_worker: 3, senior: 2, manager: 1 }\n"
         "initial_staff:\n  permanent: { social_worker: 3, senior: 2, manager: 1 }\n",
         40, 0.90, 60.0},
        {"s60_rho095",
         "roles:\n  social_worker: { caseload_cap: 12 }\n"
         "establishment: { social_worker: 5 }\n"
         "initial_staff:\n  permanent: { social_worker: 5 }\n",
         60, 0.95, 100.0},
    };
}

void PrintTo(const StaffMix& mix, std::ostream* os) {
    *os << mix.name;
}

class ErlangQueue : public ::testing::TestWithParam<StaffMix> {};

TEST_P(ErlangQueue, OpenAndWaitingCasesMatchMMs) {
    const StaffMix& mix = GetParam();
    const int s = mix.servers;
    const double a = mix.utilisation * s;  // offered load, cases
    const double referrals_per_year = a / kCaseMean * kDaysPerYear;
    const double c = erlang_c(s, a);
    const double lq = c * mix.utilisation / (1.0 - mix.utilisation);
    const double l = lq + a;

    const std::string yaml =
        "name: mms " + std::string(mix.name) +
        "\nstart: 2020-01-01\nhorizon: " + num(mix.horizon_years) +
        " years\noutput_interval: 2 weeks\nreplications: 256\n" + mix.roles +
        "demand:\n  referrals_per_year: " + num(referrals_per_year) +
        "\n  initial_open_cases: " + std::to_string(static_cast<int>(std::lround(l))) +
        "\n  case_duration: { dist: exponential, mean: " + num(kCaseMean) + " }\n";
    const std::string tag = std::string("mms/") + mix.name;
    const model::BatchResult result = run_yaml(tag, yaml);

    // Relaxation time of M/M/s near saturation ~ 1 / (s mu (1 - sqrt rho)^2): 1.6-2.1 years here;
    // the queue starts at its mean, and 10 years of burn-in is ample.
    constexpr double kBurnIn = 10.0 * kDaysPerYear;
    std::cout << "[ theory   ] " << tag << ": s = " << s << ", a = " << a << ", Erlang C = " << c
              << std::endl;

    expect_matches(tag + " open_cases (L)",
                   estimate(time_average(result, Metric::OpenCases, kBurnIn)), l);
    expect_matches(tag + " unallocated_cases (Lq)",
                   estimate(time_average(result, Metric::UnallocatedCases, kBurnIn)), lq);
    // Little's law on the servers: mean busy servers = lambda / mu = a.
    expect_matches(tag + " allocated_cases (= a)",
                   estimate(time_average(result, Metric::AllocatedCases, kBurnIn)), a);
    // P(all servers busy) = Erlang C (time-stationary, so also at fixed sample times).
    expect_matches(tag + " P(allocated = s) (Erlang C)",
                   estimate(time_average(result, Metric::AllocatedCases, kBurnIn,
                                         [s](double v) { return v == s ? 1.0 : 0.0; })),
                   c);
    // Flow balance: cases close as fast as they arrive.
    expect_matches(tag + " closed_cases per year",
                   estimate(flow_rate_per_year(result, Metric::ClosedCases, kBurnIn)),
                   referrals_per_year);

    // Fixed staff: no starters, no leavers, headcount constant, never above s cases held.
    expect_constant(result, Metric::Starters, 0.0);
    expect_constant(result, Metric::Leavers, 0.0);
    expect_constant(result, Metric::StaffAgency, 0.0);
    const output::SeriesTable& table = result.series;
    const double headcount = table.at(model::index(Metric::StaffPermanent), 0, 0);
    expect_constant(result, Metric::StaffPermanent, headcount);
    double most_allocated = 0.0;
    for (std::size_t rep = 0; rep < table.replications(); ++rep) {
        for (const double v : table.row(model::index(Metric::AllocatedCases), rep)) {
            most_allocated = std::max(most_allocated, v);
        }
    }
    EXPECT_EQ(most_allocated, s) << "allocated cases should reach but never exceed s";
}

INSTANTIATE_TEST_SUITE_P(StaffMixes, ErlangQueue, ::testing::ValuesIn(staff_mixes()),
                         [](const ::testing::TestParamInfo<StaffMix>& param_info) {
                             return std::string(param_info.param.name);
                         });

// --- 4b. M/G/infinity: caps far above the load ---------------------------------------------
//
// With s = 10 x 1000 servers and a = 50, waiting is impossible in practice, and the open cases
// are Poisson with mean a = lambda E[duration] whatever the duration distribution
// (insensitivity): mean a and variance a.

struct Duration {
    const char* name;
    std::string yaml;  // a distribution with mean kCaseMean
};

std::vector<Duration> durations() {
    const double sigma = 1.0;
    return {
        {"exponential", "{ dist: exponential, mean: " + num(kCaseMean) + " }"},
        {"lognormal",
         "{ dist: lognormal, median: " + num(kCaseMean / std::exp(0.5 * sigma * sigma)) +
             ", sigma: " + num(sigma) + " }"},
        {"fixed", num(kCaseMean)},
    };
}

void PrintTo(const Duration& duration, std::ostream* os) {
    *os << duration.name;
}

class InfiniteServer : public ::testing::TestWithParam<Duration> {};

TEST_P(InfiniteServer, OpenCasesArePoissonWithMeanLoad) {
    const Duration& duration = GetParam();
    constexpr double kLoad = 50.0;
    const double referrals_per_year = kLoad / kCaseMean * kDaysPerYear;
    const std::string yaml =
        "name: mginf " + std::string(duration.name) +
        "\nstart: 2020-01-01\nhorizon: 40 years\noutput_interval: 1 week\nreplications: 192\n"
        "roles:\n  social_worker: { caseload_cap: 1000 }\n"
        "establishment: { social_worker: 10 }\n"
        "initial_staff:\n  permanent: { social_worker: 10 }\n"
        "demand:\n  referrals_per_year: " +
        num(referrals_per_year) + "\n  case_duration: " + duration.yaml + "\n";
    const std::string tag = std::string("mginf/") + duration.name;
    const model::BatchResult result = run_yaml(tag, yaml);

    // Stationary once the cases open at time 0 are (almost surely) closed: 5 years is 60 mean
    // durations; P(lognormal(sigma 1) > 60 means) ~ 1e-7.
    constexpr double kBurnIn = 5.0 * kDaysPerYear;
    expect_matches(tag + " open_cases mean",
                   estimate(time_average(result, Metric::OpenCases, kBurnIn)), kLoad);
    // E[(N - a)^2] = Var N = a for Poisson; using the known mean keeps it unbiased.
    expect_matches(tag + " open_cases variance",
                   estimate(time_average(result, Metric::OpenCases, kBurnIn,
                                         [](double v) { return (v - kLoad) * (v - kLoad); })),
                   kLoad);
    expect_constant(result, Metric::UnallocatedCases, 0.0);
}

INSTANTIATE_TEST_SUITE_P(CaseDurations, InfiniteServer, ::testing::ValuesIn(durations()),
                         [](const ::testing::TestParamInfo<Duration>& param_info) {
                             return std::string(param_info.param.name);
                         });

}  // namespace
}  // namespace wfsim::theory
