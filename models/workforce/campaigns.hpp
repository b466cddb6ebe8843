// Recruitment campaigns: scheduled (every N months from a date) or triggered (when a role's
// vacancy rate is above a threshold, checked periodically, with a minimum gap). A campaign
// draws its applicants (Poisson, scaled by the market attractiveness of the service and any
// market supplement of the role), each appointable with a probability; appointable candidates
// are offered the open places in turn (each accepting with a probability) and the rest go to
// the reserve list. Expected hires with places to spare = applicants x appointable x acceptance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/hiring.hpp"

namespace wfsim::model {

struct CampaignParams {
    std::string name;
    RoleId role = 0;
    Route route = Route::Experienced;
    bool enabled = true;
    // Scheduled: at `first`, then every `every_days` (0 = once) until `until` (if given).
    std::optional<double> first_day;
    double every_days = 0.0;
    std::optional<double> until_day;
    // Triggered: when the role's vacancy rate exceeds `vacancy_rate_above`.
    std::optional<double> vacancy_rate_above;
    double check_every_days = 0.0;
    double min_gap_days = 0.0;

    double mean_applicants = 0.0;
    double appointable = 1.0;
    double acceptance = 1.0;
    std::optional<engine::Distribution> checks;
    std::optional<engine::Distribution> notice;
    double cost = 0.0;

    // Whether the rounds fall at the same times under `other` (schedule and trigger checks).
    bool same_timing(const CampaignParams& other) const;
};

struct CampaignsParams {
    std::vector<CampaignParams> campaigns;
    double attractiveness = 1.0;  // market attractiveness of the service: pay, reputation

    // Reads recruitment.campaigns and recruitment.attractiveness from `recruitment`.
    static CampaignsParams read(config::Section recruitment, const RoleCatalog& roles,
                                const engine::Date& start);
};

class CampaignProcess final : public engine::EventHandler {
public:
    CampaignProcess(const CampaignsParams& params, const std::vector<double>& applicant_multiplier,
                    HiringDesk& desk, const Staffing& staffing, engine::Simulator& sim,
                    std::uint64_t seed, std::uint64_t replication);

    void start(engine::Simulator& sim);
    // From now on: campaigns whose schedule or trigger changed are re-timed (a scheduled one
    // next runs at the first of its dates not before now), campaigns added start, and every
    // other setting (enabled, applicants, rates, cost) applies to the rounds still to come.
    void reconfigure(const CampaignsParams& params,
                     const std::vector<double>& applicant_multiplier, engine::Simulator& sim);
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Cumulative, for the recorder.
    std::uint64_t campaigns_run() const { return runs_; }
    std::uint64_t applicants() const { return applicants_; }
    std::uint64_t appointable() const { return appointable_; }
    double cost() const { return cost_; }

private:
    enum Kind : std::uint16_t { kScheduled = 0, kCheck = 1 };

    void run(std::size_t campaign, engine::Simulator& sim);
    // Schedules campaign i's next round and trigger check from now, under the current params.
    void schedule_from_now(std::uint32_t campaign, engine::Simulator& sim);

    const CampaignsParams* params_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    std::vector<double> applicant_multiplier_;  // by role
    HiringDesk& desk_;
    const Staffing& staffing_;
    engine::HandlerId handler_;
    std::vector<engine::RandomStream> streams_;  // per campaign: "campaign.<name>"
    std::vector<double> last_run_;               // per campaign
    std::vector<std::uint32_t> stamps_;          // per campaign: bumped when re-timed
    std::uint64_t runs_ = 0;
    std::uint64_t applicants_ = 0;
    std::uint64_t appointable_ = 0;
    double cost_ = 0.0;
};

}  // namespace wfsim::model
