// Cumulative counts of permanent starters by route and leavers by destination, kept by
// watching Staffing, for the recorder's interval series. Moves within the service (promotion,
// grade progression, qualified apprentices) count under their route too, though they are not
// starters to the service.
#pragma once

#include <array>
#include <cstdint>

#include "models/workforce/staffing.hpp"

namespace wfsim::model {

class StaffFlows final : public StaffingObserver {
public:
    explicit StaffFlows(const Staffing& staffing) : staffing_(staffing) {}

    void permanent_started(WorkerId worker, engine::Simulator&) override {
        ++starters_[index_of(staffing_.worker(worker).route)];
    }
    void worker_moved(WorkerId worker, RoleId, engine::Simulator&) override {
        ++starters_[index_of(staffing_.worker(worker).route)];
    }
    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator&) override {
        if (staffing_.worker(worker).contract != Contract::Permanent) return;
        ++leavers_[index_of(destination)];
    }

    std::uint64_t starters(Route route) const { return starters_[index_of(route)]; }
    std::uint64_t leavers(Destination destination) const { return leavers_[index_of(destination)]; }

private:
    const Staffing& staffing_;
    std::array<std::uint64_t, kRouteCount> starters_{};
    std::array<std::uint64_t, kDestinationCount> leavers_{};
};

}  // namespace wfsim::model
