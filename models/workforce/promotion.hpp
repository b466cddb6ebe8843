// Internal promotion (succession): when a post of a senior role needs a new holder, with a
// probability it goes to the longest-serving eligible worker of the role below (tenure at
// least min_tenure, not working notice, not in their ASYE, not absent). They move the moment the
// post is free (after its leaver has gone); their own post falls vacant and is recruited to as
// usual. A promotion pre-empts the post's other recruitment (the fill is recognised as stale), but
// not a starter already on the way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct PromotionRule {
    RoleId from = 0;  // the role below
    double share = 0.0;
    double min_tenure_days = 0.0;
};

struct PromotionParams {
    std::vector<std::optional<PromotionRule>> by_role;  // by senior role

    bool any() const;
    static PromotionParams read(config::Section root, const RoleCatalog& roles);
};

class PromotionProcess final : public engine::EventHandler, public StaffingObserver {
public:
    PromotionProcess(const PromotionParams& params, Staffing& staffing, engine::Simulator& sim,
                     std::uint64_t seed, std::uint64_t replication);

    // New rules from now; decisions already taken stand.
    void reconfigure(const PromotionParams& next, engine::Simulator& sim);

    void replacement_needed(PostId post, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    std::uint64_t promotions() const { return promotions_; }  // cumulative

private:
    // The longest-serving eligible worker of `rule.from`, or kNone. A scan of the workers:
    // promotions are rare next to the events of the run.
    WorkerId candidate(const PromotionRule& rule, double now) const;

    const PromotionParams* params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    std::vector<engine::RandomStream> streams_;  // per role: "promotion.<role>"
    std::uint64_t promotions_ = 0;
};

}  // namespace wfsim::model
