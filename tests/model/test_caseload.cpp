// Caseload driven directly through an engine::Simulator: who gets each case, the first-in
// first-out queue, what happens to a leaver's cases, the number of workers a case has had, and
// a long randomized run checked step by step against a plain reference implementation of the
// allocation rules.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"

namespace wfsim::model {
namespace {

// A Caseload on its own simulator (no other handlers: the only events are case closings).
struct Bench {
    explicit Bench(std::size_t slots) : cases(slots, AllocationParams{}, sim) {}

    engine::Simulator sim;
    Caseload cases;
};

// Opens one case and returns the worker it went to, or -1 if it had to wait. Assumes no case
// closes meanwhile (the clock does not move).
int open_and_locate(Bench& b, double work, std::size_t slots) {
    std::vector<int> before(slots);
    for (std::size_t w = 0; w < slots; ++w) before[w] = b.cases.load(static_cast<WorkerId>(w));
    b.cases.open_case(work, b.sim);
    int chosen = -1;
    for (std::size_t w = 0; w < slots; ++w) {
        const int grew = b.cases.load(static_cast<WorkerId>(w)) - before[w];
        EXPECT_GE(grew, 0);
        if (grew == 1) {
            EXPECT_EQ(chosen, -1) << "two workers took one case";
            chosen = static_cast<int>(w);
        }
    }
    return chosen;
}

// Where `n` successive long cases go, for workers with the given caps in slots 0, 1, ...
std::vector<int> allocation_order(const std::vector<int>& caps, int n) {
    Bench b(caps.size());
    for (std::size_t w = 0; w < caps.size(); ++w)
        b.cases.add_worker(static_cast<WorkerId>(w), caps[w]);
    b.cases.rebalance(b.sim);
    std::vector<int> order;
    for (int i = 0; i < n; ++i) order.push_back(open_and_locate(b, 1000.0, caps.size()));
    return order;
}

// Expects cases to close exactly at `times` (ascending; repeats for simultaneous closings)
// and at no time in between: the closed count is checked just before and at each time.
void expect_closings_at(Bench& b, const std::vector<double>& times) {
    const std::uint64_t base = b.cases.closed();
    std::size_t i = 0;
    while (i < times.size()) {
        const double t = times[i];
        std::size_t j = i;
        while (j < times.size() && times[j] == t) ++j;
        b.sim.run_until(std::nextafter(t, -std::numeric_limits<double>::infinity()));
        EXPECT_EQ(b.cases.closed(), base + i) << "closings before t=" << t;
        b.sim.run_until(t);
        EXPECT_EQ(b.cases.closed(), base + j) << "closings by t=" << t;
        i = j;
    }
    b.sim.run_until(times.empty() ? 1e6 : times.back() + 1e6);
    EXPECT_EQ(b.cases.closed(), base + times.size()) << "closings after the last expected one";
    EXPECT_EQ(b.cases.open(), 0u);
}

TEST(CaseloadAllocation, LowestCaseloadRelativeToCapTiesToLowestSlot) {
    // Caps 4, 2, 4. Ratios before each case (slot 0, 1, 2) and the winner:
    //  0 0 0 -> 0 | .25 0 0 -> 1 | .25 .5 0 -> 2 | .25 .5 .25 -> 0 | .5 .5 .25 -> 2 |
    //  .5 .5 .5 -> 0 | .75 .5 .5 -> 1 | .75 full .5 -> 2 | .75 full .75 -> 0 | full full .75 -> 2
    // and then everyone is at cap, so the 11th and 12th cases wait.
    EXPECT_EQ(allocation_order({4, 2, 4}, 12),
              (std::vector<int>{0, 1, 2, 0, 2, 0, 1, 2, 0, 2, -1, -1}));
}

TEST(CaseloadAllocation, EqualRatiosOfDifferentCapsGoToTheLowestSlot) {
    // 2/6 == 1/3 and 4/6 == 2/3 exactly: the lower slot wins whichever cap it has.
    EXPECT_EQ(allocation_order({6, 3}, 10), (std::vector<int>{0, 1, 0, 0, 1, 0, 0, 1, 0, -1}));
    EXPECT_EQ(allocation_order({3, 6}, 10), (std::vector<int>{0, 1, 1, 0, 1, 1, 0, 1, 1, -1}));
}

TEST(CaseloadAllocation, WorkersWithoutCapacityNeverHoldCases) {
    Bench b(3);
    b.cases.add_worker(0, 0);  // e.g. a manager: in post, holds no cases
    b.cases.add_worker(1, 2);
    b.cases.add_worker(2, 0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.case_holders(), 1);
    for (int i = 0; i < 4; ++i) b.cases.open_case(100.0, b.sim);
    EXPECT_EQ(b.cases.load(0), 0);
    EXPECT_EQ(b.cases.load(1), 2);
    EXPECT_EQ(b.cases.load(2), 0);
    EXPECT_EQ(b.cases.allocated(), 2u);
    EXPECT_EQ(b.cases.waiting(), 2u);
    EXPECT_EQ(b.cases.max_load(), 2);
}

TEST(CaseloadAllocation, WithNoWorkersEveryCaseWaitsAndNoWorkIsDone) {
    Bench b(2);
    b.cases.open_case(10.0, b.sim);
    b.cases.open_case(20.0, b.sim);
    b.sim.run_until(1000.0);
    EXPECT_EQ(b.cases.closed(), 0u);
    EXPECT_EQ(b.cases.waiting(), 2u);
    // Work starts when a worker arrives: both cases close 10 and 20 days later.
    b.cases.add_worker(1, 5);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.waiting(), 0u);
    EXPECT_EQ(b.cases.load(1), 2);
    expect_closings_at(b, {1010.0, 1020.0});
}

TEST(CaseloadQueue, CasesWaitFirstInFirstOutWhenEveryoneIsAtCap) {
    Bench b(2);
    b.cases.add_worker(0, 1);
    b.cases.add_worker(1, 1);
    b.cases.rebalance(b.sim);
    b.cases.open_case(10.0, b.sim);  // A -> worker 0, closes at 10
    b.cases.open_case(20.0, b.sim);  // B -> worker 1, closes at 20
    b.cases.open_case(5.0, b.sim);   // C waits
    b.cases.open_case(7.0, b.sim);   // D waits
    b.cases.open_case(1.0, b.sim);   // E waits
    EXPECT_EQ(b.cases.allocated(), 2u);
    EXPECT_EQ(b.cases.waiting(), 3u);
    // FIFO: C starts at 10 (closes 15), D at 15 (closes 22), E when B closes at 20 (closes 21).
    // Last in first out would give 10, 11, 18, 20, 23 instead.
    expect_closings_at(b, {10.0, 15.0, 20.0, 21.0, 22.0});
}

TEST(CaseloadQueue, WaitingCountsDropAsCapacityFrees) {
    Bench b(1);
    b.cases.add_worker(0, 1);
    b.cases.rebalance(b.sim);
    for (const double work : {4.0, 4.0, 4.0}) b.cases.open_case(work, b.sim);
    EXPECT_EQ(b.cases.waiting(), 2u);
    b.sim.run_until(4.0);
    EXPECT_EQ(b.cases.waiting(), 1u);
    EXPECT_EQ(b.cases.closed(), 1u);
    b.sim.run_until(8.0);
    EXPECT_EQ(b.cases.waiting(), 0u);
    EXPECT_EQ(b.cases.allocated(), 1u);
    b.sim.run_until(12.0);
    EXPECT_EQ(b.cases.open(), 0u);
    EXPECT_EQ(b.cases.referrals(), 3u);
}

TEST(CaseloadLeavers, CasesAreHandedOnAtOnceKeepingTheirRemainingWork) {
    Bench b(2);
    b.cases.add_worker(0, 3);
    b.cases.rebalance(b.sim);
    b.cases.open_case(40.0, b.sim);
    b.cases.open_case(25.0, b.sim);
    b.sim.run_until(10.0);
    b.cases.add_worker(1, 3);
    b.cases.remove_worker(0, 10.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.load(0), 0);
    EXPECT_EQ(b.cases.load(1), 2);
    EXPECT_EQ(b.cases.allocated(), 2u);
    EXPECT_EQ(b.cases.waiting(), 0u);
    // 30 and 15 days of work were left at day 10.
    expect_closings_at(b, {25.0, 40.0});
}

TEST(CaseloadLeavers, UnallocatedTimeDoesNotCountAsWork) {
    Bench b(2);
    b.cases.add_worker(0, 1);
    b.cases.rebalance(b.sim);
    b.cases.open_case(40.0, b.sim);
    b.sim.run_until(10.0);
    b.cases.remove_worker(0, 10.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.waiting(), 1u);
    EXPECT_EQ(b.cases.allocated(), 0u);
    b.sim.run_until(25.0);
    EXPECT_EQ(b.cases.closed(), 0u);
    b.cases.add_worker(1, 1);
    b.cases.rebalance(b.sim);
    // 30 days of work left, resumed at day 25.
    expect_closings_at(b, {55.0});
}

TEST(CaseloadLeavers, HandedOnAheadOfWaitingReferralsAndInReferralOrder) {
    Bench b(4);
    for (WorkerId w = 0; w < 3; ++w) b.cases.add_worker(w, 2);
    b.cases.rebalance(b.sim);
    // Referral order r0..r7; with equal ratios each round goes to slots 0, 1, 2 in turn.
    b.cases.open_case(100.0, b.sim);  // r0 -> w0
    b.cases.open_case(30.0, b.sim);   // r1 -> w1
    b.cases.open_case(50.0, b.sim);   // r2 -> w2
    b.cases.open_case(40.0, b.sim);   // r3 -> w0 (due 40, before r0: first in w0's heap)
    b.cases.open_case(65.0, b.sim);   // r4 -> w1
    b.cases.open_case(70.0, b.sim);   // r5 -> w2
    b.cases.open_case(5.0, b.sim);    // r6 waits
    b.cases.open_case(6.0, b.sim);    // r7 waits
    ASSERT_EQ(b.cases.waiting(), 2u);

    // Day 10: w0 leaves (r0 has 90 days left, r3 30); a replacement with room for one joins.
    b.sim.run_until(10.0);
    b.cases.add_worker(3, 1);
    b.cases.remove_worker(0, 10.0);
    b.cases.rebalance(b.sim);
    // r0 (earlier referral) goes to w3 at once; r3 goes to the front of the queue.
    EXPECT_EQ(b.cases.load(3), 1);
    EXPECT_EQ(b.cases.allocated(), 5u);
    EXPECT_EQ(b.cases.waiting(), 3u);
    EXPECT_EQ(b.cases.open(), 8u);

    // 30: r1 closes, r3 takes w1 (due 60). 50: r2 closes, r6 takes w2 (due 55). 55: r7 takes w2
    // (due 61). Then r3 60, r7 61, r4 65, r5 70, r0 100.
    // Handing on in heap order (r3 first) would close r3 at 40; queueing the leaver's cases
    // behind the waiting referrals would close r6 at 15; restarting their work, r0 at 110.
    expect_closings_at(b, {30.0, 50.0, 55.0, 60.0, 61.0, 65.0, 70.0, 100.0});
}

TEST(CaseloadLeavers, ALeaverWithoutCasesChangesNothingElse) {
    Bench b(2);
    b.cases.add_worker(0, 2);
    b.cases.add_worker(1, 2);
    b.cases.rebalance(b.sim);
    b.cases.open_case(10.0, b.sim);
    b.cases.remove_worker(1, 0.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.case_holders(), 1);
    EXPECT_EQ(b.cases.load(0), 1);
    EXPECT_EQ(b.cases.cap(1), 0);
    expect_closings_at(b, {10.0});
}

TEST(CaseloadWorkersSeen, EveryDistinctWorkerCountsThroughSuccessiveDepartures) {
    Bench b(4);
    b.cases.add_worker(0, 1);
    b.cases.rebalance(b.sim);
    b.cases.open_case(1000.0, b.sim);  // X: first worker (slot 0)
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 0u);

