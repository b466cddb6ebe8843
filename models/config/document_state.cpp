#include "models/config/document_state.hpp"

#include <algorithm>
#include <tuple>

namespace wfsim::config {

void DocumentState::report(Diagnostic diagnostic) {
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

}  // namespace wfsim::config
