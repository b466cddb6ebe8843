// Posts and the people in them: who holds each funded post, who covers vacancies and absences,
// and the rules that tie a change of staff to the caseload (a leaver's cases are handed on at
// once; a starter's capacity is offered to waiting cases; caps follow FTE, ASYE protection and
// absence).
//
// Staffing is mechanics, not policy. Processes (turnover, recruitment, campaigns, ASYE, absence,
// agency) decide when things happen and call Staffing; Staffing keeps the books consistent and
// tells its observers what changed. Processes never talk to each other.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <deque>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/scenario/teams.hpp"
#include "models/workforce/ids.hpp"

namespace wfsim::model {

class Caseload;

// A band of the initial staff's length of service: `share` of them have served less than
// `under_days` (and at least the previous band's bound), spread evenly within the band.
struct InitialTenureBand {
    double under_days = 0.0;
    double share = 0.0;
};

struct StaffingParams {
    std::vector<int> establishment;      // funded posts, by role
    std::vector<int> initial_permanent;  // by role
    std::vector<int> initial_agency;     // by role; each covers one initial vacancy
    std::vector<int> initial_agency_extra;  // by role; on no post (extra capacity)
    std::vector<InitialTenureBand> initial_tenure;  // empty: everyone starts at tenure 0
    // With teams: funded posts by role, then team template (each sums to the establishment).
    std::vector<std::vector<int>> team_posts;

    // `at_start`: check the initial staff against the establishment (not when reading the
    // establishment an intervention sets later). With teams, the establishment is theirs.
    static StaffingParams read(config::Section root, const RoleCatalog& roles,
                               const TeamCatalog& teams, bool at_start = true);
};

// The caseload protection of NQSWs in their ASYE: a share of their usual cap and a maximum.
// Protected development time takes a further share of their working time away from cases:
// their cap is min(floor(usual cap x share_of_cap x (1 - development_time)), max).
struct ProtectedCaseload {
    double share_of_cap = 1.0;
    int max = INT_MAX;
    double development_time = 0.0;

    friend bool operator==(const ProtectedCaseload&, const ProtectedCaseload&) = default;
};

struct Post {
    RoleId role = 0;
    TeamId team = kNoTeam;  // the team template the post belongs to
    WorkerId holder = kNone;  // permanent worker in post (perhaps working their notice)
    WorkerId cover = kNone;   // agency worker covering the vacancy
    // Bumped whenever the post needs a new holder and whenever it gets one: requests made
    // for an earlier spell (a fill, an agency booking) carry the old value and are ignored.
    std::uint32_t vacancy_spell = 0;
    bool incoming = false;   // an accepted offer's starter is on the way
    bool abolished = false;  // removed from the establishment

