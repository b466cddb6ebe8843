// Open cases, who holds them, and the cases waiting for a worker.
//
// A case is one child's involvement with the service. It has a type (case_types.hpp) and an
// amount of work (days) in its current stage, which progresses only while it is allocated.
// When a stage is done the case steps to its type's next type, drawing new work, or closes;
// the child keeps their count of workers across steps. Allocation is work-conserving: a case
// goes to the least-loaded candidate under cap (candidates: the workers of the team that holds
// its type, and staff outside teams), or waits, by priority then in order. A leaver's cases
// keep their remaining work and are handed on at once, ahead of waiting referrals. Every
// allocation to a new worker counts towards the case's number of workers.
//
// Without case types and teams this is the core model: one type that closes when done, one
// pool of workers, one first-in-first-out queue.
//
// Speed: each worker keeps its own cases in a small min-heap by due time; a MinTree over
// workers keyed by their earliest due gives the next stage to complete anywhere, and one
// engine timer is armed for it. Completing and allocating cases therefore never touch the
// engine's heap (thousands of open cases, one pending event), and a leaver's cases are found
// without a search. Candidates are found through one LeastLoaded index per team template.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "engine/min_tree.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/casework/allocation.hpp"
#include "models/casework/case_types.hpp"
#include "models/casework/least_loaded.hpp"
#include "models/scenario/teams.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

// Told when a case closes (re-referrals).
class CaseClosureObserver {
public:
    virtual ~CaseClosureObserver() = default;
    virtual void case_closed(CaseTypeId last_type, engine::Simulator& sim) = 0;
};

class Caseload final : public engine::EventHandler {
public:
    // Without `types` the service has one case type that closes when done; `teams` is the
    // number of team templates (0: none). `types` must outlive the caseload (or be replaced
    // by reconfigure).
    Caseload(std::size_t worker_slots, const AllocationParams& params, engine::Simulator& sim,
             const CaseTypeCatalog* types = nullptr, std::size_t teams = 0,
             std::uint64_t seed = 0, std::uint64_t replication = 0);

    // From now on: new type settings (same types) and allocation rules. Caps already reached
    // stay; the new rules apply to the next allocations.
    void reconfigure(const CaseTypeCatalog& types, const AllocationParams& params,
                     engine::Simulator& sim);
    void set_closure_observer(CaseClosureObserver* observer) { closure_observer_ = observer; }

    // Staffing changes. These only register the change; rebalance() then hands on the cases
    // of leavers and gives waiting cases to free capacity.
    void add_worker(WorkerId worker, int cap, TeamId team = kNoTeam);
    void remove_worker(WorkerId worker, double now);
    // The worker now works in `team`: new cases come to them by its types; they keep the
    // cases they hold.
    void set_team(WorkerId worker, TeamId team);
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

    // A referral (or an initial case, open for `age` days already) becomes a case of `type`
    // with `work` days of work to do in its first stage. An initial case may bring the times
    // its child's earlier workers took it (oldest first, at or before now): they count
    // towards its number of workers, and its next worker is one more.
    void open_case(double work, engine::Simulator& sim, CaseTypeId type = 0, double age = 0.0,
                   std::span<const double> earlier_workers = {});

    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // State for the recorder.
    std::uint64_t referrals() const { return referrals_; }  // cumulative
    std::uint64_t closed() const { return closed_; }        // cumulative
    std::uint64_t open() const { return referrals_ - closed_; }
    std::uint64_t allocated() const { return allocated_; }
    std::uint64_t waiting() const { return waiting_count_; }
    std::uint64_t open_with_three_plus_workers() const { return three_plus_ids_.size(); }
    // Cumulative: the workers of closed cases (their whole pathway), closed cases that had
    // more than 3, cases given their first worker, and the days those waited for one.
    std::uint64_t closed_case_workers() const { return closed_workers_; }
    std::uint64_t closed_with_more_than_three_workers() const { return closed_over_three_; }
    std::uint64_t first_allocations() const { return first_allocations_; }
    double days_waited_for_first_worker() const { return wait_days_; }
    // Cumulative allocations that took a worker above their cap (guideline caps).
    std::uint64_t over_cap_allocations() const { return over_cap_; }
    int load(WorkerId worker) const { return load_[worker]; }
    // The worker's caseload in weights (case_types.<type>.weight).
    double weighted_load(WorkerId worker) const {
        return weights_differ_ ? sum_of_weights(worker) : load_[worker];
    }
    int cap(WorkerId worker) const { return cap_[worker]; }
    int max_load() const;
    // The case types as they read now (interventions may change their settings).
    const CaseTypeCatalog& types() const { return *types_; }
    // Case-holding workers in post: those with a cap above zero.
    int case_holders() const { return case_holders_; }

