#include "models/workforce/staffing.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/casework/caseload.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::model {

StaffingParams StaffingParams::read(config::Section root, const RoleCatalog& roles,
                                    const TeamCatalog& teams, bool at_start) {
    StaffingParams params;
    const bool by_teams = teams.declared() && !root.has("establishment");
    config::Section establishment = root.named_entries(
        "establishment", {"Funded posts per role. Required unless teams: are declared (then the "
                          "establishment is the sum of the teams' posts)."},
        "<role>", !teams.declared());
    params.establishment =
        roles.read_counts(establishment, {"Funded posts in this role.", "posts"}, 0);
    if (by_teams) {
        params.establishment = teams.establishment(roles.size());
        params.team_posts.assign(roles.size(), std::vector<int>(teams.size(), 0));
        for (std::size_t t = 0; t < teams.size(); ++t) {
            const TeamTemplate& team = teams[static_cast<TeamId>(t)];
            for (std::size_t r = 0; r < roles.size() && r < team.posts.size(); ++r) {
                params.team_posts[r][t] = team.count * team.posts[r];
            }
        }
    } else if (teams.declared()) {
        root.error("establishment",
                   "the establishment comes from teams: when teams are declared (remove one)");
    }

    config::Section initial =
        root.section("initial_staff",
                     {"Staff in post at the start date; roles not listed start with none."}, true);
    config::Section permanent = initial.named_entries(
        "permanent", {"Permanent staff in post at the start, per role."}, "<role>");
    params.initial_permanent = roles.read_counts(
        permanent, {"Permanent workers in this role at the start.", "workers"}, 0);
    config::Section agency = initial.named_entries(
        "agency", {"Agency staff covering vacancies at the start, per role."}, "<role>");
    params.initial_agency = roles.read_counts(
        agency, {"Agency workers in this role at the start; each covers one vacancy.", "workers"},
        0);
    config::Section extra = initial.named_entries(
        "agency_extra",
        {"Agency staff at the start on no post, per role: extra capacity beyond the vacancies "
         "(the census's agency workers not covering a vacancy). They hold cases like any "
         "worker outside teams and stay for an agency.assignment draw."},
        "<role>");
    params.initial_agency_extra = roles.read_counts(
        extra, {"Agency workers in this role at the start beyond the vacancies.", "workers"}, 0);
    double shares = 0.0;
    for (config::Section band : initial.list(
             "tenure", {"Length of service of the initial permanent staff, in ascending bands "
                        "whose shares add up to 1 (e.g. Manchester: 39 % under 2 years, 23 % "
                        "from 2 to 4). Without it everyone starts with no service."})) {
        InitialTenureBand b;
        b.under_days = band.duration("under", {"Upper bound of the band's service.", "days"},
                                     {.min = 0.0, .min_exclusive = true});
        b.share = band.real("share", {"Share of the initial staff in the band.", "1"},
                            {.min = 0.0, .max = 1.0});
        if (!params.initial_tenure.empty() &&
            b.under_days <= params.initial_tenure.back().under_days) {
            band.error("under", "bands must be in ascending order of service");
        }
        band.finish();
        shares += b.share;
        params.initial_tenure.push_back(b);
    }
    if (!params.initial_tenure.empty() && std::abs(shares - 1.0) > 1e-9) {
        initial.error("tenure", "shares must add up to 1 (got " + config::format_number(shares) +
                                    ")");
    }
    initial.finish();

    for (std::size_t r = 0; at_start && r < roles.size(); ++r) {
        const std::string& name = roles[static_cast<RoleId>(r)].name;
        const int posts = params.establishment[r];
        const int in_post = params.initial_permanent[r];
        const int covering = params.initial_agency[r];
        // A post count already reported as bad was read as 0; comparing with it would only
        // add a misleading second problem.
        if (!by_teams && establishment.reported(name)) continue;
        if (in_post > posts) {
            permanent.error(name, "more permanent staff than posts (got " +
                                      std::to_string(in_post) + ", establishment " +
                                      std::to_string(posts) + ")");
        } else if (covering > posts - in_post) {
            agency.error(name, "more agency staff than vacancies to cover (got " +
                                   std::to_string(covering) + ", vacancies " +
                                   std::to_string(posts - in_post) + ")");
        }
    }
    return params;
}

