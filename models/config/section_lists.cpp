// Section's getters for sequences: of mappings, of dates and of numbers. Items are reported at
// "key[i]", the path the document's own checks give them.
#include <functional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/config/document_state.hpp"
#include "models/config/numbers.hpp"
#include "models/config/section_read.hpp"
#include "models/config/values.hpp"
#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

namespace {

// A list as the reference shows a default, in YAML's flow style: "[2017-04-01, 2018-04-01]".
template <class T, class Format>
std::string list_text(const std::vector<T>& values, Format format) {
    std::string text;
    for (const T& value : values) {
        if (!text.empty()) text += ", ";
        text += std::invoke(format, value);
    }
    return "[" + text + "]";
}

}  // namespace

std::vector<Section> Section::list(std::string_view key, FieldDoc doc, bool required) {
    const std::string sequence = key_path(path(), key);
    const std::optional<YAML::Node> value = locate(key, {"list of sections", doc, "", required});
    if (document_->documenting()) {
        return {Section(document_, document_->section(sequence + "[]", YAML::Node(), {}))};
    }
    if (!value) return {};
    if (!value->IsSequence()) {
        error(key, "expected a sequence of mappings (got " + shown(*value) + ")");
        return {};
    }
    std::vector<Section> items;
    std::size_t index = 0;
    for (const YAML::Node& item : *value) {
        const std::string at = item_path(sequence, index++);
        if (!item.IsMap()) {
            document_->report(position_of(item), at,
                              "expected a mapping (got " + shown(item) + ")");
        }
        items.push_back(Section(document_, document_->section(at, item, {})));
    }
    return items;
}

template <class T, class Convert>
std::vector<T> Section::read_list(std::string_view key, const Declaration& declaration,
                                  std::optional<std::vector<T>> fallback, std::string_view what,
                                  const T& neutral, Convert convert) {
    const std::optional<YAML::Node> value = locate(key, declaration);
    if (!value) return fallback.value_or(std::vector<T>{});
    if (!value->IsSequence()) {
        error(key, "expected a sequence of " + std::string(what) + " (got " + shown(*value) + ")");
        return fallback.value_or(std::vector<T>{});
    }
    const std::string sequence = key_path(path(), key);
    std::vector<T> items;
    for (const YAML::Node& item : *value) {
        Parsed<T> parsed = convert(item);
        if (auto* problem = std::get_if<Problem>(&parsed)) {
            document_->report(position_of(item), item_path(sequence, items.size()),
                              std::move(problem->message));
            items.push_back(neutral);
        } else {
            items.push_back(std::get<T>(std::move(parsed)));
        }
    }
    return items;
}

std::vector<engine::Date> Section::dates(std::string_view key, FieldDoc doc,
                                         std::optional<std::vector<engine::Date>> fallback) {
    const auto format = [](const std::vector<engine::Date>& values) {
        return list_text(values, engine::format_iso_date);
    };
    const Declaration declaration{"list of dates (YYYY-MM-DD)", doc, default_text(fallback, format),
                                  !fallback};
    return read_list<engine::Date>(key, declaration, std::move(fallback), "dates YYYY-MM-DD",
                                   engine::Date{}, to_date);
}

std::vector<double> Section::reals(std::string_view key, FieldDoc doc, Bounds bounds,
                                   std::optional<std::vector<double>> fallback) {
    const auto format = [](const std::vector<double>& values) {
        return list_text(values, format_number);
    };
    const Declaration declaration{"list of numbers", doc, default_text(fallback, format),
                                  !fallback};
    return read_list<double>(key, declaration, std::move(fallback), "numbers",
                             neutral_value(bounds),
                             [&](const YAML::Node& value) { return to_real(value, bounds); });
}

std::vector<std::string> Section::texts(std::string_view key, FieldDoc doc,
                                        std::optional<std::vector<std::string>> fallback) {
    const auto format = [](const std::vector<std::string>& values) {
        return list_text(values, [](const std::string& v) { return v; });
    };
    const Declaration declaration{"list of values", doc, default_text(fallback, format),
                                  !fallback};
    return read_list<std::string>(key, declaration, std::move(fallback), "values",
                                  std::string(), to_text);
}

}  // namespace wfsim::config
