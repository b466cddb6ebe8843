#include "models/scenario/roles.hpp"

#include "models/config/names.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxCaseloadCap = 1000;
constexpr double kMaxPostsPerRole = 100000;
}  // namespace

RoleCatalog RoleCatalog::read(config::Section root) {
    RoleCatalog catalog;
    config::Section roles = root.named_entries(
        "roles", {"The roles the service employs, by name (e.g. social_worker)."}, "<role>", true);
    for (const std::string& name : roles.keys()) {
        config::Section settings = roles.section(name, {"Settings of one role."}, true);
        // Role names end up in series names ("staff_permanent.<role>") and HDF5 paths.
        if (!config::is_identifier(name)) {
            roles.error(name, "role names may use only letters, digits and '_'");
        }
        Role role;
        role.name = name;
        role.caseload_cap =
            static_cast<int>(settings.integer("caseload_cap",
                                              {"Most cases a full-time worker in this role may "
                                               "hold at once; 0 for roles that hold no "
                                               "cases.",
                                               "cases"},
                                              {.min = 0, .max = kMaxCaseloadCap}));
        config::Section part_time = settings.section(
            "part_time",
            {"Part-time working: a share of staff (at the start, and of each new hire) work at a "
             "lower FTE; caseload caps scale with FTE, rounded down."});
        role.part_time_share = part_time.real("share", {"Share of staff who work part time.", "1"},
                                              {.min = 0.0, .max = 1.0}, 0.0);
        role.part_time_fte =
            part_time.real("fte", {"Full-time equivalent of a part-time worker.", "FTE"},
                           {.min = 0.0, .max = 1.0, .min_exclusive = true}, 0.6);
        part_time.finish();
        settings.finish();
        catalog.roles_.push_back(std::move(role));
    }
    return catalog;
}

std::optional<RoleId> RoleCatalog::find(std::string_view name) const {
    for (std::size_t i = 0; i < roles_.size(); ++i) {
        if (roles_[i].name == name) return static_cast<RoleId>(i);
    }
    return std::nullopt;
}

std::vector<std::string> RoleCatalog::names() const {
    std::vector<std::string> out;
    out.reserve(roles_.size());
    for (const Role& role : roles_) out.push_back(role.name);
    return out;
}

std::optional<RoleId> RoleCatalog::resolve(config::Section& section, const std::string& name,
                                           std::string_view at_key) const {
    if (auto id = find(name)) return id;
    section.error(at_key.empty() ? std::string_view(name) : at_key,
                  config::not_declared("role", name, "roles", names()));
    return std::nullopt;
}

std::vector<int> RoleCatalog::read_counts(config::Section& entries, config::FieldDoc entry_doc,
                                          int fallback) const {
    std::vector<int> counts(roles_.size(), fallback);
    for (const std::string& name : entries.keys()) {
        const auto value = entries.integer(name, entry_doc, {.min = 0, .max = kMaxPostsPerRole});
        if (auto id = resolve(entries, name)) counts[*id] = static_cast<int>(value);
    }
    entries.finish();
    return counts;
}

}  // namespace wfsim::model
