#include "models/service.hpp"

#include <numeric>
#include <optional>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/demand.hpp"
#include "models/finance/costs.hpp"
#include "models/metrics/event_log.hpp"
#include "models/metrics/recorder.hpp"
#include "models/metrics/staff_flows.hpp"
#include "models/phases.hpp"
#include "models/workforce/absence.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/asye.hpp"
#include "models/workforce/campaigns.hpp"
#include "models/workforce/grow_your_own.hpp"
#include "models/workforce/hiring.hpp"
#include "models/workforce/progression.hpp"
#include "models/workforce/promotion.hpp"
#include "models/workforce/recruitment.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover.hpp"

namespace wfsim::model {

namespace {

std::size_t total_posts(const Scenario& s) {
    const auto& establishment = s.staffing.establishment;
    return static_cast<std::size_t>(std::accumulate(establishment.begin(), establishment.end(), 0));
}

// Market supplements raise the applicants of their role's campaigns.
std::vector<double> applicant_multipliers(const Scenario& s) {
    std::vector<double> multipliers;
    for (const MarketSupplement& m : s.retention.supplements) {
        multipliers.push_back(m.applicant_multiplier);
    }
    return multipliers;
}

// One replication's components, wired together. Components are declared in the order they
// must be built; observers are told of staffing changes in the order they are added.
class Service final : public engine::EventHandler {
public:
    Service(const Scenario& s, std::uint32_t replication, std::span<const double> sample_times,
            output::SeriesTable& table, output::RecordTable* events)
        : scenario_(s),
          caseload_(total_posts(s), s.allocation, sim_, &s.case_types, s.teams.size(), s.seed,
                    replication),
          staffing_(s.roles, s.staffing, caseload_, s.seed, replication,
                    s.asye.enabled ? s.asye.protection : ProtectedCaseload{}),
          turnover_(s.turnover, s.leaving, s.retention, s.roles, staffing_, caseload_, sim_,
                    s.seed, replication),
          recruitment_(s.recruitment, staffing_, sim_, s.seed, replication),
          hiring_(s.recruitment.reserve_list, s.recruitment.over_recruitment,
                  /*nqsw_in_asye=*/s.asye.enabled, staffing_, sim_, s.seed, replication),
          campaigns_(s.recruitment.campaigns, applicant_multipliers(s), hiring_, staffing_, sim_,
                     s.seed, replication),
          agency_(s.agency, staffing_, caseload_, sim_, s.seed, replication),
          absence_(s.absence, staffing_, sim_, s.seed, replication),
          demand_(s.demand, s.case_types, caseload_, sim_, s.seed, replication),
          asye_(s.asye, s.start, staffing_, sim_, s.seed, replication),
          promotion_(s.promotion, staffing_, sim_, s.seed, replication),
          progression_(s.progression, staffing_, sim_, s.seed, replication),
          grow_your_own_(s.grow_your_own, s.asye.enabled, staffing_, sim_, s.seed, replication),
          flows_(staffing_),
          costs_(s.costs, s.retention, staffing_),
          recorder_(sample_times, staffing_, caseload_,
                    PipelineSources{flows_, turnover_, campaigns_, hiring_, costs_, absence_,
                                    agency_, asye_, progression_, grow_your_own_, demand_},
                    table, replication, sim_,
                    CaseworkLayout{s.case_types.declared() ? s.case_types.size() : 0, &s.teams}),
          handler_(sim_.add_handler(*this)) {
        sim_.reserve(2 * total_posts(s) + 64);  // so that the queue never grows in the hot loop
        staffing_.assign_teams(s.teams);
        // Closures are reported only where some epoch re-refers cases: one call per closure
        // saved otherwise.
        bool re_referrals = s.demand.re_referral.probability > 0.0;
        for (const Intervention& i : s.interventions) {
            re_referrals = re_referrals || i.scenario->demand.re_referral.probability > 0.0;
        }
        if (re_referrals) caseload_.set_closure_observer(&demand_);
        staffing_.add_observer(turnover_);
        staffing_.add_observer(hiring_);
        staffing_.add_observer(recruitment_);
        staffing_.add_observer(agency_);
        staffing_.add_observer(flows_);
        staffing_.add_observer(absence_);
        staffing_.add_observer(asye_);
        staffing_.add_observer(promotion_);
        staffing_.add_observer(grow_your_own_);
        if (events != nullptr) {
            log_.emplace(staffing_, *events, replication);
            staffing_.add_observer(*log_);
        }
    }

    ReplicationStats run() {
        staffing_.initialise(sim_);
        turnover_.start(sim_);
        campaigns_.start(sim_);
        agency_.start(sim_);
        asye_.start(sim_);
        progression_.start(sim_);
        grow_your_own_.start(sim_);
        demand_.start(sim_);
        recorder_.start(sim_);
        for (std::uint32_t i = 0; i < scenario_.interventions.size(); ++i) {
            sim_.schedule(scenario_.interventions[i].at_days, handler_, i, 0, 0,
                          phase::kIntervention);
        }
        sim_.run_until(scenario_.horizon_days);
        return ReplicationStats{sim_.events_processed()};
    }

    // An intervention: every component switches to the scenario as it reads from now on.
    void handle(const engine::Event& event, engine::Simulator& sim) override {
        const Scenario& next = *scenario_.interventions[event.target].scenario;
        staffing_.reconfigure(next.roles, next.staffing, sim);
        turnover_.reconfigure(next.turnover, next.leaving, next.retention, sim);
        recruitment_.reconfigure(next.recruitment, sim);
        hiring_.reconfigure(next.recruitment.reserve_list, next.recruitment.over_recruitment);
        campaigns_.reconfigure(next.recruitment.campaigns, applicant_multipliers(next), sim);
        agency_.reconfigure(next.agency, sim);
        absence_.reconfigure(next.absence, sim);
        demand_.reconfigure(next.demand, next.case_types, sim);
        caseload_.reconfigure(next.case_types, next.allocation, sim);
        costs_.reconfigure(next.costs, next.retention, sim.now());
        asye_.reconfigure(next.asye, sim);
        promotion_.reconfigure(next.promotion, sim);
        progression_.reconfigure(next.progression, sim);
        grow_your_own_.reconfigure(next.grow_your_own, sim);
    }

private:
    const Scenario& scenario_;
    engine::Simulator sim_;
    Caseload caseload_;
    Staffing staffing_;
    TurnoverProcess turnover_;
    RecruitmentProcess recruitment_;
    HiringDesk hiring_;
    CampaignProcess campaigns_;
    AgencyProcess agency_;
    AbsenceProcess absence_;
    DemandProcess demand_;
    AsyeProcess asye_;
    PromotionProcess promotion_;
    ProgressionProcess progression_;
    GrowYourOwnProcess grow_your_own_;
    StaffFlows flows_;
    CostLedger costs_;
    Recorder recorder_;
    std::optional<EventLog> log_;
    engine::HandlerId handler_;
};

}  // namespace

ReplicationStats run_replication(const Scenario& s, std::uint32_t replication,
                                 std::span<const double> sample_times, output::SeriesTable& table,
                                 output::RecordTable* events) {
    Service service(s, replication, sample_times, table, events);
    return service.run();
}

}  // namespace wfsim::model
