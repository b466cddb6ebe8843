// What Section's getters share: locating, converting and reporting a value, and describing
// it for the reference. Internal to models/config.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>

#include <yaml-cpp/yaml.h>

#include "models/config/parsed.hpp"
#include "models/config/section.hpp"

namespace wfsim::config {

template <class T, class Convert>
std::optional<T> Section::read(std::string_view key, const Declaration& declaration,
                               Convert convert) {
    const std::optional<YAML::Node> value = locate(key, declaration);
    if (!value) return std::nullopt;
    Parsed<T> parsed = convert(*value);
    if (auto* problem = std::get_if<Problem>(&parsed)) {
        error(key, std::move(problem->message));
        return std::nullopt;
    }
    return std::get<T>(std::move(parsed));
}

// The reference's "default" column: the fallback written out, or empty for a required field.
template <class T, class Format>
std::string default_text(const std::optional<T>& fallback, Format format) {
    return fallback ? std::string(std::invoke(format, *fallback)) : std::string();
}

// Durations are always in days, which the reference states unless the caller is more precise.
inline FieldDoc in_days(FieldDoc doc) {
    if (doc.unit.empty()) doc.unit = "days";
    return doc;
}

}  // namespace wfsim::config
