// The roles a service employs (social worker, senior, NQSW, ...) and what each can hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/config/section.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

struct Role {
    std::string name;
    int caseload_cap = 0;  // most cases one full-time worker in this role may hold; 0 = holds none
    double part_time_share = 0.0;  // share of staff working part time ...
    double part_time_fte = 1.0;    // ... at this full-time equivalent

    // A worker's cap scales with their FTE, rounded down to whole cases.
    int cap_for(double fte) const {
        return static_cast<int>(caseload_cap * fte + 1e-9);
    }
};

class RoleCatalog {
public:
    // Reads `roles:` (a map of role name -> settings).
    static RoleCatalog read(config::Section root);

    std::size_t size() const { return roles_.size(); }
    const Role& operator[](RoleId id) const { return roles_[id]; }
    const std::vector<Role>& all() const { return roles_; }
    std::optional<RoleId> find(std::string_view name) const;
    std::vector<std::string> names() const;

    // Reads the entries of a `<role>: <whole number>` map (a named_entries section), reporting
    // names that are not declared roles. Roles not listed get `fallback`.
    std::vector<int> read_counts(config::Section& entries, config::FieldDoc entry_doc,
                                 int fallback) const;

    // Reports `name` under `section` if it is not a declared role ("did you mean" included),
    // at the key `name` itself, or at `at_key` when the name is the value of that key.
    std::optional<RoleId> resolve(config::Section& section, const std::string& name,
                                  std::string_view at_key = {}) const;

private:
    std::vector<Role> roles_;
};

}  // namespace wfsim::model
