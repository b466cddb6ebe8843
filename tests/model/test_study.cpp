// Studies: the designs' coverage properties (Latin hypercube and Sobol strata, grid order) and
// reproducibility, reading study files (points, option axes, exact messages for bad input),
// and each point's scenario and streams.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/diagnostics.hpp"
#include "tests/support/core_scenario.hpp"
#include "models/study/designs.hpp"
#include "models/study/study.hpp"
#include "models/study/sweep.hpp"

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
        for (std::size_t j = 0; j < n; ++j)
            EXPECT_EQ(hits[j], 1) << "dimension " << k << " stratum " << j;
    }
}

TEST(StudyDesigns, GridIsEveryCombinationLastAxisFastest) {
    EXPECT_EQ(grid_indices({2, 3}), (std::vector<std::vector<std::size_t>>{
                                        {0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}}));
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
        for (const auto& p : points)
            cells.insert({static_cast<int>(p[0] * 8), static_cast<int>(p[1] * 8)});
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
                     "scenario: turnover.social_worker.annual_rate: must be between 0 and 100 (got "
                     "-2) (set by "
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

// ---------------------------------------------------------------------------------------------
// A whole study's points: reproducible from the seed, and each design's points are what the
// study file says.

const char kSampled[] =
    "samples: 40\n"
    "parameters:\n"
    "  - { path: turnover.social_worker.annual_rate, min: 0.1, max: 0.2 }\n"
    "  - { path: establishment.social_worker, min: 300, max: 309, integer: yes }\n"
    "  - { path: demand.referrals_per_year, min: 5000, max: 20000, log: yes }\n"
    "  - { path: recruitment.vacancy_fill_time.median, values: [1 month, 2 months, 3 months, "
    "6 months] }\n";

std::vector<double> column(const Study& s, std::size_t axis) {
    std::vector<double> values;
    for (const auto& point : s.points) values.push_back(std::stod(point[axis]));
    return values;
}

// Each of the n strata of the axis's [lo, hi) (mapped by `scale`) holds exactly one value.
void expect_one_per_stratum(const std::vector<double>& values, double lo, double hi,
                            double (*scale)(double), const std::string& what) {
    const std::size_t n = values.size();
    std::vector<int> hits(n, 0);
    for (const double v : values) {
        const double u = (scale(v) - scale(lo)) / (scale(hi) - scale(lo));
        ASSERT_GE(u, 0.0) << what << " " << v;
        ASSERT_LT(u, 1.0) << what << " " << v;
        ++hits[std::min(n - 1, static_cast<std::size_t>(u * static_cast<double>(n)))];
    }
    for (std::size_t j = 0; j < n; ++j) EXPECT_EQ(hits[j], 1) << what << " stratum " << j;
}

double identity(double x) {
    return x;
}
double natural_log(double x) {
    return std::log(x);
}

TEST(StudyPoints, AreTheSameForTheSameSeedAndOthersForAnother) {
    for (const char* design : {"latin_hypercube", "sobol"}) {
        const std::string text = std::string("design: ") + design + "\n" + kSampled;
        const Study a = study("seed: 11\n" + text);
        const Study again = study("seed: 11\n" + text);
        const Study other = study("seed: 12\n" + text);
        ASSERT_EQ(a.points.size(), 40u) << design;
        EXPECT_EQ(again.points, a.points) << design;
        EXPECT_EQ(again.fingerprint, a.fingerprint) << design;
        EXPECT_NE(other.fingerprint, a.fingerprint) << design;
        // Another seed moves every continuous coordinate.
        for (std::size_t p = 0; p < 40; ++p) {
            EXPECT_NE(other.points[p][0], a.points[p][0]) << design << " point " << p;
            EXPECT_NE(other.points[p][2], a.points[p][2]) << design << " point " << p;
        }
    }
    // Without a seed of its own a study takes the scenario's (core.yaml: 42).
    EXPECT_EQ(study("design: sobol\n" + std::string(kSampled)).points,
              study("design: sobol\nseed: 42\n" + std::string(kSampled)).points);
}

TEST(StudyPoints, LatinHypercubePointsStratifyEachRangeAsWritten) {
    const Study s = study("design: latin_hypercube\nseed: 3\n" + std::string(kSampled));
    ASSERT_EQ(s.points.size(), 40u);
    // A plain range: one value in each of 40 equal slices of [0.1, 0.2).
    expect_one_per_stratum(column(s, 0), 0.1, 0.2, identity, "annual_rate");
    // A log range: one value in each of 40 equal slices of [log 5000, log 20000).
    expect_one_per_stratum(column(s, 2), 5000, 20000, natural_log, "referrals_per_year");
    // The integers 300..309: whole numbers, each drawn 40 / 10 = 4 times.
    std::map<double, int> integers;
    for (const double v : column(s, 1)) {
        EXPECT_EQ(v, std::floor(v));
        ++integers[v];
    }
    ASSERT_EQ(integers.size(), 10u);
    EXPECT_EQ(integers.begin()->first, 300);
    EXPECT_EQ(integers.rbegin()->first, 309);
    for (const auto& [value, count] : integers) EXPECT_EQ(count, 4) << value;
    // A list: each of its 4 values 10 times, written as the study wrote it.
    std::map<std::string, int> listed;
    for (const auto& point : s.points) ++listed[point[3]];
    EXPECT_EQ(listed, (std::map<std::string, int>{
                          {"1 month", 10}, {"2 months", 10}, {"3 months", 10}, {"6 months", 10}}));
}

TEST(StudyPoints, SobolPointsStayInsideTheirRanges) {
    const Study s = study("design: sobol\nseed: 3\n" + std::string(kSampled));
    ASSERT_EQ(s.points.size(), 40u);
    for (const double v : column(s, 0)) {
        EXPECT_GE(v, 0.1);
        EXPECT_LT(v, 0.2);
    }
    for (const double v : column(s, 1)) {
        EXPECT_EQ(v, std::floor(v));
        EXPECT_GE(v, 300);
        EXPECT_LE(v, 309);
    }
    for (const double v : column(s, 2)) {
        EXPECT_GE(v, 5000);
        EXPECT_LT(v, 20000);
    }
    // 32 points (a power of 2) stratify every dimension, lists and integers included.
    const Study net = study(
        "design: sobol\nseed: 3\nsamples: 32\nparameters:\n"
        "  - { path: establishment.social_worker, min: 300, max: 307, integer: yes }\n"
        "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.12, 0.14, 0.16] }\n");
    std::map<std::string, int> integers, listed;
    for (const auto& point : net.points) {
        ++integers[point[0]];
        ++listed[point[1]];
    }
    EXPECT_EQ(integers.size(), 8u);
    for (const auto& [value, count] : integers) EXPECT_EQ(count, 4) << value;
    EXPECT_EQ(listed,
              (std::map<std::string, int>{{"0.1", 8}, {"0.12", 8}, {"0.14", 8}, {"0.16", 8}}));
}

TEST(StudyPoints, AGridHitsEveryCombinationOfTheListsOnce) {
    const Study s = study(
        "options: []\n"
        "parameters:\n"
        "  - { path: turnover.social_worker.annual_rate, from: 0.1, to: 0.3, step: 0.1 }\n"
        "  - { path: recruitment.vacancy_fill_time.median, values: [2 months, 90] }\n"
        "  - { path: establishment.social_worker, from: 300, to: 345, step: 15 }\n");
    // Evenly spaced values as a person writes them (0.1 + 2 x 0.1 is not 0.3 in binary).
    EXPECT_EQ(s.axes[0].values, (Lines{"0.1", "0.2", "0.3"}));
    EXPECT_EQ(s.axes[1].values, (Lines{"2 months", "90"}));
    EXPECT_EQ(s.axes[2].values, (Lines{"300", "315", "330", "345"}));
    ASSERT_EQ(s.points.size(), 24u);
    std::set<Lines> seen(s.points.begin(), s.points.end());
    EXPECT_EQ(seen.size(), 24u);
    for (const std::string& a : s.axes[0].values) {
        for (const std::string& b : s.axes[1].values) {
            for (const std::string& c : s.axes[2].values) {
                EXPECT_TRUE(seen.contains(Lines{a, b, c})) << a << " " << b << " " << c;
            }
        }
    }
    // A step that does not land on `to` stops before it.
    EXPECT_EQ(study("parameters:\n  - { path: establishment.social_worker, from: 300, to: 310, "
                    "step: 4 }\n")
                  .axes[0]
                  .values,
              (Lines{"300", "304", "308"}));
}

// ---------------------------------------------------------------------------------------------
// Every class of mistake in a study file, with exactly the lines it gives. The studies are read
// from a directory holding core.yaml, strategy.yaml (which has options) and broken.yaml (core
// with a mistake of its own).

struct BadStudy {
    const char* what;
    const char* text;  // the whole study file
    Lines expected;
};

void PrintTo(const BadStudy& c, std::ostream* out) {
    *out << c.what;
}

class BadStudies : public ::testing::TestWithParam<BadStudy> {
public:
    static void SetUpTestSuite() {
        directory_ = std::filesystem::temp_directory_path() /
                     ("wfsim_bad_studies_" + std::to_string(::getpid()));
        std::filesystem::create_directories(directory_);
        const std::filesystem::path shipped = WFSIM_SOURCE_DIR "/scenarios";
        for (const char* name : {"core.yaml", "strategy.yaml"}) {
            std::filesystem::copy_file(shipped / name, directory_ / name,
                                       std::filesystem::copy_options::overwrite_existing);
        }
        std::ifstream core(shipped / "core.yaml");
        std::ostringstream text;
        text << core.rdbuf();
        std::string broken = text.str();
        broken.replace(broken.find("annual_rate: 0.15"), 17, "annual_rate: -1");
        std::ofstream(directory_ / "broken.yaml") << broken;
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(directory_); }

    static Lines problems_of(const std::string& text) {
        try {
            parse_study({"study.yaml", text}, directory_);
        } catch (const config::InputError& e) {
            Lines lines;
            for (const auto& d : e.diagnostics()) lines.push_back(d.format());
            return lines;
        }
        return {};
    }

    static std::filesystem::path directory_;
};

std::filesystem::path BadStudies::directory_;

TEST_P(BadStudies, AreRejectedWithExactlyTheseLines) {
    // One line each, the scenario files' directory written {dir}.
    std::string expected;
    for (std::string line : GetParam().expected) {
        if (const auto at = line.find("{dir}"); at != std::string::npos) {
            line.replace(at, 5, directory_.string());
        }
        expected += line + "\n";
    }
    std::string got;
    for (const std::string& line : problems_of(GetParam().text)) got += line + "\n";
    EXPECT_EQ(got, expected);
}

// clang-format off
const BadStudy kBadStudies[] = {
    {"unknown key at the top",
     "scenario: core.yaml\nreplicatoins: 3\n",
     {"study.yaml:2:1: error: replicatoins: unknown key 'replicatoins' (did you mean 'replications'?)"}},
    {"unknown key in a parameter",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, vales: [300] }\n",
     {"study.yaml:3:13: error: parameters[0].path: give exactly one of values, from/to/step, or min/max",
      "study.yaml:3:42: error: parameters[0].vales: unknown key 'vales' (did you mean 'values'?)"}},
    {"no scenario",
     "replications: 3\n",
     {"study.yaml:1:1: error: scenario: missing required key"}},
    {"missing scenario file",
     "scenario: nowhere.yaml\n",
     {"study.yaml:1:11: error: scenario: no such file: {dir}/nowhere.yaml"}},
    {"the scenario's own mistakes, in the scenario's file",
     "scenario: broken.yaml\nparameters:\n  - { path: establishment.social_worker, values: [300] }\n",
     {"{dir}/broken.yaml:15:33: error: turnover.social_worker.annual_rate: must be between 0 and 100 (got -1)"}},
    {"a path that is no path",
     "scenario: core.yaml\nparameters:\n  - { path: turnover..annual_rate, values: [0.1] }\n",
     {"study.yaml:3:13: error: parameters[0].path: expected a parameter path, names of letters, digits and '_' joined by '.' (got 'turnover..annual_rate')"}},
    {"a path the scenario does not have",
     "scenario: core.yaml\nparameters:\n  - { path: turnover.social_worker.annual_rat, values: [0.1] }\n",
     {"study.yaml:3:56: error: parameters[0].values: value 0.1 is refused by the scenario: turnover.social_worker.annual_rat: unknown key 'annual_rat' (did you mean 'annual_rate'?) (set by the study)"}},
    {"no path",
     "scenario: core.yaml\nparameters:\n  - { values: [0.1] }\n",
     {"study.yaml:3:5: error: parameters[0].path: missing required key"}},
    {"fixed settings",
     "scenario: core.yaml\nparameters:\n  - { path: seed, values: [1, 2] }\n  - { path: horizon, values: [5 years] }\n  - { path: targets, values: [1] }\n",
     {"study.yaml:3:13: error: parameters[0].path: a study cannot vary seed (every point shares it)",
      "study.yaml:4:13: error: parameters[1].path: a study cannot vary horizon (every point shares it)",
      "study.yaml:5:13: error: parameters[2].path: a study cannot vary targets (every point shares it)"}},
    {"a path twice",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, values: [300] }\n  - { path: establishment.social_worker, values: [310] }\n",
     {"study.yaml:4:13: error: parameters[1].path: varied twice"}},
    {"overlapping paths",
     "scenario: core.yaml\nparameters:\n  - { path: recruitment.vacancy_fill_time, values: [90] }\n  - { path: recruitment.vacancy_fill_time.median, values: [60] }\n",
     {"study.yaml:4:13: error: parameters[1].path: overlaps 'recruitment.vacancy_fill_time'"}},
    {"a value the scenario refuses",
     "scenario: core.yaml\nparameters:\n  - { path: turnover.social_worker.annual_rate, values: [0.1, -2, 3] }\n",
     {"study.yaml:3:57: error: parameters[0].values: value -2 is refused by the scenario: turnover.social_worker.annual_rate: must be between 0 and 100 (got -2) (set by the study)"}},
    {"an end of a range the scenario refuses",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: turnover.social_worker.annual_rate, min: -1, max: 0.2 }\n",
     {"study.yaml:5:54: error: parameters[0].min: value -1 is refused by the scenario: turnover.social_worker.annual_rate: must be between 0 and 100 (got -1) (set by the study)"}},
    {"no values",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, values: [] }\n",
     {"study.yaml:3:50: error: parameters[0].values: no values"}},
    {"two forms of values",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, values: [300], from: 1, to: 2, step: 1 }\n",
     {"study.yaml:3:50: error: parameters[0].values: give exactly one of values, from/to/step, or min/max"}},
    {"a grid with a min/max range",
     "scenario: core.yaml\nparameters:\n  - { path: turnover.social_worker.annual_rate, min: 0.1, max: 0.2 }\n",
     {"study.yaml:3:54: error: parameters[0].min: a grid needs values or from/to/step; min/max ranges are sampled by design: latin_hypercube or sobol"}},
    {"a sampled design without samples",
     "scenario: core.yaml\ndesign: latin_hypercube\nparameters:\n  - { path: turnover.social_worker.annual_rate, min: 0.1, max: 0.2 }\n",
     {"study.yaml:2:9: error: design: needs samples: the number of points to draw"}},
    {"a grid with samples",
     "scenario: core.yaml\nsamples: 10\nparameters:\n  - { path: establishment.social_worker, values: [300] }\n",
     {"study.yaml:2:10: error: samples: only applies to design latin_hypercube or sobol (a grid runs every combination)"}},
    {"unknown design",
     "scenario: core.yaml\ndesign: sobl\nsamples: 8\n",
     {"study.yaml:2:9: error: design: unknown value 'sobl' (did you mean 'sobol'?)"}},
    {"to below from",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, from: 310, to: 300, step: 5 }\n",
     {"study.yaml:3:57: error: parameters[0].to: must not be below from (310)"}},
    {"from/to without step",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, from: 300, to: 310 }\n",
     {"study.yaml:3:5: error: parameters[0].step: required with from/to/step"}},
    {"a step of 0",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, from: 300, to: 310, step: 0 }\n",
     {"study.yaml:3:68: error: parameters[0].step: must be greater than 0 (got 0)"}},
    {"a step making too many values",
     "scenario: core.yaml\nparameters:\n  - { path: turnover.social_worker.annual_rate, from: 0, to: 1, step: 1e-7 }\n",
     {"study.yaml:3:71: error: parameters[0].step: makes more than 1000000 values"}},
    {"max not above min",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: turnover.social_worker.annual_rate, min: 0.2, max: 0.2 }\n",
     {"study.yaml:5:64: error: parameters[0].max: must be above min (0.2)"}},
    {"min without max",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: turnover.social_worker.annual_rate, min: 0.2 }\n",
     {"study.yaml:5:5: error: parameters[0].max: required with min/max"}},
    {"a log range from 0",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: demand.referrals_per_year, min: 0, max: 20000, log: yes }\n",
     {"study.yaml:5:45: error: parameters[0].min: must be above 0 for a log range (got 0)"}},
    {"an integer range with fractional ends",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: establishment.social_worker, min: 299.5, max: 310.5, integer: yes }\n",
     {"study.yaml:5:47: error: parameters[0].min: an integer range needs whole-number ends (got 299.5)",
      "study.yaml:5:59: error: parameters[0].max: an integer range needs whole-number ends (got 310.5)"}},
    {"a range both log and integer",
     "scenario: core.yaml\ndesign: sobol\nsamples: 8\nparameters:\n  - { path: establishment.social_worker, min: 100, max: 400, integer: yes, log: yes }\n",
     {"study.yaml:5:71: error: parameters[0].integer: a range is either log or integer, not both"}},
    {"log or integer on a list",
     "scenario: core.yaml\nparameters:\n  - { path: establishment.social_worker, values: [300, 310], integer: yes }\n  - { path: demand.referrals_per_year, from: 5000, to: 6000, step: 500, log: yes }\n",
     {"study.yaml:3:71: error: parameters[0].integer: only applies to a min/max range",
      "study.yaml:4:78: error: parameters[1].log: only applies to a min/max range"}},
    {"options the scenario does not have",
     "scenario: strategy.yaml\noptions: [base, recruitment_driv]\n",
     {"study.yaml:2:10: error: options: option 'recruitment_driv' is not declared in the scenario's options (did you mean 'recruitment_drive'?)"}},
    {"options of a scenario without options",
     "scenario: core.yaml\noptions: [base, more_staff]\n",
     {"study.yaml:2:10: error: options: option 'more_staff' is not declared in the scenario's options"}},
    {"an option twice",
     "scenario: strategy.yaml\noptions: [base, recruitment_drive, recruitment_drive]\n",
     {"study.yaml:2:10: error: options: an option is named twice"}},
    {"an option that sets what the study varies",
     "scenario: strategy.yaml\nparameters:\n  - { path: retention.payments.two_year.amount, values: [1000, 2000] }\noptions: [base, no_retention_payment]\n",
     {"study.yaml:4:10: error: options: option 'no_retention_payment' sets retention.payments, which overlaps the parameter retention.payments.two_year.amount (an option may not set what the study varies)"}},
    {"a parameter that an intervention sets",
     "scenario: strategy.yaml\nparameters:\n  - { path: demand.referrals_per_year, values: [3000, 3600] }\n",
     {"study.yaml:3:13: error: parameters[0].path: the scenario's intervention of 2018-04-01 sets demand.referrals_per_year, which would replace the study's value from then on (a study may not vary what an intervention sets)"}},
    {"a parameter inside what an intervention sets",
     "scenario: strategy.yaml\nparameters:\n  - { path: agency.rules_2024.cooling_off, values: [3 months, 6 months] }\n",
     {"study.yaml:3:13: error: parameters[0].path: the scenario's intervention of 2024-10-01 sets agency.rules_2024, which would replace the study's value from then on (a study may not vary what an intervention sets)"}},
    {"too many points",
     "scenario: core.yaml\nparameters:\n  - { path: turnover.social_worker.annual_rate, from: 0, to: 1, step: 0.01 }\n  - { path: demand.referrals_per_year, from: 1000, to: 1990, step: 10 }\n  - { path: establishment.social_worker, from: 300, to: 399, step: 1 }\n",
     {"study.yaml:3:3: error: parameters: the grid has 1010000 points (at most 1000000)"}},
    {"too many samples",
     "scenario: core.yaml\ndesign: sobol\nsamples: 1000001\n",
     {"study.yaml:3:10: error: samples: must be between 1 and 1000000 (got 1000001)"}},
    {"replications out of range",
     "scenario: core.yaml\nreplications: 0\n",
     {"study.yaml:2:15: error: replications: must be between 1 and 100000 (got 0)"}},
    {"unknown streams",
     "scenario: core.yaml\nstreams: comon\n",
     {"study.yaml:2:10: error: streams: unknown value 'comon' (did you mean 'common'?)"}},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Studies, BadStudies, ::testing::ValuesIn(kBadStudies));

