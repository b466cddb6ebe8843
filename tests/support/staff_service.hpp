// One replication's staff processes put together by hand (as models/service.cpp does, without
// the recorder), so that tests can watch every notice Staffing gives through an extra
// observer and read the processes' counters as the run goes.
#pragma once

#include <memory>
#include <numeric>
#include <string>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/demand.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/absence.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/recruitment.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover.hpp"

namespace wfsim::testing {

struct StaffService {
    StaffService(const std::string& yaml, std::uint64_t replication)
        : scenario(model::parse_scenario({"service.yaml", yaml})),
          caseload(posts(), scenario.allocation, sim),
          staffing(scenario.roles, scenario.staffing, caseload, scenario.seed, replication),
          turnover(scenario.turnover, scenario.leaving, scenario.retention, scenario.roles,
                   staffing, caseload, sim, scenario.seed, replication),
          recruitment(scenario.recruitment, staffing, sim, scenario.seed, replication),
          agency(scenario.agency, staffing, caseload, sim, scenario.seed, replication),
          absence(scenario.absence, staffing, sim, scenario.seed, replication),
          demand(scenario.demand, scenario.case_types, caseload, sim, scenario.seed, replication) {
        staffing.add_observer(turnover);
        staffing.add_observer(recruitment);
        staffing.add_observer(agency);
        staffing.add_observer(absence);
    }

    // Adds `watcher` after the processes, then starts and runs to the horizon.
    void run(model::StaffingObserver& watcher) {
        staffing.add_observer(watcher);
        staffing.initialise(sim);
        turnover.start(sim);
        agency.start(sim);
        demand.start(sim);
        sim.run_until(scenario.horizon_days);
    }

    std::size_t posts() const {
        const auto& e = scenario.staffing.establishment;
        return static_cast<std::size_t>(std::accumulate(e.begin(), e.end(), 0));
    }

    model::Scenario scenario;
    engine::Simulator sim;
    model::Caseload caseload;
    model::Staffing staffing;
    model::TurnoverProcess turnover;
    model::RecruitmentProcess recruitment;
    model::AgencyProcess agency;
    model::AbsenceProcess absence;
    model::DemandProcess demand;
};

}  // namespace wfsim::testing