    b.sim.run_until(1.0);
    b.cases.add_worker(1, 1);
    b.cases.remove_worker(0, 1.0);
    b.cases.rebalance(b.sim);  // X: second worker (slot 1)
    EXPECT_EQ(b.cases.load(1), 1);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 0u);

    b.sim.run_until(2.0);
    b.cases.add_worker(0, 1);  // a new person in a reused slot is a different worker
    b.cases.remove_worker(1, 2.0);
    b.cases.rebalance(b.sim);  // X: third worker
    EXPECT_EQ(b.cases.load(0), 1);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);

    // Y (due 2 + 500) is allocated to slot 2: one worker, not counted.
    b.cases.add_worker(2, 1);
    b.cases.rebalance(b.sim);
    b.cases.open_case(500.0, b.sim);
    EXPECT_EQ(b.cases.load(2), 1);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);

    // X's third worker leaves with nobody free: X waits, and still counts (it is open).
    b.sim.run_until(3.0);
    b.cases.remove_worker(0, 3.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.waiting(), 1u);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);

    // Waiting does not count as a worker; the fourth one does, but X is counted once.
    b.sim.run_until(4.0);
    b.cases.add_worker(3, 1);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.load(3), 1);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);

    // Y's worker leaves and Y moves to a new worker in slot 0: two workers, not counted.
    b.cases.add_worker(0, 1);
    b.cases.remove_worker(2, 4.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.load(0), 1);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);

    // Y closes at 502 and X at 1000 - 3 + 4 = 1001 (it waited from day 3 to day 4); closing X
    // uncounts it.
    b.sim.run_until(501.5);
    EXPECT_EQ(b.cases.closed(), 0u);
    b.sim.run_until(502.0);
    EXPECT_EQ(b.cases.closed(), 1u);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);
    b.sim.run_until(1000.5);
    EXPECT_EQ(b.cases.closed(), 1u);
    b.sim.run_until(1001.0);
    EXPECT_EQ(b.cases.closed(), 2u);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 0u);
}

