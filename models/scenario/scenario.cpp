#include "models/scenario/scenario.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <string>

#include "models/config/document.hpp"
#include "models/config/names.hpp"
#include "models/metrics/metric_catalog.hpp"
#include "models/metrics/sampling.hpp"

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

// Absence cover by agency and returners need the sections they draw on.
void cross_check_staff_policy(config::Section root, const Scenario& s) {
    if (!root.has("agency")) return;
    config::Section agency = root.section("agency", {""});
    if (s.agency.cover_long_absence && !s.absence.cover) {
        agency.error("cover_long_absence", "needs absence.cover to say when cover is sought");
    }
    if (s.agency.returners && s.leaving.destination_shares[1] <= 0.0) {
        agency.error("returners",
                     "no permanent leavers go to agency work (leaving.destinations.agency is 0)");
    }
}

// Checks that need more than one section.
void cross_check(config::Section root, const Scenario& s) {
    cross_check_staff_policy(root, s);
    if (s.interval_days > s.horizon_days && s.horizon_days > 0.0) {
        root.error("output_interval", "longer than the horizon");
    }
    constexpr double kMaxSamples = 1e6;
    if (s.interval_days > 0.0 && s.horizon_days / s.interval_days > kMaxSamples) {
        root.error("output_interval", "too short: more than a million samples over the horizon");
    }
    const auto any = [](const std::vector<int>& counts) {
        return std::any_of(counts.begin(), counts.end(), [](int n) { return n > 0; });
    };
    const bool any_initial_agency =
        any(s.staffing.initial_agency) || any(s.staffing.initial_agency_extra);
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

// The list of dated changes; each one's scenario is built later, once the file reads cleanly.
// Returns the items, for messages about what the changes do.
std::vector<config::Section> read_interventions(config::Section root, Scenario& s) {
    std::vector<config::Section> items = root.list(
        "interventions",
        {"Dated changes to parameters, each a date and a mapping of parameter paths to new "
         "values; later ones build on earlier ones. Each change is validated like the file."});
    for (std::size_t i = 0; i < items.size(); ++i) {
        config::Section item = items[i];
        Intervention intervention;
        intervention.at = item.date("at", {"When the change takes effect."});
        intervention.at_days = engine::days_between(s.start, intervention.at);
        intervention.set = item.overrides(
            "set",
            {"Parameters set from that date, by path: establishment.social_worker: 120, "
             "turnover.social_worker.annual_rate: 0.13, recruitment.campaigns.spring.enabled: "
             "no."},
            item.path(), true, kFixedSettings);
        if (item.present() && item.has("at")) {
            if (intervention.at_days <= 0.0) {
                item.error("at",
                           "must be after the start (" + engine::format_iso_date(s.start) + ")");
            } else if (intervention.at_days >= s.horizon_days && s.horizon_days > 0.0) {
                item.error("at", "must be before the end of the horizon");
            } else if (!s.interventions.empty() &&
                       intervention.at_days < s.interventions.back().at_days) {
                item.error("at", "must not be before the previous intervention's date (" +
                                     engine::format_iso_date(s.interventions.back().at) + ")");
            }
        }
        item.finish();
        s.interventions.push_back(std::move(intervention));
    }
    return items;
}

// The targets, checked against the series and sample times this scenario's run has.
void read_scenario_targets(config::Section root, Scenario& s) {
    std::vector<std::string> series;
    for (const output::SeriesSpec& spec : scenario_series(s)) series.push_back(spec.name);
    // A bad horizon or interval is reported elsewhere; then only the dates are checked.
    std::vector<double> samples;
    if (s.horizon_days > 0.0 && s.interval_days > 0.0 && s.interval_days <= s.horizon_days &&
        s.horizon_days / s.interval_days <= 1e6) {
        samples = sample_times(s.horizon_days, s.interval_days);
    }
    s.targets = read_targets(root, s.start, s.horizon_days, series, samples);
}

// Every section, in the order of the reference documentation.
void read_sections(config::Section root, Scenario& s, bool at_start = true) {
    read_run_settings(root, s);
    s.roles = RoleCatalog::read(root);
    s.teams = TeamCatalog::read(root, s.roles);
    s.staffing = StaffingParams::read(root, s.roles, s.teams, at_start);
    s.turnover = TurnoverParams::read(root, s.roles);
    s.leaving = LeavingParams::read(root);
    s.retention = RetentionParams::read(root, s.roles);
    s.recruitment = RecruitmentParams::read(root, s.roles, s.start);
    s.agency = AgencyParams::read(root, s.roles);
    s.costs = CostParams::read(root, s.roles);
    s.absence = AbsenceParams::read(root);
    s.case_types = CaseTypeCatalog::read(root, s.teams);
    s.demand = DemandParams::read(root, s.case_types, s.start);
    if (!s.case_types.declared()) s.case_types = CaseTypeCatalog::single(s.demand.case_duration);
    s.allocation = AllocationParams::read(root);
    s.asye = AsyeParams::read(root, s.roles, s.start);
    s.promotion = PromotionParams::read(root, s.roles);
    s.progression = ProgressionParams::read(root, s.roles, s.start);
    s.grow_your_own = GrowYourOwnParams::read(root, s.roles, s.start);
}

// What an intervention may not do that overrides alone cannot tell: change the set of roles.
void check_epoch(const Scenario& base, const Scenario& epoch, config::Section item) {
    if (epoch.roles.names() != base.roles.names()) {
        item.error("set", "roles cannot be added during a run (declare them from the start)");
    }
    if (epoch.teams.names() != base.teams.names()) {
        item.error("set", "team templates cannot be added during a run (declare them from the "
                          "start; an intervention may change their count and posts)");
    }
    if (epoch.case_types.names() != base.case_types.names()) {
        item.error("set", "case types cannot be added during a run (declare them from the start)");
    }
    if (epoch.asye.enabled != base.asye.enabled) {
        item.error("set", "the ASYE cannot be switched on or off during a run (declare asye: "
                          "from the start)");
    }
}

// Reads every intervention's scenario: the file with `base` (an option's changes) and all the
// changes up to it set into it. Problems are reported once, in `document`, each naming the
// intervention that set the value.
void build_epochs(config::Document& document, Scenario& s,
                  const std::vector<config::Section>& items,
                  std::span<const config::Override> base) {
    std::vector<config::Override> overrides(base.begin(), base.end());
    for (std::size_t i = 0; i < s.interventions.size(); ++i) {
        Intervention& intervention = s.interventions[i];
        overrides.insert(overrides.end(), intervention.set.begin(), intervention.set.end());
        config::Document changed = config::Document::parse_with_overrides(s.source, overrides);
        auto epoch = std::make_shared<Scenario>();
        epoch->source = s.source;
        config::Section root = changed.root();
        read_sections(root, *epoch, /*at_start=*/false);
        read_interventions(root, *epoch);
        read_scenario_targets(root, *epoch);
        read_policy_options(root);
        root.finish();
        cross_check(root, *epoch);
        for (const config::Diagnostic& d : changed.diagnostics()) document.report(d);
        check_epoch(s, *epoch, items[i]);
        epoch->interventions.clear();
        intervention.scenario = std::move(epoch);
    }
}

// The whole scenario in `document` (the file, with `base` set into it), its interventions'
// scenarios built; its options are read but not built.
Scenario read_document(config::Document& document, const config::SourceText& source,
                       std::span<const config::Override> base,
                       std::vector<config::Section>* option_items = nullptr) {
    Scenario s;
    s.source = source;
    config::Section root = document.root();
    read_sections(root, s);
    const std::vector<config::Section> items = read_interventions(root, s);
    read_scenario_targets(root, s);
    s.options = read_policy_options(root, option_items);
    root.finish();
    cross_check(root, s);
    // Built even when the file has problems, so that one run of validate reports the
    // interventions' problems too (the file's own are reported once: the document keeps one
    // of each diagnostic).
    build_epochs(document, s, items, base);
    return s;
}

// What an option may not do that its overrides alone cannot tell: change which series a run
// records, which would leave nothing to pair with the scenario as written.
void check_option(const Scenario& base, const Scenario& option, config::Section item) {
    const auto differ = [&](const char* what) {
        item.error("set", std::string("an option cannot change the ") + what +
                              " (the options' runs are compared series by series)");
    };
    if (option.roles.names() != base.roles.names()) differ("roles");
    if (option.teams.names() != base.teams.names()) differ("team templates");
    if (option.case_types.names() != base.case_types.names()) differ("case types");
}

// Reads each option's scenario: the file with the option's changes set into it, validated in
// full. Problems are reported in the base document, naming the option that set the value.
void build_options(config::Document& document, Scenario& s,
                   const std::vector<config::Section>& items,
                   std::span<const config::Override> base) {
    for (std::size_t i = 0; i < s.options.size(); ++i) {
        PolicyOption& option = s.options[i];
        std::vector<config::Override> set(base.begin(), base.end());
        set.insert(set.end(), option.set.begin(), option.set.end());
        config::Document changed = config::Document::parse_with_overrides(s.source, set);
        auto scenario = std::make_shared<Scenario>(read_document(changed, s.source, set));
        for (const config::Diagnostic& d : changed.diagnostics()) document.report(d);
        check_option(s, *scenario, items[i]);
        scenario->options.clear();
        option.scenario = std::move(scenario);
    }
}

}  // namespace

