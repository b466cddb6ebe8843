// Grade progression against the textbook Markov manpower model.
//
// Four grades, no recruitment. Each worker of grade i leaves at hazard r_i a year (so they are
// still there after d days with probability s_i = exp(-r_i d / 365.25)) and at each yearly
// review moves up one grade with probability p_i. Reviews fall at days 365 and 730 and the
// series are sampled at those very instants, after the review. Whether a worker is there to be
// reviewed depends only on the grade they held all year, so the expected grade sizes obey
//     E[n_j(1)] = sum_i n_i(0) s_i P_ij,   E[n_j(2)] = sum_i E[n_i(1)] s_i P_ij,
// with P_ii = 1 - p_i and P_i,i+1 = p_i: exactly, not only in the limit.
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "theory_support.hpp"

namespace wfsim::theory {
namespace {

constexpr int kGrades = 4;
constexpr double kStaff = 2000;  // per grade at the start
constexpr std::array<double, kGrades> kRate = {0.25, 0.15, 0.10, 0.08};
constexpr std::array<double, kGrades> kUp = {0.30, 0.20, 0.10, 0.0};
constexpr double kReviewDays = 365;

std::string grade(int i) {
    return std::string("g").append(std::to_string(i + 1));
}

std::array<double, kGrades> one_year(const std::array<double, kGrades>& n) {
    std::array<double, kGrades> next{};
    for (int i = 0; i < kGrades; ++i) {
        const double survivors = n[i] * std::exp(-kRate[i] * kReviewDays / 365.25);
        next[i] += survivors * (1 - kUp[i]);
        if (i + 1 < kGrades) next[i + 1] += survivors * kUp[i];
    }
    return next;
}

TEST(GradeProgression, FourGradesReproduceTheMarkovExpectedGradeSizes) {
    // Built by appending: GCC 12 warns falsely about "literal" + std::string chains.
    std::string yaml =
        "start: 2016-04-01\nhorizon: 730 days\noutput_interval: 365 days\nreplications: 200\n";
    std::string roles = "roles:\n", posts, turnover = "turnover:\n", progression = "progression:\n";
    for (int i = 0; i < kGrades; ++i) {
        const std::string g = grade(i);
        roles.append("  ").append(g).append(": { caseload_cap: 0 }\n");
        posts.append(posts.empty() ? "" : ", ").append(g).append(": ").append(num(kStaff));
        turnover.append("  ")
            .append(g)
            .append(": { annual_rate: ")
            .append(num(kRate[i]))
            .append(" }\n");
        if (kUp[i] > 0) {
            progression.append("  ").append(g).append(": { to: ").append(grade(i + 1));
            progression.append(", annual_probability: ").append(num(kUp[i]));
            progression.append(", review: { first: 2017-04-01, every: 365 days } }\n");
        }
    }
    yaml.append(roles).append("establishment: { ").append(posts).append(" }\n");
    yaml.append("initial_staff: { permanent: { ").append(posts).append(" } }\n");
    yaml.append(turnover).append(progression);
    yaml.append("demand: { referrals_per_year: 0, case_duration: 1 month }\n");
    const model::BatchResult result = run_yaml("grade_progression", yaml);
    ASSERT_EQ(result.times.size(), 3u);
    ASSERT_EQ(result.times[1], kReviewDays);  // 2017-04-01

    std::array<double, kGrades> expected{};
    expected.fill(kStaff);
    for (std::size_t year = 1; year <= 2; ++year) {
        expected = one_year(expected);
        for (int i = 0; i < kGrades; ++i) {
            const std::string metric = std::string("staff_permanent.").append(grade(i));
            const std::size_t m = result.series.index_of(metric);
            std::vector<double> values;
            for (std::size_t rep = 0; rep < result.series.replications(); ++rep) {
                values.push_back(result.series.at(m, rep, year));
            }
            expect_matches(std::string(metric).append(" year ").append(std::to_string(year)),
                           estimate(values), expected[i]);
        }
    }
}

}  // namespace
}  // namespace wfsim::theory
