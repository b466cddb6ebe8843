// The hiring desk: turns accepted offers into starters. It keeps, per role, the posts that
// need a new holder (in the order they came up) and a reserve list of appointable candidates
// from past campaigns, and it times each starter's arrival (pre-employment checks plus the
// notice they owe their current employer; never before the leaver they replace has gone).
//
// Campaigns and the reserve list make offers through it; continuous recruitment and internal
// promotion fill posts directly and ignore posts with a starter on the way.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct ReserveListParams {
    int max_size = 0;  // per role; 0 = no reserve list
    double expiry_days = 0.0;
};

// A candidate who would take a job if offered one.
struct Candidate {
    RoleId role = 0;
    Route route = Route::Experienced;
    double acceptance = 1.0;                       // probability of accepting an offer
    const engine::Distribution* checks = nullptr;  // pre-employment checks (may be null)
    const engine::Distribution* notice = nullptr;  // notice at their current job (may be null)
    double expires = 0.0;                          // on the reserve list until then
};

class HiringDesk final : public engine::EventHandler, public StaffingObserver {
public:
    // NQSW starters begin their ASYE when `nqsw_in_asye` (the scenario has an asye section).
    HiringDesk(const ReserveListParams& reserve, const std::vector<double>& over_recruitment,
               bool nqsw_in_asye, Staffing& staffing, engine::Simulator& sim, std::uint64_t seed,
               std::uint64_t replication);

    // Places that offers can fill now: posts needing a holder without a starter on the way,
    // plus room above establishment (over-recruitment share of the role's posts).
    int open_places(RoleId role);

    // Offers the candidate the next open place; true if they accepted (a starter is on the
    // way). `stream` decides acceptance and timing.
    bool offer(const Candidate& candidate, engine::RandomStream& stream, double now,
               engine::Simulator& sim);
    // Puts an appointable candidate nobody could offer a place to on the reserve list, if
    // there is room.
    void reserve(Candidate candidate, double now);
    // Candidates on every role's list who have not expired by `now`.
    int reserve_size(double now) const;

    // From now on: the reserve list's size and expiry apply to candidates added later, the
    // over-recruitment shares to places offered later.
    void reconfigure(const ReserveListParams& reserve, const std::vector<double>& over_recruitment) {
        reserve_params_ = reserve;
        over_recruitment_ = over_recruitment;
    }

    void replacement_needed(PostId post, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Cumulative counts for the recorder.
    std::uint64_t offers() const { return offers_; }
    std::uint64_t acceptances() const { return acceptances_; }

private:
    struct Pending {          // an accepted offer, until the starter arrives
        PostId post = kNone;  // kNone: a place above establishment
        RoleId role = 0;
        Route route = Route::Experienced;
    };
    struct Need {
        PostId post;
        std::uint32_t spell;
    };

    bool still_needed(const Need& need) const;
    // Drops stale needs at the front; true if a post of the role still needs a holder.
    bool has_needed_post(RoleId role);
    // The oldest post of the role still needing a holder with nobody on the way.
    std::optional<PostId> next_post(RoleId role);
    int room_above_establishment(RoleId role) const;
    void drop_expired(RoleId role, double now);
    void arrive(std::uint32_t pending, engine::Simulator& sim);

    ReserveListParams reserve_params_;
    bool nqsw_in_asye_;
    std::vector<double> over_recruitment_;  // by role: share of posts
    Staffing& staffing_;
    engine::HandlerId handler_;
    std::vector<std::deque<Need>> needs_;         // by role
    std::vector<std::deque<Candidate>> reserve_;  // by role, oldest first
    std::vector<int> pool_offers_;                // by role: starters on the way to the pool
    std::vector<Pending> pending_;
    std::vector<std::uint32_t> free_pending_;
    engine::RandomStream reserve_stream_;
    std::uint64_t offers_ = 0;
    std::uint64_t acceptances_ = 0;
};

}  // namespace wfsim::model