// A fresh temporary directory (named from `prefix` and the process) holding `name`: the shipped
// core scenario with `extra` appended. The caller removes it.
std::filesystem::path directory_with_core_plus(const std::string& prefix, const std::string& name,
                                               const std::string& extra) {
    const std::filesystem::path directory =
        std::filesystem::temp_directory_path() / (prefix + std::to_string(::getpid()));
    std::filesystem::create_directories(directory);
    std::ofstream(directory / name) << testing::core_text() << extra;
    return directory;
}

// An option on the options axis that brings a dated change of a varied path would replace the
// study's value from that date at that option's points; the base scenario's own dated changes
// are reported at the parameter (BadStudies).
TEST(Studies, AnOptionsInterventionOnAVariedPathIsRefused) {
    const std::filesystem::path directory =
        directory_with_core_plus("wfsim_option_change_", "later.yaml",
                                 "options:\n"
                                 "  - name: later_posts\n"
                                 "    set:\n"
                                 "      interventions:\n"
                                 "        - { at: 2018-04-01, set: { establishment.social_worker: 330 } }\n");
    Lines lines;
    try {
        (void)parse_study({"study.yaml",
                           "scenario: later.yaml\n"
                           "parameters:\n"
                           "  - { path: establishment.social_worker, values: [300, 310] }\n"
                           "options: [base, later_posts]\n"},
                          directory);
    } catch (const config::InputError& e) {
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
    }
    std::filesystem::remove_all(directory);
    EXPECT_EQ(lines, (Lines{"study.yaml:4:10: error: options: option 'later_posts' has an "
                            "intervention of 2018-04-01 that sets establishment.social_worker, "
                            "which overlaps the parameter establishment.social_worker (an option "
                            "may not set what the study varies)"}));
}