Staffing::Staffing(const RoleCatalog& roles, const StaffingParams& params, Caseload& caseload,
                   std::uint64_t seed, std::uint64_t replication, ProtectedCaseload asye_protection)
    : roles_(&roles),
      caseload_(caseload),
      protection_(asye_protection),
      pool_(roles.size()),
      by_role_(roles.size()),
      fte_books_(roles.size()),
      to_abolish_(roles.size(), std::vector<int>(1, 0)),
      initial_permanent_(params.initial_permanent),
      initial_agency_(params.initial_agency),
      initial_agency_extra_(params.initial_agency_extra),
      initial_tenure_(params.initial_tenure),
      tenure_stream_(seed, replication, "staffing.initial_tenure") {
    for (std::size_t r = 0; r < params.establishment.size(); ++r) {
        for (int i = 0; i < params.establishment[r]; ++i) {
            posts_.push_back(Post{static_cast<RoleId>(r)});
        }
        by_role_[r].posts = params.establishment[r];
        establishment_ += params.establishment[r];
    }
    workers_.resize(posts_.size());
    caseload_.ensure_worker_slots(workers_.size());
    free_slots_.reserve(posts_.size());
    // Hand out low slot numbers first, so ties in allocation favour the oldest slots.
    for (std::size_t slot = posts_.size(); slot-- > 0;) {
        free_slots_.push_back(static_cast<WorkerId>(slot));
    }
    part_time_streams_.reserve(roles.size());
    for (const Role& role : roles.all()) {
        part_time_streams_.emplace_back(seed, replication, "staffing.part_time." + role.name);
    }
}

void Staffing::initialise(engine::Simulator& sim) {
    std::vector<int> permanent_seen(roles_->size(), 0);
    std::vector<int> agency_left = initial_agency_;
    std::vector<WorkerId> permanent_started;
    std::vector<WorkerId> agency_started;
    for (PostId p = 0; p < posts_.size(); ++p) {
        const RoleId role = posts_[p].role;
        if (permanent_seen[role] < initial_permanent_[role]) {
            const double fte = initial_fte(role, permanent_seen[role]++, initial_permanent_[role]);
            const WorkerId w = hire(p, role, Contract::Permanent, sim.now(), fte);
            workers_[w].route = Route::Initial;
            workers_[w].started = sim.now() - initial_service();
            refresh_cap(w);
            permanent_started.push_back(w);
        } else if (agency_left[role] > 0) {
            --agency_left[role];
            agency_started.push_back(hire(p, role, Contract::Agency, sim.now()));
        }
    }
    for (std::size_t r = 0; r < initial_agency_extra_.size(); ++r) {
        for (int i = 0; i < initial_agency_extra_[r]; ++i) {
            agency_started.push_back(
                hire(kNone, static_cast<RoleId>(r), Contract::Agency, sim.now()));
        }
    }
    caseload_.rebalance(sim);
    for (const WorkerId w : permanent_started) {
        for (StaffingObserver* o : observers_) o->permanent_started(w, sim);
    }
    for (const WorkerId w : agency_started) {
        for (StaffingObserver* o : observers_) o->agency_started(w, sim);
    }
    initialising_ = true;
    for (PostId p = 0; p < posts_.size(); ++p) {
        if (posts_[p].vacant()) announce_vacancy(p, sim);
    }
    initialising_ = false;
}

WorkerId Staffing::start_permanent(PostId post, RoleId role, const Hire& details,
                                   engine::Simulator& sim) {
    if (post != kNone) {
        Post& target = posts_[post];
        if (!target.vacant() || target.abolished) {
            throw std::logic_error("permanent start into a filled post");
        }
        if (target.cover != kNone) end_cover(target, sim);
        ++target.vacancy_spell;
        target.incoming = false;
    }
    const WorkerId id = hire(post, role, Contract::Permanent, sim.now(), new_hire_fte(role));
    Worker& w = workers_[id];
    w.route = details.route;
    w.in_asye = details.in_asye;
    refresh_cap(id);
    ++starters_;
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->permanent_started(id, sim);
    return id;
}

