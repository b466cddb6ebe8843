#include "models/workforce/agency.hpp"

#include <algorithm>
#include <cmath>

#include "engine/calendar.hpp"
#include "models/casework/caseload.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

AgencyProcess::AgencyProcess(const AgencyParams& params, Staffing& staffing,
                             const Caseload& caseload, engine::Simulator& sim, std::uint64_t seed,
                             std::uint64_t replication)
    : params_(&params),
      staffing_(staffing),
      caseload_(caseload),
      handler_(sim.add_handler(*this)),
      fill_time_stream_(seed, replication, "agency.fill_time"),
      assignment_stream_(seed, replication, "agency.assignment"),
      cover_stream_(seed, replication, "agency.absence_cover"),
      extra_stream_(seed, replication, "agency.extra_capacity"),
      early_leave_stream_(seed, replication, "agency.early_leave"),
      conversion_stream_(seed, replication, "agency.conversion"),
      returner_stream_(seed, replication, "agency.returners"),
      experience_stream_(seed, replication, "agency.experience"),
      cover_share_stream_(seed, replication, "agency.cover_share") {}

void AgencyProcess::start(engine::Simulator& sim) {
    if (!params_->extra_capacity) return;
    sim.schedule(sim.now() + params_->extra_capacity->check_days, handler_, 0, check_stamp_, kCheck,
                 phase::kDeparture);
}

void AgencyProcess::reconfigure(const AgencyParams& next, engine::Simulator& sim) {
    const bool was_covering = params_->cover_vacancies;
    const auto& before = params_->extra_capacity;
    const bool same_checks = before.has_value() == next.extra_capacity.has_value() &&
                             (!before || before->check_days == next.extra_capacity->check_days);
    params_ = &next;
    if (!same_checks) {
        ++check_stamp_;  // the pending check, if any, is stale
        start(sim);
    }
    if (was_covering || !next.cover_vacancies) return;
    for (PostId p = 0; p < staffing_.post_count(); ++p) {
        const Post& post = staffing_.post(p);
        if (!post.abolished && post.vacant() && post.cover == kNone && covers_vacancy(p)) {
            book(p, sim);
        }
    }
}

void AgencyProcess::vacancy_opened(PostId post, engine::Simulator& sim) {
    if (params_->cover_vacancies && staffing_.post(post).cover == kNone && covers_vacancy(post)) {
        book(post, sim);
    }
}

bool AgencyProcess::covers_vacancy(PostId post) {
    double p = params_->cover_share;
    if (p >= 1.0) return true;
    if (staffing_.initialising()) {
        if (initial_cover_.empty()) initial_cover_ = initial_cover_probability();
        p = initial_cover_[staffing_.post(post).role];
    } else {
        initial_cover_.clear();
    }
    if (cover_share_stream_.bernoulli(p)) return true;
    ++uncovered_;
    return false;
}

std::vector<double> AgencyProcess::initial_cover_probability() const {
    // With V vacancies of a role of which A are covered at the start, booking each of the
    // other V - A with probability (s V - A) / (V - A) makes the expected covered share s.
    const std::size_t roles = staffing_.roles().size();
    std::vector<double> vacant(roles, 0.0);
    std::vector<double> covered(roles, 0.0);
    for (PostId p = 0; p < staffing_.post_count(); ++p) {
        const Post& post = staffing_.post(p);
        if (post.abolished || !post.vacant()) continue;
        vacant[post.role] += 1.0;
        if (post.cover != kNone) covered[post.role] += 1.0;
    }
    std::vector<double> probability(roles, 0.0);
    for (std::size_t r = 0; r < roles; ++r) {
        const double open = vacant[r] - covered[r];
        if (open > 0.0) {
            probability[r] =
                std::clamp((params_->cover_share * vacant[r] - covered[r]) / open, 0.0, 1.0);
        }
    }
    return probability;
}

void AgencyProcess::cover_needed(WorkerId absent, engine::Simulator& sim) {
    if (params_->cover_long_absence) book_cover(absent, sim);
}

