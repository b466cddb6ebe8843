#include "models/scenario/scenario.hpp"

#include <algorithm>

#include "models/config/document.hpp"

namespace wfsim::model {

namespace {

void read_run_settings(config::Section root, Scenario& s) {
    s.name = root.text("name", {"A name for the scenario, shown in reports."}, std::string());
    s.start = root.date("start", {"Calendar date of simulation time 0."});
    s.horizon_days = root.duration(
        "horizon", {"How long to simulate (at most 200 years).", "days"},
        {.min = 0.0, .max = kMaxHorizonYears * engine::kDaysPerYear, .min_exclusive = true});
    s.interval_days =
        root.duration("output_interval", {"Time between samples of the output series.", "days"},
                      {.min = 0.0, .min_exclusive = true}, engine::kDaysPerMonth);
    s.seed = static_cast<std::uint64_t>(
        root.integer("seed", {"Seed of every random stream; same seed, same results."},
                     {.min = 0.0, .max = 9007199254740992.0}, 1));
    s.replications = static_cast<std::uint32_t>(
        root.integer("replications", {"Independent replications of the run."},
                     {.min = 1.0, .max = static_cast<double>(kMaxReplications)}, 10));
}

// Checks that need more than one section.
void cross_check(config::Section root, const Scenario& s) {
    if (s.interval_days > s.horizon_days && s.horizon_days > 0.0) {
        root.error("output_interval", "longer than the horizon");
    }
    constexpr double kMaxSamples = 1e6;
    if (s.interval_days > 0.0 && s.horizon_days / s.interval_days > kMaxSamples) {
        root.error("output_interval", "too short: more than a million samples over the horizon");
    }
    const bool any_initial_agency =
        std::any_of(s.staffing.initial_agency.begin(), s.staffing.initial_agency.end(),
                    [](int n) { return n > 0; });
    if (any_initial_agency && !s.agency.assignment) {
        if (root.has("agency")) {
            root.section("agency", {""})
                .error("assignment", "required when initial_staff.agency is given");
        } else {
            root.error("initial_staff",
                       "agency staff given but no agency: section with an "
                       "assignment length");
        }
    }
}

// Every section, in the order of the reference documentation.
void read_sections(config::Section root, Scenario& s) {
    read_run_settings(root, s);
    s.roles = RoleCatalog::read(root);
    s.staffing = StaffingParams::read(root, s.roles);
    s.turnover = TurnoverParams::read(root, s.roles);
    s.leaving = LeavingParams::read(root);
    s.retention = RetentionParams::read(root, s.roles);
    s.recruitment = RecruitmentParams::read(root, s.roles, s.start);
    s.agency = AgencyParams::read(root);
    s.demand = DemandParams::read(root);
    s.allocation = AllocationParams::read(root);
    root.finish();
}

}  // namespace

Scenario parse_scenario(config::SourceText source) {
    Scenario s;
    s.source = source;
    config::Document document = config::Document::parse(std::move(source));
    config::Section root = document.root();
    read_sections(root, s);
    cross_check(root, s);
    document.throw_if_errors();
    return s;
}

Scenario load_scenario(const std::filesystem::path& file) {
    return parse_scenario(config::read_source(file));
}

config::Reference scenario_reference() {
    config::Reference reference;
    config::Document document = config::Document::documenting(reference);
    Scenario ignored;
    read_sections(document.root(), ignored);
    return reference;
}

}  // namespace wfsim::model