TEST(CaseloadWorkersSeen, ACaseReopenedInAFreedSlotStartsFromZero) {
    // Closed cases' storage is reused: a new case must not inherit the old one's count.
    Bench b(4);
    b.cases.add_worker(0, 1);
    b.cases.rebalance(b.sim);
    b.cases.open_case(10.0, b.sim);
    for (WorkerId w = 1; w <= 3; ++w) {
        b.cases.add_worker(w, 1);
        b.cases.remove_worker(w - 1, 0.0);
        b.cases.rebalance(b.sim);
    }
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);
    b.sim.run_until(10.0);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 0u);
    b.cases.open_case(10.0, b.sim);
    b.cases.add_worker(0, 1);
    b.cases.remove_worker(3, 10.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 0u);  // two workers so far
    b.cases.add_worker(1, 1);
    b.cases.remove_worker(0, 10.0);
    b.cases.rebalance(b.sim);
    EXPECT_EQ(b.cases.open_with_three_plus_workers(), 1u);  // three
}

// The allocation rules written as plainly as possible: linear scans, exact rational
// comparisons, every open case in one list. The stress test runs it beside Caseload.
class Reference {
public:
    explicit Reference(std::size_t slots) : cap_(slots, kAbsent), load_(slots, 0) {}

    static constexpr int kAbsent = -1;

