// Case types and their journeys: an assessment that becomes child in need, child protection or
// closes; a looked-after case that ends as a care leaver. Each type has a duration (days of
// allocated work), a weight (in weighted caseloads a child protection case counts more than a
// child in need case), the team template that holds it, an allocation priority, an optional
// timescale (assessments within 45 days) and the probabilities of what follows it.
//
// Without `case_types:` there is one type, "case", whose duration is demand.case_duration and
// which closes when done: the core model.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/distribution.hpp"
#include "models/config/section.hpp"
#include "models/scenario/teams.hpp"

namespace wfsim::model {

using CaseTypeId = std::uint8_t;
// A journey's end: the case closes.
inline constexpr CaseTypeId kClosed = 255;
inline constexpr std::size_t kMaxCaseTypes = 64;

struct CaseStep {
    CaseTypeId to = kClosed;
    double cumulative = 1.0;  // probability of this step or an earlier one
};

struct CaseType {
    std::string name;
    engine::Distribution duration = engine::Distribution::fixed(1.0);
    double weight = 1.0;
    TeamId held_by = kNoTeam;  // kNoTeam: any worker
    int priority = 0;          // lower first when cases wait for a worker
    std::optional<double> timescale_days;
    std::vector<CaseStep> next;  // empty: closes when done
};

class CaseTypeCatalog {
public:
    // Reads `case_types:`; `core_duration` is demand.case_duration, the implicit type's
    // duration when no types are declared.
    static CaseTypeCatalog read(config::Section root, const TeamCatalog& teams);
    // The one type of a service without case types.
    static CaseTypeCatalog single(const engine::Distribution& duration);

    bool declared() const { return declared_; }
    std::size_t size() const { return types_.size(); }
    const CaseType& operator[](CaseTypeId id) const { return types_[id]; }
    const std::vector<CaseType>& all() const { return types_; }
    std::vector<std::string> names() const;
    std::optional<CaseTypeId> find(std::string_view name) const;
    // Reports `name` at `key` of `section` if it is not a declared type ("did you mean").
    std::optional<CaseTypeId> resolve(config::Section& section, const std::string& name,
                                      std::string_view key) const;
    // Whether any type counts more or less than 1 in weighted caseloads.
    bool weighted() const;
    // The step after a case of type `from` completes, for a uniform draw `u` in [0, 1).
    CaseTypeId next_after(CaseTypeId from, double u) const;

private:
    std::vector<CaseType> types_;
    bool declared_ = false;
};

}  // namespace wfsim::model
