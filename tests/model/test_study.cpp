// Studies: the designs' coverage properties (Latin hypercube and Sobol strata, grid order) and
// reproducibility, reading study files (points, option axes, exact messages for bad input),
// and each point's scenario and streams.
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/diagnostics.hpp"
#include "models/study/designs.hpp"
#include "models/study/study.hpp"

namespace wfsim::model {
namespace {

using Lines = std::vector<std::string>;

// Each dimension's n strata [j/n, (j+1)/n) hold exactly one point.
void expect_stratified(const std::vector<std::vector<double>>& points, std::size_t d) {
    const std::size_t n = points.size();
    for (std::size_t k = 0; k < d; ++k) {
        std::vector<int> hits(n, 0);
        for (const auto& p : points) {
            ASSERT_GE(p[k], 0.0);
            ASSERT_LT(p[k], 1.0);
            ++hits[static_cast<std::size_t>(p[k] * static_cast<double>(n))];
        }
        for (std::size_t j = 0; j < n; ++j) EXPECT_EQ(hits[j], 1) << "dimension " << k << " stratum " << j;
    }
}

TEST(StudyDesigns, GridIsEveryCombinationLastAxisFastest) {
    EXPECT_EQ(grid_indices({2, 3}),
              (std::vector<std::vector<std::size_t>>{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}}));
    EXPECT_EQ(grid_indices({}).size(), 1u);
    EXPECT_TRUE(grid_indices({3, 0}).empty());
}

TEST(StudyDesigns, LatinHypercubeHasOnePointPerStratumInEveryDimension) {
    const auto points = latin_hypercube(50, 4, 7);
    ASSERT_EQ(points.size(), 50u);
    expect_stratified(points, 4);
    EXPECT_EQ(latin_hypercube(50, 4, 7), points);  // reproducible
    EXPECT_NE(latin_hypercube(50, 4, 8), points);  // the seed matters
}

TEST(StudyDesigns, SobolPointsAreANetWhateverTheSeed) {
    for (const std::uint64_t seed : {1u, 2u, 99u}) {
        const auto points = sobol_points(64, 3, seed);
        expect_stratified(points, 3);
        // The first two dimensions form a (0, 6, 2)-net: every 8 x 8 cell holds one point.
        std::set<std::pair<int, int>> cells;
        for (const auto& p : points) cells.insert({static_cast<int>(p[0] * 8), static_cast<int>(p[1] * 8)});
        EXPECT_EQ(cells.size(), 64u) << "seed " << seed;
        EXPECT_EQ(sobol_points(64, 3, seed), points);
    }
    EXPECT_NE(sobol_points(16, 2, 1), sobol_points(16, 2, 2));
}

// core.yaml, read from the shipped scenarios directory.
Study study(const std::string& text) {
    return parse_study({"study.yaml", "scenario: core.yaml\n" + text},
                       WFSIM_SOURCE_DIR "/scenarios");
}

Lines problems(const std::string& text) {
    try {
        study(text);
    } catch (const config::InputError& e) {
        Lines lines;
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

TEST(Studies, AGridRunsEveryCombination) {
    const Study s = study(
        "replications: 3\n"
        "parameters:\n"
        "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.15] }\n"
        "  - { path: establishment.social_worker, from: 300, to: 340, step: 20 }\n");
    EXPECT_EQ(s.replications, 3u);
    EXPECT_EQ(s.seed, 42u);  // the scenario's
    ASSERT_EQ(s.points.size(), 6u);
    EXPECT_EQ(s.points[0], (Lines{"0.1", "300"}));
    EXPECT_EQ(s.points[5], (Lines{"0.15", "340"}));
    const Scenario last = point_scenario(s, 5);
    EXPECT_DOUBLE_EQ(last.turnover.roles[0].annual_rate, 0.15);
    EXPECT_EQ(last.staffing.establishment[0], 340);
    EXPECT_EQ(last.replications, 3u);
    EXPECT_EQ(point_seed(s, 0), point_seed(s, 5));  // common random numbers by default
    EXPECT_EQ(s.fingerprint.size(), 16u);
}

TEST(Studies, SampledDesignsDrawFromRangesAndLists) {
    const Study s = study(
        "design: latin_hypercube\n"
        "samples: 20\n"
        "seed: 5\n"
        "streams: independent\n"
        "parameters:\n"
        "  - { path: turnover.social_worker.annual_rate, min: 0.1, max: 0.2 }\n"
        "  - { path: establishment.social_worker, min: 300, max: 309, integer: yes }\n"
        "  - { path: demand.referrals_per_year, min: 5000, max: 20000, log: yes }\n");
    ASSERT_EQ(s.points.size(), 20u);
    std::set<std::string> establishments;
    for (std::size_t p = 0; p < 20; ++p) {
        const double rate = std::stod(s.points[p][0]);
        EXPECT_GE(rate, 0.1);
        EXPECT_LT(rate, 0.2);
        establishments.insert(s.points[p][1]);
        const double referrals = std::stod(s.points[p][2]);
        EXPECT_GE(referrals, 5000);
        EXPECT_LT(referrals, 20000);
    }
    // 20 strata over 10 integers: each integer twice.
    EXPECT_EQ(establishments.size(), 10u);
    EXPECT_NE(point_seed(s, 0), point_seed(s, 1));
    EXPECT_EQ(study("design: latin_hypercube\nsamples: 20\nseed: 5\nstreams: independent\n"
                    "parameters:\n"
                    "  - { path: turnover.social_worker.annual_rate, min: 0.1, max: 0.2 }\n"
                    "  - { path: establishment.social_worker, min: 300, max: 309, integer: yes }\n"
                    "  - { path: demand.referrals_per_year, min: 5000, max: 20000, log: yes }\n")
                  .points,
              s.points);
}

TEST(Studies, BadStudiesAreReportedAtTheirPlace) {
    EXPECT_EQ(problems("design: sobl\n"
                       "parameters:\n"
                       "  - { path: turnover.social_worker.annual_rate, values: [0.1, -2] }\n"
                       "  - { path: seed, values: [1] }\n"
                       "  - { path: establishment.social_worker, min: 1, max: 2 }\n"
                       "  - { path: establishment.social_worker, from: 3, to: 1, step: 1 }\n"
                       "  - { path: turnover.social_worker.annual_rat, values: [0.1] }\n"
                       "options: [base, more]\n"
                       "replicatoins: 3\n"),
              (Lines{"study.yaml:2:9: error: design: unknown value 'sobl' (did you mean 'sobol'?)",
                     "study.yaml:4:57: error: parameters[0].values: value -2 is refused by the "
                     "scenario: turnover.social_worker.annual_rate: must be between 0 and 100 (got -2) (set by "
                     "the study)",
                     "study.yaml:5:13: error: parameters[1].path: a study cannot vary seed (every "
                     "point shares it)",
                     "study.yaml:6:47: error: parameters[2].min: a grid needs values or "
                     "from/to/step; min/max ranges are sampled by design: latin_hypercube or sobol",
                     "study.yaml:7:13: error: parameters[3].path: varied twice",
                     "study.yaml:7:55: error: parameters[3].to: must not be below from (3)",
                     "study.yaml:8:56: error: parameters[4].values: value 0.1 is refused by the "
                     "scenario: turnover.social_worker.annual_rat: unknown key 'annual_rat' (did "
                     "you mean 'annual_rate'?) (set by the study)",
                     "study.yaml:9:10: error: options: option 'more' is not declared in the "
                     "scenario's options",
                     "study.yaml:10:1: error: replicatoins: unknown key 'replicatoins' (did you "
                     "mean 'replications'?)"}));
}

}  // namespace
}  // namespace wfsim::model
