// Section::overrides: a `set:` mapping of parameter paths to values, for Document's
// parse_with_overrides.
#include <algorithm>
#include <string>
#include <vector>

#include "models/config/document_state.hpp"
#include "models/config/reference.hpp"
#include "models/config/section_read.hpp"
#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

namespace {

// "a.b" covers itself and "a.b.c", but not "a.bc".
bool covers(std::string_view outer, std::string_view inner) {
    return inner.starts_with(outer) && (inner.size() == outer.size() || inner[outer.size()] == '.');
}

}  // namespace

std::vector<Override> Section::overrides(std::string_view key, FieldDoc doc, std::string origin,
                                         bool required,
                                         std::span<const std::string_view> fixed,
                                         std::string_view refusal) {
    const std::optional<YAML::Node> value =
        locate(key, {map_type("<parameter.path>", "value"), doc, "", required});
    if (!value) return {};
    if (!value->IsMap()) {
        error(key, "expected a mapping (got " + shown(*value) + ")");
        return {};
    }
    const std::string mapping = key_path(path(), key);
    std::vector<Override> overrides;
    std::vector<int> lines;  // of each override's key, for messages about overlaps
    for (const auto& pair : *value) {
        if (!pair.first.IsScalar()) continue;  // not a name: reported by the document
        const std::string& name = pair.first.Scalar();
        const Position at = position_of(pair.first);
        const std::string entry_path = key_path(mapping, name);
        if (const auto problem = parameter_path_problem(name)) {
            document_->report(at, entry_path, *problem);
            continue;
        }
        const auto fixed_head = std::ranges::find_if(
            fixed, [&](std::string_view head) { return covers(head, name); });
        if (fixed_head != fixed.end()) {
            std::string message(refusal);
            message.append("; set ").append(*fixed_head).append(" in the scenario itself");
            document_->report(at, entry_path, message);
            continue;
        }
        const auto overlapping = std::ranges::find_if(overrides, [&](const Override& earlier) {
            return covers(earlier.path, name) || covers(name, earlier.path);
        });
        if (overlapping != overrides.end()) {
            // The same path twice is a duplicate key, which the document reports.
            if (overlapping->path != name) {
                const auto line = lines[static_cast<std::size_t>(overlapping - overrides.begin())];
                document_->report(at, entry_path,
                                  "overlaps '" + overlapping->path + "' (line " +
                                      std::to_string(line) +
                                      "): set either the whole value or keys inside it");
            }
            continue;
        }
        overrides.push_back(Override{
            .path = name,
            .value = Override::InFile{.file = document_->file, .key_offset = pair.first.Mark().pos},
            .origin = origin,
        });
        lines.push_back(at.line);
    }
    return overrides;
}

}  // namespace wfsim::config
