// Policy options: named sets of parameter changes on the scenario as written ("retention
// payments", "grow your own"), which `wfsim compare` runs side by side with common random
// numbers. Each is validated exactly like the file with its changes set into it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/config/override.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

struct Scenario;

// The scenario as written, compared with every option; no option may take this name.
inline constexpr char kBaselineOption[] = "base";

// What every option must share with the scenario as written, so that their runs are sampled at
// the same times, judged against the same targets and paired replication by replication.
inline constexpr std::string_view kOptionFixedSettings[] = {
    "name",         "start",   "horizon", "output_interval", "seed",
    "replications", "targets", "options"};

struct PolicyOption {
    std::string name;  // an identifier, unique, not kBaselineOption
    std::string description;
    std::vector<config::Override> set;          // from the start, over the file's settings
    std::shared_ptr<const Scenario> scenario{};  // the whole scenario under this option
};

// The `options:` list, without the scenarios (built once the file reads cleanly). Returns the
// items too, for messages about what the options do.
std::vector<PolicyOption> read_policy_options(config::Section root,
                                              std::vector<config::Section>* items = nullptr);

// The settings of the option at `index` in the file's `options:` list, as written: one
// "path: value" line each, the value in YAML flow style. For reports; empty if there is none.
std::vector<std::string> option_settings_text(const std::string& scenario_text, std::size_t index);

}  // namespace wfsim::model
