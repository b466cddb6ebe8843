// Open cases, who holds them, and the queue of cases waiting for a worker.
//
// A case carries an amount of work (days) that progresses only while it is allocated.
// Allocation is work-conserving: a case goes to the least-loaded worker under cap, or waits
// first in first out. A leaver's cases keep their remaining work and are handed on at once,
// ahead of waiting referrals. Every allocation to a new worker counts towards the case's
// number of workers.
//
// Speed: each worker keeps its own cases in a small min-heap by due time; a MinTree over
// workers keyed by their earliest due gives the next case to close anywhere, and one engine
// timer is armed for it. Closing and allocating cases therefore never touch the engine's heap
// (thousands of open cases, one pending event), and a leaver's cases are found without a
// search.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "engine/min_tree.hpp"
#include "engine/simulator.hpp"
#include "models/casework/allocation.hpp"
#include "models/casework/least_loaded.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

class Caseload final : public engine::EventHandler {
public:
    Caseload(std::size_t worker_slots, const AllocationParams& params, engine::Simulator& sim);

    // Staffing changes. These only register the change; rebalance() then hands on the cases
    // of leavers and gives waiting cases to free capacity.
    void add_worker(WorkerId worker, int cap);
    void remove_worker(WorkerId worker, double now);
    // A new cap for a worker in post: new cases go to them only while under it. A cap below
    // their caseload takes nothing away (the cases close in time); 0 pauses allocation.
    void set_cap(WorkerId worker, int cap);
    // Hands every case of a worker who stays in post (long absence) on to others; they count
    // it as a change of worker.
    void hand_on_cases(WorkerId worker, double now);
    // Grows the worker slots (staff above establishment, agency cover for absence).
    void ensure_worker_slots(std::size_t slots);
    std::size_t worker_slots() const { return load_.size(); }
    void rebalance(engine::Simulator& sim);

    // A referral becomes a case with `work` days of work to do.
    void open_case(double work, engine::Simulator& sim);

    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // State for the recorder.
    std::uint64_t referrals() const { return referrals_; }  // cumulative
    std::uint64_t closed() const { return closed_; }        // cumulative
    std::uint64_t open() const { return referrals_ - closed_; }
    std::uint64_t allocated() const { return allocated_; }
    std::uint64_t waiting() const { return waiting_.size(); }
    std::uint64_t open_with_three_plus_workers() const { return three_plus_; }
    // Cumulative: the workers of closed cases (their whole pathway), closed cases that had
    // more than 3, cases given their first worker, and the days those waited for one.
    std::uint64_t closed_case_workers() const { return closed_workers_; }
    std::uint64_t closed_with_more_than_three_workers() const { return closed_over_three_; }
    std::uint64_t first_allocations() const { return first_allocations_; }
    double days_waited_for_first_worker() const { return wait_days_; }
    int load(WorkerId worker) const { return load_[worker]; }
    int cap(WorkerId worker) const { return cap_[worker]; }
    int max_load() const;
    // Case-holding workers in post: those with a cap above zero.
    int case_holders() const { return case_holders_; }

private:
    struct Case {
        double remaining = 0.0;      // work left, while not allocated
        double due = 0.0;  // completion time while allocated; opening time until first allocated
        std::uint64_t referral = 0;  // referral order, to hand on and queue fairly
        WorkerId worker = kNone;
        std::uint16_t workers_seen = 0;
    };
    struct Holding {
        double due;
        CaseId id;
    };
    // Heap order for a worker's holdings: earliest due on top, ties by case id.
    struct Later {
        bool operator()(const Holding& a, const Holding& b) const {
            return a.due > b.due || (a.due == b.due && a.id > b.id);
        }
    };

    CaseId new_case_slot();
    // Moves a worker's cases to the orphans, keeping their remaining work.
    void orphan_cases(WorkerId worker, double now);
    // Returns true when the case became its worker's earliest due (the timer may need moving).
    bool allocate(CaseId id, WorkerId worker, engine::Simulator& sim);
    // After a worker's earliest due changed: update the due tree and re-arm the timer.
    void update_due(WorkerId worker, engine::Simulator& sim);
    void drain_waiting(engine::Simulator& sim);
    // Arms the completion timer for the earliest due case anywhere (or disarms it).
    void arm_timer(engine::Simulator& sim);

    engine::TimerId next_completion_;
    LeastLoaded least_loaded_;
    engine::MinTree earliest_due_;  // per worker: due time of its earliest case
    std::vector<Case> cases_;
    std::vector<CaseId> free_cases_;
    std::vector<std::vector<Holding>> holdings_;  // per worker, a min-heap by (due, id)
    std::vector<int> load_;
    std::vector<int> cap_;
    std::deque<CaseId> waiting_;
    std::vector<CaseId> orphans_;  // cases of leavers, handed on at the next rebalance
    std::uint64_t referrals_ = 0;
    std::uint64_t closed_ = 0;
    std::uint64_t allocated_ = 0;
    std::uint64_t three_plus_ = 0;
    std::uint64_t closed_workers_ = 0;
    std::uint64_t closed_over_three_ = 0;
    std::uint64_t first_allocations_ = 0;
    double wait_days_ = 0.0;
    int case_holders_ = 0;
};

}  // namespace wfsim::model
