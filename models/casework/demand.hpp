// Referrals: a Poisson stream of new cases, each of a type drawn from the referral mix with a
// random amount of work; the cases open at the start; and re-referrals of closed cases. The
// referral rate may vary over time (see referral_profile.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/casework/case_types.hpp"
#include "models/casework/caseload.hpp"
#include "models/casework/referral_profile_params.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

struct DemandParams {
    // One type's share of referrals, as a cumulative probability in declaration order.
    struct ReferralShare {
        CaseTypeId type = 0;
        double cumulative = 1.0;
    };
    // Cases open at the start, of one type, and how long they have been open.
    struct InitialCases {
        CaseTypeId type = 0;
        std::int64_t count = 0;
        std::optional<engine::Distribution> age;  // absent: opened at the start
        // Probabilities of 0, 1, 2, ... earlier workers (cumulative); empty: none.
        std::vector<double> earlier_workers;
    };
    struct ReReferral {
        double probability = 0.0;
        engine::Distribution after = engine::Distribution::fixed(1.0);
    };

    double referrals_per_year = 0.0;
    ReferralProfile profile;              // seasonality, trend and steps; flat unless given
    std::int64_t initial_open_cases = 0;  // without case types
    engine::Distribution case_duration = engine::Distribution::fixed(1.0);  // without case types
    std::vector<ReferralShare> referral_mix;  // empty: every referral is of the first type
    std::vector<InitialCases> initial_cases;  // with case types
    ReReferral re_referral;

    // `types`: the declared case types (none: the core model's one type). `start`: the
    // scenario's start date, from which steps and the trend are counted.
    static DemandParams read(config::Section root, const CaseTypeCatalog& types,
                             const engine::Date& start);
};

class DemandProcess final : public engine::EventHandler, public CaseClosureObserver {
public:
    DemandProcess(const DemandParams& params, const CaseTypeCatalog& types, Caseload& caseload,
                  engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    // Opens the initial cases (allocated in order, like referrals) and schedules the first
    // referral.
    void start(engine::Simulator& sim);
    // From now on: a new referral rate or profile re-times the next referral (arrivals are
    // memoryless, so this is exact); new case lengths, mix and re-referral settings apply from
    // now.
    void reconfigure(const DemandParams& params, const CaseTypeCatalog& types,
                     engine::Simulator& sim);
    void handle(const engine::Event& event, engine::Simulator& sim) override;
    // A closed case may come back as a re-referral later.
    void case_closed(CaseTypeId last_type, engine::Simulator& sim) override;

    std::uint64_t re_referrals() const { return re_referrals_; }  // cumulative
    // The referral rate at time t under the parameters in force, in referrals a year.
    double referral_rate(double t) const;

private:
    void schedule_next(engine::Simulator& sim);
    // Carries the inversion of a varying rate on by up to a year from now (see
    // ReferralProfile::walk): arms the next referral, or a point to carry on from.
    void walk_on(engine::Simulator& sim);
    // A new referral: its type from the mix, its first stage's work.
    void refer(engine::Simulator& sim);
    // Work of a case of `type` open for `age` days: a duration longer than the age, less it.
    double remaining_work(CaseTypeId type, double age);

    const DemandParams* params_;
    const CaseTypeCatalog* types_;
    Caseload& caseload_;
    engine::TimerId next_referral_;
    engine::TimerId next_re_referral_;
    double mean_gap_days_;
    double remaining_mass_ = 0.0;            // of the Exp(1) draw, while walking a varying rate
    ReferralProfile::Piece piece_;           // where the last walk ended
    std::vector<double> re_referral_times_;  // min-heap of pending re-referrals
    std::uint64_t re_referrals_ = 0;
    engine::RandomStream arrival_stream_;
    engine::RandomStream duration_stream_;
    engine::RandomStream mix_stream_;         // "demand.referral_mix"
    engine::RandomStream initial_age_stream_;  // "demand.initial_age"
    engine::RandomStream re_referral_stream_;  // "demand.re_referral"
    engine::RandomStream history_stream_;      // "demand.initial_history"
    std::vector<double> history_;              // scratch: an initial case's earlier workers
};

}  // namespace wfsim::model
