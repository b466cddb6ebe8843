#include "tools/report/difference_format.hpp"

#include <cmath>
#include <cstdio>

#include "tools/report/number_format.hpp"

namespace wfsim::report {

std::string format_signed(double difference) {
    const std::string text = format_value(difference);
    if (std::isnan(difference) || text == "0" || text[0] == '-') return text;
    return "+" + text;
}

std::string format_points(double difference) {
    if (std::isnan(difference)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.0f", difference * 100.0);
    const std::string number = buffer;
    return (number == "+0" || number == "-0" ? "0" : number) + " pp";
}

std::string value_interval(double low, double high) {
    if (std::isnan(low) || std::isnan(high)) return "-";
    return format_signed(low) + " to " + format_signed(high);
}

std::string points_interval(double low, double high) {
    if (std::isnan(low) || std::isnan(high)) return "-";
    const std::string from = format_points(low);
    return from.substr(0, from.size() - 3) + " to " + format_points(high);
}

Direction direction(double difference, double low, double high, std::int64_t pairs) {
    if (pairs < 2 || std::isnan(low) || std::isnan(high)) return Direction::Unknown;
    if (low == 0.0 && high == 0.0 && difference == 0.0) return Direction::Same;
    if (low > 0.0) return Direction::Higher;
    if (high < 0.0) return Direction::Lower;
    return Direction::Unclear;
}

std::string direction_words(Direction d) {
    switch (d) {
        case Direction::Higher:
            return "higher";
        case Direction::Lower:
            return "lower";
        case Direction::Unclear:
            return "no clear difference";
        case Direction::Same:
            return "the same in every replication";
        case Direction::Unknown:
            return "too few replications to tell";
    }
    return "";
}

}  // namespace wfsim::report
