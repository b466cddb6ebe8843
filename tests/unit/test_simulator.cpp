#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "engine/simulator.hpp"

using namespace wfsim::engine;

namespace {

struct Trace {
    double time;
    std::uint32_t target;
    Phase phase;
};

class Recording final : public EventHandler {
public:
    void handle(const Event& event, Simulator& sim) override {
        trace.push_back({sim.now(), event.target, event.phase()});
    }
    std::vector<Trace> trace;
};

// Schedules a chain: each event schedules the next one `gap` later, `remaining` times.
class Chain final : public EventHandler {
public:
    explicit Chain(double gap) : gap_(gap) {}
    void handle(const Event& event, Simulator& sim) override {
        times.push_back(sim.now());
        if (event.target > 0) sim.schedule(sim.now() + gap_, id, event.target - 1);
    }
    HandlerId id = 0;
    std::vector<double> times;

private:
    double gap_;
};

// Lazy invalidation: an entity whose generation moved on ignores its old events.
class Stamped final : public EventHandler {
public:
    void handle(const Event& event, Simulator&) override {
        if (event.stamp != generation[event.target]) return;
        fired.push_back(event.target);
    }
    std::vector<std::uint32_t> generation = std::vector<std::uint32_t>(4, 0);
    std::vector<std::uint32_t> fired;
};

}  // namespace

TEST(Simulator, ClockAdvancesToEachEventAndToTheEnd) {
    Simulator sim;
    Recording rec;
    const HandlerId h = sim.add_handler(rec);
    sim.schedule(2.5, h, 1);
    sim.schedule(1.0, h, 2);
    EXPECT_EQ(sim.now(), 0.0);
    sim.run_until(10.0);
    ASSERT_EQ(rec.trace.size(), 2u);
    EXPECT_EQ(rec.trace[0].time, 1.0);
    EXPECT_EQ(rec.trace[1].time, 2.5);
    EXPECT_EQ(sim.now(), 10.0);
    EXPECT_EQ(sim.events_processed(), 2u);
}

TEST(Simulator, EventsAfterTheEndStayPendingAndRunLater) {
    Simulator sim;
    Recording rec;
    const HandlerId h = sim.add_handler(rec);
    sim.schedule(5.0, h, 1);
    sim.schedule(15.0, h, 2);
    sim.run_until(10.0);
    EXPECT_EQ(rec.trace.size(), 1u);
    EXPECT_EQ(sim.pending(), 1u);
    sim.run_until(20.0);
    EXPECT_EQ(rec.trace.size(), 2u);
}

TEST(Simulator, EventExactlyAtTheEndRuns) {
    Simulator sim;
    Recording rec;
    const HandlerId h = sim.add_handler(rec);
    sim.schedule(10.0, h, 1);
    sim.run_until(10.0);
    EXPECT_EQ(rec.trace.size(), 1u);
}

TEST(Simulator, SimultaneousEventsRunInPhaseThenSchedulingOrder) {
    Simulator sim;
    Recording rec;
    const HandlerId h = sim.add_handler(rec);
    sim.schedule(1.0, h, 1, 0, 0, 50);
    sim.schedule(1.0, h, 2, 0, 0, 10);
    sim.schedule(1.0, h, 3, 0, 0, 50);
    sim.schedule(1.0, h, 4, 0, 0, 10);
    sim.schedule(0.5, h, 5, 0, 0, 250);
    sim.run_until(2.0);
    std::vector<std::uint32_t> order;
    for (const Trace& t : rec.trace) order.push_back(t.target);
    EXPECT_EQ(order, (std::vector<std::uint32_t>{5, 2, 4, 1, 3}));
}

TEST(Simulator, HandlersScheduleFollowUps) {
    Simulator sim;
    Chain chain(0.25);
    chain.id = sim.add_handler(chain);
    sim.schedule(1.0, chain.id, 4);
    sim.run_until(100.0);
    EXPECT_EQ(chain.times, (std::vector<double>{1.0, 1.25, 1.5, 1.75, 2.0}));
}

TEST(Simulator, SchedulingInThePastIsRejected) {
    Simulator sim;
    Recording rec;
    const HandlerId h = sim.add_handler(rec);
    sim.schedule(5.0, h, 1);
    sim.run_until(6.0);
    EXPECT_THROW(sim.schedule(5.5, h, 1), std::logic_error);
    EXPECT_NO_THROW(sim.schedule(6.0, h, 1));
}

TEST(Simulator, StaleStampsAreIgnoredByTheirHandler) {
    Simulator sim;
    Stamped entity;
    const HandlerId h = sim.add_handler(entity);
    sim.schedule(1.0, h, 0, 0);
    sim.schedule(2.0, h, 1, 0);
    entity.generation[0] = 1;    // withdraw entity 0's pending event
    sim.schedule(3.0, h, 0, 1);  // and give it a new one
    sim.run_until(10.0);
    EXPECT_EQ(entity.fired, (std::vector<std::uint32_t>{1, 0}));
}

TEST(Simulator, DispatchesToTheRightHandler) {
    Simulator sim;
    Recording a;
    Recording b;
    const HandlerId ha = sim.add_handler(a);
    const HandlerId hb = sim.add_handler(b);
    sim.schedule(1.0, hb, 7);
    sim.schedule(2.0, ha, 8);
    sim.run_until(3.0);
    ASSERT_EQ(a.trace.size(), 1u);
    ASSERT_EQ(b.trace.size(), 1u);
    EXPECT_EQ(a.trace[0].target, 8u);
    EXPECT_EQ(b.trace[0].target, 7u);
}