void AgencyProcess::agency_started(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    // Vacancy cover (and initial agency staff) draw as they always did; the others have their
    // own streams, so that switching them on leaves the vacancy cover's numbers alone.
    engine::RandomStream& stream = w.post != kNone     ? assignment_stream_
                                   : w.covers != kNone ? cover_stream_
                                                       : extra_stream_;
    if (w.post == kNone && w.covers == kNone) ++extra_active_;
    const double stay = params_->assignment->sample(stream);
    if (params_->early_leave_rate > 0.0) {
        const double early =
            early_leave_stream_.exponential(engine::kDaysPerYear / params_->early_leave_rate);
        if (early < stay) {
            sim.schedule(sim.now() + early, handler_, worker, w.generation, kEarlyLeave,
                         phase::kDeparture);
            return;
        }
    }
    sim.schedule(sim.now() + stay, handler_, worker, w.generation, kAssignmentEnd,
                 phase::kDeparture);
}

void AgencyProcess::worker_leaving(WorkerId worker, Destination destination,
                                   engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    if (w.contract == Contract::Agency) {
        if (w.post == kNone && w.covers == kNone) --extra_active_;
        return;
    }
    if (destination != Destination::Agency || !params_->returners) return;
    const double cooling = params_->rules_2024 ? params_->rules_2024->cooling_off_days : 0.0;
    const double available = sim.now() + cooling;
    returners_available_.push_back({available, available + params_->returners->available_days});
}

void AgencyProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const std::uint16_t kind = event.kind & ~kReturner;
    const bool returner = (event.kind & kReturner) != 0;
    switch (kind) {
        case kAssignmentEnd:
        case kEarlyLeave: {
            const Worker& worker = staffing_.worker(event.target);
            if (!worker.active || worker.generation != event.stamp) return;  // ended already
            assignment_over(event.target, kind == kEarlyLeave, sim);
            return;
        }
        case kCheck:
            if (event.stamp == check_stamp_) check_extra(sim);
            return;
        default:
            if (kind == kExtraArrival) --extra_pending_;
            if (!still_wanted(kind, event.target, event.stamp)) return;
            if (!accepted(kind, event.target, event.stamp, returner, sim)) return;
            arrive(kind, event.target, returner, sim);
    }
}

bool AgencyProcess::still_wanted(std::uint16_t kind, std::uint32_t target,
                                 std::uint32_t stamp) const {
    if (kind == kArrival) {
        const Post& post = staffing_.post(target);
        return post.vacant() && post.cover == kNone && post.vacancy_spell == stamp &&
               !post.abolished;
    }
    if (kind == kCoverArrival) {
        const Worker& w = staffing_.worker(target);
        return w.active && w.absence != Absence::None && w.absence_spell == stamp &&
               w.covered_by == kNone;
    }
    return true;  // extra capacity: a booking made is honoured
}

bool AgencyProcess::accepted(std::uint16_t kind, std::uint32_t target, std::uint32_t stamp,
                             bool returner, engine::Simulator& sim) {
    const AgencyParams& p = *params_;
    if (!returner && p.rules_2024 && p.rules_2024->min_experience_days > 0.0) {
        const double experience = p.rules_2024->candidate_experience.sample(experience_stream_);
        if (experience < p.rules_2024->min_experience_days) {
            // Turned away: the agency puts forward someone else.
            if (kind == kExtraArrival) ++extra_pending_;
            schedule_arrival(kind, target, stamp, fill_stream(kind), false, sim);
            return false;
        }
    }
    if (p.max_share) {
        const double agency = staffing_.agency_count() + 1.0;
        const double share = agency / (staffing_.permanent_count() + agency);
        if (share > *p.max_share + 1e-12) {
            ++refused_;
            return false;
        }
    }
    return true;
}

void AgencyProcess::arrive(std::uint16_t kind, std::uint32_t target, bool returner,
                           engine::Simulator& sim) {
    if (returner) ++returners_;
    if (kind == kArrival) {
        staffing_.start_agency(target, sim);
    } else if (kind == kCoverArrival) {
        staffing_.start_agency_cover(staffing_.worker(target).role, target, sim);
    } else {
        staffing_.start_agency_cover(static_cast<RoleId>(target), kNone, sim);
    }
}

