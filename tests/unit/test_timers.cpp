#include <gtest/gtest.h>

#include <vector>

#include "engine/simulator.hpp"

using namespace wfsim::engine;

namespace {

class Log final : public EventHandler {
public:
    void handle(const Event& event, Simulator& sim) override {
        seen.push_back({sim.now(), event.kind, event.target});
    }
    struct Entry {
        double time;
        std::uint16_t kind;
        std::uint32_t target;
        bool operator==(const Entry&) const = default;
    };
    std::vector<Entry> seen;
};

// Re-arms itself `left` more times, `gap` apart, like a Poisson arrival process.
class Rearming final : public EventHandler {
public:
    void handle(const Event&, Simulator& sim) override {
        times.push_back(sim.now());
        if (left-- > 0) sim.arm(timer, sim.now() + 1.0);
    }
    TimerId timer = 0;
    int left = 0;
    std::vector<double> times;
};

}  // namespace

TEST(Timers, FireOnceAtTheArmedTime) {
    Simulator sim;
    Log log;
    const TimerId t = sim.add_timer(sim.add_handler(log), 7);
    sim.arm(t, 2.0, 42);
    EXPECT_EQ(sim.pending(), 1u);
    sim.run_until(10.0);
    ASSERT_EQ(log.seen.size(), 1u);
    EXPECT_EQ(log.seen[0], (Log::Entry{2.0, 7, 42}));
    EXPECT_EQ(sim.pending(), 0u);
}

TEST(Timers, RearmingReplacesTheEarlierSetting) {
    Simulator sim;
    Log log;
    const TimerId t = sim.add_timer(sim.add_handler(log));
    sim.arm(t, 5.0, 1);
    sim.arm(t, 3.0, 2);
    sim.arm(t, 4.0, 3);
    sim.run_until(10.0);
    ASSERT_EQ(log.seen.size(), 1u);
    EXPECT_EQ(log.seen[0], (Log::Entry{4.0, 0, 3}));
}

TEST(Timers, DisarmedTimersDoNotFire) {
    Simulator sim;
    Log log;
    const TimerId t = sim.add_timer(sim.add_handler(log));
    sim.arm(t, 1.0);
    sim.disarm(t);
    sim.run_until(10.0);
    EXPECT_TRUE(log.seen.empty());
}

TEST(Timers, InterleaveWithQueuedEventsInTimePhaseSequenceOrder) {
    Simulator sim;
    Log log;
    const HandlerId h = sim.add_handler(log);
    const TimerId early_phase = sim.add_timer(h, 1, 10);
    const TimerId late_phase = sim.add_timer(h, 2, 200);
    sim.schedule(1.0, h, 100, 0, 0, 100);  // between the two timers' phases
    sim.arm(late_phase, 1.0);
    sim.arm(early_phase, 1.0);
    sim.schedule(0.5, h, 101);
    sim.schedule(1.0, h, 102, 0, 0, 10);  // same phase as early_phase, scheduled after it
    sim.run_until(2.0);
    std::vector<std::uint32_t> order;
    for (const auto& e : log.seen) order.push_back(e.kind == 0 ? e.target : 1000 + e.kind);
    EXPECT_EQ(order, (std::vector<std::uint32_t>{101, 1001, 102, 100, 1002}));
}

TEST(Timers, HandlersRearmTheirOwnTimer) {
    Simulator sim;
    Rearming process;
    process.timer = sim.add_timer(sim.add_handler(process));
    process.left = 3;
    sim.arm(process.timer, 0.5);
    sim.run_until(100.0);
    EXPECT_EQ(process.times, (std::vector<double>{0.5, 1.5, 2.5, 3.5}));
    EXPECT_EQ(sim.events_processed(), 4u);
}

TEST(Timers, ArmingInThePastIsRejected) {
    Simulator sim;
    Log log;
    const TimerId t = sim.add_timer(sim.add_handler(log));
    sim.run_until(5.0);
    EXPECT_THROW(sim.arm(t, 4.0), std::logic_error);
}