    bool present(std::size_t w) const { return cap_[w] != kAbsent; }
    int cap(std::size_t w) const { return present(w) ? cap_[w] : 0; }
    int load(std::size_t w) const { return load_[w]; }
    std::uint64_t closed() const { return closed_; }
    std::uint64_t referrals() const { return cases_.size(); }
    std::uint64_t waiting() const { return waiting_.size(); }
    std::uint64_t three_plus() const {
        std::uint64_t n = 0;
        for (const std::size_t id : open_) n += cases_[id].seen >= 3 ? 1 : 0;
        return n;
    }

    void add_worker(std::size_t w, int cap) {
        cap_[w] = cap;
        load_[w] = 0;
    }

    void remove_worker(std::size_t w) {
        for (const std::size_t id : open_) {
            Case& c = cases_[id];
            if (c.worker != static_cast<int>(w)) continue;
            c.remaining = std::max(0.0, c.due - now_);
            c.worker = -1;
            orphans_.push_back(id);
        }
        cap_[w] = kAbsent;
        load_[w] = 0;
    }

    void rebalance() {
        std::sort(orphans_.begin(), orphans_.end());  // ids are referral numbers
        std::vector<std::size_t> unplaced;
        for (const std::size_t id : orphans_) {
            const int w = best();
            if (w < 0) {
                unplaced.push_back(id);
            } else {
                allocate(id, w);
            }
        }
        waiting_.insert(waiting_.begin(), unplaced.begin(), unplaced.end());
        orphans_.clear();
        drain();
    }

    void open_case(double work) {
        const std::size_t id = cases_.size();
        cases_.push_back(Case{work});
        open_.push_back(id);
        const int w = waiting_.empty() ? best() : -1;
        if (w < 0) {
            waiting_.push_back(id);
        } else {
            allocate(id, w);
        }
    }