void AgencyProcess::assignment_over(WorkerId worker, bool early, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    const PostId post = w.post;
    const WorkerId covers = w.covers;
    if (!early && post != kNone && params_->conversion_probability > 0.0 &&
        !staffing_.post(post).incoming &&
        conversion_stream_.bernoulli(params_->conversion_probability)) {
        ++conversions_;
        staffing_.convert_to_permanent(worker, sim);
        return;
    }
    if (early) ++early_leavers_;
    staffing_.agency_leaves(worker, early ? Destination::AgencyLeft : Destination::AssignmentEnded,
                            sim);
    if (post != kNone) {
        if (params_->cover_vacancies) book(post, sim);
    } else if (covers != kNone) {
        const Worker& absent = staffing_.worker(covers);
        if (params_->cover_long_absence && absent.active && absent.absence != Absence::None &&
            absent.covered_by == kNone) {
            book_cover(covers, sim);
        }
    }
    // Extra capacity is not renewed here; the next check decides.
}

void AgencyProcess::book(PostId post, engine::Simulator& sim) {
    schedule_arrival(kArrival, post, staffing_.post(post).vacancy_spell, fill_time_stream_, true,
                     sim);
}

void AgencyProcess::book_cover(WorkerId absent, engine::Simulator& sim) {
    schedule_arrival(kCoverArrival, absent, staffing_.worker(absent).absence_spell, cover_stream_,
                     true, sim);
}

void AgencyProcess::book_extra(engine::Simulator& sim) {
    ++extra_pending_;
    schedule_arrival(kExtraArrival, params_->extra_capacity->role, 0, extra_stream_, true, sim);
}

void AgencyProcess::schedule_arrival(std::uint16_t kind, std::uint32_t target, std::uint32_t stamp,
                                     engine::RandomStream& fill, bool may_return,
                                     engine::Simulator& sim) {
    const bool returner = may_return && take_returner(sim.now());
    const double delay = params_->fill_time->sample(fill);
    sim.schedule(sim.now() + delay, handler_, target, stamp,
                 static_cast<std::uint16_t>(kind | (returner ? kReturner : 0)), phase::kStart);
}

bool AgencyProcess::take_returner(double now) {
    if (!params_->returners) return false;
    while (!returners_available_.empty() && returners_available_.front().expires <= now) {
        returners_available_.pop_front();
    }
    if (returners_available_.empty() || returners_available_.front().available_at > now) {
        return false;
    }
    if (!returner_stream_.bernoulli(params_->returners->share)) return false;
    returners_available_.pop_front();
    return true;
}

engine::RandomStream& AgencyProcess::fill_stream(std::uint16_t kind) {
    return kind == kArrival        ? fill_time_stream_
           : kind == kCoverArrival ? cover_stream_
                                   : extra_stream_;
}

void AgencyProcess::check_extra(engine::Simulator& sim) {
    const ExtraCapacityParams& e = *params_->extra_capacity;
    int need = 0;
    const double waiting = static_cast<double>(caseload_.waiting());
    const int cap = staffing_.roles()[e.role].cap_for(1.0);
    if (e.unallocated_above && waiting > *e.unallocated_above && cap > 0) {
        need = std::max(need, static_cast<int>(std::ceil((waiting - *e.unallocated_above) / cap)));
    }
    const double holders = caseload_.case_holders();
    const double allocated = static_cast<double>(caseload_.allocated());
    if (e.mean_caseload_above && holders > 0 && allocated / holders > *e.mean_caseload_above) {
        need = std::max(need,
                        static_cast<int>(std::ceil(allocated / *e.mean_caseload_above - holders)));
    }
    const int to_book =
        std::min(need - extra_pending_, e.max_extra - extra_active_ - extra_pending_);
    for (int i = 0; i < to_book; ++i) book_extra(sim);
    sim.schedule(sim.now() + e.check_days, handler_, 0, check_stamp_, kCheck, phase::kDeparture);
}

}  // namespace wfsim::model
