#include "engine/simulator.hpp"

#include <limits>
#include <stdexcept>
#include <string>

namespace wfsim::engine {

HandlerId Simulator::add_handler(EventHandler& handler) {
    if (handlers_.size() >= std::numeric_limits<HandlerId>::max()) {
        throw std::logic_error("too many event handlers");
    }
    handlers_.push_back(&handler);
    return static_cast<HandlerId>(handlers_.size() - 1);
}

TimerId Simulator::add_timer(HandlerId handler, std::uint16_t kind, Phase phase) {
    if (timers_.size() >= std::numeric_limits<TimerId>::max()) {
        throw std::logic_error("too many timers");
    }
    Timer timer;
    timer.event = Event{0.0, static_cast<std::uint64_t>(phase) << 56, 0, 0, handler, kind};
    timers_.push_back(timer);
    return static_cast<TimerId>(timers_.size() - 1);
}

std::uint64_t Simulator::next_order(Phase phase) {
    return (static_cast<std::uint64_t>(phase) << 56) | next_sequence_++;
}

namespace {
// Out of line and marked cold so the check costs one compare on the scheduling hot path.
[[noreturn, gnu::cold, gnu::noinline]] void throw_past(SimTime at, SimTime now) {
    throw std::logic_error("event scheduled in the past: t=" + std::to_string(at) +
                           " < now=" + std::to_string(now));
}
}  // namespace

void Simulator::check_not_past(SimTime at) const {
    if (!(at >= now_)) [[unlikely]]
        throw_past(at, now_);
}

void Simulator::schedule(SimTime at, HandlerId handler, std::uint32_t target, std::uint32_t stamp,
                         std::uint16_t kind, Phase phase) {
    check_not_past(at);
    queue_.push(Event{at, next_order(phase), target, stamp, handler, kind});
}

void Simulator::arm(TimerId timer, SimTime at, std::uint32_t target, std::uint32_t stamp) {
    check_not_past(at);
    Event& event = timers_[timer].event;
    event.time = at;
    event.order = next_order(event.phase());
    event.target = target;
    event.stamp = stamp;
    timers_[timer].armed = true;
}

std::size_t Simulator::pending() const {
    std::size_t armed = 0;
    for (const Timer& timer : timers_) armed += timer.armed ? 1 : 0;
    return queue_.size() + armed;
}

void Simulator::run_until(SimTime until) {
    for (;;) {
        // The earliest of the queue's top and the armed timers (a handful: a linear look).
        const Event* next = queue_.empty() ? nullptr : &queue_.top();
        Timer* fired = nullptr;
        for (Timer& timer : timers_) {
            if (timer.armed && (next == nullptr || fires_before(timer.event, *next))) {
                next = &timer.event;
                fired = &timer;
            }
        }
        if (next == nullptr || next->time > until) break;
        Event event;
        if (fired != nullptr) {
            fired->armed = false;
            event = fired->event;
        } else {
            event = queue_.pop();
        }
        now_ = event.time;
        ++processed_;
        handlers_[event.handler]->handle(event, *this);
    }
    if (until > now_) now_ = until;
}

}  // namespace wfsim::engine