void Staffing::give_notice(WorkerId worker, double exit, engine::Simulator& sim) {
    Worker& w = workers_[worker];
    w.on_notice = true;
    w.leaves_at = exit;
    ++by_role_[w.role].on_notice;
    if (w.post == kNone) return;  // a pool worker leaves no post to fill
    ++posts_[w.post].vacancy_spell;
    for (StaffingObserver* o : observers_) o->replacement_needed(w.post, sim);
}

void Staffing::permanent_leaves(WorkerId worker, Destination destination, engine::Simulator& sim) {
    for (StaffingObserver* o : observers_) o->worker_leaving(worker, destination, sim);
    if (workers_[worker].covered_by != kNone) end_absence_cover(worker, sim);
    const PostId post = workers_[worker].post;
    const bool had_notice = workers_[worker].on_notice;
    release(worker, sim.now());
    ++leavers_;
    if (post == kNone) {
        caseload_.rebalance(sim);
        return;
    }
    Post& left = posts_[post];
    if (int& pending = to_abolish_[left.role][abolish_column(left.team)]; pending > 0) {
        --pending;
        abolish(post);
        caseload_.rebalance(sim);
        return;
    }
    if (!had_notice) ++left.vacancy_spell;
    const bool filled = fill_from_pool(post);
    caseload_.rebalance(sim);
    if (filled) return;
    if (!had_notice) {
        for (StaffingObserver* o : observers_) o->replacement_needed(post, sim);
    }
    for (StaffingObserver* o : observers_) o->vacancy_opened(post, sim);
}

void Staffing::move_to_post(WorkerId worker, PostId to, engine::Simulator& sim) {
    move_to(worker, posts_[to].role, to, Hire{.route = Route::Promotion}, sim);
}

void Staffing::move_to(WorkerId worker, RoleId role, PostId to, const Hire& as,
                       engine::Simulator& sim) {
    Worker& w = workers_[worker];
    if (!w.active || w.contract != Contract::Permanent || w.on_notice) {
        throw std::logic_error("move of a worker who is not staying permanent staff");
    }
    if (to != kNone) {
        Post& target = posts_[to];
        if (!target.vacant() || target.abolished || target.role != role) {
            throw std::logic_error("move into a filled post or one of another role");
        }
        if (target.cover != kNone) end_cover(target, sim);
    }
    const PostId from = w.post;
    const RoleId from_role = w.role;
    RoleCounts& old_role = by_role_[from_role];
    --old_role.permanent;
    if (from != kNone) {
        posts_[from].holder = kNone;
        --old_role.in_post;
        --in_post_;
        ++posts_[from].vacancy_spell;
    } else {
        std::erase(pool_[from_role], worker);
    }
    book_fte(from_role, Contract::Permanent, -w.fte, sim.now());
    book_fte(role, Contract::Permanent, w.fte, sim.now());
    w.role = role;
    w.post = to;
    caseload_.set_team(worker, team_of(worker));
    w.route = as.route;
    w.in_asye = as.in_asye;
    RoleCounts& new_role = by_role_[role];
    ++new_role.permanent;
    if (to != kNone) {
        Post& target = posts_[to];
        target.holder = worker;
        ++target.vacancy_spell;
        target.incoming = false;
        ++new_role.in_post;
        ++in_post_;
    } else {
        pool_[role].push_back(worker);
    }
    refresh_cap(worker);
    if (cap_of(worker) == 0 && caseload_.load(worker) > 0) {
        caseload_.hand_on_cases(worker, sim.now());
    }
    const bool announce = from != kNone && !fill_from_pool(from);
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->worker_moved(worker, from_role, sim);
    if (announce) announce_vacancy(from, sim);
}

