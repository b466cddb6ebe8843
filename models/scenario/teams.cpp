#include "models/scenario/teams.hpp"

#include "models/config/names.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxTeams = 10000;
constexpr double kMaxPostsPerTeam = 1000;
}  // namespace

TeamCatalog TeamCatalog::read(config::Section root, const RoleCatalog& roles) {
    TeamCatalog catalog;
    config::Section teams = root.named_entries(
        "teams",
        {"Teams, declared as templates by name (e.g. assessment: 4 teams of 1 practice manager, "
         "1 consultant practitioner and 5 social workers). Every post belongs to a team; case "
         "types say which template's teams hold them (case_types.<type>.held_by). With teams the "
         "establishment is the sum of the teams' posts, so establishment: is not given. Initial "
         "staff of a role take its posts team by team in turn (team 1's first post, team 2's "
         "first post, ...), so vacancies are spread over the teams. An intervention may change a "
         "template's count or posts (e.g. 4 more teams): new posts join that template and "
         "cuts take its vacant posts first; templates cannot be added during a run."},
        "<team>");
    for (const std::string& name : teams.keys()) {
        config::Section settings = teams.section(name, {"One team template."}, true);
        TeamTemplate t;
        t.name = name;
        if (!config::is_identifier(name)) {
            teams.error(name, "team names may use only letters, digits and '_'");
        }
        t.count = static_cast<int>(settings.integer(
            "count", {"Teams built from this template.", "teams"}, {.min = 1, .max = kMaxTeams}, 1));
        config::Section posts =
            settings.named_entries("posts", {"Funded posts in each team, per role."}, "<role>", true);
        std::vector<int> by_role(roles.size(), 0);
        for (const std::string& role : posts.keys()) {
            const auto value = posts.integer(role, {"Posts of this role in each team.", "posts"},
                                             {.min = 0, .max = kMaxPostsPerTeam});
            if (auto id = roles.resolve(posts, role)) by_role[*id] = static_cast<int>(value);
        }
        posts.finish();
        settings.finish();
        t.posts = std::move(by_role);
        catalog.templates_.push_back(std::move(t));
    }
    teams.finish();
    return catalog;
}

std::vector<std::string> TeamCatalog::names() const {
    std::vector<std::string> out;
    out.reserve(templates_.size());
    for (const TeamTemplate& t : templates_) out.push_back(t.name);
    return out;
}

std::vector<int> TeamCatalog::establishment(std::size_t roles) const {
    std::vector<int> total(roles, 0);
    for (const TeamTemplate& t : templates_) {
        for (std::size_t r = 0; r < roles && r < t.posts.size(); ++r) total[r] += t.count * t.posts[r];
    }
    return total;
}

std::optional<TeamId> TeamCatalog::resolve(config::Section& section, const std::string& name,
                                           std::string_view key) const {
    for (std::size_t i = 0; i < templates_.size(); ++i) {
        if (templates_[i].name == name) return static_cast<TeamId>(i);
    }
    section.error(key, config::not_declared("team", name, "teams", names()));
    return std::nullopt;
}

}  // namespace wfsim::model
