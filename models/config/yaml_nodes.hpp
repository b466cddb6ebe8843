// Small helpers over yaml-cpp nodes shared by the document and its sections.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace wfsim::config {

struct Position {
    int line = 0;  // 1-based; 0 when unknown
    int column = 0;

    friend bool operator==(const Position&, const Position&) = default;
};

// yaml-cpp's 0-based mark made 1-based; unknown for a null mark.
Position position_of(const YAML::Mark& mark);
// Where `node` starts in the file; unknown for nodes the parser did not produce.
Position position_of(const YAML::Node& node);

struct Entry {
    YAML::Node key;
    YAML::Node value;
};

// The first entry of `mapping` whose key is `key` (yaml-cpp keeps duplicates; the document
// reports them, and reading uses the first). nullopt if absent or `mapping` is no mapping.
std::optional<Entry> find_entry(const YAML::Node& mapping, std::string_view key);

// Where to report a problem with an entry's value. An empty value ("key:") has no text of its
// own and yaml-cpp marks it at the next token, so it is reported at its key.
Position value_position(const Entry& entry);

// What the user wrote, for "(got X)": "a mapping", "a sequence", or the scalar quoted, 'abc'.
std::string shown(const YAML::Node& node);

// "agency" + "fill_time" -> "agency.fill_time"; the root's path is empty.
std::string key_path(std::string_view parent, std::string_view key);

// "interventions" + 0 -> "interventions[0]", the path of a sequence's item.
std::string item_path(std::string_view sequence, std::size_t index);

}  // namespace wfsim::config