WorkerId Staffing::start_agency(PostId post, engine::Simulator& sim) {
    const Post& target = posts_[post];
    if (!target.vacant() || target.cover != kNone || target.abolished) {
        throw std::logic_error("agency start into a post that is filled or covered");
    }
    const WorkerId worker = hire(post, target.role, Contract::Agency, sim.now());
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->agency_started(worker, sim);
    return worker;
}

WorkerId Staffing::start_agency_cover(RoleId role, WorkerId absent, engine::Simulator& sim) {
    if (absent != kNone) {
        const Worker& a = workers_[absent];
        if (!a.active || a.absence == Absence::None || a.covered_by != kNone) {
            throw std::logic_error("agency cover of a worker who is not absent or is covered");
        }
    }
    const WorkerId worker = hire(kNone, role, Contract::Agency, sim.now());
    workers_[worker].covers = absent;
    if (absent != kNone) workers_[absent].covered_by = worker;
    caseload_.set_team(worker, team_of(worker));
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->agency_started(worker, sim);
    return worker;
}

void Staffing::agency_leaves(WorkerId worker, Destination destination, engine::Simulator& sim) {
    for (StaffingObserver* o : observers_) o->worker_leaving(worker, destination, sim);
    release(worker, sim.now());
    caseload_.rebalance(sim);
}

void Staffing::set_in_asye(WorkerId worker, bool in_asye, engine::Simulator& sim) {
    workers_[worker].in_asye = in_asye;
    refresh_cap(worker);
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->capacity_changed(worker, sim);
}

void Staffing::complete_asye(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim) {
    for (StaffingObserver* o : observers_) o->asye_completed(worker, outcome, sim);
    switch (outcome) {
        case AsyeOutcome::Passed:
            set_in_asye(worker, false, sim);
            return;
        case AsyeOutcome::Extended:
            return;
        case AsyeOutcome::Failed:
            permanent_leaves(worker, Destination::AsyeFailed, sim);
            return;
    }
}

void Staffing::set_asye_protection(const ProtectedCaseload& protection, engine::Simulator& sim) {
    protection_ = protection;
    std::vector<WorkerId> changed;
    for (WorkerId id = 0; id < workers_.size(); ++id) {
        if (workers_[id].active && workers_[id].in_asye) {
            refresh_cap(id);
            changed.push_back(id);
        }
    }
    caseload_.rebalance(sim);
    for (const WorkerId id : changed) {
        for (StaffingObserver* o : observers_) o->capacity_changed(id, sim);
    }
}

void Staffing::start_absence(WorkerId worker, Absence kind, engine::Simulator& sim) {
    Worker& w = workers_[worker];
    if (!w.active || w.contract != Contract::Permanent || w.absence != Absence::None ||
        kind == Absence::None) {
        throw std::logic_error("absence of a worker who is not a present permanent worker");
    }
    w.absence = kind;
    ++w.absence_spell;
    refresh_cap(worker);
    for (StaffingObserver* o : observers_) o->capacity_changed(worker, sim);
}

void Staffing::hand_on_cases(WorkerId worker, engine::Simulator& sim) {
    // Only an absent worker's cases: anyone else under cap would be offered them straight back.
    if (workers_[worker].absence == Absence::None) {
        throw std::logic_error("cases handed on from a worker who is not absent");
    }
    workers_[worker].cases_handed_on = true;
    caseload_.hand_on_cases(worker, sim.now());
    caseload_.rebalance(sim);
}

void Staffing::request_cover(WorkerId absent, engine::Simulator& sim) {
    const Worker& w = workers_[absent];
    if (w.absence == Absence::None || w.covered_by != kNone) {
        throw std::logic_error("cover asked for a worker who is not absent or is covered");
    }
    for (StaffingObserver* o : observers_) o->cover_needed(absent, sim);
}

void Staffing::end_absence(WorkerId worker, engine::Simulator& sim) {
    Worker& w = workers_[worker];
    if (w.absence == Absence::None) throw std::logic_error("end of an absence never started");
    if (w.covered_by != kNone) end_absence_cover(worker, sim);
    w.absence = Absence::None;
    ++w.absence_spell;
    w.cases_handed_on = false;
    refresh_cap(worker);
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->capacity_changed(worker, sim);
}

