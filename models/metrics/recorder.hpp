// Turns the state of one replication into its rows of the series table at each sample time.
// Flows (starters, referrals, ...) are differences of cumulative counters between samples;
// the 12-month turnover window is closed by a checkpoint event exactly 12 months before each
// sample, so it is exact whatever the output interval.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/demand.hpp"
#include "models/finance/costs.hpp"
#include "models/metrics/metric_catalog.hpp"
#include "models/metrics/staff_flows.hpp"
#include "models/workforce/absence.hpp"
#include "models/workforce/agency.hpp"
#include "models/workforce/asye.hpp"
#include "models/workforce/grow_your_own.hpp"
#include "models/workforce/progression.hpp"
#include "models/workforce/campaigns.hpp"
#include "models/workforce/hiring.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover.hpp"
#include "output/series_table.hpp"

namespace wfsim::model {

// The staff pipeline's processes whose counters the recorder reads.
struct PipelineSources {
    const StaffFlows& flows;
    const TurnoverProcess& turnover;
    const CampaignProcess& campaigns;
    const HiringDesk& hiring;
    const CostLedger& costs;
    const AbsenceProcess& absence;
    const AgencyProcess& agency;
    const AsyeProcess& asye;
    const ProgressionProcess& progression;
    const GrowYourOwnProcess& grow_your_own;
    const DemandProcess& demand;
};

// What the per-type and per-team series cover: the number of declared case types (0 without
// case_types) and the team templates.
struct CaseworkLayout {
    std::size_t case_types = 0;
    const TeamCatalog* teams = nullptr;
};

class Recorder final : public engine::EventHandler {
public:
    Recorder(std::span<const double> times, const Staffing& staffing, const Caseload& caseload,
             PipelineSources pipeline, output::SeriesTable& table, std::size_t replication,
             engine::Simulator& sim, CaseworkLayout casework = {});

    void start(engine::Simulator& sim);
    void handle(const engine::Event& event, engine::Simulator& sim) override;

private:
    enum Kind : std::uint16_t { kSample = 0, kWindowStart = 1 };

    struct Cumulative {
        std::uint64_t closed_case_workers = 0;
        std::uint64_t closed_over_three = 0;
        std::uint64_t first_allocations = 0;
        double days_waited = 0.0;
        std::uint64_t starters = 0;
        std::uint64_t leavers = 0;
        std::uint64_t referrals = 0;
        std::uint64_t closed = 0;
        double person_days = 0.0;
        std::uint64_t applicants = 0;
        std::uint64_t offers = 0;
        std::uint64_t hires = 0;
        std::uint64_t campaigns = 0;
        double campaign_cost = 0.0;
        std::uint64_t payments = 0;
        double paid = 0.0;
        std::array<std::uint64_t, kRouteCount> by_route{};
        std::array<std::uint64_t, kLeaverSeries> by_destination{};
        double training_cost = 0.0;
        double permanent_cost = 0.0;
        double agency_cost = 0.0;
        std::vector<double> role_cost;  // permanent and agency, by role
        double sick_fte_days = 0.0;
        double permanent_fte_days = 0.0;
        std::uint64_t conversions = 0;
        std::uint64_t refused = 0;
        std::uint64_t returners = 0;
        std::uint64_t early_leavers = 0;
        std::array<std::uint64_t, kAsyeOutcomeCount> asye{};
        std::uint64_t progressions = 0;
        std::uint64_t trainees_qualified = 0;
        std::uint64_t over_cap = 0;
        std::uint64_t re_referrals = 0;
        std::vector<std::uint64_t> stages_completed;  // by case type
        std::vector<std::uint64_t> within_timescale;  // by case type
    };

    Cumulative snapshot(double now) const;
    void record(std::size_t sample, double now);
    void put(std::size_t sample, Metric metric, double value);
    void put(std::size_t sample, std::size_t series, double value);
    void record_pipeline(std::size_t sample, double now, const Cumulative& current);
    void record_roles(std::size_t sample, const Cumulative& current);
    void record_costs(std::size_t sample, const Cumulative& current);
    void record_staff_policy(std::size_t sample, const Cumulative& current);
    void record_programmes(std::size_t sample, const Cumulative& current);
    void record_cases(std::size_t sample, const Cumulative& current);
    void record_case_types(std::size_t sample, double now, const Cumulative& current);
    void record_teams(std::size_t sample);

    std::span<const double> times_;
    const Staffing& staffing_;
    const Caseload& caseload_;
    PipelineSources pipeline_;
    output::SeriesTable& table_;
    std::size_t replication_;
    engine::HandlerId handler_;
    Cumulative previous_;
    CaseworkLayout casework_;
    std::vector<int> loads_;  // scratch: caseloads of case-holding staff at a sample
    std::vector<std::uint64_t> three_plus_;  // scratch: by case type
    std::vector<Cumulative> window_start_;  // per sample: counters 12 months before it
    std::size_t first_windowed_ = 0;        // first sample with a full 12-month window
};

}  // namespace wfsim::model