    // Closes, in time order, every case due by `t`, each time offering the freed capacity to
    // the queue; then moves the clock to t.
    void advance(double t) {
        for (;;) {
            std::size_t next = 0;
            bool any = false;
            for (std::size_t k = 0; k < open_.size(); ++k) {
                const Case& c = cases_[open_[k]];
                if (c.worker < 0) continue;
                if (!any || c.due < cases_[open_[next]].due) {
                    next = k;
                    any = true;
                }
            }
            if (!any || cases_[open_[next]].due > t) break;
            Case& c = cases_[open_[next]];
            now_ = c.due;
            --load_[static_cast<std::size_t>(c.worker)];
            c.worker = -1;
            open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(next));
            ++closed_;
            drain();
        }
        now_ = t;
    }

private:
    struct Case {
        double remaining = 0.0;
        double due = 0.0;
        int worker = -1;
        int seen = 0;
    };

    // Lowest load/cap among workers under cap (compared exactly, by cross-multiplying), ties
    // to the lowest slot; -1 if none.
    int best() const {
        int chosen = -1;
        for (std::size_t w = 0; w < cap_.size(); ++w) {
            if (cap_[w] <= 0 || load_[w] >= cap_[w]) continue;
            if (chosen < 0) {
                chosen = static_cast<int>(w);
                continue;
            }
            const auto b = static_cast<std::size_t>(chosen);
            if (static_cast<long>(load_[w]) * cap_[b] < static_cast<long>(load_[b]) * cap_[w]) {
                chosen = static_cast<int>(w);
            }
        }
        return chosen;
    }

    void allocate(std::size_t id, int w) {
        Case& c = cases_[id];
        c.worker = w;
        c.due = now_ + c.remaining;
        ++c.seen;
        ++load_[static_cast<std::size_t>(w)];
    }

    void drain() {
        while (!waiting_.empty()) {
            const int w = best();
            if (w < 0) return;
            const std::size_t id = waiting_.front();
            waiting_.pop_front();
            allocate(id, w);
        }
    }

    std::vector<int> cap_;
    std::vector<int> load_;
    std::vector<Case> cases_;
    std::vector<std::size_t> open_;
    std::deque<std::size_t> waiting_;
    std::vector<std::size_t> orphans_;
    std::uint64_t closed_ = 0;
    double now_ = 0.0;
};

// The invariants that hold after every operation, whatever the history.
void expect_invariants(const Caseload& c, std::size_t slots, const char* step) {
    std::uint64_t sum_of_loads = 0;
    bool someone_under_cap = false;
    int holders = 0;
    for (WorkerId w = 0; w < slots; ++w) {
        ASSERT_LE(c.load(w), c.cap(w)) << "worker " << w << " above cap after " << step;
        ASSERT_GE(c.load(w), 0);
        sum_of_loads += static_cast<std::uint64_t>(c.load(w));
        someone_under_cap = someone_under_cap || c.load(w) < c.cap(w);
        holders += c.cap(w) > 0 ? 1 : 0;
    }
    ASSERT_EQ(c.allocated(), sum_of_loads) << step;
    ASSERT_EQ(c.open(), c.allocated() + c.waiting()) << step;
    ASSERT_EQ(c.referrals(), c.open() + c.closed()) << step;
    ASSERT_EQ(c.case_holders(), holders) << step;
    ASSERT_LE(c.open_with_three_plus_workers(), c.open()) << step;
    if (c.waiting() > 0) {
        ASSERT_FALSE(someone_under_cap) << "a case waits beside free capacity after " << step;
    }
}

