#include "models/casework/caseload.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kAbsent = engine::MinTree::kAbsent;
constexpr std::uint32_t kNoSlot = LeastLoaded::kNoSlot;
}  // namespace

Caseload::Caseload(std::size_t worker_slots, const AllocationParams& params,
                   engine::Simulator& sim, const CaseTypeCatalog* types, std::size_t teams,
                   std::uint64_t seed, std::uint64_t replication)
    : params_(params),
      types_(types),
      default_types_(CaseTypeCatalog::single(engine::Distribution::fixed(1.0))),
      next_completion_(sim.add_timer(sim.add_handler(*this), 0, phase::kCompletion)),
      groups_(teams + 1, LeastLoaded(worker_slots)),
      earliest_due_(worker_slots),
      holdings_(worker_slots),
      load_(worker_slots, 0),
      weight_units_(worker_slots, 0),
      cap_(worker_slots, 0),
      group_(worker_slots, static_cast<std::uint16_t>(teams)),
      journey_stream_(seed, replication, "cases.journeys"),
      duration_stream_(seed, replication, "cases.stage_duration") {
    if (types_ == nullptr) types_ = &default_types_;
    weights_differ_ = types_->weighted();
    waiting_.resize(types_->size());
    by_type_.resize(types_->size());
}

void Caseload::reconfigure(const CaseTypeCatalog& types, const AllocationParams& params,
                           engine::Simulator& sim) {
    // Unit caps and weights may change: take every case holder out of the indexes, recount
    // their loads under the new rules and put them back.
    for (WorkerId w = 0; w < cap_.size(); ++w) index_remove(w);
    types_ = &types;
    params_ = params;
    weights_differ_ = types_->weighted();
    for (WorkerId w = 0; w < cap_.size(); ++w) {
        int units = 0;
        for (const Holding& h : holdings_[w]) units += units_of(cases_[h.id].type);
        weight_units_[w] = units;
        index_add(w);
    }
    drain_waiting(sim);
    arm_timer(sim);
}

int Caseload::weighted_units(CaseTypeId type) const {
    return std::max(1, static_cast<int>(std::lround((*types_)[type].weight * kWeightUnits)));
}

int Caseload::unit_cap(int cap) const {
    const double units = params_.weighted ? cap * kWeightUnits : cap;
    return static_cast<int>(units * params_.guideline_limit + 1e-9);
}

void Caseload::index_add(WorkerId worker) {
    if (cap_[worker] <= 0) return;
    groups_[group_[worker]].add(worker, unit_cap(cap_[worker]), weight_units_[worker]);
}

void Caseload::index_remove(WorkerId worker) {
    if (cap_[worker] <= 0) return;
    groups_[group_[worker]].remove(worker);
}


void Caseload::add_worker(WorkerId worker, int cap, TeamId team) {
    cap_[worker] = cap;
    load_[worker] = 0;
    weight_units_[worker] = 0;
    set_group(worker, team);
    holdings_[worker].reserve(static_cast<std::size_t>(cap));
    if (cap > 0) ++case_holders_;
    index_add(worker);
}

void Caseload::remove_worker(WorkerId worker, double now) {
    // Called only between events; rebalance() follows and re-arms the completion timer.
    orphan_cases(worker, now);
    if (cap_[worker] > 0) --case_holders_;
    index_remove(worker);
    cap_[worker] = 0;
    set_group(worker, kNoTeam);
}

void Caseload::set_team(WorkerId worker, TeamId team) {
    if (group_[worker] == (team == kNoTeam ? outside_teams() : team)) return;
    index_remove(worker);
    set_group(worker, team);
    index_add(worker);
}

void Caseload::set_cap(WorkerId worker, int cap) {
    const int old = cap_[worker];
    if (old == cap) return;
    index_remove(worker);
    cap_[worker] = cap;
    index_add(worker);
    case_holders_ += (cap > 0) - (old > 0);
}

void Caseload::hand_on_cases(WorkerId worker, double now) {
    orphan_cases(worker, now);
    index_load(worker);
}

void Caseload::orphan_cases(WorkerId worker, double now) {
    for (const Holding& h : holdings_[worker]) {
        Case& c = cases_[h.id];
        c.remaining = std::max(0.0, c.due - now);
        c.worker = kNone;
        c.last_worker = kNone;  // whoever takes it next is a new worker
        orphans_.push_back(h.id);
    }
    allocated_ -= holdings_[worker].size();
    holdings_[worker].clear();
    load_[worker] = 0;
    weight_units_[worker] = 0;
    earliest_due_.set(worker, kAbsent);
}

