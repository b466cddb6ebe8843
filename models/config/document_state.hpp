// The state a Document shares with all its Sections. Internal to models/config.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "models/config/diagnostics.hpp"
#include "models/config/reference.hpp"
#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

struct SectionState {
    std::string path;
    YAML::Node mapping;  // Null when the section is absent, and when documenting
    bool present = false;
    std::string placeholder;              // set for a map of free names (named_entries)
    std::vector<std::string> declared{};  // keys asked for, in declaration order
};

// Who set the value at a path of a document read with overrides (see overlay.hpp).
struct Origin {
    std::string label;  // "interventions[0]"
    // The override's key in the file, for problems with no position of their own: keys it
    // created and values a program gave. Unknown for a program's override.
    Position at{};
    // The key of the entry whose value it replaced, which a problem with an empty value is
    // reported at (value_position) although the override wrote neither; unknown if created.
    Position replaced_key{};
};

struct DocumentState {
    std::string file;
    YAML::Node root;
    Reference* reference = nullptr;       // set when documenting
    std::vector<Diagnostic> diagnostics;  // in file order
    // One state per path, so every Section read at a path knows every key declared there.
    std::map<std::string, std::shared_ptr<SectionState>, std::less<>> sections;
    // By dotted path, for documents read with overrides: each covers its path and everything
    // below it. Empty otherwise.
    std::map<std::string, Origin, std::less<>> origins;

    bool documenting() const { return reference != nullptr; }

    // Keeps diagnostics in file order, stable for equal positions. Drops a diagnostic identical
    // to one already reported (a required section read by two components is missing once), and
    // all of them when documenting, where values are placeholders and cross-checks meaningless.
    // A problem at or below a path an override set names the override, "(set by
    // interventions[0])", and is placed at the override if it has no position of its own.
    void report(Diagnostic diagnostic);
    void report(Position at, std::string path, std::string message);
    // report() without the attribution to overrides, for messages that already name one.
    void add(Diagnostic diagnostic);

    // The origin of the nearest path at or above `path` that an override set, if any.
    const Origin* origin_of(std::string_view path) const;

    // The state for the section at `path` with value `value` (present if a mapping, or when
    // documenting), created on first use.
    std::shared_ptr<SectionState> section(std::string path, const YAML::Node& value,
                                          std::string_view placeholder);
};

}  // namespace wfsim::config
