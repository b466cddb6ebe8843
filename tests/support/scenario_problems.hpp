// Shared by the model tests: every problem parse_scenario reports for a scenario text, as the
// user would see them, or none when it is valid.
#pragma once

#include <string>
#include <vector>

#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::testing {

inline std::vector<std::string> scenario_problems(const std::string& yaml,
                                                  const std::string& file = "s.yaml") {
    try {
        model::parse_scenario({file, yaml});
    } catch (const config::InputError& error) {
        std::vector<std::string> lines;
        for (const config::Diagnostic& d : error.diagnostics()) lines.push_back(d.format());
        return lines;
    }
    return {};
}

}  // namespace wfsim::testing
