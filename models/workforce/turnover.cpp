#include "models/workforce/turnover.hpp"

#include <limits>

#include "engine/calendar.hpp"
#include "models/casework/caseload.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}

TurnoverProcess::TurnoverProcess(const TurnoverParams& turnover, const LeavingParams& leaving,
                                 const RetentionParams& retention, const RoleCatalog& roles,
                                 Staffing& staffing, const Caseload& caseload,
                                 engine::Simulator& sim, std::uint64_t seed,
                                 std::uint64_t replication)
    : turnover_(&turnover),
      leaving_(&leaving),
      retention_(&retention),
      staffing_(staffing),
      caseload_(caseload),
      handler_(sim.add_handler(*this)),
      notice_stream_(seed, replication, "leaving.notice_period"),
      destination_stream_(seed, replication, "leaving.destination"),
      seed_(seed),
      replication_(replication) {
    streams_.reserve(roles.size());
    for (const Role& role : roles.all()) {
        streams_.emplace_back(seed, replication, "turnover." + role.name);
    }
    retention_streams_.reserve(retention.payments.size());
    for (const RetentionPayment& p : retention.payments) {
        retention_streams_.emplace_back(seed, replication, "retention." + p.name);
    }
}

void TurnoverProcess::start(engine::Simulator& sim) {
    if (leaving_->pressure.enabled) {
        reviewing_ = true;
        sim.schedule(sim.now() + leaving_->pressure.review_days, handler_, 0, 0, kReview,
                     phase::kDeparture);
    }
}

void TurnoverProcess::reconfigure(const TurnoverParams& turnover, const LeavingParams& leaving,
                                  const RetentionParams& retention, engine::Simulator& sim) {
    const std::size_t old_payments = retention_->payments.size();
    turnover_ = &turnover;
    leaving_ = &leaving;
    retention_ = &retention;
    const double now = sim.now();
    for (std::size_t p = old_payments; p < retention.payments.size(); ++p) {
        const RetentionPayment& payment = retention.payments[p];
        retention_streams_.emplace_back(seed_, replication_, "retention." + payment.name);
        for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
            const Worker& w = staffing_.worker(id);
            if (!w.active || w.contract != Contract::Permanent) continue;
            const double due = w.started + payment.after_days;
            if (due < now) continue;
            sim.schedule(due, handler_, id, w.generation, static_cast<std::uint16_t>(kPayment + p),
                         phase::kDeparture);
        }
    }
    for (WorkerId id = 0; id < clocks_.size() && id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active || w.contract != Contract::Permanent) continue;
        Clock& c = clocks_[id];
        if (c.idle && annual_rate(w) > 0.0) {
            c.idle = false;
            draw_clock(id, streams_[w.role], now);
            schedule(id, sim);
        } else if (c.running && multiplier(id, now) != c.multiplier) {
            retime(id, sim);
        }
    }
    if (leaving.pressure.enabled && !reviewing_) start(sim);
}

TurnoverProcess::Clock& TurnoverProcess::clock(WorkerId worker) {
    if (worker >= clocks_.size()) clocks_.resize(staffing_.worker_capacity());
    return clocks_[worker];
}

double TurnoverProcess::annual_rate(const Worker& w) const {
    const RoleTurnover& t = turnover_->roles[w.role];
    return w.in_asye && t.asye_annual_rate ? *t.asye_annual_rate : t.annual_rate;
}

double TurnoverProcess::multiplier(WorkerId worker, double now) const {
    const Worker& w = staffing_.worker(worker);
    const Clock& c = clocks_[worker];
    double m = annual_rate(w) / c.reference;
    if (!turnover_->roles[w.role].tenure.empty()) {
        m *= turnover_->roles[w.role].multiplier_at(w.started, now);
    }
    if (leaving_->pressure.enabled && w.fte > 0.0) {
        m *= leaving_->pressure.multiplier(caseload_.load(worker) / w.fte);
    }
    const double supplement = retention_->supplements[w.role].hazard_multiplier;
    if (supplement != 1.0) m *= supplement;
    return m;
}

double TurnoverProcess::next_edge(const Worker& w, double now) const {
    const RoleTurnover& t = turnover_->roles[w.role];
    if (t.tenure.empty()) return kInfinity;
    return t.next_band_edge(w.started, now);
}

void TurnoverProcess::draw_clock(WorkerId worker, engine::RandomStream& stream, double now) {
    Clock& c = clock(worker);
    const double rate = annual_rate(staffing_.worker(worker));
    c.reference = rate > 0.0 ? rate : 1.0;
    c.remaining = stream.exponential(engine::kDaysPerYear / c.reference);
    c.since = now;
    c.running = true;
}

void TurnoverProcess::permanent_started(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    const double now = sim.now();
    for (std::size_t p = 0; p < retention_->payments.size(); ++p) {
        const RetentionPayment& payment = retention_->payments[p];
        const double due = w.started + payment.after_days;  // initial staff may have served
        if (due < now) continue;
        sim.schedule(due, handler_, worker, w.generation,
                     static_cast<std::uint16_t>(kPayment + p), phase::kDeparture);
    }
    // Roles that never leave draw nothing, as in the core model.
    const RoleTurnover& t = turnover_->roles[w.role];
    if (t.annual_rate <= 0.0 && !(t.asye_annual_rate && *t.asye_annual_rate > 0.0)) {
        ++clock(worker).stamp;  // no departure pending
        clocks_[worker].running = false;
        clocks_[worker].idle = true;
        return;
    }
    clock(worker).idle = false;
    draw_clock(worker, streams_[w.role], now);
    schedule(worker, sim);
}

