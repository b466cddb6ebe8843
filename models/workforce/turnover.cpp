#include "models/workforce/turnover.hpp"

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxAnnualRate = 100.0;  // above this a "rate" is surely a typo for a share
}

TurnoverParams TurnoverParams::read(config::Section root, const RoleCatalog& roles) {
    TurnoverParams params;
    params.annual_rate.assign(roles.size(), 0.0);
    config::Section section = root.named_entries(
        "turnover", {"Leaving rates of permanent staff per role; roles not listed never leave."},
        "<role>");
    for (const std::string& name : section.keys()) {
        config::Section role = section.section(name, {"Turnover of one role."}, true);
        const double rate = role.real(
            "annual_rate",
            {"Leaving hazard of each permanent worker; the expected share leaving in a year at "
             "full establishment is about this rate (0.15 = 15 % a year).",
             "per year"},
            {.min = 0.0, .max = kMaxAnnualRate});
        role.finish();
        if (auto id = roles.resolve(section, name)) params.annual_rate[*id] = rate;
    }
    section.finish();
    return params;
}

TurnoverProcess::TurnoverProcess(const TurnoverParams& params, const RoleCatalog& roles,
                                 Staffing& staffing, engine::Simulator& sim, std::uint64_t seed,
                                 std::uint64_t replication)
    : params_(params), staffing_(staffing), handler_(sim.add_handler(*this)) {
    streams_.reserve(roles.size());
    for (const Role& role : roles.all()) {
        streams_.emplace_back(seed, replication, "turnover." + role.name);
    }
}

void TurnoverProcess::permanent_started(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    const double rate = params_.annual_rate[w.role];
    if (rate <= 0.0) return;
    const double tenure = streams_[w.role].exponential(engine::kDaysPerYear / rate);
    sim.schedule(sim.now() + tenure, handler_, worker, w.generation, 0, phase::kDeparture);
}

void TurnoverProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(event.target);
    if (!w.active || w.generation != event.stamp) return;
    staffing_.permanent_leaves(event.target, Destination::LeftSector, sim);
}

}  // namespace wfsim::model
