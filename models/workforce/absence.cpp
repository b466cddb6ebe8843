#include "models/workforce/absence.hpp"

#include <algorithm>
#include <limits>

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

AbsenceProcess::AbsenceProcess(const AbsenceParams& params, Staffing& staffing,
                               engine::Simulator& sim, std::uint64_t seed,
                               std::uint64_t replication)
    : params_(&params),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      stream_(seed, replication, "absence"),
      pool_covering_(staffing.roles().size(), 0) {}

double AbsenceProcess::rate_per_day() const {
    return params_->sickness.start_rate_per_day() +
           params_->maternity.annual_rate / engine::kDaysPerYear;
}

AbsenceProcess::State& AbsenceProcess::state(WorkerId worker) {
    if (worker >= states_.size()) states_.resize(staffing_.worker_capacity());
    return states_[worker];
}

void AbsenceProcess::accrue(double now) {
    permanent_fte_days_ += permanent_fte_ * (now - accrued_at_);
    sick_fte_days_ += sick_fte_ * (now - accrued_at_);
    accrued_at_ = now;
}

void AbsenceProcess::permanent_started(WorkerId worker, engine::Simulator& sim) {
    accrue(sim.now());
    permanent_fte_ += staffing_.worker(worker).fte;
    State& s = state(worker);
    ++s.stamp;
    s.clock = false;
    if (!params_->enabled) return;
    draw_clock(worker, sim.now());
    schedule_begin(worker, sim);
}

void AbsenceProcess::draw_clock(WorkerId worker, double now) {
    State& s = states_[worker];
    s.clock = true;
    s.remaining = stream_.exponential(1.0);
    s.since = now;
}

void AbsenceProcess::schedule_begin(WorkerId worker, engine::Simulator& sim) {
    State& s = states_[worker];
    ++s.stamp;
    const double rate = rate_per_day();
    if (rate <= 0.0) return;  // the clock waits for a rate (reconfigure)
    sim.schedule(s.since + s.remaining / rate, handler_, worker, s.stamp, kBegin,
                 phase::kDeparture);
}

void AbsenceProcess::worker_leaving(WorkerId worker, Destination, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    if (w.contract != Contract::Permanent) return;
    accrue(sim.now());
    permanent_fte_ -= w.fte;
    if (w.absence == Absence::Sickness) sick_fte_ -= w.fte;
    State& s = state(worker);
    if (s.pool_cover) --pool_covering_[w.role];
    s.pool_cover = false;
    s.clock = false;
    ++s.stamp;
}

void AbsenceProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const WorkerId worker = event.target;
    if (worker >= states_.size() || states_[worker].stamp != event.stamp) return;
    switch (event.kind) {
        case kBegin:
            begin(worker, sim);
            return;
        case kHandOver:
            if (!staffing_.worker(worker).cases_handed_on) staffing_.hand_on_cases(worker, sim);
            return;
        case kCover:
            seek_cover(worker, sim);
            return;
        default:
            end(worker, sim);
    }
}

void AbsenceProcess::begin(WorkerId worker, engine::Simulator& sim) {
    const double now = sim.now();
    const SicknessParams& sickness = params_->sickness;
    const double sick_rate = sickness.start_rate_per_day();
    const bool sick = stream_.uniform01() * rate_per_day() < sick_rate;
    double length = 0.0;
    if (sick) {
        const bool long_spell = sickness.long_share > 0.0 && stream_.bernoulli(sickness.long_share);
        length = (long_spell ? sickness.long_spell : sickness.short_spell).sample(stream_);
    } else {
        length = params_->maternity.duration.sample(stream_);
    }
    State& s = states_[worker];
    s.clock = false;
    s.cover_sought = false;
    s.spell_start = now;
    s.spell_end = now + length;
    const Worker& w = staffing_.worker(worker);
    accrue(now);
    if (sick) sick_fte_ += w.fte;
    staffing_.start_absence(worker, sick ? Absence::Sickness : Absence::Maternity, sim);
    schedule_spell(worker, sim);
}