void Caseload::ensure_worker_slots(std::size_t slots) {
    if (slots <= load_.size()) return;
    slots = std::max(slots, 2 * load_.size());  // amortised growth
    for (LeastLoaded& group : groups_) group.resize(slots);
    earliest_due_.resize(slots);
    holdings_.resize(slots);
    load_.resize(slots, 0);
    weight_units_.resize(slots, 0);
    cap_.resize(slots, 0);
    group_.resize(slots, static_cast<std::uint16_t>(groups_.size() - 1));
}

WorkerId Caseload::team_candidate(CaseTypeId type) const {
    const auto best_of = [&](std::size_t group, WorkerId& best, double& best_ratio) {
        const std::uint32_t slot = groups_[group].best();
        if (slot == kNoSlot) return;
        // The ratio LeastLoaded ranks by, so that one group alone chooses exactly as it would.
        const double ratio = static_cast<double>(weight_units_[slot]) / unit_cap(cap_[slot]);
        if (best == kNone || ratio < best_ratio || (ratio == best_ratio && slot < best)) {
            best = slot;
            best_ratio = ratio;
        }
    };
    WorkerId best = kNone;
    double best_ratio = std::numeric_limits<double>::infinity();
    const TeamId held = (*types_)[type].held_by;
    if (held != kNoTeam && held + 1u < groups_.size()) {
        best_of(held, best, best_ratio);
        best_of(groups_.size() - 1, best, best_ratio);
        if (best != kNone || params_.scope == AllocationParams::Scope::Team) return best;
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) best_of(g, best, best_ratio);
    return best;
}

bool Caseload::may_hold(WorkerId worker, CaseTypeId type) const {
    const TeamId held = (*types_)[type].held_by;
    return held == kNoTeam || group_[worker] == outside_teams() || group_[worker] == held;
}

void Caseload::rebalance(engine::Simulator& sim) {
    if (!orphans_.empty()) {
        // Hand on in referral order, so the outcome does not depend on heap layout.
        std::sort(orphans_.begin(), orphans_.end(),
                  [&](CaseId a, CaseId b) { return cases_[a].referral < cases_[b].referral; });
        std::size_t unplaced = 0;
        for (const CaseId id : orphans_) {
            const WorkerId worker = candidate(cases_[id].type);
            if (worker == kNone) {
                orphans_[unplaced++] = id;
            } else {
                allocate(id, worker, sim);
            }
        }
        // Cases nobody could take go to the front of their queue, ahead of waiting referrals,
        // in referral order.
        for (std::size_t i = unplaced; i-- > 0;) {
            const CaseId id = orphans_[i];
            waiting_[cases_[id].type].push_front(Waiting{--front_order_, id});
            ++waiting_count_;
        }
        orphans_.clear();
    }
    drain_waiting(sim);
    arm_timer(sim);
}

void Caseload::open_case(double work, engine::Simulator& sim, CaseTypeId type, double age,
                         std::span<const double> earlier_workers) {
    const CaseId id = new_case_slot();
    Case& c = cases_[id];
    c.remaining = work;
    c.referral = referrals_++;
    c.worker = kNone;
    c.last_worker = kNone;
    c.workers_seen = 0;
    c.type = type;
    c.due = sim.now();  // while it waits for its first worker: when it was opened
    c.stage_start = sim.now() - age;
    c.awaits_first = true;
    c.worker_starts = {};
    for (const double start : earlier_workers) count_worker(id, start);
    ++by_type_[type].open;
    const WorkerId worker = waiting_[type].empty() ? candidate(type) : kNone;
    if (worker == kNone) {
        enqueue_back(id);
    } else {
        // Only a case that becomes its worker's earliest can move the completion timer.
        if (allocate(id, worker, sim)) arm_timer(sim);
    }
}

void Caseload::enqueue_back(CaseId id) {
    waiting_[cases_[id].type].push_back(Waiting{back_order_++, id});
    ++waiting_count_;
}

void Caseload::handle(const engine::Event&, engine::Simulator& sim) {
    const WorkerId worker = earliest_due_.best();
    std::vector<Holding>& heap = holdings_[worker];
    std::pop_heap(heap.begin(), heap.end(), Later{});
    const CaseId id = heap.back().id;
    heap.pop_back();
    release_from(worker, id);
    const CaseType& done = (*types_)[cases_[id].type];
    if (done.next.empty() && !done.timescale_days) {
        ++by_type_[cases_[id].type].completed;
        close_case(id, sim);  // the core model's only step
    } else {
        complete_stage(id, worker, sim);
    }
    drain_waiting(sim);
    arm_timer(sim);
}


