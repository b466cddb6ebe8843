#include "models/casework/caseload.hpp"

#include <algorithm>

#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kAbsent = engine::MinTree::kAbsent;
constexpr std::uint32_t kNoSlot = LeastLoaded::kNoSlot;
}  // namespace

Caseload::Caseload(std::size_t worker_slots, const AllocationParams&, engine::Simulator& sim)
    : next_completion_(sim.add_timer(sim.add_handler(*this), 0, phase::kCompletion)),
      least_loaded_(worker_slots),
      earliest_due_(worker_slots),
      holdings_(worker_slots),
      load_(worker_slots, 0),
      cap_(worker_slots, 0) {}

void Caseload::add_worker(WorkerId worker, int cap) {
    cap_[worker] = cap;
    load_[worker] = 0;
    holdings_[worker].reserve(static_cast<std::size_t>(cap));
    if (cap > 0) {
        ++case_holders_;
        least_loaded_.add(worker, cap);
    }
}

void Caseload::remove_worker(WorkerId worker, double now) {
    // Called only between events; rebalance() follows and re-arms the completion timer.
    orphan_cases(worker, now);
    if (cap_[worker] > 0) {
        --case_holders_;
        least_loaded_.remove(worker);
    }
    cap_[worker] = 0;
}

void Caseload::set_cap(WorkerId worker, int cap) {
    const int old = cap_[worker];
    if (old == cap) return;
    if (old > 0) least_loaded_.remove(worker);
    if (cap > 0) least_loaded_.add(worker, cap, load_[worker]);
    case_holders_ += (cap > 0) - (old > 0);
    cap_[worker] = cap;
}

void Caseload::hand_on_cases(WorkerId worker, double now) {
    orphan_cases(worker, now);
    if (cap_[worker] > 0) least_loaded_.set_load(worker, 0);
}

void Caseload::orphan_cases(WorkerId worker, double now) {
    for (const Holding& h : holdings_[worker]) {
        Case& c = cases_[h.id];
        c.remaining = std::max(0.0, c.due - now);
        c.worker = kNone;
        orphans_.push_back(h.id);
    }
    allocated_ -= holdings_[worker].size();
    holdings_[worker].clear();
    load_[worker] = 0;
    earliest_due_.set(worker, kAbsent);
}

void Caseload::ensure_worker_slots(std::size_t slots) {
    if (slots <= load_.size()) return;
    slots = std::max(slots, 2 * load_.size());  // amortised growth
    least_loaded_.resize(slots);
    earliest_due_.resize(slots);
    holdings_.resize(slots);
    load_.resize(slots, 0);
    cap_.resize(slots, 0);
}

void Caseload::rebalance(engine::Simulator& sim) {
    if (!orphans_.empty()) {
        // Hand on in referral order, so the outcome does not depend on heap layout.
        std::sort(orphans_.begin(), orphans_.end(),
                  [&](CaseId a, CaseId b) { return cases_[a].referral < cases_[b].referral; });
        std::size_t unplaced = 0;
        for (const CaseId id : orphans_) {
            const WorkerId worker = least_loaded_.best();
            if (worker == kNoSlot) {
                orphans_[unplaced++] = id;
            } else {
                allocate(id, worker, sim);
            }
        }
        // Cases nobody could take go to the front of the queue, ahead of waiting referrals.
        waiting_.insert(waiting_.begin(), orphans_.begin(), orphans_.begin() + unplaced);
        orphans_.clear();
    }
    drain_waiting(sim);
    arm_timer(sim);
}

void Caseload::open_case(double work, engine::Simulator& sim) {
    const CaseId id = new_case_slot();
    Case& c = cases_[id];
    c.remaining = work;
    c.referral = referrals_++;
    c.worker = kNone;
    c.workers_seen = 0;
    c.due = sim.now();  // while it waits for its first worker: when it was opened
    const WorkerId worker = waiting_.empty() ? least_loaded_.best() : kNoSlot;
    if (worker == kNoSlot) {
        waiting_.push_back(id);
    } else {
        // Only a case that becomes its worker's earliest can move the completion timer.
        if (allocate(id, worker, sim)) arm_timer(sim);
    }
}

void Caseload::handle(const engine::Event&, engine::Simulator& sim) {
    const WorkerId worker = earliest_due_.best();
    std::vector<Holding>& heap = holdings_[worker];
    std::pop_heap(heap.begin(), heap.end(), Later{});
    const CaseId id = heap.back().id;
    heap.pop_back();
    const std::uint16_t workers = cases_[id].workers_seen;
    if (workers >= 3) --three_plus_;
    closed_workers_ += workers;
    if (workers > 3) ++closed_over_three_;
    free_cases_.push_back(id);
    ++closed_;
    --allocated_;
    --load_[worker];
    least_loaded_.set_load(worker, load_[worker]);
    earliest_due_.set(worker, heap.empty() ? kAbsent : heap.front().due);
    drain_waiting(sim);
    arm_timer(sim);
}

int Caseload::max_load() const {
    int best = 0;
    for (const int l : load_) best = std::max(best, l);
    return best;
}

CaseId Caseload::new_case_slot() {
    if (!free_cases_.empty()) {
        const CaseId id = free_cases_.back();
        free_cases_.pop_back();
        return id;
    }
    cases_.emplace_back();
    return static_cast<CaseId>(cases_.size() - 1);
}

bool Caseload::allocate(CaseId id, WorkerId worker, engine::Simulator& sim) {
    Case& c = cases_[id];
    if (c.workers_seen == 0) {  // its first worker: `due` still holds when it was opened
        ++first_allocations_;
        wait_days_ += sim.now() - c.due;
    }
    c.worker = worker;
    c.due = sim.now() + c.remaining;
    if (++c.workers_seen == 3) ++three_plus_;
    std::vector<Holding>& heap = holdings_[worker];
    heap.push_back(Holding{c.due, id});
    std::push_heap(heap.begin(), heap.end(), Later{});
    ++allocated_;
    ++load_[worker];
    least_loaded_.set_load(worker, load_[worker]);
    if (heap.front().id != id) return false;
    earliest_due_.set(worker, c.due);
    return true;
}

void Caseload::arm_timer(engine::Simulator& sim) {
    const double due = earliest_due_.best_key();
    if (due == kAbsent) {
        sim.disarm(next_completion_);
    } else {
        sim.arm(next_completion_, due);
    }
}

void Caseload::drain_waiting(engine::Simulator& sim) {
    while (!waiting_.empty()) {
        const WorkerId worker = least_loaded_.best();
        if (worker == kNoSlot) return;
        const CaseId id = waiting_.front();
        waiting_.pop_front();
        allocate(id, worker, sim);
    }
}

}  // namespace wfsim::model
