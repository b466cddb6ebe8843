#include "models/config/document.hpp"

#include <algorithm>
#include <optional>
#include <variant>

#include "models/config/document_state.hpp"
#include "models/config/overlay.hpp"

namespace wfsim::config {

namespace {

Diagnostic file_problem(const std::string& file, Position at, std::string message) {
    return Diagnostic{file, at.line, at.column, "", std::move(message)};
}

// yaml-cpp keeps every entry of a mapping, so a repeated key would pass unnoticed (reading
// takes the first). Checked over the whole tree, so that mappings nobody reads are covered.
void check_keys(const YAML::Node& node, const std::string& path, DocumentState& state) {
    if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            check_keys(node[i], item_path(path, i), state);
        }
    }
    if (!node.IsMap()) return;
    std::vector<std::string> seen;
    for (const auto& pair : node) {
        if (!pair.first.IsScalar()) {
            state.report(position_of(pair.first), path,
                         "expected a key name (got " + shown(pair.first) + ")");
            continue;
        }
        const std::string& key = pair.first.Scalar();
        const std::string child = key_path(path, key);
        if (std::ranges::find(seen, key) != seen.end()) {
            state.report(position_of(pair.first), child, "duplicate key '" + key + "'");
        }
        seen.push_back(key);
        check_keys(pair.second, child, state);
    }
}

// yaml-cpp resolves an alias to the very node its anchor names, so an alias inside its own
// anchor ("a: &x {b: *x}") makes the tree infinite and every walk over it would never end.
// Returns where the first such alias is used: at its key, or at the sequence holding it.
std::optional<Position> recursive_alias(const YAML::Node& node,
                                        std::vector<YAML::Node>& enclosing) {
    if (!node.IsMap() && !node.IsSequence()) return std::nullopt;
    enclosing.push_back(node);
    const auto encloses = [&](const YAML::Node& child) {
        return std::ranges::any_of(enclosing, [&](const YAML::Node& e) { return e.is(child); });
    };
    std::optional<Position> found;
    for (auto it = node.begin(); it != node.end() && !found; ++it) {
        const YAML::Node child = node.IsMap() ? it->second : *it;
        if (encloses(child)) {
            found = position_of(node.IsMap() ? it->first : node);
        } else {
            found = recursive_alias(child, enclosing);
        }
    }
    enclosing.pop_back();
    return found;
}

// The parsed tree of `source`, or InputError if nothing could be read.
std::shared_ptr<DocumentState> load(const SourceText& source) {
    auto state = std::make_shared<DocumentState>();
    state->file = source.file;
    try {
        state->root = YAML::Load(source.text);
    } catch (const YAML::Exception& error) {
        throw InputError(
            {file_problem(state->file, position_of(error.mark), "invalid YAML: " + error.msg)});
    }
    std::vector<YAML::Node> enclosing;
    if (const auto at = recursive_alias(state->root, enclosing)) {
        throw InputError({file_problem(state->file, *at,
                                       "invalid YAML: an alias refers to a mapping or sequence "
                                       "that contains it")});
    }
    if (!state->root.IsMap()) {
        throw InputError({file_problem(
            state->file, position_of(state->root),
            "expected a mapping of 'key: value' settings (got " + shown(state->root) + ")")});
    }
    return state;
}

}  // namespace

Document::Document(std::shared_ptr<DocumentState> state) : state_(std::move(state)) {}

Document Document::parse(SourceText source) {
    std::shared_ptr<DocumentState> state = load(source);
    check_keys(state->root, "", *state);
    return Document(std::move(state));
}

Document Document::parse_with_overrides(SourceText source, std::span<const Override> overrides) {
    // A fresh tree each time: the overrides change it, and the parse's marks are what messages
    // point at.
    std::shared_ptr<DocumentState> state = load(source);
    const bool from_file = std::ranges::any_of(overrides, [](const Override& override) {
        return std::holds_alternative<Override::InFile>(override.value);
    });
    overlay(*state, from_file ? YAML::Load(source.text) : YAML::Node(), overrides);
    check_keys(state->root, "", *state);
    return Document(std::move(state));
}

Document Document::documenting(Reference& reference) {
    auto state = std::make_shared<DocumentState>();
    state->reference = &reference;
    return Document(std::move(state));
}

Section Document::root() {
    return Section(state_, state_->section("", state_->root, {}));
}

void Document::report(Diagnostic diagnostic) {
    state_->report(std::move(diagnostic));
}

bool Document::has_errors() const {
    return !state_->diagnostics.empty();
}

const std::vector<Diagnostic>& Document::diagnostics() const {
    return state_->diagnostics;
}

void Document::throw_if_errors() const {
    if (has_errors()) throw InputError(state_->diagnostics);
}

}  // namespace wfsim::config
