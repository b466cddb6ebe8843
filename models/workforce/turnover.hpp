// Permanent staff leaving: each permanent worker leaves after an exponential time with their
// role's annual rate, and their post falls vacant.
#pragma once

#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct TurnoverParams {
    std::vector<double> annual_rate;  // by role; 0 = never leaves

    static TurnoverParams read(config::Section root, const RoleCatalog& roles);
};

class TurnoverProcess final : public engine::EventHandler, public StaffingObserver {
public:
    TurnoverProcess(const TurnoverParams& params, const RoleCatalog& roles, Staffing& staffing,
                    engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    void permanent_started(WorkerId worker, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

private:
    const TurnoverParams& params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    std::vector<engine::RandomStream> streams_;  // one per role: "turnover.<role>"
};

}  // namespace wfsim::model
