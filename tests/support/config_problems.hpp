// Shared by the config reader tests: read a YAML text with a callback and collect every
// problem reported, formatted as the user would see it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "models/config/document.hpp"

namespace wfsim::config::testing {

using Lines = std::vector<std::string>;

// Reads `yaml`, as the file "s.yaml", with `read`; returns every problem formatted.
inline Lines problems(std::string yaml, const std::function<void(Section)>& read) {
    Document document = Document::parse({"s.yaml", std::move(yaml)});
    read(document.root());
    Lines lines;
    for (const Diagnostic& diagnostic : document.diagnostics())
        lines.push_back(diagnostic.format());
    return lines;
}

}  // namespace wfsim::config::testing