    bool vacant() const { return holder == kNone; }
};

struct Worker {
    RoleId role = 0;
    Contract contract = Contract::Permanent;
    Route route = Route::Initial;
    Absence absence = Absence::None;
    bool active = false;
    bool in_asye = false;          // an NQSW in their assessed year
    bool on_notice = false;        // resigned, working their notice
    bool cases_handed_on = false;  // long absence: their cases went to others
    // Permanent: the post held, or kNone in the pool above establishment. Agency: the post
    // covered, or kNone when covering an absence or adding capacity.
    PostId post = kNone;
    WorkerId covers = kNone;      // agency cover of an absent worker
    WorkerId covered_by = kNone;  // while absent: the agency worker covering them
    // Bumped when the worker leaves, so events addressed to the previous occupant of this
    // slot (a departure, the end of an assignment) are recognised as stale.
    std::uint32_t generation = 0;
    // Bumped when an absence starts or ends (and carried across a slot's occupants, like
    // `generation`), so a booking made for one absence is not used for a later one.
    std::uint32_t absence_spell = 0;
    double started = 0.0;    // joined the service; tenure counts from here
    double leaves_at = 0.0;  // while on notice: the exit time
    double fte = 1.0;
};

// What a permanent starter brings.
struct Hire {
    Route route = Route::Continuous;
    bool in_asye = false;
};

class StaffingObserver {
public:
    virtual ~StaffingObserver() = default;
    // A post needs a new permanent holder: its holder resigned (and may be working notice), or
    // it fell or was created vacant. Recruitment starts here.
    virtual void replacement_needed(PostId, engine::Simulator&) {}
    // A post is without a permanent holder from now (agency cover starts here).
    virtual void vacancy_opened(PostId, engine::Simulator&) {}
    virtual void permanent_started(WorkerId, engine::Simulator&) {}
    virtual void agency_started(WorkerId, engine::Simulator&) {}
    // Just before a worker leaves (the worker's record is still intact).
    virtual void worker_leaving(WorkerId, Destination, engine::Simulator&) {}
    // A worker's cap changed: an absence began or ended, or their ASYE ended.
    virtual void capacity_changed(WorkerId, engine::Simulator&) {}
    // An absent worker needs agency cover (the absence policy decided so; agency books it).
    virtual void cover_needed(WorkerId, engine::Simulator&) {}
    // An NQSW's ASYE was assessed; told before the outcome takes effect (a failed NQSW is
    // still in post).
    virtual void asye_completed(WorkerId, AsyeOutcome, engine::Simulator&) {}
    // A permanent worker moved to another post or role within the service (promotion, grade
    // progression, a qualified apprentice); their record already shows the new role, route
    // and post.
    virtual void worker_moved(WorkerId, RoleId /*from_role*/, engine::Simulator&) {}
};

class Staffing {
public:
    Staffing(const RoleCatalog& roles, const StaffingParams& params, Caseload& caseload,
             std::uint64_t seed, std::uint64_t replication, ProtectedCaseload asye_protection = {});

    void add_observer(StaffingObserver& observer) { observers_.push_back(&observer); }

    // Puts every post in a team (before initialise). Without teams posts belong to none.
    void assign_teams(const TeamCatalog& teams);
    // The team a worker works in: their post's, the absent worker's they cover, or kNoTeam
    // (the pool above establishment, extra capacity).
    TeamId team_of(WorkerId worker) const;

    // Time-0 state: initial permanent staff take the first posts of each role, initial agency
    // staff cover the next ones, and every post left vacant is announced as a new vacancy.
    // Part-time staff are the last of each role's initial staff, deterministically.
    void initialise(engine::Simulator& sim);
    // True while initialise() announces the vacancies open at the start.
    bool initialising() const { return initialising_; }

    // A permanent starter takes the post (vacant), or joins the pool above establishment when
    // `post` is kNone. An agency worker covering the post leaves; their cases are handed on.
    // A new hire works part time with their role's part-time share (drawn from this
    // component's own stream, so hiring does not shift any other process's numbers).
    WorkerId start_permanent(PostId post, RoleId role, const Hire& hire, engine::Simulator& sim);
    // Resignation: the post needs a replacement from now; the worker leaves at `exit`
    // (the caller schedules permanent_leaves then). Without notice, call permanent_leaves only.
    void give_notice(WorkerId worker, double exit, engine::Simulator& sim);
    // The worker leaves. Their post goes to the longest-serving worker of the role in the pool
    // above establishment if there is one, else falls vacant.
    void permanent_leaves(WorkerId worker, Destination destination, engine::Simulator& sim);
    // Promotion: the worker leaves their post for `to` (vacant) in another role.
    void move_to_post(WorkerId worker, PostId to, engine::Simulator& sim);
    // A move within the service: the worker (permanent, not on notice) leaves their post, or
    // the pool, for the vacant post `to` of `role`, or for the pool of `role` when `to` is
    // kNone, with the route and ASYE status of `as`. Their old post goes to the role's pool
    // or falls vacant (recruitment starts). Moving to a role that holds no cases hands their
    // cases on. Tenure and the leaving clock carry on.
    void move_to(WorkerId worker, RoleId role, PostId to, const Hire& as, engine::Simulator& sim);