    // By case type: open cases and waiting cases now; cumulative stages completed and those
    // done within the type's timescale.
    std::uint64_t open(CaseTypeId type) const { return by_type_[type].open; }
    std::uint64_t waiting(CaseTypeId type) const { return waiting_[type].size(); }
    std::uint64_t stages_completed(CaseTypeId type) const { return by_type_[type].completed; }
    std::uint64_t completed_within_timescale(CaseTypeId type) const {
        return by_type_[type].within_timescale;
    }
    // Open cases, by type, whose child had 3 or more workers in the `window` days up to `now`
    // (the DfE's indicator for looked-after children uses 12 months); `out` is resized to
    // the number of types.
    void count_three_plus_workers_within(double now, double window,
                                         std::vector<std::uint64_t>& out) const;

private:
    // Weights are counted in quarters so that loads stay small integers.
    static constexpr double kWeightUnits = 4.0;

    // One cache line: cases are touched on every allocation and completion.
    struct Case {
        double remaining = 0.0;  // work left in the stage, while not allocated
        double due = 0.0;  // completion time while allocated; opening time until first allocated
        double stage_start = 0.0;  // when the current stage began (timescales)
        std::uint64_t referral = 0;  // referral order, to hand on and queue fairly
        // When the last 3 workers took it, newest last. Single precision is ample for a
        // 12-month window (a few minutes' resolution over two centuries).
        std::array<float, 3> worker_starts{};
        WorkerId worker = kNone;
        WorkerId last_worker = kNone;  // the worker before a step (not a change if re-chosen)
        std::uint32_t three_plus_slot = 0;  // its place in three_plus_ids_, once it has had 3
        std::uint16_t workers_seen = 0;
        CaseTypeId type = kClosed;  // kClosed: a free slot
        bool awaits_first = false;  // opened and not yet given a worker: `due` is its opening
    };
    static_assert(sizeof(Case) <= 64, "a case should stay within one cache line");
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
    struct Waiting {
        std::int64_t order;  // queue position: hand-ons go in front of referrals
        CaseId id;
    };
    struct TypeCounts {
        std::uint64_t open = 0;
        std::uint64_t completed = 0;
        std::uint64_t within_timescale = 0;
    };

