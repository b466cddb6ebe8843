// Permanent staff leaving.
//
// Each worker carries a leaving clock: an exponential amount of "hazard time" drawn when they
// start, spent at a rate equal to their current hazard relative to the rate at the draw. The
// hazard is the role's annual rate (or its ASYE rate) times the multipliers of their tenure
// band, of caseload pressure and of any market supplement; when one of these changes the
// clock keeps what is left and the departure is re-timed. With no multiplier the departure is
// simply start + an exponential draw, as in the core model, bit for bit.
//
// When the clock runs out the worker resigns — unless a retention payment is due soon, when
// they wait for it (and its clawback) and then a share of them stay. A resignation starts
// recruitment at once; the leaver works their notice, then goes to a destination (left the
// sector, agency work, another council).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/staffing.hpp"
#include "models/workforce/turnover_params.hpp"

namespace wfsim::model {

class Caseload;

class TurnoverProcess final : public engine::EventHandler, public StaffingObserver {
public:
    TurnoverProcess(const TurnoverParams& turnover, const LeavingParams& leaving,
                    const RetentionParams& retention, const RoleCatalog& roles, Staffing& staffing,
                    const Caseload& caseload, engine::Simulator& sim, std::uint64_t seed,
                    std::uint64_t replication);

    // Starts the periodic caseload-pressure reviews, if any.
    void start(engine::Simulator& sim);

    // From now on: new rates and multipliers re-time every clock they change (the time already
    // spent keeps its old rate), staff of a role that starts to leave draw a clock, payments
    // added are made to staff not yet due one, and pressure reviews start or stop. Parameters
    // that are not changed leave every pending departure exactly as it was.
    void reconfigure(const TurnoverParams& turnover, const LeavingParams& leaving,
                     const RetentionParams& retention, engine::Simulator& sim);

    void permanent_started(WorkerId worker, engine::Simulator& sim) override;
    void capacity_changed(WorkerId worker, engine::Simulator& sim) override;
    // A move to another role re-times the departure at the new role's hazard.
    void worker_moved(WorkerId worker, RoleId from_role, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Cumulative, for the recorder.
    std::uint64_t retention_payments() const { return payments_made_; }
    double retention_paid() const { return amount_paid_; }

private:
    enum Kind : std::uint16_t {
        kDecide = 0,
        kEdge = 1,
        kExit = 2,
        kReview = 3,
        kResign = 4,
        kPayment = 16
    };  // kPayment + payment index

    struct Clock {
        double remaining = 0.0;  // hazard-days left at `since`, in days at the reference rate
        double since = 0.0;
        double multiplier = 1.0;  // hazard now / reference rate
        double reference = 1.0;   // annual rate the clock was drawn at
        std::uint32_t stamp = 0;  // bumped on every re-timing; events carry it
        bool running = false;     // spending hazard (not waiting for a payment, not leaving)
        bool idle = false;        // started in a role that never left: no clock drawn
        Destination destination = Destination::LeftSector;  // while working notice
    };

    double annual_rate(const Worker& w) const;
    double multiplier(WorkerId worker, double now) const;
    // The next time a known factor changes (a tenure band edge); infinity if none.
    double next_edge(const Worker& w, double now) const;
    void draw_clock(WorkerId worker, engine::RandomStream& stream, double now);
    // Spends the clock up to now and re-times the worker's departure.
    void retime(WorkerId worker, engine::Simulator& sim);
    void schedule(WorkerId worker, engine::Simulator& sim);
    void clock_ran_out(WorkerId worker, engine::Simulator& sim);
    void resign(WorkerId worker, engine::Simulator& sim);
    Destination draw_destination();
    void review_pressure(engine::Simulator& sim);
    Clock& clock(WorkerId worker);

    const TurnoverParams* turnover_;
    const LeavingParams* leaving_;
    const RetentionParams* retention_;
    bool reviewing_ = false;  // a pressure review is scheduled
    Staffing& staffing_;
    const Caseload& caseload_;
    engine::HandlerId handler_;
    std::vector<Clock> clocks_;                            // by worker slot
    std::vector<engine::RandomStream> streams_;            // one per role: "turnover.<role>"
    std::vector<engine::RandomStream> retention_streams_;  // per payment: "retention.<name>"
    engine::RandomStream notice_stream_;
    engine::RandomStream destination_stream_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    std::uint64_t payments_made_ = 0;
    double amount_paid_ = 0.0;
};

}  // namespace wfsim::model
