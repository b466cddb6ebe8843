#include "models/config/document.hpp"

#include <algorithm>
#include <optional>
#include <string>
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

// yaml-cpp resolves an alias to the very node its anchor names, so every walk over the tree
// (the key checks, reading, overrides) goes through an aliased value once per use. An alias
// inside its own anchor ("a: &x {b: *x}") makes the tree infinite, and aliases of aliases of
// lists make it huge ("billion laughs"); either would hang those walks, so both are refused.
class AliasCheck {
public:
    // Far beyond any scenario, and walked in well under a second.
    static constexpr std::size_t kMaxValues = 1'000'000;

    // The first problem found in the tree under `node`.
    std::optional<Diagnostic> problem(const YAML::Node& node) {
        if (++values_ > kMaxValues) {
            return Diagnostic{.message = "invalid YAML: aliases repeat values more than " +
                                         std::to_string(kMaxValues) + " times"};
        }
        if (!node.IsMap() && !node.IsSequence()) return std::nullopt;
        enclosing_.push_back(node);
        std::optional<Diagnostic> found;
        for (auto it = node.begin(); it != node.end() && !found; ++it) {
            const YAML::Node child = node.IsMap() ? it->second : *it;
            if (encloses(child)) {
                // The alias has no mark of its own: point at its key, or at its sequence.
                const Position at = position_of(node.IsMap() ? it->first : node);
                found = Diagnostic{.line = at.line,
                                   .column = at.column,
                                   .message =
                                       "invalid YAML: an alias refers to a mapping or "
                                       "sequence that contains it"};
            } else {
                found = problem(child);
            }
        }
        enclosing_.pop_back();
        return found;
    }

private:
    bool encloses(const YAML::Node& child) const {
        return std::ranges::any_of(enclosing_, [&](const YAML::Node& e) { return e.is(child); });
    }

    std::vector<YAML::Node> enclosing_;
    std::size_t values_ = 0;
};

// Throws InputError for a tree that AliasCheck refuses.
void refuse_unwalkable(const DocumentState& state) {
    if (auto problem = AliasCheck().problem(state.root)) {
        problem->file = state.file;
        throw InputError({std::move(*problem)});
    }
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
    refuse_unwalkable(*state);
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
    refuse_unwalkable(*state);  // values set through aliases may repeat them further
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
