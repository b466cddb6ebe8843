#include "models/scenario/policy_options.hpp"

#include <algorithm>

#include <yaml-cpp/yaml.h>

#include "models/config/names.hpp"

namespace wfsim::model {

std::vector<PolicyOption> read_policy_options(config::Section root,
                                              std::vector<config::Section>* items_out) {
    std::vector<config::Section> items = root.list(
        "options",
        {"Named policy options for `wfsim compare`: each a mapping of parameter paths to values "
         "set from the start over the file's, validated like the file. Replication i of every "
         "option sees the same random streams (common random numbers), so their differences are "
         "the policies', not chance's."});
    std::vector<PolicyOption> options;
    for (std::size_t i = 0; i < items.size(); ++i) {
        config::Section item = items[i];
        PolicyOption option;
        option.name = item.text("name", {"The option's name: letters, digits and '_'; not "
                                         "'base', the scenario as written."});
        option.description = item.text(
            "description", {"What the option does, in words, for reports."}, std::string());
        option.set = item.overrides(
            "set",
            {"Parameters the option sets, by path: retention.social_worker.amount: 3000, "
             "recruitment.campaigns.spring.enabled: yes. An option may set `interventions` to "
             "a list of its own dated changes."},
            "options[" + std::to_string(i) + "]", true, kOptionFixedSettings,
            "an option cannot change this");
        if (item.present() && item.has("name") && !item.reported("name")) {
            const bool earlier = std::ranges::any_of(
                options, [&](const PolicyOption& o) { return o.name == option.name; });
            if (!config::is_identifier(option.name)) {
                item.error("name", "must be letters, digits and '_' (it names HDF5 groups)");
            } else if (option.name == kBaselineOption) {
                item.error("name", "'base' is the scenario as written; choose another name");
            } else if (earlier) {
                item.error("name", "option '" + option.name + "' is declared twice");
            }
        }
        item.finish();
        options.push_back(std::move(option));
    }
    if (items_out) *items_out = std::move(items);
    return options;
}

std::vector<std::string> option_settings_text(const std::string& scenario_text,
                                              std::size_t index) {
    const YAML::Node options = YAML::Load(scenario_text)["options"];
    if (!options.IsSequence() || index >= options.size()) return {};
    const YAML::Node set = options[index]["set"];
    std::vector<std::string> lines;
    if (!set.IsMap()) return lines;
    for (const auto& entry : set) {
        YAML::Emitter value;
        value << YAML::Flow << entry.second;
        lines.push_back(entry.first.Scalar() + ": " + value.c_str());
    }
    return lines;
}

}  // namespace wfsim::model
