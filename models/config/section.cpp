// Section's structure: finding keys, nested sections, declarations and unknown keys.
// The typed getters are in section_fields.cpp and section_distribution.cpp.
#include "models/config/section.hpp"

#include <algorithm>

#include "models/config/did_you_mean.hpp"
#include "models/config/document_state.hpp"
#include "models/config/reference.hpp"

namespace wfsim::config {

Section::Section(std::shared_ptr<DocumentState> document, std::shared_ptr<SectionState> state)
    : document_(std::move(document)), state_(std::move(state)) {}

bool Section::present() const {
    return state_->present;
}

const std::string& Section::path() const {
    return state_->path;
}

bool Section::has(std::string_view key) const {
    return document_->documenting() || find_entry(state_->mapping, key).has_value();
}

std::vector<std::string> Section::keys() const {
    std::vector<std::string> keys;
    if (document_->documenting()) {
        if (!state_->placeholder.empty()) keys.push_back(state_->placeholder);
        return keys;
    }
    for (const auto& pair : state_->mapping) {
        // Repeated keys were reported by the document; list each once.
        if (pair.first.IsScalar() && std::ranges::find(keys, pair.first.Scalar()) == keys.end()) {
            keys.push_back(pair.first.Scalar());
        }
    }
    return keys;
}

void Section::declare(std::string_view key, const Declaration& declaration) {
    if (std::ranges::find(state_->declared, key) == state_->declared.end()) {
        state_->declared.emplace_back(key);
    }
    if (document_->documenting()) {
        document_->reference->add(ReferenceEntry{
            .path = key_path(path(), key),
            .type = declaration.type,
            .unit = std::string(declaration.doc.unit),
            .default_text = declaration.default_text,
            .doc = std::string(declaration.doc.doc),
            .required = declaration.required,
        });
    }
}

std::optional<YAML::Node> Section::locate(std::string_view key, const Declaration& declaration) {
    declare(key, declaration);
    if (document_->documenting() || !present()) return std::nullopt;
    const auto entry = find_entry(state_->mapping, key);
    if (!entry) {
        if (declaration.required) {
            document_->report(position_of(state_->mapping), key_path(path(), key),
                              "missing required key");
        }
        return std::nullopt;
    }
    if (entry->value.IsNull()) {
        if (declaration.required) {
            document_->report(value_position(*entry), key_path(path(), key), "missing value");
        }
        return std::nullopt;
    }
    return entry->value;
}

Section Section::child(std::string_view key, const YAML::Node& value,
                       std::string_view placeholder) {
    return Section(document_, document_->section(key_path(path(), key), value, placeholder));
}

Section Section::nested(std::string_view key, const Declaration& declaration,
                        std::string_view placeholder) {
    const std::optional<YAML::Node> value = locate(key, declaration);
    if (value && !value->IsMap()) error(key, "expected a mapping (got " + shown(*value) + ")");
    return child(key, value.value_or(YAML::Node()), placeholder);
}

Section Section::section(std::string_view key, FieldDoc doc, bool required) {
    return nested(key, {"section", doc, "", required}, {});
}

Section Section::named_entries(std::string_view key, FieldDoc doc, std::string_view placeholder,
                               bool required) {
    return nested(key, {map_type(placeholder), doc, "", required}, placeholder);
}

void Section::error(std::string_view key, std::string message) {
    const auto entry = find_entry(state_->mapping, key);
    const Position at = entry ? value_position(*entry) : position_of(state_->mapping);
    document_->report(at, key_path(path(), key), std::move(message));
}

bool Section::reported(std::string_view key) const {
    const std::string at = key_path(path(), key);
    return std::ranges::any_of(document_->diagnostics,
                               [&](const Diagnostic& d) { return d.path == at; });
}

void Section::report_unknown_keys(const std::function<std::string(const std::string&)>& message) {
    if (!state_->placeholder.empty()) return;
    for (const auto& pair : state_->mapping) {
        if (!pair.first.IsScalar()) continue;  // not a name: reported by the document
        const std::string& key = pair.first.Scalar();
        if (std::ranges::find(state_->declared, key) == state_->declared.end()) {
            document_->report(position_of(pair.first), key_path(path(), key), message(key));
        }
    }
}

void Section::finish() {
    report_unknown_keys([&](const std::string& key) {
        const std::string unknown = "unknown key '" + key + "' ";
        if (state_->declared.empty()) return unknown + "(this section takes no keys)";
        return unknown + hint(key, state_->declared);
    });
}

}  // namespace wfsim::config