    WorkerId start_agency(PostId post, engine::Simulator& sim);
    // Agency cover of an absent worker (or extra capacity when `absent` is kNone). The cover
    // ends when the absent worker returns or leaves.
    WorkerId start_agency_cover(RoleId role, WorkerId absent, engine::Simulator& sim);
    void agency_leaves(WorkerId worker, Destination destination, engine::Simulator& sim);
    // An agency worker covering a vacancy takes the post permanently, keeping their slot and
    // cases: observers hear worker_leaving (Converted) for the agency record, then
    // permanent_started (Route::Conversion).
    void convert_to_permanent(WorkerId agency_worker, engine::Simulator& sim);

    void set_in_asye(WorkerId worker, bool in_asye, engine::Simulator& sim);
    // A permanent worker present in the service goes absent: their cap is 0 (they take no new
    // cases) but they keep the cases they hold until hand_on_cases.
    // The outcome of an NQSW's ASYE, told to observers first: passed ends the ASYE (full
    // cap, the role's usual turnover), extended changes nothing, failed makes them leave
    // (Destination::AsyeFailed).
    void complete_asye(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim);
    // New ASYE protection from now; the caps of NQSWs in their ASYE follow.
    void set_asye_protection(const ProtectedCaseload& protection, engine::Simulator& sim);
    const ProtectedCaseload& asye_protection() const { return protection_; }
    void start_absence(WorkerId worker, Absence kind, engine::Simulator& sim);
    // Long absence: the worker's cases are handed on (each a change of worker).
    void hand_on_cases(WorkerId worker, engine::Simulator& sim);
    // Asks observers for agency cover of an absent worker (cover_needed).
    void request_cover(WorkerId absent, engine::Simulator& sim);
    // The worker returns; an agency worker covering them leaves (CoverEnded).
    void end_absence(WorkerId worker, engine::Simulator& sim);

    // Establishment changes, in one team template (kNoTeam without teams): new posts are
    // offered to the pool first, then announced as vacancies; cuts abolish vacant posts first
    // (ending their cover), then posts whose holder leaves later.
    void add_posts(RoleId role, int count, engine::Simulator& sim, TeamId team = kNoTeam);
    void remove_posts(RoleId role, int count, engine::Simulator& sim, TeamId team = kNoTeam);

    // From now on: the establishment of `params` (posts added or cut to match it, template by
    // template with teams) and the roles' caps and part-time shares of `roles` (same roles, in
    // the same order); caps that change are applied at once. Both must outlive the run.
    void reconfigure(const RoleCatalog& roles, const StaffingParams& params,
                     engine::Simulator& sim);

    // Marks a post as awaiting an accepted offer's starter (or no longer).
    void set_incoming(PostId post, bool incoming) { posts_[post].incoming = incoming; }

    const Post& post(PostId id) const { return posts_[id]; }
    const Worker& worker(WorkerId id) const { return workers_[id]; }
    std::size_t post_count() const { return posts_.size(); }
    std::size_t worker_capacity() const { return workers_.size(); }
    const RoleCatalog& roles() const { return *roles_; }

    int permanent_count() const { return permanent_; }
    int agency_count() const { return agency_; }
    int vacancy_count() const { return establishment_ - in_post_; }
    int establishment() const { return establishment_; }
    int permanent_count(RoleId r) const { return by_role_[r].permanent; }
    int agency_count(RoleId r) const { return by_role_[r].agency; }
    int vacancy_count(RoleId r) const { return by_role_[r].posts - by_role_[r].in_post; }
    int establishment(RoleId r) const { return by_role_[r].posts; }
    int pool_count(RoleId r) const { return static_cast<int>(pool_[r].size()); }
    // Permanent staff in post or in the pool, of a role, who are not yet on notice.
    int staying_count(RoleId r) const { return by_role_[r].permanent - by_role_[r].on_notice; }

