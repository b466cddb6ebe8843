#include "models/service.hpp"

#include <numeric>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/demand.hpp"
#include "models/metrics/recorder.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/recruitment.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover.hpp"

namespace wfsim::model {

ReplicationStats run_replication(const Scenario& s, std::uint32_t replication,
                                 std::span<const double> sample_times, output::SeriesTable& table) {
    engine::Simulator sim;
    const auto& establishment = s.staffing.establishment;
    const std::size_t posts =
        static_cast<std::size_t>(std::accumulate(establishment.begin(), establishment.end(), 0));
    sim.reserve(2 * posts + 64);

    Caseload caseload(posts, s.allocation, sim);
    Staffing staffing(s.roles, s.staffing, caseload, s.seed, replication);
    TurnoverProcess turnover(s.turnover, s.roles, staffing, sim, s.seed, replication);
    RecruitmentProcess recruitment(s.recruitment, staffing, sim, s.seed, replication);
    AgencyProcess agency(s.agency, staffing, sim, s.seed, replication);
    DemandProcess demand(s.demand, caseload, sim, s.seed, replication);
    Recorder recorder(sample_times, staffing, caseload, table, replication, sim);

    staffing.add_observer(turnover);
    staffing.add_observer(recruitment);
    staffing.add_observer(agency);

    staffing.initialise(sim);
    demand.start(sim);
    recorder.start(sim);
    sim.run_until(s.horizon_days);
    return ReplicationStats{sim.events_processed()};
}

}  // namespace wfsim::model
