// Section's getters for single values. Each is one declaration: type and default for the
// reference, the conversion that validates, and the value to carry on with after a problem.
#include <cmath>
#include <functional>
#include <vector>

#include "engine/calendar.hpp"
#include "models/config/did_you_mean.hpp"
#include "models/config/numbers.hpp"
#include "models/config/section_read.hpp"
#include "models/config/values.hpp"

namespace wfsim::config {

namespace {

std::string yes_no(bool value) {
    return value ? "yes" : "no";
}

}  // namespace

double Section::real(std::string_view key, FieldDoc doc, Bounds bounds,
                     std::optional<double> fallback) {
    return read<double>(key, {"number", doc, default_text(fallback, format_number), !fallback},
                        [&](const YAML::Node& value) { return to_real(value, bounds); })
        .value_or(fallback.value_or(neutral_value(bounds)));
}

std::int64_t Section::integer(std::string_view key, FieldDoc doc, Bounds bounds,
                              std::optional<std::int64_t> fallback) {
    const auto format = [](std::int64_t value) { return std::to_string(value); };
    const auto neutral = static_cast<std::int64_t>(std::ceil(neutral_value(bounds)));
    return read<std::int64_t>(key, {"whole number", doc, default_text(fallback, format), !fallback},
                              [&](const YAML::Node& value) { return to_integer(value, bounds); })
        .value_or(fallback.value_or(neutral));
}

bool Section::boolean(std::string_view key, FieldDoc doc, std::optional<bool> fallback) {
    return read<bool>(key, {"yes/no", doc, default_text(fallback, yes_no), !fallback}, to_boolean)
        .value_or(fallback.value_or(false));
}

std::string Section::text(std::string_view key, FieldDoc doc, std::optional<std::string> fallback) {
    return read<std::string>(key, {"text", doc, default_text(fallback, std::identity{}), !fallback},
                             to_text)
        .value_or(fallback.value_or(std::string()));
}

std::string Section::choice(std::string_view key, FieldDoc doc,
                            std::span<const std::string_view> allowed,
                            std::optional<std::string> fallback) {
    const std::vector<std::string> names(allowed.begin(), allowed.end());
    return read<std::string>(
               key,
               {"one of: " + join(names), doc, default_text(fallback, std::identity{}), !fallback},
               [&](const YAML::Node& value) { return to_choice(value, names); })
        .value_or(fallback.value_or(names.front()));
}

engine::Date Section::date(std::string_view key, FieldDoc doc,
                           std::optional<engine::Date> fallback) {
    return read<engine::Date>(key,
                              {"date (YYYY-MM-DD)", doc,
                               default_text(fallback, engine::format_iso_date), !fallback},
                              to_date)
        .value_or(fallback.value_or(engine::Date{}));
}

double Section::duration(std::string_view key, FieldDoc doc, Bounds bounds,
                         std::optional<double> fallback) {
    return read<double>(
               key, {"duration", in_days(doc), default_text(fallback, format_number), !fallback},
               [&](const YAML::Node& value) { return to_duration(value, bounds); })
        .value_or(fallback.value_or(neutral_value(bounds)));
}

}  // namespace wfsim::config
