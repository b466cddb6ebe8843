// The text-level pieces of models/config: suggestions, numbers, durations and bounds.
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/bounds.hpp"
#include "models/config/did_you_mean.hpp"
#include "models/config/duration.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::config {
namespace {

const std::vector<std::string> kKeys = {"turnover", "referrals_per_year", "social_worker", "max"};

TEST(ConfigDidYouMean, FindsTyposTranspositionsAndCaseSlips) {
    EXPECT_EQ(closest("turnovr", kKeys), "turnover");
    EXPECT_EQ(closest("trunover", kKeys), "turnover");  // one swap, not two edits
    EXPECT_EQ(closest("refferals_per_year", kKeys), "referrals_per_year");
    EXPECT_EQ(closest("Social_Worker", kKeys), "social_worker");
    EXPECT_EQ(closest("MAX", kKeys), "max");
}

TEST(ConfigDidYouMean, IgnoresUnrelatedWords) {
    EXPECT_EQ(closest("banana", kKeys), std::nullopt);
    EXPECT_EQ(closest("min", kKeys),
              std::nullopt);  // two edits from "max" is too many for 3 letters
    EXPECT_EQ(closest("anything", {}), std::nullopt);
}

TEST(ConfigDidYouMean, PrefersTheNearestThenTheFirst) {
    const std::vector<std::string> candidates = {"means", "mean", "median"};
    EXPECT_EQ(closest("mean", candidates), "mean");
    EXPECT_EQ(closest("meen", candidates), "mean");
    EXPECT_EQ(closest("meanz", candidates), "means");
}

TEST(ConfigDidYouMean, HintSuggestsOrLists) {
    EXPECT_EQ(hint("turnovr", kKeys), "(did you mean 'turnover'?)");
    EXPECT_EQ(hint("zzz", kKeys),
              "(expected one of: turnover, referrals_per_year, social_worker, max)");
    EXPECT_EQ(join(kKeys), "turnover, referrals_per_year, social_worker, max");
}

TEST(ConfigNumbers, ParsesYamlNumbers) {
    EXPECT_EQ(parse_number("10000"), 10000.0);
    EXPECT_EQ(parse_number("1e4"), 10000.0);
    EXPECT_EQ(parse_number("1E+4"), 10000.0);
    EXPECT_EQ(parse_number("0.15"), 0.15);
    EXPECT_EQ(parse_number(".5"), 0.5);
    EXPECT_EQ(parse_number("5."), 5.0);
    EXPECT_EQ(parse_number("-2"), -2.0);
    EXPECT_EQ(parse_number("+3.5e-1"), 0.35);
    EXPECT_EQ(parse_number(".inf"), INFINITY);
    EXPECT_EQ(parse_number("-.Inf"), -INFINITY);
    EXPECT_TRUE(std::isnan(*parse_number(".NaN")));
}

TEST(ConfigNumbers, RejectsEverythingElse) {
    for (const char* text : {"", "0.15abc", "abc", "true", "1,000", "1_000", "0x10", "inf", "nan",
                             "-", ".", "1e", "1e+", "e5", " 1", "1 ", "--1", "-.nan", "1e400"}) {
        EXPECT_EQ(parse_number(text), std::nullopt) << text;
    }
}

TEST(ConfigNumbers, FormatsTheShortestRoundTrip) {
    EXPECT_EQ(format_number(0.15), "0.15");
    EXPECT_EQ(format_number(30.4375), "30.4375");
    EXPECT_EQ(format_number(20.0), "20");
    EXPECT_EQ(format_number(-2.0), "-2");
    EXPECT_EQ(format_number(1e30), "1e+30");
}

TEST(ConfigDurationText, ConvertsUnitsToDays) {
    EXPECT_EQ(std::get<double>(parse_duration("30")), 30.0);
    EXPECT_EQ(std::get<double>(parse_duration("1 day")), 1.0);
    EXPECT_EQ(std::get<double>(parse_duration("2  weeks")), 14.0);  // extra spaces are harmless
    EXPECT_EQ(std::get<double>(parse_duration("12 months")), 365.25);
    EXPECT_EQ(std::get<double>(parse_duration("1.5 years")), 547.875);
    EXPECT_EQ(std::get<double>(parse_duration("-1 week")), -7.0);  // the caller's bounds decide
}

TEST(ConfigDurationText, ExplainsWhatIsWrong) {
    const auto message = [](const char* text) {
        return std::get<Problem>(parse_duration(text)).message;
    };
    const std::string expected = "expected a number of days or 'N days/weeks/months/years' (got '";
    EXPECT_EQ(message("3months"), expected + "3months')");
    EXPECT_EQ(message("3 "), expected + "3 ')");
    EXPECT_EQ(message("3 long weeks"), expected + "3 long weeks')");
    EXPECT_EQ(message("weeks"), expected + "weeks')");
    EXPECT_EQ(message("3 Weeks"), "unknown duration unit 'Weeks' (did you mean 'weeks'?)");
    EXPECT_EQ(message("3 yeras"), "unknown duration unit 'yeras' (did you mean 'years'?)");
}

TEST(ConfigBounds, DescribesTheViolatedRange) {
    EXPECT_EQ(violation(0.5, {.min = 0.0, .max = 1.0}), std::nullopt);
    EXPECT_EQ(violation(0.0, {.min = 0.0}), std::nullopt);
    EXPECT_EQ(violation(-1.0, {.min = 0.0}), "must be at least 0");
    EXPECT_EQ(violation(0.0, {.min = 0.0, .min_exclusive = true}), "must be greater than 0");
    EXPECT_EQ(violation(2.0, {.max = 1.0}), "must be at most 1");
    EXPECT_EQ(violation(1.0, {.max = 1.0, .max_exclusive = true}), "must be less than 1");
    EXPECT_EQ(violation(2.0, {.min = 0.0, .max = 1.0}), "must be between 0 and 1");
    EXPECT_EQ(violation(1.0, {.min = 0.0, .max = 1.0, .max_exclusive = true}),
              "must be at least 0 and less than 1");
    EXPECT_EQ(violation(3.0, {.min = 7.0}, " days"), "must be at least 7 days");
}

TEST(ConfigBounds, NeutralValueLiesInside) {
    EXPECT_EQ(neutral_value({}), 0.0);
    EXPECT_EQ(neutral_value({.min = 2.0}), 2.0);
    EXPECT_EQ(neutral_value({.min = 0.0, .min_exclusive = true}), 1.0);
    EXPECT_EQ(neutral_value({.min = 0.0, .max = 0.5, .min_exclusive = true}), 0.25);
    EXPECT_EQ(neutral_value({.max = 3.0}), 3.0);
    EXPECT_EQ(neutral_value({.max = 3.0, .max_exclusive = true}), 2.0);
}

}  // namespace
}  // namespace wfsim::config
