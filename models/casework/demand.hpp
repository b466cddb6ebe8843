// Referrals: a Poisson stream of new cases, each with a random amount of work.
#pragma once

#include <cstdint>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

struct DemandParams {
    double referrals_per_year = 0.0;
    std::int64_t initial_open_cases = 0;
    engine::Distribution case_duration = engine::Distribution::fixed(1.0);

    static DemandParams read(config::Section root);
};

class DemandProcess final : public engine::EventHandler {
public:
    DemandProcess(const DemandParams& params, Caseload& caseload, engine::Simulator& sim,
                  std::uint64_t seed, std::uint64_t replication);

    // Opens the initial cases (allocated in order, like referrals) and schedules the first
    // referral.
    void start(engine::Simulator& sim);
    // From now on: a new referral rate re-times the next referral (arrivals are memoryless, so
    // this is exact); new case lengths apply to referrals from now.
    void reconfigure(const DemandParams& params, engine::Simulator& sim);
    void handle(const engine::Event& event, engine::Simulator& sim) override;

private:
    void schedule_next(engine::Simulator& sim);

    const DemandParams* params_;
    Caseload& caseload_;
    engine::TimerId next_referral_;
    double mean_gap_days_;
    engine::RandomStream arrival_stream_;
    engine::RandomStream duration_stream_;
};

}  // namespace wfsim::model