    CaseId new_case_slot();
    double sum_of_weights(WorkerId worker) const;
    // Moves a worker's cases to the orphans, keeping their remaining work.
    void orphan_cases(WorkerId worker, double now);
    // The best candidate for a case of `type`, or kNone. Inline for the one-pool service.
    WorkerId candidate(CaseTypeId type) const {
        if (groups_.size() == 1) {
            const std::uint32_t slot = groups_[0].best();
            return slot == LeastLoaded::kNoSlot ? kNone : slot;
        }
        return team_candidate(type);
    }
    // The same, among team templates.
    WorkerId team_candidate(CaseTypeId type) const;
    // Whether `worker` may hold cases of `type`.
    bool may_hold(WorkerId worker, CaseTypeId type) const;
    // What a case of `type` adds to a load, in weight units.
    int units_of(CaseTypeId type) const {
        if (!params_.weighted) return 1;
        return weighted_units(type);
    }
    int weighted_units(CaseTypeId type) const;
    int unit_cap(int cap) const;
    // Returns true when the case became its worker's earliest due (the timer may need moving).
    bool allocate(CaseId id, WorkerId worker, engine::Simulator& sim);
    // Takes a case off its worker's load (its holding already popped). Inline: it runs at
    // every completion.
    void release_from(WorkerId worker, CaseId id) {
        --allocated_;
        --load_[worker];
        weight_units_[worker] -= units_of(cases_[id].type);
        index_load(worker);
        update_due(worker);
    }
    // After a worker's earliest due changed: update the due tree.
    void update_due(WorkerId worker) {
        const std::vector<Holding>& heap = holdings_[worker];
        earliest_due_.set(worker, heap.empty() ? engine::MinTree::kAbsent : heap.front().due);
    }
    std::uint16_t outside_teams() const { return static_cast<std::uint16_t>(groups_.size() - 1); }
    void set_group(WorkerId worker, TeamId team) {
        group_[worker] = team == kNoTeam ? outside_teams() : team;
    }
    // A new worker took the case at `start`: counted, and remembered for the 12-month window.
    void count_worker(CaseId id, double start) {
        Case& c = cases_[id];
        c.worker_starts = {c.worker_starts[1], c.worker_starts[2], static_cast<float>(start)};
        if (++c.workers_seen == 3) {
            c.three_plus_slot = static_cast<std::uint32_t>(three_plus_ids_.size());
            three_plus_ids_.push_back(id);
        }
    }
    void enqueue_back(CaseId id);
    void drain_waiting(engine::Simulator& sim);
    // A stage of the case is done: it steps on (keeping or losing its worker) or closes.
    void complete_stage(CaseId id, WorkerId worker, engine::Simulator& sim);
    void close_case(CaseId id, engine::Simulator& sim);
    // Arms the completion timer for the earliest due case anywhere (or disarms it).
    void arm_timer(engine::Simulator& sim);
    void index_add(WorkerId worker);
    void index_remove(WorkerId worker);
    void index_load(WorkerId worker) { groups_[group_[worker]].set_load(worker, weight_units_[worker]); }

    AllocationParams params_;  // a copy: small, and callers may pass a temporary
    const CaseTypeCatalog* types_;
    CaseTypeCatalog default_types_;
    CaseClosureObserver* closure_observer_ = nullptr;
    engine::TimerId next_completion_;
    // One index per team template and a last one for staff outside teams.
    std::vector<LeastLoaded> groups_;
    engine::MinTree earliest_due_;  // per worker: due time of its earliest case
    std::vector<Case> cases_;
    std::vector<CaseId> free_cases_;
    std::vector<std::vector<Holding>> holdings_;  // per worker, a min-heap by (due, id)
    std::vector<int> load_;
    std::vector<int> weight_units_;  // per worker: the load in weight units
    std::vector<int> cap_;
    std::vector<std::uint16_t> group_;  // per worker: their team, or outside_teams()
    std::vector<std::deque<Waiting>> waiting_;  // per case type
    std::int64_t front_order_ = 0;
    std::int64_t back_order_ = 0;
    std::uint64_t waiting_count_ = 0;
    std::vector<CaseId> orphans_;  // cases of leavers, handed on at the next rebalance
    std::vector<TypeCounts> by_type_;
    engine::RandomStream journey_stream_;   // "cases.journeys": the next type
    engine::RandomStream duration_stream_;  // "cases.stage_duration": later stages' work
    std::uint64_t referrals_ = 0;
    std::uint64_t closed_ = 0;
    std::uint64_t allocated_ = 0;
    // Open cases that have had 3 or more workers: only they can meet the 12-month indicator,
    // so the recorder scans these rather than every case.
    std::vector<CaseId> three_plus_ids_;
    bool weights_differ_ = false;  // some type's weight is not 1
    std::uint64_t closed_workers_ = 0;
    std::uint64_t closed_over_three_ = 0;
    std::uint64_t first_allocations_ = 0;
    std::uint64_t over_cap_ = 0;
    double wait_days_ = 0.0;
    int case_holders_ = 0;
};

}  // namespace wfsim::model