TEST(CaseloadStress, RandomOperationsKeepEveryInvariantAndMatchTheReference) {
    constexpr std::size_t kSlots = 12;
    constexpr int kSteps = 200000;
    Bench b(kSlots);
    Reference ref(kSlots);
    std::mt19937 rng(20240611);
    std::uniform_real_distribution<double> work(0.5, 40.0);
    std::exponential_distribution<double> gap(1.0);
    const std::vector<int> caps = {0, 1, 2, 3, 5, 8};
    std::uniform_int_distribution<std::size_t> pick_cap(0, caps.size() - 1);
    double now = 0.0;

    const auto present = [&] {
        std::vector<WorkerId> in_post;
        for (WorkerId w = 0; w < kSlots; ++w) {
            if (ref.present(w)) in_post.push_back(w);
        }
        return in_post;
    };
    const auto absent = [&] {
        std::vector<WorkerId> free;
        for (WorkerId w = 0; w < kSlots; ++w) {
            if (!ref.present(w)) free.push_back(w);
        }
        return free;
    };
    const auto any_of = [&](const std::vector<WorkerId>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };

    int steps_with_waiting = 0;
    int steps_with_spare_capacity = 0;
    int handovers = 0;
    int steps_with_three_plus = 0;
    for (int step = 0; step < kSteps; ++step) {
        // Alternate busy and quiet spells, so that queues build up and drain again.
        const bool busy = (step / 2000) % 2 == 0;
        int op = std::uniform_int_distribution<int>(0, 99)(rng);
        if (!busy && op < 45) op = op < 15 ? 0 : 70;  // fewer referrals, more time passing
        const char* name = "";
        if (op < 45) {
            name = "open_case";
            const double w = work(rng);
            b.cases.open_case(w, b.sim);
            ref.open_case(w);
        } else if (op < 55) {
            name = "add_worker";
            const std::vector<WorkerId> free = absent();
            if (free.empty()) continue;
            const WorkerId w = any_of(free);
            const int cap = caps[pick_cap(rng)];
            b.cases.add_worker(w, cap);
            b.cases.rebalance(b.sim);
            ref.add_worker(w, cap);
            ref.rebalance();
        } else if (op < 63) {
            name = "remove_worker";
            const std::vector<WorkerId> in_post = present();
            if (in_post.empty()) continue;
            const WorkerId w = any_of(in_post);
            handovers += b.cases.load(w) > 0 ? 1 : 0;
            b.cases.remove_worker(w, b.sim.now());
            b.cases.rebalance(b.sim);
            ref.remove_worker(w);
            ref.rebalance();
        } else if (op < 70) {
            name = "replace_worker";  // a leaver and a starter at the same instant
            const std::vector<WorkerId> in_post = present();
            if (in_post.empty()) continue;
            const WorkerId leaver = any_of(in_post);
            std::vector<WorkerId> free = absent();
            free.push_back(leaver);  // the starter may take the leaver's slot
            const WorkerId starter = any_of(free);
            const int cap = caps[pick_cap(rng)];
            handovers += b.cases.load(leaver) > 0 ? 1 : 0;
            b.cases.remove_worker(leaver, b.sim.now());
            b.cases.add_worker(starter, cap);
            b.cases.rebalance(b.sim);
            ref.remove_worker(leaver);
            ref.add_worker(starter, cap);
            ref.rebalance();
        } else {
            name = "run_until";
            now += gap(rng);
            b.sim.run_until(now);
            ref.advance(now);
        }

        expect_invariants(b.cases, kSlots, name);
        if (::testing::Test::HasFatalFailure()) FAIL() << "at step " << step;
        ASSERT_EQ(b.cases.closed(), ref.closed()) << "step " << step << " " << name;
        ASSERT_EQ(b.cases.referrals(), ref.referrals()) << "step " << step;
        ASSERT_EQ(b.cases.waiting(), ref.waiting()) << "step " << step << " " << name;
        ASSERT_EQ(b.cases.open_with_three_plus_workers(), ref.three_plus()) << "step " << step;
        for (WorkerId w = 0; w < kSlots; ++w) {
            ASSERT_EQ(b.cases.load(w), ref.load(w))
                << "worker " << w << ", step " << step << " " << name;
            ASSERT_EQ(b.cases.cap(w), ref.cap(w)) << "worker " << w << ", step " << step;
        }
        steps_with_waiting += b.cases.waiting() > 0 ? 1 : 0;
        steps_with_three_plus += b.cases.open_with_three_plus_workers() > 0 ? 1 : 0;
        bool spare = false;
        for (WorkerId w = 0; w < kSlots; ++w) spare = spare || b.cases.load(w) < b.cases.cap(w);
        steps_with_spare_capacity += spare ? 1 : 0;
    }
    // The run must have visited both regimes, and handed on many caseloads.
    EXPECT_GT(steps_with_waiting, kSteps / 10);
    EXPECT_GT(steps_with_spare_capacity, kSteps / 10);
    EXPECT_GT(handovers, 1000);
    EXPECT_GT(steps_with_three_plus, kSteps / 10);
    std::printf(
        "[ stress   ] %d steps: %llu closed, %d with waiting cases, %d with spare capacity, "
        "%d caseloads handed on\n",
        kSteps, static_cast<unsigned long long>(b.cases.closed()), steps_with_waiting,
        steps_with_spare_capacity, handovers);
}

}  // namespace
}  // namespace wfsim::model