std::vector<output::SeriesSpec> scenario_series(const Scenario& scenario) {
    const std::vector<std::string> types =
        scenario.case_types.declared() ? scenario.case_types.names() : std::vector<std::string>{};
    return metric_specs(scenario.roles.names(), types, scenario.teams.names());
}

Scenario parse_scenario(config::SourceText source) { return parse_scenario(std::move(source), {}); }

namespace {

Scenario parse(config::SourceText source, std::span<const config::Override> overrides,
               bool option_runs) {
    config::Document document = overrides.empty()
                                    ? config::Document::parse(source)
                                    : config::Document::parse_with_overrides(source, overrides);
    std::vector<config::Section> option_items;
    Scenario s = read_document(document, source, overrides, &option_items);
    if (option_runs) build_options(document, s, option_items, overrides);
    document.throw_if_errors();
    return s;
}

}  // namespace

Scenario parse_scenario(config::SourceText source, std::span<const config::Override> overrides) {
    return parse(std::move(source), overrides, /*option_runs=*/true);
}

Scenario parse_scenario_without_option_runs(config::SourceText source,
                                            std::span<const config::Override> overrides) {
    return parse(std::move(source), overrides, /*option_runs=*/false);
}

const Scenario& scenario_under(const Scenario& scenario, std::string_view option) {
    if (option == kBaselineOption) return scenario;
    std::vector<std::string> known{kBaselineOption};
    for (const PolicyOption& o : scenario.options) {
        if (o.name == option) return *o.scenario;
        known.push_back(o.name);
    }
    throw std::out_of_range(config::not_declared("option", option, "options", known));
}

Scenario load_scenario(const std::filesystem::path& file) {
    return parse_scenario(config::read_source(file));
}

config::Reference scenario_reference() {
    config::Reference reference;
    config::Document document = config::Document::documenting(reference);
    Scenario ignored;
    config::Section root = document.root();
    read_sections(root, ignored);
    read_interventions(root, ignored);
    read_scenario_targets(root, ignored);
    read_policy_options(root);
    root.finish();
    return reference;
}

}  // namespace wfsim::model
