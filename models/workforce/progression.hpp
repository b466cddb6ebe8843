// Grade progression (career progression, as in Markov manpower models): at each review of a
// role, every eligible permanent worker of it (not working notice, not in their ASYE, not
// moved up at this same instant) moves to the next grade with a probability. They take a
// vacant post of that grade if there is one, else join its pool above establishment; their
// old post falls vacant and is recruited to as usual. With yearly reviews and no
// recruitment, expected grade sizes follow n(t+1) = n(t) S P, S the one-year survival of
// each grade and P the transition matrix.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/recurrence.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct ProgressionRule {
    RoleId from = 0;
    RoleId to = 0;
    double annual_probability = 0.0;  // at each review
    Recurrence review;
};

struct ProgressionParams {
    std::vector<ProgressionRule> rules;

    static ProgressionParams read(config::Section root, const RoleCatalog& roles,
                                  const engine::Date& start);
};

class ProgressionProcess final : public engine::EventHandler {
public:
    ProgressionProcess(const ProgressionParams& params, Staffing& staffing, engine::Simulator& sim,
                       std::uint64_t seed, std::uint64_t replication);

    // Schedules the first reviews.
    void start(engine::Simulator& sim);
    // New rules from now; reviews follow the new dates from after now.
    void reconfigure(const ProgressionParams& next, engine::Simulator& sim);
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    std::uint64_t progressions() const { return progressions_; }  // cumulative

private:
    void review(std::uint32_t rule, engine::Simulator& sim);
    void schedule(double after, bool inclusive, engine::Simulator& sim);
    engine::RandomStream& stream(RoleId from);

    const ProgressionParams* params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    // Per role progressed from, made on first use: "progression.<role>".
    std::vector<std::optional<engine::RandomStream>> streams_;
    std::vector<double> moved_at_;  // by worker slot: time of their last move up
    std::vector<WorkerId> movers_;  // scratch, reused
    std::uint32_t generation_ = 0;  // reviews of replaced parameters are stale
    std::uint64_t progressions_ = 0;
};

}  // namespace wfsim::model