void Staffing::convert_to_permanent(WorkerId agency_worker, engine::Simulator& sim) {
    Worker& w = workers_[agency_worker];
    if (!w.active || w.contract != Contract::Agency || w.post == kNone ||
        !posts_[w.post].vacant() || posts_[w.post].abolished || posts_[w.post].incoming) {
        throw std::logic_error("conversion of a worker not covering a vacancy");
    }
    for (StaffingObserver* o : observers_) {
        o->worker_leaving(agency_worker, Destination::Converted, sim);
    }
    const double now = sim.now();
    Post& post = posts_[w.post];
    RoleCounts& counts = by_role_[w.role];
    --agency_;
    --counts.agency;
    book_fte(w.role, Contract::Agency, -w.fte, now);
    book_fte(w.role, Contract::Permanent, w.fte, now);
    accrue_person_days(now);
    ++permanent_;
    ++counts.permanent;
    ++counts.in_post;
    ++in_post_;
    post.cover = kNone;
    post.holder = agency_worker;
    ++post.vacancy_spell;  // requests for the vacancy (recruitment, bookings) are now stale
    // A new record in the same slot: events addressed to the agency worker are stale; the
    // cases stay where they are, so the children see no change of worker.
    ++w.generation;
    w.contract = Contract::Permanent;
    w.route = Route::Conversion;
    w.started = now;
    ++starters_;
    refresh_cap(agency_worker);
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->permanent_started(agency_worker, sim);
}

void Staffing::add_posts(RoleId role, int count, engine::Simulator& sim, TeamId team) {
    std::vector<PostId> created;
    int& pending = to_abolish_[role][abolish_column(team)];
    for (int i = 0; i < count; ++i) {
        if (pending > 0) {  // a pending cut is cancelled instead
            --pending;
            continue;
        }
        const PostId id = static_cast<PostId>(posts_.size());
        posts_.push_back(Post{role, team});
        ++by_role_[role].posts;
        ++establishment_;
        if (!fill_from_pool(id)) created.push_back(id);
    }
    caseload_.rebalance(sim);
    for (const PostId p : created) announce_vacancy(p, sim);
}

void Staffing::remove_posts(RoleId role, int count, engine::Simulator& sim, TeamId team) {
    // Vacant posts go first, newest first; the rest are abolished as their holders leave.
    for (PostId p = static_cast<PostId>(posts_.size()); p-- > 0 && count > 0;) {
        const Post& post = posts_[p];
        if (post.role != role || post.team != team || post.abolished || !post.vacant()) continue;
        if (post.cover != kNone) end_cover(posts_[p], sim);
        abolish(p);
        --count;
    }
    to_abolish_[role][abolish_column(team)] += count;
    caseload_.rebalance(sim);
}

int Staffing::cap_of(WorkerId worker) const {
    const Worker& w = workers_[worker];
    if (w.absence != Absence::None) return 0;
    const int cap = (*roles_)[w.role].cap_for(w.fte);
    if (!w.in_asye) return cap;
    const double protected_cap =
        cap * protection_.share_of_cap * (1.0 - protection_.development_time);
    return std::min(static_cast<int>(protected_cap + 1e-9), protection_.max);
}

double Staffing::case_holding_fte(WorkerId worker) const {
    const Worker& w = workers_[worker];
    if (caseload_.cap(worker) <= 0) return 0.0;
    return w.in_asye ? w.fte * (1.0 - protection_.development_time) : w.fte;
}

