// A scenario: the whole input of a run, read from YAML. Each component reads and validates
// its own section; this file only holds the run-level keys and the cross-section checks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar.hpp"
#include "models/casework/allocation.hpp"
#include "models/casework/case_types.hpp"
#include "models/casework/demand.hpp"
#include "models/config/override.hpp"
#include "models/config/reference.hpp"
#include "models/config/source.hpp"
#include "models/finance/costs.hpp"
#include "models/scenario/policy_options.hpp"
#include "models/scenario/roles.hpp"
#include "models/scenario/targets.hpp"
#include "models/scenario/teams.hpp"
#include "models/workforce/absence_params.hpp"
#include "models/workforce/agency_params.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/asye_params.hpp"
#include "models/workforce/grow_your_own.hpp"
#include "models/workforce/progression.hpp"
#include "models/workforce/promotion.hpp"
#include "models/workforce/recruitment.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover_params.hpp"
#include "output/series_table.hpp"

namespace wfsim::model {

inline constexpr double kMaxHorizonYears = 200.0;
inline constexpr std::int64_t kMaxReplications = 100000;

struct Scenario;

// A dated change of parameters: `set` overrides every earlier intervention's settings and the
// file's, and `scenario` is the whole scenario as it reads from `at` on, validated exactly like
// the file itself.
struct Intervention {
    engine::Date at;
    double at_days = 0.0;  // since the start
    std::vector<config::Override> set;
    std::shared_ptr<const Scenario> scenario;
};

// Settings fixed from the start, which an intervention cannot set. (Team templates may change
// their count and posts, but not be added: check_epoch.)
inline constexpr std::string_view kFixedSettings[] = {
    "name",         "start",         "horizon",       "output_interval",          "seed",
    "replications", "initial_staff", "interventions", "demand.initial_open_cases",
    "demand.initial_cases", "targets",       "options"};

struct Scenario {
    config::SourceText source;  // file name and verbatim text, stored with the results

    std::string name;
    engine::Date start;
    double horizon_days = 0.0;
    double interval_days = 0.0;
    std::uint64_t seed = 0;
    std::uint32_t replications = 1;

    RoleCatalog roles;
    TeamCatalog teams;
    // The declared case types, or the core model's one type (demand.case_duration).
    CaseTypeCatalog case_types;
    StaffingParams staffing;
    TurnoverParams turnover;
    LeavingParams leaving;
    RetentionParams retention;
    RecruitmentParams recruitment;
    AgencyParams agency;
    CostParams costs;
    AbsenceParams absence;
    DemandParams demand;
    AllocationParams allocation;
    AsyeParams asye;
    PromotionParams promotion;
    ProgressionParams progression;
    GrowYourOwnParams grow_your_own;

    std::vector<Intervention> interventions;  // in date order
    std::vector<Target> targets;              // judged on the whole run
    // For `wfsim compare`; each option's scenario has no options of its own.
    std::vector<PolicyOption> options;
};

// The scenario as written (kBaselineOption) or under one of its options; throws
// std::out_of_range naming the known options.
const Scenario& scenario_under(const Scenario& scenario, std::string_view option);

// Throws config::InputError listing every problem found.
// Every series a run of the scenario records, in table order.
std::vector<output::SeriesSpec> scenario_series(const Scenario& scenario);

Scenario parse_scenario(config::SourceText source);
// The scenario with `overrides` set into it (a study's point), validated like the file; each
// problem with a value they set names who set it.
Scenario parse_scenario(config::SourceText source, std::span<const config::Override> overrides);
// The same, with the options read but their scenarios not built (each option's `scenario` is
// empty): for a study's points, which run the scenario as the point sets it and never its
// options, so that building each point does not read the file once more per option (nor
// report a problem with a value the study set once more per option).
Scenario parse_scenario_without_option_runs(config::SourceText source,
                                            std::span<const config::Override> overrides);
Scenario load_scenario(const std::filesystem::path& file);

// Every key of the scenario language, with type, unit, default and meaning.
config::Reference scenario_reference();

}  // namespace wfsim::model
