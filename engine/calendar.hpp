// Calendar helpers: the simulation clock counts days (double) from a scenario's start date.
// Conversions use the proleptic Gregorian calendar (days_from_civil / civil_from_days,
// H. Hinnant's algorithms), so they are exact for any date and need no time-zone library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfsim::engine {

// Unit lengths used throughout wfsim. A month is a twelfth of a Julian year, so twelve months
// are exactly one year and monthly samples fall on exact binary fractions (30.4375 days).
inline constexpr double kDaysPerWeek = 7.0;
inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12.0;

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    friend bool operator==(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (negative before it).
std::int64_t days_from_civil(const Date& date);
Date civil_from_days(std::int64_t days);

bool is_leap_year(int year);
int days_in_month(int year, int month);

// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt for anything else, including
// impossible dates such as 2017-02-29.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(const Date& date);

// The calendar date on which simulation time `t` (days since `start`) falls: t is floored to
// whole days, so 2016-04-01 + 30.4375 days is 2016-05-01.
Date date_at(const Date& start, double t);

// Days from `start` to `date` (negative if before).
double days_between(const Date& start, const Date& date);

}  // namespace wfsim::engine
