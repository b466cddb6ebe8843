// Continuous recruitment: every vacancy is filled by a permanent starter after an
// independent fill-time draw (advert, interviews, checks and notice, all in one delay).
#pragma once

#include <optional>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/campaigns.hpp"
#include "models/workforce/hiring.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct RecruitmentParams {
    std::optional<engine::Distribution> vacancy_fill_time;  // none: vacancies stay open
    // The vacancies open at the start are part-way through their fill: their remaining time
    // is the equilibrium residual of vacancy_fill_time (false: a fresh draw, as for a new one).
    bool initial_residual = false;
    ReserveListParams reserve_list;
    std::vector<double> over_recruitment;  // by role: share of posts hired above establishment
    CampaignsParams campaigns;

    static RecruitmentParams read(config::Section root, const RoleCatalog& roles,
                                  const engine::Date& start);
};

class RecruitmentProcess final : public engine::EventHandler, public StaffingObserver {
public:
    RecruitmentProcess(const RecruitmentParams& params, Staffing& staffing, engine::Simulator& sim,
                       std::uint64_t seed, std::uint64_t replication);

    // From now on. Fills already under way keep their draw; when continuous recruitment is
    // switched on, every post needing a holder with nobody on the way starts one now.
    void reconfigure(const RecruitmentParams& params, engine::Simulator& sim);

    void replacement_needed(PostId post, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

private:
    const RecruitmentParams* params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    engine::RandomStream fill_time_stream_;
    engine::RandomStream initial_stream_;  // "recruitment.initial_vacancies"
};

}  // namespace wfsim::model
