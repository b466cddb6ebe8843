// The pending-event record: a 32-byte POD. The kernel never allocates per event and never
// calls through a std::function; a handler id selects the component that receives it.
#pragma once

#include <cstdint>

namespace wfsim::engine {

using SimTime = double;  // days since the scenario start
using HandlerId = std::uint16_t;
using Phase = std::uint8_t;

// Events at the same time run in phase order (lower first), then in the order they were
// scheduled. Phases let a model fix a documented order for simultaneous events (e.g.
// departures before arrivals before recording) instead of relying on scheduling accidents.
inline constexpr Phase kDefaultPhase = 128;

struct Event {
    SimTime time;
    // (phase << 56) | scheduling sequence number: one integer compare gives the tie order.
    std::uint64_t order;
    // Meaning is up to the handler: typically an entity index and a stamp. A handler that
    // may have to withdraw an event stamps it with a generation it owns and ignores events
    // whose stamp is stale (lazy invalidation: no search through the queue).
    std::uint32_t target;
    std::uint32_t stamp;
    HandlerId handler;
    std::uint16_t kind;  // handler-defined sub-type

    Phase phase() const { return static_cast<Phase>(order >> 56); }
};

static_assert(sizeof(Event) == 32, "Event must stay a small POD");

inline bool fires_before(const Event& a, const Event& b) {
    return a.time < b.time || (a.time == b.time && a.order < b.order);
}

}  // namespace wfsim::engine
