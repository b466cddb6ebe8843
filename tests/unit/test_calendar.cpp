#include <gtest/gtest.h>

#include "engine/calendar.hpp"

using namespace wfsim::engine;

TEST(Calendar, EpochAndKnownDates) {
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
    EXPECT_EQ(days_from_civil({1969, 12, 31}), -1);
    EXPECT_EQ(civil_from_days(11017), (Date{2000, 3, 1}));
}

TEST(Calendar, RoundTripsEveryDayOverFourCenturies) {
    for (std::int64_t d = days_from_civil({1800, 1, 1}); d < days_from_civil({2200, 1, 1}); ++d) {
        ASSERT_EQ(days_from_civil(civil_from_days(d)), d);
    }
}

TEST(Calendar, LeapYears) {
    EXPECT_TRUE(is_leap_year(2016));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_EQ(days_in_month(2016, 2), 29);
    EXPECT_EQ(days_in_month(2017, 2), 28);
    EXPECT_EQ(days_from_civil({2017, 3, 1}) - days_from_civil({2016, 3, 1}), 365);
    EXPECT_EQ(days_from_civil({2016, 3, 1}) - days_from_civil({2015, 3, 1}), 366);
}

TEST(Calendar, ParsesStrictIsoDates) {
    EXPECT_EQ(parse_iso_date("2016-04-01"), (Date{2016, 4, 1}));
    EXPECT_EQ(parse_iso_date("2016-02-29"), (Date{2016, 2, 29}));
    EXPECT_FALSE(parse_iso_date("2017-02-29"));
    EXPECT_FALSE(parse_iso_date("2016-13-01"));
    EXPECT_FALSE(parse_iso_date("2016-00-10"));
    EXPECT_FALSE(parse_iso_date("2016-4-1"));
    EXPECT_FALSE(parse_iso_date("01/04/2016"));
    EXPECT_FALSE(parse_iso_date("2016-04-01T00:00"));
    EXPECT_FALSE(parse_iso_date(""));
}

TEST(Calendar, FormatsAndMapsSimulationTime) {
    const Date start{2016, 4, 1};
    EXPECT_EQ(format_iso_date(start), "2016-04-01");
    EXPECT_EQ(date_at(start, 0.0), start);
    EXPECT_EQ(date_at(start, 0.999), start);
    EXPECT_EQ(date_at(start, kDaysPerMonth), (Date{2016, 5, 1}));      // 30.4375 days
    EXPECT_EQ(date_at(start, 10 * kDaysPerYear), (Date{2026, 4, 1}));  // 3652.5 days
    EXPECT_DOUBLE_EQ(days_between(start, Date{2017, 4, 1}), 365.0);
}

TEST(Calendar, UnitLengths) {
    EXPECT_EQ(kDaysPerMonth * 12, kDaysPerYear);
    EXPECT_EQ(kDaysPerMonth, 30.4375);  // exact in binary: monthly samples add up exactly
}
