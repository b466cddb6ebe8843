#include "models/config/overlay.hpp"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

namespace {

std::vector<std::string> names_of(std::string_view path) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        names.emplace_back(path.substr(start, dot - start));
        if (dot == std::string_view::npos) return names;
        start = dot + 1;
    }
}

// How many places in `tree` hold `node`, counting to two at most. A YAML alias is the very node
// its anchor names, so a node held in two places is shared.
int uses(const YAML::Node& tree, const YAML::Node& node, int count = 0) {
    if (tree.is(node)) ++count;
    if (!tree.IsMap() && !tree.IsSequence()) return count;
    for (auto it = tree.begin(); it != tree.end() && count < 2; ++it) {
        count = uses(tree.IsMap() ? it->second : YAML::Node(*it), node, count);
    }
    return count;
}

// The entries of every mapping in `tree` by the offset of their key.
void index_entries(const YAML::Node& tree, std::map<int, Entry>& entries) {
    if (tree.IsSequence()) {
        for (const YAML::Node& item : tree) index_entries(item, entries);
    }
    if (!tree.IsMap()) return;
    for (const auto& pair : tree) {
        if (pair.first.IsScalar() && !pair.first.Mark().is_null()) {
            entries.emplace(pair.first.Mark().pos, Entry{pair.first, pair.second});
        }
        index_entries(pair.second, entries);
    }
}

class Overlay {
public:
    Overlay(DocumentState& state, const YAML::Node& donor) : state_(state) {
        index_entries(donor, entries_);
    }

    void apply(const Override& override) {
        override_ = &override;
        YAML::Node value;
        if (const auto* in_file = std::get_if<Override::InFile>(&override.value)) {
            const auto entry = entries_.find(in_file->key_offset);
            // The key is the path as written, which catches an offset into another text.
            if (in_file->file != state_.file || entry == entries_.end() ||
                entry->second.key.Scalar() != override.path) {
                throw std::invalid_argument("override of '" + override.path +
                                            "' is not an entry of " + state_.file);
            }
            at_ = position_of(entry->second.key);
            value = entry->second.value;
        } else {
            at_ = {};
            value = YAML::Node(std::get<std::string>(override.value));
        }
        if (const auto problem = parameter_path_problem(override.path)) {
            fail(*problem);
            return;
        }
        set(value);
    }

private:
    void set(const YAML::Node& value) {
        const std::vector<std::string> names = names_of(override_->path);
        std::vector<YAML::Node> mappings = {state_.root};  // on the way down, each a handle
        std::string path;
        for (std::size_t i = 0; i + 1 < names.size(); ++i) {
            YAML::Node& mapping = mappings.back();
            if (!unshared(mapping, path)) return;
            path = key_path(path, names[i]);
            auto entry = find_entry(mapping, names[i]);
            if (entry && !entry->value.IsNull()) {
                if (!entry->value.IsMap()) {
                    fail("cannot set a key inside '" + path + "', which is not a mapping (got " +
                         shown(entry->value) + ")");
                    return;
                }
                mappings.push_back(entry->value);
                continue;
            }
            // A mapping the override makes, in place of nothing or of an empty value.
            const YAML::Node created(YAML::NodeType::Map);
            if (entry) {
                if (!unshared(entry->value, path)) return;
                entry->value = created;  // assigning through a handle sets the tree's node
            } else {
                mapping[names[i]] = created;
            }
            note(path, entry ? position_of(entry->key) : Position{});
            mappings.push_back(created);
        }
        if (!unshared(mappings.back(), path)) return;
        // An alias in the value could name a mapping on the way down, making the tree infinite.
        for (const YAML::Node& mapping : mappings) {
            if (uses(value, mapping) > 0) {
                fail("cannot set it: through a YAML alias the value would contain itself");
                return;
            }
        }
        auto entry = find_entry(mappings.back(), names.back());
        if (entry) {
            if (!unshared(entry->value, override_->path)) return;
            entry->value = value;
        } else {
            mappings.back()[names.back()] = value;
        }
        note(override_->path, entry ? position_of(entry->key) : Position{});
    }

    // False, after reporting, when `node` (at `path`) is shared through a YAML alias.
    bool unshared(const YAML::Node& node, const std::string& path) {
        if (uses(state_.root, node) < 2) return true;
        fail("cannot set it: '" + (path.empty() ? std::string("the file") : path) +
             "' is shared through a YAML alias, so every use would change; write it out in full");
        return false;
    }

    // Records that the current override set `path`, replacing an entry with key at
    // `replaced_key` (unknown if it created the key). Whatever it overrode below is gone.
    void note(const std::string& path, Position replaced_key) {
        std::erase_if(state_.origins, [&](const auto& origin) {
            const std::string& set = origin.first;
            return set.size() > path.size() && set.starts_with(path) &&
                   (set[path.size()] == '.' || set[path.size()] == '[');
        });
        state_.origins[path] = Origin{override_->origin, at_, replaced_key};
    }

    void fail(const std::string& message) {
        state_.add(Diagnostic{state_.file, at_.line, at_.column, override_->path,
                              message + " (set by " + override_->origin + ")"});
    }

    DocumentState& state_;
    std::map<int, Entry> entries_;
    const Override* override_ = nullptr;
    Position at_{};
};

}  // namespace

void overlay(DocumentState& state, const YAML::Node& donor, std::span<const Override> overrides) {
    Overlay overlay(state, donor);
    for (const Override& override : overrides) overlay.apply(override);
}

}  // namespace wfsim::config
