#include "models/config/duration.hpp"

#include <array>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/config/did_you_mean.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::config {

namespace {

struct Unit {
    std::string_view name;
    double days;
};

constexpr std::array<Unit, 8> kUnits = {{
    {"day", 1.0},
    {"days", 1.0},
    {"week", engine::kDaysPerWeek},
    {"weeks", engine::kDaysPerWeek},
    {"month", engine::kDaysPerMonth},
    {"months", engine::kDaysPerMonth},
    {"year", engine::kDaysPerYear},
    {"years", engine::kDaysPerYear},
}};

}  // namespace

Parsed<double> parse_duration(std::string_view text) {
    if (const auto days = parse_number(text)) return *days;

    const Problem expected{"expected a number of days or 'N days/weeks/months/years' (got '" +
                           std::string(text) + "')"};
    const auto space = text.find(' ');
    const auto unit_start = text.find_first_not_of(' ', space);
    if (unit_start == std::string_view::npos) return expected;
    const auto count = parse_number(text.substr(0, space));
    const std::string_view unit = text.substr(unit_start);
    if (!count || unit.find(' ') != std::string_view::npos) return expected;

    std::vector<std::string> names;
    for (const Unit& known : kUnits) {
        if (unit == known.name) return *count * known.days;
        names.emplace_back(known.name);
    }
    return Problem{"unknown duration unit '" + std::string(unit) + "' " + hint(unit, names)};
}

}  // namespace wfsim::config