// Each value alone is one the scenario accepts; a combination may not be. A point's scenario
// names the point, its values and the scenario's complaint; check_points (wfsim validate) lists
// each refused point, up to kMaxPointsReported.
TEST(StudyPoints, ACombinationTheScenarioRefusesNamesThePoint) {
    const std::filesystem::path directory = directory_with_core_plus(
        "wfsim_combination_", "notice.yaml",
        "leaving:\n  notice_period: { dist: uniform, min: 4 weeks, max: 3 months }\n");
    const Study s =
        parse_study({"study.yaml",
                     "scenario: notice.yaml\n"
                     "parameters:\n"
                     "  - { path: leaving.notice_period.min, values: [4 weeks, 2 months] }\n"
                     "  - { path: leaving.notice_period.max, from: 40, to: 60, step: 1 }\n"},
                    directory);
    std::filesystem::remove_all(directory);
    ASSERT_EQ(s.points.size(), 42u);
    EXPECT_EQ(point_scenario(s, 20).replications, s.replications);  // 4 weeks, 60 days: fine
    Lines lines;
    try {
        (void)point_scenario(s, 21);
    } catch (const config::InputError& e) {
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
    }
    EXPECT_EQ(lines, (Lines{"study.yaml: error: point 21 (leaving.notice_period.min = 2 months, "
                            "leaving.notice_period.max = 40): leaving.notice_period.max: must be "
                            "at least 60.875 days (got 40) (set by the study)"}));
    std::vector<std::int64_t> all(s.points.size());
    std::iota(all.begin(), all.end(), std::int64_t{0});
    lines.clear();
    try {
        check_points(s, all);
    } catch (const config::InputError& e) {
        for (const auto& d : e.diagnostics()) lines.push_back(d.format());
    }
    // Points 21..41 (2 months with 40..60 days) are refused: 10 named, 11 counted.
    ASSERT_EQ(lines.size(), kMaxPointsReported + 1);
    for (std::size_t i = 0; i < kMaxPointsReported; ++i) {
        EXPECT_TRUE(
            lines[i].starts_with("study.yaml: error: point " + std::to_string(21 + i) + " ("))
            << lines[i];
    }
    EXPECT_EQ(lines.back(), "study.yaml: error: 11 more points are refused by the scenario");
    EXPECT_NO_THROW(check_points(s, {0, 5, 20}));
}

}  // namespace
}  // namespace wfsim::model
