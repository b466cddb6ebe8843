// Posts and the people in them: who holds each funded post, which vacancies agency staff
// cover, and the rules that tie a change of staff to the caseload (a leaver's cases are handed
// on at once; a starter's capacity is offered to waiting cases).
//
// Processes (turnover, recruitment, agency, and later campaigns and cohorts) do not talk to
// each other: they act on Staffing, and Staffing tells its observers what changed.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

class Caseload;

struct StaffingParams {
    std::vector<int> establishment;      // funded posts, by role
    std::vector<int> initial_permanent;  // by role
    std::vector<int> initial_agency;     // by role; each covers one initial vacancy

    static StaffingParams read(config::Section root, const RoleCatalog& roles);
};

struct Post {
    RoleId role = 0;
    WorkerId holder = kNone;  // permanent worker in post
    WorkerId cover = kNone;   // agency worker covering the vacancy
    // Bumped each time the post falls vacant: requests made for an earlier vacancy spell
    // (a fill, an agency booking) carry the old value and are ignored when they come due.
    std::uint32_t vacancy_spell = 0;

    bool vacant() const { return holder == kNone; }
};

struct Worker {
    RoleId role = 0;
    Contract contract = Contract::Permanent;
    PostId post = kNone;
    bool active = false;
    // Bumped when the worker leaves, so events addressed to the previous occupant of this
    // slot (a departure, the end of an assignment) are recognised as stale.
    std::uint32_t generation = 0;
    double started = 0.0;
};

class StaffingObserver {
public:
    virtual ~StaffingObserver() = default;
    virtual void vacancy_opened(PostId, engine::Simulator&) {}
    virtual void permanent_started(WorkerId, engine::Simulator&) {}
    virtual void agency_started(WorkerId, engine::Simulator&) {}
};

class Staffing {
public:
    Staffing(const RoleCatalog& roles, const StaffingParams& params, Caseload& caseload);

    void add_observer(StaffingObserver& observer) { observers_.push_back(&observer); }

    // Time-0 state: initial permanent staff take the first posts of each role, initial agency
    // staff cover the next ones, and every post left vacant is announced as a new vacancy.
    void initialise(engine::Simulator& sim);

    // A permanent starter takes the (vacant) post; an agency worker covering it leaves and
    // its cases are handed on (most likely to the starter, who has the lightest caseload).
    WorkerId start_permanent(PostId post, engine::Simulator& sim);
    void permanent_leaves(WorkerId worker, engine::Simulator& sim);
    WorkerId start_agency(PostId post, engine::Simulator& sim);
    void agency_leaves(WorkerId worker, engine::Simulator& sim);

    const Post& post(PostId id) const { return posts_[id]; }
    const Worker& worker(WorkerId id) const { return workers_[id]; }
    std::size_t post_count() const { return posts_.size(); }
    std::size_t worker_capacity() const { return workers_.size(); }

    int permanent_count() const { return permanent_; }
    int agency_count() const { return agency_; }
    int vacancy_count() const { return static_cast<int>(posts_.size()) - permanent_; }
    int establishment() const { return static_cast<int>(posts_.size()); }

    // Cumulative counts since time 0, for interval and rolling-window metrics.
    std::uint64_t permanent_starters() const { return starters_; }
    std::uint64_t permanent_leavers() const { return leavers_; }
    // Integral of the permanent headcount over [0, now] (person-days).
    double permanent_person_days(double now) const {
        return person_days_ + permanent_ * (now - person_days_at_);
    }

private:
    WorkerId hire(PostId post, Contract contract, double now);
    void release(WorkerId worker, double now);
    void accrue_person_days(double now);

    const RoleCatalog& roles_;
    Caseload& caseload_;
    std::vector<Post> posts_;
    std::vector<Worker> workers_;  // slots; at most one worker per post at a time
    std::vector<WorkerId> free_slots_;
    std::vector<StaffingObserver*> observers_;
    int permanent_ = 0;
    int agency_ = 0;
    std::uint64_t starters_ = 0;
    std::uint64_t leavers_ = 0;
    double person_days_ = 0.0;
    double person_days_at_ = 0.0;
    std::vector<int> initial_permanent_;
    std::vector<int> initial_agency_;
};

}  // namespace wfsim::model