WorkerId Staffing::hire(PostId post, RoleId role, Contract contract, double now, double fte) {
    if (free_slots_.empty()) {
        free_slots_.push_back(static_cast<WorkerId>(workers_.size()));
        workers_.emplace_back();
        caseload_.ensure_worker_slots(workers_.size());
    }
    const WorkerId id = free_slots_.back();
    free_slots_.pop_back();
    Worker& w = workers_[id];
    // A fresh record; the slot's generation carries on so stale events stay recognisable.
    w = Worker{.role = role,
               .contract = contract,
               .active = true,
               .post = post,
               .generation = w.generation,
               .absence_spell = w.absence_spell,
               .started = now,
               .fte = fte};
    book_fte(role, contract, fte, now);
    RoleCounts& counts = by_role_[role];
    if (contract == Contract::Permanent) {
        accrue_person_days(now);
        ++permanent_;
        ++counts.permanent;
        if (post != kNone) {
            posts_[post].holder = id;
            ++counts.in_post;
            ++in_post_;
        } else {
            pool_[role].push_back(id);
        }
    } else {
        ++agency_;
        ++counts.agency;
        if (post != kNone) posts_[post].cover = id;
    }
    caseload_.add_worker(id, cap_of(id), team_of(id));
    return id;
}

void Staffing::assign_teams(const TeamCatalog& teams) {
    if (!teams.declared()) return;
    for (std::vector<int>& by_team : to_abolish_) by_team.assign(teams.size() + 1, 0);
    // Each role's posts, in order, go to the teams in turn: the first post of every team that
    // has one, then the second, ... so initial staff (who take the first posts) and vacancies
    // are spread over the teams.
    for (std::size_t r = 0; r < by_role_.size(); ++r) {
        std::vector<TeamId> order;
        for (int round = 0;; ++round) {
            const std::size_t before = order.size();
            for (std::size_t t = 0; t < teams.size(); ++t) {
                const TeamTemplate& team = teams[static_cast<TeamId>(t)];
                if (r < team.posts.size() && team.posts[r] > round) {
                    order.insert(order.end(), static_cast<std::size_t>(team.count),
                                 static_cast<TeamId>(t));
                }
            }
            if (order.size() == before) break;
        }
        std::size_t next = 0;
        for (Post& post : posts_) {
            if (post.role == r && next < order.size()) post.team = order[next++];
        }
    }
}

TeamId Staffing::team_of(WorkerId worker) const {
    const Worker& w = workers_[worker];
    if (w.post != kNone) return posts_[w.post].team;
    if (w.covers != kNone) return team_of(w.covers);
    return kNoTeam;
}

void Staffing::end_cover(const Post& post, engine::Simulator& sim) {
    const WorkerId cover = post.cover;
    for (StaffingObserver* o : observers_) o->worker_leaving(cover, Destination::CoverEnded, sim);
    release(cover, sim.now());
}

void Staffing::end_absence_cover(WorkerId absent, engine::Simulator& sim) {
    const WorkerId cover = workers_[absent].covered_by;
    for (StaffingObserver* o : observers_) o->worker_leaving(cover, Destination::CoverEnded, sim);
    release(cover, sim.now());
}

void Staffing::release(WorkerId id, double now) {
    Worker& w = workers_[id];
    book_fte(w.role, w.contract, -w.fte, now);
    if (w.covers != kNone) workers_[w.covers].covered_by = kNone;
    RoleCounts& counts = by_role_[w.role];
    if (w.contract == Contract::Permanent) {
        accrue_person_days(now);
        --permanent_;
        --counts.permanent;
        if (w.on_notice) --counts.on_notice;
        if (w.post != kNone) {
            posts_[w.post].holder = kNone;
            --counts.in_post;
            --in_post_;
        } else {
            std::erase(pool_[w.role], id);
        }
    } else {
        --agency_;
        --counts.agency;
        if (w.post != kNone) posts_[w.post].cover = kNone;
    }
    caseload_.remove_worker(id, now);
    w.active = false;
    w.post = kNone;
    w.covers = kNone;
    ++w.generation;
    free_slots_.push_back(id);
}

