#include "models/workforce/staffing.hpp"

#include <stdexcept>

#include "models/casework/caseload.hpp"

namespace wfsim::model {

StaffingParams StaffingParams::read(config::Section root, const RoleCatalog& roles) {
    StaffingParams params;
    config::Section establishment =
        root.named_entries("establishment", {"Funded posts per role."}, "<role>", true);
    params.establishment =
        roles.read_counts(establishment, {"Funded posts in this role.", "posts"}, 0);

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
    initial.finish();

    for (std::size_t r = 0; r < roles.size(); ++r) {
        const std::string& name = roles[static_cast<RoleId>(r)].name;
        const int posts = params.establishment[r];
        const int in_post = params.initial_permanent[r];
        const int covering = params.initial_agency[r];
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

Staffing::Staffing(const RoleCatalog& roles, const StaffingParams& params, Caseload& caseload)
    : roles_(roles),
      caseload_(caseload),
      initial_permanent_(params.initial_permanent),
      initial_agency_(params.initial_agency) {
    for (std::size_t r = 0; r < params.establishment.size(); ++r) {
        for (int i = 0; i < params.establishment[r]; ++i) {
            posts_.push_back(Post{static_cast<RoleId>(r)});
        }
    }
    workers_.resize(posts_.size());
    free_slots_.reserve(posts_.size());
    // Hand out low slot numbers first, so ties in allocation favour the oldest slots.
    for (std::size_t slot = posts_.size(); slot-- > 0;) {
        free_slots_.push_back(static_cast<WorkerId>(slot));
    }
}

void Staffing::initialise(engine::Simulator& sim) {
    std::vector<int> permanent_left = initial_permanent_;
    std::vector<int> agency_left = initial_agency_;
    std::vector<WorkerId> permanent_started;
    std::vector<WorkerId> agency_started;
    for (PostId p = 0; p < posts_.size(); ++p) {
        const RoleId role = posts_[p].role;
        if (permanent_left[role] > 0) {
            --permanent_left[role];
            permanent_started.push_back(hire(p, Contract::Permanent, sim.now()));
        } else if (agency_left[role] > 0) {
            --agency_left[role];
            agency_started.push_back(hire(p, Contract::Agency, sim.now()));
        }
    }
    caseload_.rebalance(sim);
    for (const WorkerId w : permanent_started) {
        for (StaffingObserver* o : observers_) o->permanent_started(w, sim);
    }
    for (const WorkerId w : agency_started) {
        for (StaffingObserver* o : observers_) o->agency_started(w, sim);
    }
    for (PostId p = 0; p < posts_.size(); ++p) {
        if (!posts_[p].vacant()) continue;
        for (StaffingObserver* o : observers_) o->vacancy_opened(p, sim);
    }
}

WorkerId Staffing::start_permanent(PostId post, engine::Simulator& sim) {
    Post& target = posts_[post];
    if (!target.vacant()) throw std::logic_error("permanent start into a filled post");
    if (target.cover != kNone) release(target.cover, sim.now());
    const WorkerId worker = hire(post, Contract::Permanent, sim.now());
    ++starters_;
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->permanent_started(worker, sim);
    return worker;
}

void Staffing::permanent_leaves(WorkerId worker, engine::Simulator& sim) {
    const PostId post = workers_[worker].post;
    release(worker, sim.now());
    ++leavers_;
    ++posts_[post].vacancy_spell;
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->vacancy_opened(post, sim);
}

WorkerId Staffing::start_agency(PostId post, engine::Simulator& sim) {
    const Post& target = posts_[post];
    if (!target.vacant() || target.cover != kNone) {
        throw std::logic_error("agency start into a post that is filled or covered");
    }
    const WorkerId worker = hire(post, Contract::Agency, sim.now());
    caseload_.rebalance(sim);
    for (StaffingObserver* o : observers_) o->agency_started(worker, sim);
    return worker;
}

void Staffing::agency_leaves(WorkerId worker, engine::Simulator& sim) {
    release(worker, sim.now());
    caseload_.rebalance(sim);
}

WorkerId Staffing::hire(PostId post, Contract contract, double now) {
    if (free_slots_.empty()) throw std::logic_error("more workers than posts");
    const WorkerId id = free_slots_.back();
    free_slots_.pop_back();
    Worker& w = workers_[id];
    w.role = posts_[post].role;
    w.contract = contract;
    w.post = post;
    w.active = true;
    w.started = now;
    if (contract == Contract::Permanent) {
        accrue_person_days(now);
        ++permanent_;
        posts_[post].holder = id;
    } else {
        ++agency_;
        posts_[post].cover = id;
    }
    caseload_.add_worker(id, roles_[w.role].caseload_cap);
    return id;
}

void Staffing::release(WorkerId id, double now) {
    Worker& w = workers_[id];
    if (w.contract == Contract::Permanent) {
        accrue_person_days(now);
        --permanent_;
        posts_[w.post].holder = kNone;
    } else {
        --agency_;
        posts_[w.post].cover = kNone;
    }
    caseload_.remove_worker(id, now);
    w.active = false;
    w.post = kNone;
    ++w.generation;
    free_slots_.push_back(id);
}

void Staffing::accrue_person_days(double now) {
    person_days_ += permanent_ * (now - person_days_at_);
    person_days_at_ = now;
}

}  // namespace wfsim::model
