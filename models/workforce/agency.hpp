// Agency (locum) staff covering vacancies: each vacancy books an agency worker, who arrives
// after a fill-time draw and stays for an assignment draw; when the assignment ends the
// still-vacant post books again. A permanent starter ends the cover (Staffing does that).
#pragma once

#include <optional>

#include "engine/distribution.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

struct AgencyParams {
    bool cover_vacancies = false;
    std::optional<engine::Distribution> fill_time;   // required with cover_vacancies
    std::optional<engine::Distribution> assignment;  // required whenever agency staff exist

    static AgencyParams read(config::Section root);
};

class AgencyProcess final : public engine::EventHandler, public StaffingObserver {
public:
    AgencyProcess(const AgencyParams& params, Staffing& staffing, engine::Simulator& sim,
                  std::uint64_t seed, std::uint64_t replication);

    // From now on: new fill times and assignments apply to bookings made later; switching
    // vacancy cover on books every vacancy without cover now.
    void reconfigure(const AgencyParams& params, engine::Simulator& sim);

    void vacancy_opened(PostId post, engine::Simulator& sim) override;
    void agency_started(WorkerId worker, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

private:
    enum Kind : std::uint16_t { kArrival = 0, kAssignmentEnd = 1 };

    void book(PostId post, engine::Simulator& sim);

    const AgencyParams* params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    engine::RandomStream fill_time_stream_;
    engine::RandomStream assignment_stream_;
};

}  // namespace wfsim::model
