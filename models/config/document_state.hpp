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

struct DocumentState {
    std::string file;
    YAML::Node root;
    Reference* reference = nullptr;       // set when documenting
    std::vector<Diagnostic> diagnostics;  // in file order
    // One state per path, so every Section read at a path knows every key declared there.
    std::map<std::string, std::shared_ptr<SectionState>, std::less<>> sections;

    bool documenting() const { return reference != nullptr; }

    // Keeps diagnostics in file order, stable for equal positions. Drops a diagnostic identical
    // to one already reported (a required section read by two components is missing once), and
    // all of them when documenting, where values are placeholders and cross-checks meaningless.
    void report(Diagnostic diagnostic);
    void report(Position at, std::string path, std::string message);

    // The state for the section at `path` with value `value` (present if a mapping, or when
    // documenting), created on first use.
    std::shared_ptr<SectionState> section(std::string path, const YAML::Node& value,
                                          std::string_view placeholder);
};

}  // namespace wfsim::config
