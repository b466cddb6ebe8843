#include "models/service.hpp"

#include <numeric>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/demand.hpp"
#include "models/metrics/recorder.hpp"
#include "models/metrics/staff_flows.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/campaigns.hpp"
#include "models/workforce/hiring.hpp"
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
    TurnoverProcess turnover(s.turnover, s.leaving, s.retention, s.roles, staffing, caseload, sim,
                             s.seed, replication);
    RecruitmentProcess recruitment(s.recruitment, staffing, sim, s.seed, replication);
    HiringDesk hiring(s.recruitment.reserve_list, s.recruitment.over_recruitment,
                      /*nqsw_in_asye=*/false, staffing, sim, s.seed, replication);
    std::vector<double> applicant_multiplier;
    for (const MarketSupplement& m : s.retention.supplements) {
        applicant_multiplier.push_back(m.applicant_multiplier);
    }
    CampaignProcess campaigns(s.recruitment.campaigns, applicant_multiplier, hiring, staffing, sim,
                              s.seed, replication);
    AgencyProcess agency(s.agency, staffing, sim, s.seed, replication);
    DemandProcess demand(s.demand, caseload, sim, s.seed, replication);
    StaffFlows flows(staffing);
    Recorder recorder(sample_times, staffing, caseload,
                      PipelineSources{flows, turnover, campaigns, hiring}, table, replication, sim);

    staffing.add_observer(turnover);
    staffing.add_observer(hiring);
    staffing.add_observer(recruitment);
    staffing.add_observer(agency);
    staffing.add_observer(flows);

    staffing.initialise(sim);
    turnover.start(sim);
    campaigns.start(sim);
    demand.start(sim);
    recorder.start(sim);
    sim.run_until(s.horizon_days);
    return ReplicationStats{sim.events_processed()};
}

}  // namespace wfsim::model