void Caseload::complete_stage(CaseId id, WorkerId worker, engine::Simulator& sim) {
    Case& c = cases_[id];
    const CaseType& done = (*types_)[c.type];
    TypeCounts& counts = by_type_[c.type];
    ++counts.completed;
    if (done.timescale_days && sim.now() - c.stage_start <= *done.timescale_days) {
        ++counts.within_timescale;
    }
    const CaseTypeId next =
        done.next.empty() ? kClosed : types_->next_after(c.type, journey_stream_.uniform01());
    if (next == kClosed) {
        close_case(id, sim);
        return;
    }
    --counts.open;
    ++by_type_[next].open;
    c.type = next;
    c.stage_start = sim.now();
    c.remaining = (*types_)[next].duration.sample(duration_stream_);
    c.worker = kNone;
    if (params_.continuity && may_hold(worker, next)) {
        // The worker carries on with the child: no allocation, no change of worker.
        c.due = sim.now() + c.remaining;
        c.worker = worker;
        std::vector<Holding>& heap = holdings_[worker];
        heap.push_back(Holding{c.due, id});
        std::push_heap(heap.begin(), heap.end(), Later{});
        ++allocated_;
        ++load_[worker];
        weight_units_[worker] += units_of(next);
        index_load(worker);
        update_due(worker);
        return;
    }
    c.last_worker = worker;
    enqueue_back(id);
}

[[gnu::always_inline]] inline void Caseload::close_case(CaseId id, engine::Simulator& sim) {
    Case& c = cases_[id];
    const std::uint16_t workers = c.workers_seen;
    if (workers >= 3) {
        const CaseId moved = three_plus_ids_.back();
        three_plus_ids_[c.three_plus_slot] = moved;
        cases_[moved].three_plus_slot = c.three_plus_slot;
        three_plus_ids_.pop_back();
    }
    closed_workers_ += workers;
    if (workers > 3) ++closed_over_three_;
    --by_type_[c.type].open;
    const CaseTypeId last = c.type;
    c.type = kClosed;
    free_cases_.push_back(id);
    ++closed_;
    if (closure_observer_ != nullptr) closure_observer_->case_closed(last, sim);
}

double Caseload::sum_of_weights(WorkerId worker) const {
    double total = 0.0;
    for (const Holding& h : holdings_[worker]) total += (*types_)[cases_[h.id].type].weight;
    return total;
}

int Caseload::max_load() const {
    int best = 0;
    for (const int l : load_) best = std::max(best, l);
    return best;
}

void Caseload::count_three_plus_workers_within(double now, double window,
                                               std::vector<std::uint64_t>& out) const {
    out.assign(types_->size(), 0);
    const double from = now - window;
    for (const CaseId id : three_plus_ids_) {
        const Case& c = cases_[id];
        int in_window = 0;
        for (const float start : c.worker_starts) in_window += start > from ? 1 : 0;
        // The worker who held the case when the window opened counts too.
        const int workers = in_window + (c.workers_seen > in_window ? 1 : 0);
        if (workers >= 3) ++out[c.type];
    }
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
    if (c.awaits_first) {  // its first worker here: `due` still holds when it was opened
        c.awaits_first = false;
        ++first_allocations_;
        wait_days_ += sim.now() - c.due;
    }
    if (worker != c.last_worker) count_worker(id, sim.now());
    c.last_worker = kNone;
    c.worker = worker;
    c.due = sim.now() + c.remaining;
    std::vector<Holding>& heap = holdings_[worker];
    heap.push_back(Holding{c.due, id});
    std::push_heap(heap.begin(), heap.end(), Later{});
    ++allocated_;
    ++load_[worker];
    weight_units_[worker] += units_of(c.type);
    const int cap_units = params_.weighted ? cap_[worker] * static_cast<int>(kWeightUnits)
                                            : cap_[worker];
    if (weight_units_[worker] > cap_units) ++over_cap_;
    index_load(worker);
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
    while (waiting_count_ > 0) {
        CaseTypeId chosen = kClosed;
        WorkerId worker = kNone;
        if (waiting_.size() == 1) {
            chosen = 0;
            worker = candidate(0);
        } else {
            // The waiting case first by priority, then order, among types someone can take.
            for (std::size_t t = 0; t < waiting_.size(); ++t) {
                if (waiting_[t].empty()) continue;
                const auto type = static_cast<CaseTypeId>(t);
                const WorkerId w = candidate(type);
                if (w == kNone) continue;
                if (chosen != kClosed) {
                    const int p = (*types_)[type].priority;
                    const int q = (*types_)[chosen].priority;
                    if (p > q || (p == q && waiting_[t].front().order > waiting_[chosen].front().order))
                        continue;
                }
                chosen = type;
                worker = w;
            }
        }
        if (worker == kNone) return;
        const CaseId id = waiting_[chosen].front().id;
        waiting_[chosen].pop_front();
        --waiting_count_;
        allocate(id, worker, sim);
    }
}

}  // namespace wfsim::model
