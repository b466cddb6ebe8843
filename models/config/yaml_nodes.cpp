#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

Position position_of(const YAML::Mark& mark) {
    if (mark.is_null()) return {};
    return {mark.line + 1, mark.column + 1};
}

Position position_of(const YAML::Node& node) {
    return position_of(node.Mark());
}

std::optional<Entry> find_entry(const YAML::Node& mapping, std::string_view key) {
    if (!mapping.IsMap()) return std::nullopt;
    for (const auto& pair : mapping) {
        if (pair.first.IsScalar() && pair.first.Scalar() == key)
            return Entry{pair.first, pair.second};
    }
    return std::nullopt;
}

Position value_position(const Entry& entry) {
    return position_of(entry.value.IsNull() ? entry.key : entry.value);
}

std::string shown(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a sequence";
        case YAML::NodeType::Scalar:
            return "'" + node.Scalar() + "'";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
    }
    return "nothing";
}

std::string key_path(std::string_view parent, std::string_view key) {
    if (parent.empty()) return std::string(key);
    return std::string(parent) + '.' + std::string(key);
}

std::string item_path(std::string_view sequence, std::size_t index) {
    return std::string(sequence) + '[' + std::to_string(index) + ']';
}

}  // namespace wfsim::config
