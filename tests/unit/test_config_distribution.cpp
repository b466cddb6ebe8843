// Reading distributions: { dist: KIND, ...parameters } or a bare duration meaning fixed.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/document.hpp"
#include "tests/support/config_problems.hpp"

namespace wfsim::config {
namespace {

using engine::Distribution;
using testing::Lines;

using testing::problems;

TEST(ConfigDistribution, ReadsEveryKindWithDurationUnits) {
    const Lines found = problems(
        "a: {dist: fixed, value: 2 weeks}\n"
        "b: {dist: exponential, mean: 3 months}\n"
        "c:\n  dist: lognormal\n  median: 1 year\n  sigma: 0.6\n"
        "d: {dist: gamma, mean: 10, shape: 2.5}\n"
        "e: {dist: uniform, min: 1 week, max: 2 weeks}\n"
        "f: {dist: uniform, min: 3, max: 3}\n",
        [](Section s) {
            EXPECT_EQ(s.distribution("a", {"a"}), Distribution::fixed(14.0));
            EXPECT_EQ(s.distribution("b", {"b"}), Distribution::exponential(91.3125));
            EXPECT_EQ(s.distribution("c", {"c"}), Distribution::lognormal(365.25, 0.6));
            EXPECT_EQ(s.distribution("d", {"d"}), Distribution::gamma(10.0, 2.5));
            EXPECT_EQ(s.distribution("e", {"e"}), Distribution::uniform(7.0, 14.0));
            EXPECT_EQ(s.distribution("f", {"f"}), Distribution::uniform(3.0, 3.0));
            s.finish();
        });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigDistribution, BareDurationOrNumberMeansFixed) {
    const Lines found = problems("a: 3 weeks\nb: 12\nc: 2.5\n", [](Section s) {
        EXPECT_EQ(s.distribution("a", {"a"}), Distribution::fixed(21.0));
        EXPECT_EQ(s.distribution("b", {"b"}), Distribution::fixed(12.0));
        EXPECT_EQ(s.distribution("c", {"c"}, {}, Quantity::Number), Distribution::fixed(2.5));
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigDistribution, AbsentGivesTheFallbackAndMissingRequiredIsReported) {
    const Lines found = problems("x: 1\n", [](Section s) {
        EXPECT_EQ(s.distribution("a", {"a"}, Distribution::exponential(5.0)),
                  Distribution::exponential(5.0));
        EXPECT_EQ(s.distribution("b", {"b"}), Distribution::fixed(1.0));  // neutral
    });
    EXPECT_EQ(found, Lines{"s.yaml:1:1: error: b: missing required key"});
}

TEST(ConfigDistribution, NumbersDoNotAcceptUnits) {
    const Lines found =
        problems("a: 1 week\nb: {dist: exponential, mean: 2 weeks}\n", [](Section s) {
            s.distribution("a", {"a"}, {}, Quantity::Number);
            s.distribution("b", {"b"}, {}, Quantity::Number);
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:4: error: a: expected a number (got '1 week')",
                         "s.yaml:2:30: error: b.mean: expected a number (got '2 weeks')",
                     }));
}

TEST(ConfigDistribution, ShapeParametersAreNumbersEvenForDurations) {
    const Lines found = problems("a: {dist: lognormal, median: 30, sigma: 2 weeks}\n",
                                 [](Section s) { s.distribution("a", {"a"}); });
    EXPECT_EQ(found, Lines{"s.yaml:1:41: error: a.sigma: expected a number (got '2 weeks')"});
}

TEST(ConfigDistribution, ChecksEveryParameter) {
    const Lines found = problems(
        "a: {dist: fixed, value: -1}\n"
        "b: {dist: exponential, mean: 0}\n"
        "c: {dist: lognormal, median: 0 days, sigma: 0}\n"
        "d: {dist: gamma, mean: 10, shape: -1}\n"
        "e: {dist: uniform, min: -1, max: 3}\n"
        "f: {dist: uniform, min: 1 month, max: 2 weeks}\n"
        "g: -3 days\n",
        [](Section s) {
            for (const char* key : {"a", "b", "c", "d", "e", "f", "g"}) s.distribution(key, {"x"});
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:25: error: a.value: must be at least 0 days (got -1)",
                         "s.yaml:2:30: error: b.mean: must be greater than 0 days (got 0)",
                         "s.yaml:3:30: error: c.median: must be greater than 0 days (got 0 days)",
                         "s.yaml:3:45: error: c.sigma: must be greater than 0 (got 0)",
                         "s.yaml:4:35: error: d.shape: must be greater than 0 (got -1)",
                         "s.yaml:5:25: error: e.min: must be at least 0 days (got -1)",
                         "s.yaml:6:39: error: f.max: must be at least 30.4375 days (got 2 weeks)",
                         "s.yaml:7:4: error: g: must be at least 0 days (got -3 days)",
                     }));
}

TEST(ConfigDistribution, UnknownKindSuggestsOrLists) {
    const Lines found =
        problems("a: {dist: lognormel, median: 3}\nb: {dist: poisson}\n", [](Section s) {
            EXPECT_EQ(s.distribution("a", {"a"}, Distribution::fixed(4.0)),
                      Distribution::fixed(4.0));
            s.distribution("b", {"b"});
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:11: error: a.dist: unknown value 'lognormel' "
                         "(did you mean 'lognormal'?)",
                         "s.yaml:2:11: error: b.dist: unknown value 'poisson' "
                         "(expected one of: fixed, exponential, lognormal, gamma, uniform)",
                     }));
}

TEST(ConfigDistribution, ParameterOfAnotherKindIsUnknown) {
    const Lines found =
        problems("recruitment:\n  vacancy_fill_time:\n    dist: exponential\n    median: 30\n",
                 [](Section s) {
                     s.section("recruitment", {"r"}).distribution("vacancy_fill_time", {"v"});
                 });
    EXPECT_EQ(found,
              (Lines{
                  "s.yaml:3:5: error: recruitment.vacancy_fill_time.mean: missing required key",
                  "s.yaml:4:5: error: recruitment.vacancy_fill_time.median: unknown key "
                  "'median' for dist exponential (expects: mean)",
              }));
}

TEST(ConfigDistribution, MissingDistIsReportedAtTheMapping) {
    const Lines found = problems("a: {mean: 30}\n", [](Section s) { s.distribution("a", {"a"}); });
    EXPECT_EQ(found, Lines{"s.yaml:1:4: error: a.dist: missing required key"});
}

TEST(ConfigDistribution, CollectionsOtherThanMappingsAreRejected) {
    const Lines found = problems("a: [1, 2]\nb: {dist: [gamma]}\n", [](Section s) {
        s.distribution("a", {"a"});
        s.distribution("b", {"b"});
    });
    EXPECT_EQ(found,
              (Lines{
                  "s.yaml:1:4: error: a: expected a distribution (got a sequence)",
                  "s.yaml:2:11: error: b.dist: expected one of: fixed, exponential, lognormal, "
                  "gamma, uniform (got a sequence)",
              }));
}

TEST(ConfigDistribution, TheDistributionKeyIsKnownToItsSection) {
    const Lines found = problems("a: {dist: fixed, value: 1}\nb: 2\n", [](Section s) {
        s.distribution("a", {"a"});
        s.distribution("b", {"b"});
        s.finish();
    });
    EXPECT_EQ(found, Lines{});
}

}  // namespace
}  // namespace wfsim::config
