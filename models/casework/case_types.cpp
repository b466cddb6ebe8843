#include "models/casework/case_types.hpp"

#include <algorithm>
#include <cmath>

#include "models/config/names.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxWeight = 100.0;
constexpr double kMaxPriority = 1000.0;
constexpr std::string_view kClosedName = "closed";
}  // namespace

CaseTypeCatalog CaseTypeCatalog::single(const engine::Distribution& duration) {
    CaseTypeCatalog catalog;
    CaseType type;
    type.name = "case";
    type.duration = duration;
    catalog.types_.push_back(std::move(type));
    return catalog;
}

CaseTypeCatalog CaseTypeCatalog::read(config::Section root, const TeamCatalog& teams) {
    CaseTypeCatalog catalog;
    config::Section section = root.named_entries(
        "case_types",
        {"Kinds of case and their journeys (e.g. assessment, child_in_need, child_protection, "
         "looked_after), by name. A case is one child's involvement: when a stage's work is "
         "done it steps to the next type (or closes), keeping its count of workers; a step to "
         "a type held by other teams, or any step without allocation.continuity, gives the "
         "child a new worker. Without case_types there is one type whose duration is "
         "demand.case_duration."},
        "<type>");
    const std::vector<std::string> names = section.keys();
    catalog.declared_ = !names.empty();
    if (names.size() > kMaxCaseTypes) {
        section.error(names[kMaxCaseTypes], "at most " + std::to_string(kMaxCaseTypes) +
                                                " case types may be declared");
    }
    for (const std::string& name : names) {
        CaseType type;
        type.name = name;
        if (!config::is_identifier(name)) section.error(name, "case type names may use only letters, digits and '_'");
        if (name == kClosedName) section.error(name, "'closed' is the end of a journey, not a type");
        catalog.types_.push_back(std::move(type));
    }
    if (catalog.types_.size() > kMaxCaseTypes) catalog.types_.resize(kMaxCaseTypes);

    for (std::size_t i = 0; i < catalog.types_.size(); ++i) {
        CaseType& type = catalog.types_[i];
        config::Section entry = section.section(type.name, {"One case type."}, true);
        type.duration = entry.distribution(
            "duration",
            {"Work in a stage of this type: days of allocated time until it is done (time "
             "waiting for a worker does not count).",
             "days"});
        type.weight = entry.real(
            "weight",
            {"What a case of this type counts in a weighted caseload (allocation.weighted), "
             "relative to 1.",
             "1"},
            {.min = 0.0, .max = kMaxWeight, .min_exclusive = true}, 1.0);
        const std::string team = entry.text(
            "held_by",
            {"The team template whose workers hold cases of this type (staff outside teams "
             "may hold any). Absent: any worker."},
            std::string());
        if (!team.empty()) {
            if (auto id = teams.resolve(entry, team, "held_by")) type.held_by = *id;
        }
        type.priority = static_cast<int>(entry.integer(
            "priority",
            {"Order in which waiting cases get a worker: lower first; equal priorities in the "
             "order they started waiting.",
             "1"},
            {.min = -kMaxPriority, .max = kMaxPriority}, 0));
        const double timescale = entry.duration(
            "timescale",
            {"Time from the start of the stage (the referral, for a referral's first type) "
             "within which it should be done, e.g. 45 days for an assessment: recorded as "
             "within_timescale_share.<type>. 0: not measured.",
             "days"},
            {.min = 0.0}, 0.0);
        if (timescale > 0.0) type.timescale_days = timescale;
        config::Section next = entry.named_entries(
            "next",
            {"What a case becomes when a stage of this type is done: probabilities by type "
             "name, or closed. They add up to at most 1; the rest closes. Absent: it closes."},
            "<type>");
        double total = 0.0;
        for (const std::string& target : next.keys()) {
            const double p = next.real(target, {"Probability of this step.", "1"},
                                       {.min = 0.0, .max = 1.0});
            total += p;
            if (target == kClosedName) continue;
            if (auto to = catalog.resolve(next, target, target)) {
                type.next.push_back(CaseStep{*to, total});
            }
        }
        if (total > 1.0 + 1e-9) {
            entry.error("next", "probabilities add up to more than 1 (got " +
                                    config::format_number(total) + ")");
        }
        next.finish();
        entry.finish();
    }
    section.finish();
    return catalog;
}

std::vector<std::string> CaseTypeCatalog::names() const {
    std::vector<std::string> out;
    out.reserve(types_.size());
    for (const CaseType& t : types_) out.push_back(t.name);
    return out;
}

std::optional<CaseTypeId> CaseTypeCatalog::find(std::string_view name) const {
    for (std::size_t i = 0; i < types_.size(); ++i) {
        if (types_[i].name == name) return static_cast<CaseTypeId>(i);
    }
    return std::nullopt;
}

std::optional<CaseTypeId> CaseTypeCatalog::resolve(config::Section& section,
                                                   const std::string& name,
                                                   std::string_view key) const {
    if (auto id = find(name)) return id;
    section.error(key, config::not_declared("case type", name, "case_types", names()));
    return std::nullopt;
}

bool CaseTypeCatalog::weighted() const {
    return std::ranges::any_of(types_, [](const CaseType& t) { return t.weight != 1.0; });
}

CaseTypeId CaseTypeCatalog::next_after(CaseTypeId from, double u) const {
    for (const CaseStep& step : types_[from].next) {
        if (u < step.cumulative) return step.to;
    }
    return kClosed;
}

}  // namespace wfsim::model
