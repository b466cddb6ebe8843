// Absence of permanent staff: sickness spells and maternity leave.
//
// Each permanent worker at work carries an absence clock: an exponential amount of unit
// hazard, spent at the combined rate of sickness and maternity starts; when it runs out a
// spell begins (sickness or maternity in proportion to their rates), its length is drawn, and
// the events of the spell are scheduled: the hand-over of the cases (if the spell outlasts
// hand_over_after), the search for cover (if it outlasts cover.after), and the return. On
// return a new clock is drawn. So there is one pending event per worker and no scan of staff
// per event; a change of parameters re-times the clocks without new random numbers.
//
// Cover of a long absence: a free worker of the role's over-recruitment pool covers first
// (pool staff already hold cases, so this adds no capacity; it only means nobody is booked),
// else Staffing is asked for agency cover, which the agency process books if its policy says
// so. The return ends the cover (Staffing does that).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/absence_params.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

class AbsenceProcess final : public engine::EventHandler, public StaffingObserver {
public:
    AbsenceProcess(const AbsenceParams& params, Staffing& staffing, engine::Simulator& sim,
                   std::uint64_t seed, std::uint64_t replication);

    // New parameters from now: clocks of staff at work are re-timed at the new rates; spells
    // under way keep their length, and their hand-over and cover follow the new thresholds.
    void reconfigure(const AbsenceParams& next, engine::Simulator& sim);

    void permanent_started(WorkerId worker, engine::Simulator& sim) override;
    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Integrals since time 0 (FTE-days), for the absence rate: permanent staff off sick, and
    // all permanent staff.
    double sickness_fte_days(double now) const {
        return sick_fte_days_ + sick_fte_ * (now - accrued_at_);
    }
    double permanent_fte_days(double now) const {
        return permanent_fte_days_ + permanent_fte_ * (now - accrued_at_);
    }

private:
    enum Kind : std::uint16_t { kBegin = 0, kHandOver = 1, kCover = 2, kEnd = 3 };

    struct State {
        std::uint32_t stamp = 0;  // bumped on every re-timing and when the worker leaves
        bool clock = false;       // at work with an absence clock running
        bool pool_cover = false;  // the absence is covered from the pool
        bool cover_sought = false;
        double remaining = 0.0;  // unit hazard left at `since`
        double since = 0.0;
        double spell_start = 0.0;
        double spell_end = 0.0;
    };

    double rate_per_day() const;
    State& state(WorkerId worker);
    void draw_clock(WorkerId worker, double now);
    void schedule_begin(WorkerId worker, engine::Simulator& sim);
    void schedule_spell(WorkerId worker, engine::Simulator& sim);
    void begin(WorkerId worker, engine::Simulator& sim);
    void seek_cover(WorkerId worker, engine::Simulator& sim);
    void end(WorkerId worker, engine::Simulator& sim);
    void accrue(double now);

    const AbsenceParams* params_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    engine::RandomStream stream_;     // "absence"
    std::vector<State> states_;       // by worker slot
    std::vector<int> pool_covering_;  // by role: absences covered from the pool
    double permanent_fte_ = 0.0;
    double sick_fte_ = 0.0;
    double permanent_fte_days_ = 0.0;
    double sick_fte_days_ = 0.0;
    double accrued_at_ = 0.0;
};

}  // namespace wfsim::model