void TurnoverProcess::worker_moved(WorkerId worker, RoleId, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    Clock& c = clock(worker);
    if (c.running) {
        retime(worker, sim);
    } else if (c.idle && annual_rate(w) > 0.0) {
        // No clock was drawn in a role that never leaves: the new role's starts now.
        c.idle = false;
        draw_clock(worker, streams_[w.role], sim.now());
        schedule(worker, sim);
    }
}

void TurnoverProcess::capacity_changed(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    if (w.contract != Contract::Permanent || worker >= clocks_.size()) return;
    if (clocks_[worker].running) retime(worker, sim);
}

void TurnoverProcess::retime(WorkerId worker, engine::Simulator& sim) {
    Clock& c = clocks_[worker];
    const double now = sim.now();
    c.remaining = std::max(0.0, c.remaining - (now - c.since) * c.multiplier);
    c.since = now;
    schedule(worker, sim);
}

void TurnoverProcess::schedule(WorkerId worker, engine::Simulator& sim) {
    Clock& c = clocks_[worker];
    ++c.stamp;
    c.multiplier = multiplier(worker, c.since);
    const double edge = next_edge(staffing_.worker(worker), c.since);
    const double due = c.multiplier > 0.0 ? c.since + c.remaining / c.multiplier : kInfinity;
    if (due <= edge) {
        sim.schedule(due, handler_, worker, c.stamp, kDecide, phase::kDeparture);
    } else if (edge < kInfinity) {
        sim.schedule(edge, handler_, worker, c.stamp, kEdge, phase::kDeparture);
    }
}

void TurnoverProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const WorkerId worker = event.target;
    switch (event.kind) {
        case kReview:
            if (!leaving_->pressure.enabled) {
                reviewing_ = false;  // switched off by an intervention
                return;
            }
            review_pressure(sim);
            return;
        case kDecide:
        case kEdge:
        case kResign:
        case kExit: {
            if (worker >= clocks_.size() || clocks_[worker].stamp != event.stamp) return;
            const Worker& w = staffing_.worker(worker);
            if (!w.active || w.contract != Contract::Permanent) return;
            if (event.kind == kEdge) {
                clocks_[worker].running = true;  // also the end of a wait for a payment
                retime(worker, sim);
            } else if (event.kind == kDecide) {
                clock_ran_out(worker, sim);
            } else if (event.kind == kResign) {
                resign(worker, sim);
            } else {
                staffing_.permanent_leaves(worker, clocks_[worker].destination, sim);
            }
            return;
        }
        default: {  // a retention payment falls due
            const Worker& w = staffing_.worker(worker);
            if (!w.active || w.generation != event.stamp || w.on_notice) return;
            const RetentionPayment& payment = retention_->payments[event.kind - kPayment];
            if (!payment.roles[w.role]) return;
            ++payments_made_;
            amount_paid_ += payment.amount;
        }
    }
}

void TurnoverProcess::clock_ran_out(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    const double now = sim.now();
    for (std::size_t p = 0; p < retention_->payments.size(); ++p) {
        const RetentionPayment& payment = retention_->payments[p];
        if (!payment.roles[w.role]) continue;
        const double due = w.started + payment.after_days;
        const double release = due + payment.clawback_days;
        if (now < due - payment.hold_days || now >= release) continue;
        // Waits for the payment and the end of its clawback; then stays or goes.
        engine::RandomStream& stream = retention_streams_[p];
        Clock& c = clocks_[worker];
        c.running = false;
        if (stream.bernoulli(payment.retained_share)) {
            draw_clock(worker, stream, release);
            c.running = false;  // until the wait is over
            ++c.stamp;
            c.multiplier = multiplier(worker, release);
            sim.schedule(release, handler_, worker, c.stamp, kEdge, phase::kDeparture);
        } else {
            ++c.stamp;
            sim.schedule(release, handler_, worker, c.stamp, kResign, phase::kDeparture);
        }
        return;
    }
    resign(worker, sim);
}

void TurnoverProcess::resign(WorkerId worker, engine::Simulator& sim) {
    Clock& c = clocks_[worker];
    c.running = false;
    c.destination = draw_destination();
    const double notice =
        leaving_->notice_period ? leaving_->notice_period->sample(notice_stream_) : 0.0;
    if (notice <= 0.0) {
        staffing_.permanent_leaves(worker, c.destination, sim);
        return;
    }
    const double exit = sim.now() + notice;
    ++c.stamp;
    staffing_.give_notice(worker, exit, sim);
    sim.schedule(exit, handler_, worker, c.stamp, kExit, phase::kDeparture);
}

Destination TurnoverProcess::draw_destination() {
    if (!leaving_->destinations_given) return Destination::LeftSector;
    const double u = destination_stream_.uniform01();
    double cumulative = 0.0;
    for (std::size_t i = 0; i < kResignationDestinations; ++i) {
        cumulative += leaving_->destination_shares[i];
        if (u < cumulative) return kLeaverDestinations[i];
    }
    return Destination::OtherAuthority;  // rounding of shares adding up to 1
}

void TurnoverProcess::review_pressure(engine::Simulator& sim) {
    const double now = sim.now();
    for (WorkerId id = 0; id < clocks_.size() && id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active || w.contract != Contract::Permanent || !clocks_[id].running) continue;
        if (multiplier(id, now) != clocks_[id].multiplier) retime(id, sim);
    }
    sim.schedule(now + leaving_->pressure.review_days, handler_, 0, 0, kReview, phase::kDeparture);
}

}  // namespace wfsim::model