    // Cumulative counts since time 0, for interval and rolling-window metrics.
    std::uint64_t permanent_starters() const { return starters_; }
    std::uint64_t permanent_leavers() const { return leavers_; }
    // Integral of the permanent headcount over [0, now] (person-days).
    double permanent_person_days(double now) const {
        return person_days_ + permanent_ * (now - person_days_at_);
    }

    // FTE-days in the service over [0, now] by role and contract (the integral of FTE: what
    // salaries and agency fees are paid on), whether in post, in the pool, on notice or absent.
    double fte_days(RoleId role, Contract contract, double now) const;

    // The cap a worker's caseload is held to now (role, FTE, ASYE protection, absence).
    int cap_of(WorkerId worker) const;
    // The FTE a worker gives to cases now: 0 without a cap, less the protected development
    // time of an NQSW in their ASYE.
    double case_holding_fte(WorkerId worker) const;

private:
    struct RoleCounts {
        int posts = 0;
        int in_post = 0;  // posts with a permanent holder
        int permanent = 0;
        int agency = 0;
        int on_notice = 0;
    };

    WorkerId hire(PostId post, RoleId role, Contract contract, double now, double fte = 1.0);
    void book_fte(RoleId role, Contract contract, double change, double now);
    void release(WorkerId worker, double now);
    // The agency worker covering `post` leaves, observers told: a permanent holder arrived or
    // the post was cut.
    void end_cover(const Post& post, engine::Simulator& sim);
    // The agency worker covering an absent worker leaves (CoverEnded), observers told.
    void end_absence_cover(WorkerId absent, engine::Simulator& sim);
    void accrue_person_days(double now);
    void refresh_cap(WorkerId worker);
    void announce_vacancy(PostId post, engine::Simulator& sim);
    // Takes a worker from the role's pool into `post`, if there is one.
    bool fill_from_pool(PostId post);
    void abolish(PostId post);
    double initial_fte(RoleId role, int index, int count) const;
    double new_hire_fte(RoleId role);
    // Days of service of an initial permanent worker, drawn from the initial tenure bands.
    double initial_service();

    const RoleCatalog* roles_;
    Caseload& caseload_;
    ProtectedCaseload protection_;
    std::vector<Post> posts_;
    std::vector<Worker> workers_;  // slots, reused after a worker leaves
    std::vector<WorkerId> free_slots_;
    std::vector<std::deque<WorkerId>> pool_;  // per role: permanent staff above establishment
    std::vector<RoleCounts> by_role_;
    struct FteBook {
        double fte = 0.0;       // in the service now
        double fte_days = 0.0;  // integral up to `since`
        double since = 0.0;
    };
    std::vector<std::array<FteBook, 2>> fte_books_;  // by role, then contract
    // Posts to abolish when they next fall vacant, by role, then team template (the last
    // column: posts in no team).
    std::vector<std::vector<int>> to_abolish_;
    std::size_t abolish_column(TeamId team) const {
        return team == kNoTeam ? to_abolish_.front().size() - 1 : team;
    }
    // Funded posts of a role in a team template: live posts less pending cuts.
    int funded_posts(RoleId role, TeamId team) const;
    std::vector<StaffingObserver*> observers_;
    int establishment_ = 0;
    int in_post_ = 0;
    int permanent_ = 0;
    int agency_ = 0;
    std::uint64_t starters_ = 0;
    std::uint64_t leavers_ = 0;
    double person_days_ = 0.0;
    double person_days_at_ = 0.0;
    std::vector<int> initial_permanent_;
    std::vector<int> initial_agency_;
    std::vector<int> initial_agency_extra_;
    bool initialising_ = false;
    std::vector<engine::RandomStream> part_time_streams_;  // per role: "staffing.part_time.<role>"
    std::vector<InitialTenureBand> initial_tenure_;
    engine::RandomStream tenure_stream_;  // "staffing.initial_tenure"
};

}  // namespace wfsim::model
