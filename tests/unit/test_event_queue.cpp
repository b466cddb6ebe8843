#include <gtest/gtest.h>

#include <algorithm>
#include <queue>
#include <random>
#include <vector>

#include "engine/event_queue.hpp"

using namespace wfsim::engine;

namespace {
Event at(double time, std::uint64_t order, std::uint32_t target = 0) {
    return Event{time, order, target, 0, 0, 0};
}
}  // namespace

TEST(EventQueue, PopsInTimeOrder) {
    EventQueue q;
    for (double t : {5.0, 1.0, 3.0, 2.0, 4.0}) q.push(at(t, static_cast<std::uint64_t>(t)));
    std::vector<double> seen;
    while (!q.empty()) seen.push_back(q.pop().time);
    EXPECT_EQ(seen, (std::vector<double>{1, 2, 3, 4, 5}));
}

TEST(EventQueue, TiesBreakByOrderKey) {
    EventQueue q;
    for (std::uint32_t i = 0; i < 100; ++i) q.push(at(7.0, 99 - i, 99 - i));
    for (std::uint32_t i = 0; i < 100; ++i) EXPECT_EQ(q.pop().target, i);
}

TEST(EventQueue, MatchesAReferenceSortOnRandomWorkloads) {
    // Random interleavings of pushes and pops against a std::priority_queue oracle,
    // with many equal times so tie-breaking is exercised.
    std::mt19937_64 rng(7);
    for (int round = 0; round < 20; ++round) {
        EventQueue q;
        auto later = [](const Event& a, const Event& b) { return fires_before(b, a); };
        std::priority_queue<Event, std::vector<Event>, decltype(later)> oracle(later);
        std::uint64_t seq = 0;
        for (int step = 0; step < 5000; ++step) {
            if (oracle.empty() || rng() % 3 != 0) {
                const Event e = at(static_cast<double>(rng() % 50), seq++);
                q.push(e);
                oracle.push(e);
            } else {
                const Event a = q.pop();
                const Event b = oracle.top();
                oracle.pop();
                ASSERT_EQ(a.time, b.time);
                ASSERT_EQ(a.order, b.order);
            }
            ASSERT_EQ(q.size(), oracle.size());
        }
    }
}