void Staffing::reconfigure(const RoleCatalog& roles, const StaffingParams& params,
                           engine::Simulator& sim) {
    roles_ = &roles;
    for (WorkerId id = 0; id < workers_.size(); ++id) {
        if (!workers_[id].active) continue;
        const int cap = cap_of(id);
        if (cap == caseload_.cap(id)) continue;
        caseload_.set_cap(id, cap);
        for (StaffingObserver* o : observers_) o->capacity_changed(id, sim);
    }
    caseload_.rebalance(sim);
    for (std::size_t r = 0; r < params.establishment.size(); ++r) {
        const auto role = static_cast<RoleId>(r);
        // With teams each template gains or loses its own posts; without, the role's posts
        // (in no team) do.
        const bool by_teams = r < params.team_posts.size();
        const std::size_t columns = by_teams ? params.team_posts[r].size() : 1;
        for (std::size_t t = 0; t < columns; ++t) {
            const TeamId team = by_teams ? static_cast<TeamId>(t) : kNoTeam;
            const int target = by_teams ? params.team_posts[r][t] : params.establishment[r];
            const int funded = funded_posts(role, team);
            if (target > funded) add_posts(role, target - funded, sim, team);
            if (target < funded) remove_posts(role, funded - target, sim, team);
        }
    }
}

int Staffing::funded_posts(RoleId role, TeamId team) const {
    if (team == kNoTeam && to_abolish_[role].size() == 1) {
        return by_role_[role].posts - to_abolish_[role].back();  // no teams: the role's posts
    }
    int live = 0;
    for (const Post& post : posts_) live += post.role == role && post.team == team && !post.abolished;
    return live - to_abolish_[role][abolish_column(team)];
}

void Staffing::refresh_cap(WorkerId worker) {
    caseload_.set_cap(worker, cap_of(worker));
}

void Staffing::announce_vacancy(PostId post, engine::Simulator& sim) {
    for (StaffingObserver* o : observers_) o->replacement_needed(post, sim);
    for (StaffingObserver* o : observers_) o->vacancy_opened(post, sim);
}

bool Staffing::fill_from_pool(PostId post) {
    Post& target = posts_[post];
    std::deque<WorkerId>& pool = pool_[target.role];
    // The longest-serving pool worker who is staying (one working notice would leave the post
    // without a replacement on the way).
    const auto it = std::find_if(pool.begin(), pool.end(),
                                 [&](WorkerId id) { return !workers_[id].on_notice; });
    if (it == pool.end()) return false;
    const WorkerId id = *it;
    pool.erase(it);
    workers_[id].post = post;
    caseload_.set_team(id, target.team);
    target.holder = id;
    ++target.vacancy_spell;
    ++by_role_[target.role].in_post;
    ++in_post_;
    return true;
}

void Staffing::abolish(PostId post) {
    Post& p = posts_[post];
    p.abolished = true;
    ++p.vacancy_spell;
    p.incoming = false;
    --by_role_[p.role].posts;
    --establishment_;
}

double Staffing::initial_fte(RoleId role, int index, int count) const {
    const Role& r = (*roles_)[role];
    const int part_time = static_cast<int>(r.part_time_share * count + 0.5);
    return index >= count - part_time ? r.part_time_fte : 1.0;
}

double Staffing::initial_service() {
    if (initial_tenure_.empty()) return 0.0;
    double u = tenure_stream_.uniform01();
    double lower = 0.0;
    for (const InitialTenureBand& band : initial_tenure_) {
        if (u < band.share) return lower + (u / band.share) * (band.under_days - lower);
        u -= band.share;
        lower = band.under_days;
    }
    return lower;  // rounding of shares adding up to 1
}

double Staffing::new_hire_fte(RoleId role) {
    const Role& r = (*roles_)[role];
    if (r.part_time_share <= 0.0) return 1.0;
    return part_time_streams_[role].bernoulli(r.part_time_share) ? r.part_time_fte : 1.0;
}

void Staffing::book_fte(RoleId role, Contract contract, double change, double now) {
    FteBook& book = fte_books_[role][index_of(contract)];
    book.fte_days += book.fte * (now - book.since);
    book.since = now;
    book.fte += change;
}

double Staffing::fte_days(RoleId role, Contract contract, double now) const {
    const FteBook& book = fte_books_[role][index_of(contract)];
    return book.fte_days + book.fte * (now - book.since);
}

void Staffing::accrue_person_days(double now) {
    person_days_ += permanent_ * (now - person_days_at_);
    person_days_at_ = now;
}

}  // namespace wfsim::model
