// Teams: declared once as templates with a count ("4 assessment teams of 1 practice manager,
// 1 consultant practitioner and 5 social workers"). Every post belongs to one team of its
// template; case types name the template that holds them, so cases go to that template's
// teams' workers. Without `teams:` the service is one pool, as in the core model.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"

namespace wfsim::model {

using TeamId = std::uint16_t;  // a team template
// Staff outside any team: the pool above establishment and agency extra capacity. They take
// cases of every type.
inline constexpr TeamId kNoTeam = std::numeric_limits<TeamId>::max();

struct TeamTemplate {
    std::string name;
    int count = 0;           // teams built from the template
    std::vector<int> posts;  // posts per team, by role
};

class TeamCatalog {
public:
    // Reads `teams:` (a map of template name -> count and posts).
    static TeamCatalog read(config::Section root, const RoleCatalog& roles);

    bool declared() const { return !templates_.empty(); }
    std::size_t size() const { return templates_.size(); }
    const TeamTemplate& operator[](TeamId id) const { return templates_[id]; }
    const std::vector<TeamTemplate>& all() const { return templates_; }
    std::vector<std::string> names() const;
    // Funded posts per role over every team.
    std::vector<int> establishment(std::size_t roles) const;

    // Reports `name` at `key` of `section` if it is not a declared template ("did you mean").
    std::optional<TeamId> resolve(config::Section& section, const std::string& name,
                                  std::string_view key) const;

private:
    std::vector<TeamTemplate> templates_;
};

}  // namespace wfsim::model
