#include "models/config/values.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include "models/config/did_you_mean.hpp"
#include "models/config/duration.hpp"
#include "models/config/numbers.hpp"
#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

namespace {

Problem expected(std::string_view what, const YAML::Node& value) {
    return Problem{"expected " + std::string(what) + " (got " + shown(value) + ")"};
}

// Value problems show the scalar bare, as written: "must be greater than 0 (got -2 weeks)".
Problem must(const std::string& requirement, const YAML::Node& value) {
    return Problem{requirement + " (got " + value.Scalar() + ")"};
}

// Checks a number already read from `value` (in the unit of `bounds`).
Parsed<double> checked(double number, const YAML::Node& value, const Bounds& bounds,
                       std::string_view unit = {}) {
    if (!std::isfinite(number)) return must("must be a finite number", value);
    if (const auto problem = violation(number, bounds, unit)) return must(*problem, value);
    return number;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

Parsed<double> to_real(const YAML::Node& value, const Bounds& bounds) {
    const auto number = value.IsScalar() ? parse_number(value.Scalar()) : std::nullopt;
    if (!number) return expected("a number", value);
    return checked(*number, value, bounds);
}

Parsed<std::int64_t> to_integer(const YAML::Node& value, const Bounds& bounds) {
    const auto number = value.IsScalar() ? parse_number(value.Scalar()) : std::nullopt;
    if (!number) return expected("a whole number", value);
    // 2^63 is exact in a double; everything in [-2^63, 2^63) converts to int64 exactly.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(*number) || std::trunc(*number) != *number) {
        return must("must be a whole number", value);
    }
    if (*number < -kLimit || *number >= kLimit) return must("is too large", value);
    if (const auto problem = violation(*number, bounds)) return must(*problem, value);
    return static_cast<std::int64_t>(*number);
}

Parsed<bool> to_boolean(const YAML::Node& value) {
    if (value.IsScalar()) {
        for (const std::string_view yes : {"yes", "true"}) {
            if (equals_ignoring_case(value.Scalar(), yes)) return true;
        }
        for (const std::string_view no : {"no", "false"}) {
            if (equals_ignoring_case(value.Scalar(), no)) return false;
        }
    }
    return expected("yes or no", value);
}

Parsed<std::string> to_text(const YAML::Node& value) {
    if (!value.IsScalar()) return expected("text", value);
    return value.Scalar();
}

Parsed<std::string> to_choice(const YAML::Node& value, std::span<const std::string> allowed) {
    if (!value.IsScalar()) return expected("one of: " + join(allowed), value);
    if (std::ranges::find(allowed, value.Scalar()) != allowed.end()) return value.Scalar();
    return Problem{"unknown value '" + value.Scalar() + "' " + hint(value.Scalar(), allowed)};
}

Parsed<engine::Date> to_date(const YAML::Node& value) {
    if (!value.IsScalar()) return expected("a date YYYY-MM-DD", value);
    if (const auto date = engine::parse_iso_date(value.Scalar())) return *date;
    return must("not a valid date, expected YYYY-MM-DD", value);
}

Parsed<double> to_duration(const YAML::Node& value, const Bounds& bounds) {
    if (!value.IsScalar()) return expected("a duration", value);
    Parsed<double> days = parse_duration(value.Scalar());
    if (const auto* problem = std::get_if<Problem>(&days)) return *problem;
    return checked(std::get<double>(days), value, bounds, " days");
}

}  // namespace wfsim::config
