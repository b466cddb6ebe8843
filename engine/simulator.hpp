// The simulation kernel: a clock, a pending-event set and a few timers, nothing else.
//
// Models plug in by implementing EventHandler and registering once; they then schedule
// events addressed to their handler id. The kernel guarantees a total, reproducible order:
// time, then phase, then scheduling sequence.
//
// Timers are for the busiest processes, which only ever have one pending event: the next
// referral of a Poisson stream, or the next case to close among all workers (kept in a
// MinTree by the model). A timer is re-armed in O(1) and never enters the heap, so the heap
// holds only the rarer events (departures, starters) and stays small. Timers and queued
// events share one sequence counter, so the total order above holds across both.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/event.hpp"
#include "engine/event_queue.hpp"

namespace wfsim::engine {

class Simulator;

class EventHandler {
public:
    virtual ~EventHandler() = default;
    virtual void handle(const Event& event, Simulator& sim) = 0;
};

using TimerId = std::uint16_t;

class Simulator {
public:
    HandlerId add_handler(EventHandler& handler);

    // A timer delivering events to `handler` with the given kind and phase. Disarmed.
    TimerId add_timer(HandlerId handler, std::uint16_t kind = 0, Phase phase = kDefaultPhase);
    // (Re)arms the timer to fire at `at` (>= now()), replacing any earlier setting.
    void arm(TimerId timer, SimTime at, std::uint32_t target = 0, std::uint32_t stamp = 0);
    void disarm(TimerId timer) { timers_[timer].armed = false; }

    SimTime now() const { return now_; }

    // Schedules an event at absolute time `at` (>= now(); earlier is a model bug and throws
    // std::logic_error, since running it would break causality).
    void schedule(SimTime at, HandlerId handler, std::uint32_t target, std::uint32_t stamp = 0,
                  std::uint16_t kind = 0, Phase phase = kDefaultPhase);

    // Runs events while the earliest is at or before `until`, then sets the clock to `until`.
    void run_until(SimTime until);

    std::uint64_t events_processed() const { return processed_; }
    // Events in the queue plus armed timers.
    std::size_t pending() const;
    void reserve(std::size_t pending_events) { queue_.reserve(pending_events); }

private:
    struct Timer {
        Event event;
        bool armed = false;
    };

    std::uint64_t next_order(Phase phase);
    void check_not_past(SimTime at) const;

    std::vector<EventHandler*> handlers_;
    std::vector<Timer> timers_;
    EventQueue queue_;
    SimTime now_ = 0.0;
    std::uint64_t next_sequence_ = 0;
    std::uint64_t processed_ = 0;
};

}  // namespace wfsim::engine
