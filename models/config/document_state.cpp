#include "models/config/document_state.hpp"

#include <algorithm>
#include <tuple>

namespace wfsim::config {

void DocumentState::report(Diagnostic diagnostic) {
    if (const Origin* origin = origin_of(diagnostic.path)) {
        const Position at{diagnostic.line, diagnostic.column};
        // A key the override created, or a program's value, has no mark; and an empty value it
        // set is reported at the entry's key, which is the base's.
        const bool emptied = origins.contains(diagnostic.path) && at == origin->replaced_key;
        if (at.line == 0 || emptied) {
            diagnostic.line = origin->at.line;
            diagnostic.column = origin->at.column;
        }
        diagnostic.message += " (set by " + origin->label + ")";
    }
    add(std::move(diagnostic));
}

void DocumentState::add(Diagnostic diagnostic) {
    if (documenting()) return;
    if (diagnostic.file.empty()) diagnostic.file = file;
    if (std::ranges::find(diagnostics, diagnostic) != diagnostics.end()) return;
    const auto earlier = [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    };
    const auto after = std::ranges::upper_bound(diagnostics, diagnostic, earlier);
    diagnostics.insert(after, std::move(diagnostic));
}

void DocumentState::report(Position at, std::string path, std::string message) {
    report(Diagnostic{file, at.line, at.column, std::move(path), std::move(message)});
}

std::shared_ptr<SectionState> DocumentState::section(std::string path, const YAML::Node& value,
                                                     std::string_view placeholder) {
    auto& state = sections[path];
    if (!state) {
        state = std::make_shared<SectionState>(SectionState{
            .path = std::move(path),
            .mapping = value.IsMap() ? value : YAML::Node(),
            .present = documenting() || value.IsMap(),
            .placeholder = std::string(placeholder),
        });
    }
    return state;
}

const Origin* DocumentState::origin_of(std::string_view path) const {
    // Paths below "a.b" continue with '.' or, for a sequence's items, '['.
    const auto covers = [&](std::string_view set) {
        return path.starts_with(set) &&
               (path.size() == set.size() || path[set.size()] == '.' || path[set.size()] == '[');
    };
    const Origin* nearest = nullptr;
    std::size_t nearest_length = 0;
    for (const auto& [set, origin] : origins) {
        if (covers(set) && (nearest == nullptr || set.size() > nearest_length)) {
            nearest = &origin;
            nearest_length = set.size();
        }
    }
    return nearest;
}

}  // namespace wfsim::config
