// Differences from the baseline as a report prints them: signed, so their direction reads at a
// glance ("+0.0156", "-757", "+5 pp"), with their 95 % interval ("-0.0249 to -0.00629"), and
// what the interval says in words, for a reader who sees no colour.
#pragma once

#include <cstdint>
#include <string>

namespace wfsim::report {

// A difference with format_value's digits and a sign; "0" for zero, "-" for NaN.
std::string format_signed(double difference);

// A difference of probabilities in whole percentage points: "+5 pp", "-12 pp", "0 pp".
std::string format_points(double difference);

// "LOW to HIGH" with format_signed's digits, or "-" when the interval is not known (no pairs,
// or one: a standard deviation needs two).
std::string value_interval(double low, double high);

// "LOW to HIGH pp" in whole percentage points, or "-".
std::string points_interval(double low, double high);

enum class Direction {
    Higher,   // the whole interval above zero
    Lower,    // the whole interval below zero
    Unclear,  // the interval holds zero
    Same,     // every pair equal: a zero difference with a zero-width interval
    Unknown,  // no interval (fewer than two pairs)
};

Direction direction(double difference, double low, double high, std::int64_t pairs);

// "higher", "lower", "no clear difference", "the same in every replication", "too few
// replications to tell".
std::string direction_words(Direction d);

}  // namespace wfsim::report
