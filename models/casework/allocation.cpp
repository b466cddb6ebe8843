#include "models/casework/allocation.hpp"

#include <array>
#include <string_view>

namespace wfsim::model {

namespace {
constexpr double kMaxGuidelineLimit = 10.0;
}  // namespace

AllocationParams AllocationParams::read(config::Section root) {
    AllocationParams params;
    config::Section section = root.section("allocation", {"How cases are allocated to workers."});
    static constexpr std::array<std::string_view, 1> kPolicies = {"least_loaded"};
    section.choice("policy",
                   {"least_loaded: a case goes to the candidate with the lowest caseload "
                    "relative to their cap, among those under it (ties to the longest-standing "
                    "slot); otherwise it waits, by its type's priority, then first in first out."},
                   kPolicies, std::string("least_loaded"));
    static constexpr std::array<std::string_view, 2> kScopes = {"team", "team_then_service"};
    const std::string scope = section.choice(
        "scope",
        {"Candidates for a case whose type is held by a team (case_types.<type>.held_by): "
         "team: that template's teams' workers and staff outside teams; team_then_service: "
         "them first, and when all are full any case holder in the service."},
        kScopes, std::string("team"));
    params.scope = scope == "team_then_service" ? Scope::TeamThenService : Scope::Team;
    params.continuity = section.boolean(
        "continuity",
        {"Continuity first: when a case steps to another type (case_types.<type>.next) its "
         "worker keeps it if they may hold the new type (same team, or a type any team holds). "
         "Otherwise every step is allocated afresh (a new worker unless least-loaded picks the "
         "same one)."},
        false);
    params.weighted = section.boolean(
        "weighted",
        {"Weighted caseload: allocation compares and caps the sum of the cases' weights "
         "(case_types.<type>.weight, counted in quarters) instead of the number of cases. A "
         "worker under their cap may take a case that takes them over it by less than its "
         "weight."},
        false);
    static constexpr std::array<std::string_view, 2> kCaps = {"hard", "guideline"};
    const std::string caps = section.choice(
        "caps",
        {"hard: nobody holds more than their cap, and a case waits when everyone is full; "
         "guideline: when all candidates are at their cap a case goes over it (to the "
         "least-loaded relative to cap) up to guideline_limit x cap, each such allocation "
         "counted in over_cap_allocations."},
        kCaps, std::string("hard"));
    const double limit = section.real(
        "guideline_limit",
        {"With caps: guideline, the most a worker may hold as a multiple of their cap.", "1"},
        {.min = 1.0, .max = kMaxGuidelineLimit}, 1.5);
    params.guideline_limit = caps == "guideline" ? limit : 1.0;
    section.finish();
    return params;
}

}  // namespace wfsim::model
