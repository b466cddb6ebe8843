// Agency (locum) staff. Each vacancy books an agency worker, who arrives after a fill-time draw
// and stays for an assignment draw; when the assignment ends the still-vacant post books again.
// A permanent starter ends the cover (Staffing does that).
//
// The policy can also book cover for long absences (asked for through Staffing by the absence
// process; the return ends the cover) and extra capacity while casework is over a threshold,
// cap the agency share, convert agency workers to permanent at the end of an assignment, lose
// agency workers early, fill bookings with former staff who left for agency work, and apply
// the 2024 national rules (experience, cooling-off). See agency_params.hpp for the keys. Each
// of these draws from its own stream, and none draws anything when it is off, so a scenario
// without them runs as before, bit for bit.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/agency_params.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

class Caseload;

class AgencyProcess final : public engine::EventHandler, public StaffingObserver {
public:
    AgencyProcess(const AgencyParams& params, Staffing& staffing, const Caseload& caseload,
                  engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    // Starts the extra-capacity checks, if any.
    void start(engine::Simulator& sim);
    // New parameters from now: bookings made and assignments under way keep their times (new
    // fill times and assignments apply to bookings made later); switching vacancy cover on
    // books every vacancy without cover now; the extra-capacity checks restart from now on
    // the new period.
    void reconfigure(const AgencyParams& next, engine::Simulator& sim);

    void vacancy_opened(PostId post, engine::Simulator& sim) override;
    void agency_started(WorkerId worker, engine::Simulator& sim) override;
    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) override;
    void cover_needed(WorkerId absent, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Extra-capacity workers in post now.
    int extra_staff() const { return extra_active_; }
    // Cumulative counts, for the recorder.
    std::uint64_t conversions() const { return conversions_; }
    std::uint64_t refused() const { return refused_; }
    std::uint64_t returners() const { return returners_; }
    std::uint64_t early_leavers() const { return early_leavers_; }
    // Vacancies cover_share left without agency cover.
    std::uint64_t uncovered_vacancies() const { return uncovered_; }

private:
    // What a booking is for; the kind of its arrival event (with kReturner for a returner).
    enum Kind : std::uint16_t {
        kArrival = 0,  // a vacancy: target post, stamp its vacancy spell
        kAssignmentEnd = 1,
        kCoverArrival = 2,  // an absence: target the absent worker, stamp their absence spell
        kExtraArrival = 3,  // extra capacity: target the role
        kEarlyLeave = 4,
        kCheck = 5,
        kReturner = 0x100,
    };
    struct Returner {
        double available_at;
        double expires;
    };

    void book(PostId post, engine::Simulator& sim);
    // Whether a vacancy without cover is to be covered (cover_share); draws only below 1.
    bool covers_vacancy(PostId post);
    // By role: the probability of booking an initial vacancy left without cover.
    std::vector<double> initial_cover_probability() const;
    void book_cover(WorkerId absent, engine::Simulator& sim);
    void book_extra(engine::Simulator& sim);
    // Schedules the arrival of a booking; a returner fills it if the policy says so.
    void schedule_arrival(std::uint16_t kind, std::uint32_t target, std::uint32_t stamp,
                          engine::RandomStream& fill, bool may_return, engine::Simulator& sim);
    bool take_returner(double now);
    // Whether the booking still needs someone when its worker arrives.
    bool still_wanted(std::uint16_t kind, std::uint32_t target, std::uint32_t stamp) const;
    // The 2024 experience rule and the agency-share cap; false if the worker does not start.
    bool accepted(std::uint16_t kind, std::uint32_t target, std::uint32_t stamp, bool returner,
                  engine::Simulator& sim);
    void arrive(std::uint16_t kind, std::uint32_t target, bool returner, engine::Simulator& sim);
    void assignment_over(WorkerId worker, bool early, engine::Simulator& sim);
    void check_extra(engine::Simulator& sim);
    engine::RandomStream& fill_stream(std::uint16_t kind);

    const AgencyParams* params_;
    Staffing& staffing_;
    const Caseload& caseload_;
    engine::HandlerId handler_;
    engine::RandomStream fill_time_stream_;
    engine::RandomStream assignment_stream_;
    engine::RandomStream cover_stream_;         // "agency.absence_cover": fill and stay
    engine::RandomStream extra_stream_;         // "agency.extra_capacity": fill and stay
    engine::RandomStream early_leave_stream_;   // "agency.early_leave"
    engine::RandomStream conversion_stream_;    // "agency.conversion"
    engine::RandomStream returner_stream_;      // "agency.returners"
    engine::RandomStream experience_stream_;    // "agency.experience"
    engine::RandomStream cover_share_stream_;   // "agency.cover_share"
    std::vector<double> initial_cover_;         // while initialising: by role
    std::deque<Returner> returners_available_;  // in the order they became available
    std::uint32_t check_stamp_ = 0;
    int extra_active_ = 0;
    int extra_pending_ = 0;
    std::uint64_t conversions_ = 0;
    std::uint64_t refused_ = 0;
    std::uint64_t returners_ = 0;
    std::uint64_t early_leavers_ = 0;
    std::uint64_t uncovered_ = 0;
};

}  // namespace wfsim::model
