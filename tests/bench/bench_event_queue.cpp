// Hold-model throughput of the engine beside a bare std::priority_queue, in one binary so the
// ratio is measured under the same machine conditions.
//
// Hold model: N events pending; repeatedly take the earliest and schedule one at
// now + Exp(1). Increments are pre-drawn so the figures measure the queues, not the RNG.
//
// Usage: bench_event_queue [operations]   (default 5,000,000 per measurement)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <queue>
#include <vector>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "engine/simulator.hpp"

using namespace wfsim::engine;

namespace {

using Clock = std::chrono::steady_clock;

struct BareEvent {  // 24 bytes: time, sequence, payload
    double time;
    std::uint64_t seq;
    std::uint64_t payload;
};
struct BareLater {
    bool operator()(const BareEvent& a, const BareEvent& b) const {
        return a.time > b.time || (a.time == b.time && a.seq > b.seq);
    }
};

std::vector<double> increments(std::size_t n) {
    boost::random::mt19937_64 rng(12345);
    boost::random::exponential_distribution<double> exp1(1.0);
    std::vector<double> out(n);
    for (double& x : out) x = exp1(rng);
    return out;
}

const std::vector<double> kIncrements = increments(1u << 20);
constexpr std::size_t kMask = (1u << 20) - 1;

double bare_rate(std::size_t pending, std::size_t ops) {
    std::priority_queue<BareEvent, std::vector<BareEvent>, BareLater> q;
    std::uint64_t seq = 0;
    for (std::size_t i = 0; i < pending; ++i) q.push({kIncrements[i & kMask], seq++, i});
    const auto t0 = Clock::now();
    for (std::size_t i = 0; i < ops; ++i) {
        const BareEvent e = q.top();
        q.pop();
        q.push({e.time + kIncrements[i & kMask], seq++, e.payload});
    }
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    return ops / s;
}

double queue_rate(std::size_t pending, std::size_t ops, double* bytes_per_event) {
    EventQueue q;
    std::uint64_t seq = 0;
    for (std::size_t i = 0; i < pending; ++i) {
        q.push(Event{kIncrements[i & kMask], seq++, static_cast<std::uint32_t>(i), 0, 0, 0});
    }
    const auto t0 = Clock::now();
    for (std::size_t i = 0; i < ops; ++i) {
        Event e = q.pop();
        e.time += kIncrements[i & kMask];
        e.order = seq++;
        q.push(e);
    }
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    *bytes_per_event = static_cast<double>(sizeof(Event));
    return ops / s;
}

// The whole kernel: virtual dispatch to a handler that schedules the follow-up event.
class Hold final : public EventHandler {
public:
    void handle(const Event& event, Simulator& sim) override {
        sim.schedule(sim.now() + kIncrements[count++ & kMask], id, event.target);
    }
    HandlerId id = 0;
    std::size_t count = 0;
};

double simulator_rate(std::size_t pending, std::size_t ops) {
    Simulator sim;
    Hold hold;
    hold.id = sim.add_handler(hold);
    sim.reserve(pending);
    for (std::size_t i = 0; i < pending; ++i) {
        sim.schedule(kIncrements[i & kMask], hold.id, static_cast<std::uint32_t>(i));
    }
    // Run until `ops` events have been processed: the hold model keeps N pending, so the
    // clock advances about ops/N time units.
    const auto t0 = Clock::now();
    double until = 0.0;
    while (sim.events_processed() < ops) {
        until += static_cast<double>(ops - sim.events_processed()) / pending;
        sim.run_until(until);
    }
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    return sim.events_processed() / s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t ops = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 5000000;
    std::printf("hold model, %zu operations per measurement (events/s, higher is better)\n", ops);
    std::printf("%10s %16s %16s %16s %10s %10s %14s\n", "pending", "bare pq(24B)", "EventQueue",
                "Simulator", "queue/bare", "sim/bare", "bytes/pending");
    for (const std::size_t pending : {std::size_t{1000}, std::size_t{100000}}) {
        double bytes = 0;
        // Interleave and repeat so drift in machine speed hits all three alike.
        double bare = 0, queue = 0, sim = 0;
        constexpr int kRounds = 3;
        for (int r = 0; r < kRounds; ++r) {
            bare += bare_rate(pending, ops);
            queue += queue_rate(pending, ops, &bytes);
            sim += simulator_rate(pending, ops);
        }
        bare /= kRounds;
        queue /= kRounds;
        sim /= kRounds;
        std::printf("%10zu %16.3e %16.3e %16.3e %10.2f %10.2f %14.0f\n", pending, bare, queue, sim,
                    queue / bare, sim / bare, bytes);
    }
    return 0;
}