void AbsenceProcess::schedule_spell(WorkerId worker, engine::Simulator& sim) {
    State& s = states_[worker];
    ++s.stamp;
    const double now = sim.now();
    const double length = s.spell_end - s.spell_start;
    const AbsenceParams& p = *params_;
    if (p.hand_over_after_days && length > *p.hand_over_after_days &&
        !staffing_.worker(worker).cases_handed_on) {
        sim.schedule(std::max(now, s.spell_start + *p.hand_over_after_days), handler_, worker,
                     s.stamp, kHandOver, phase::kDeparture);
    }
    if (p.cover && length > p.cover->after_days && !s.cover_sought) {
        sim.schedule(std::max(now, s.spell_start + p.cover->after_days), handler_, worker, s.stamp,
                     kCover, phase::kDeparture);
    }
    sim.schedule(s.spell_end, handler_, worker, s.stamp, kEnd, phase::kStart);
}

void AbsenceProcess::seek_cover(WorkerId worker, engine::Simulator& sim) {
    State& s = states_[worker];
    s.cover_sought = true;
    const RoleId role = staffing_.worker(worker).role;
    if (params_->cover->from_pool && pool_covering_[role] < staffing_.pool_count(role)) {
        s.pool_cover = true;
        ++pool_covering_[role];
        return;
    }
    staffing_.request_cover(worker, sim);
}

void AbsenceProcess::end(WorkerId worker, engine::Simulator& sim) {
    State& s = states_[worker];
    const Worker& w = staffing_.worker(worker);
    accrue(sim.now());
    if (w.absence == Absence::Sickness) sick_fte_ -= w.fte;
    if (s.pool_cover) --pool_covering_[w.role];
    s.pool_cover = false;
    staffing_.end_absence(worker, sim);
    ++s.stamp;
    s.clock = false;
    if (!params_->enabled) return;  // switched off during the spell
    draw_clock(worker, sim.now());
    schedule_begin(worker, sim);
}

namespace {
// Whether the timing of a spell's hand-over and cover follows the same rules.
bool same_spell_rules(const AbsenceParams& a, const AbsenceParams& b) {
    const bool same_cover = a.cover.has_value() == b.cover.has_value() &&
                            (!a.cover || a.cover->after_days == b.cover->after_days);
    return a.hand_over_after_days == b.hand_over_after_days && same_cover;
}
}  // namespace

void AbsenceProcess::reconfigure(const AbsenceParams& next, engine::Simulator& sim) {
    const double now = sim.now();
    const double old_rate = params_->enabled ? rate_per_day() : 0.0;
    const bool was_enabled = params_->enabled;
    const AbsenceParams& previous = *params_;
    params_ = &next;
    // Nothing that times an event changed (spell lengths and the pool rule apply to spells
    // starting or cover sought later): leave every pending event alone, so that an
    // intervention changing nothing changes no number.
    if (was_enabled == next.enabled &&
        (!next.enabled || (old_rate == rate_per_day() && same_spell_rules(previous, next)))) {
        return;
    }
    // A rare event: looking at every worker once is fine here.
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active || w.contract != Contract::Permanent) continue;
        State& s = state(id);
        if (!next.enabled) {
            ++s.stamp;  // no new spells; one under way still ends
            s.clock = false;
            if (w.absence != Absence::None) {
                sim.schedule(std::max(now, s.spell_end), handler_, id, s.stamp, kEnd,
                             phase::kStart);
            }
            continue;
        }
        if (w.absence != Absence::None) {
            if (was_enabled) schedule_spell(id, sim);
            continue;
        }
        if (!was_enabled || !s.clock) {
            draw_clock(id, now);
        } else {
            s.remaining = std::max(0.0, s.remaining - (now - s.since) * old_rate);
            s.since = now;
        }
        schedule_begin(id, sim);
    }
}

}  // namespace wfsim::model
