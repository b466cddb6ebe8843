// The ASYE of newly qualified social workers: cohort intakes on their dates, and for every
// NQSW who starts in their ASYE (from an intake, a campaign or a grow-your-own programme) the
// assessment at its end. Outcomes go through Staffing (Staffing::complete_asye), so every
// observer sees them; this process counts them per interval and per cohort (the calendar month
// the NQSW started in).
//
// The protected caseload is Staffing's (ProtectedCaseload); the ASYE turnover rate is
// TurnoverProcess's, which re-times a leaving clock when the ASYE ends.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/workforce/asye_params.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

// The NQSWs who started their ASYE in one calendar month, and what became of them.
struct AsyeCohort {
    engine::Date month;  // first day of the month
    int size = 0;
    int passed = 0;    // including after an extension
    int extended = 0;  // extended at the first assessment
    int failed = 0;    // including after an extension
    int left = 0;      // left the service during their ASYE (not by failing it)
};

class AsyeProcess final : public engine::EventHandler, public StaffingObserver {
public:
    AsyeProcess(const AsyeParams& params, const engine::Date& start, Staffing& staffing,
                engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    // Schedules the intakes.
    void start(engine::Simulator& sim);
    // New parameters from now: the protection applies at once, pending assessments are
    // re-timed to the new lengths (from the start of the ASYE or extension, not before now),
    // intakes follow the new list from after now. The programme cannot be switched on or off.
    void reconfigure(const AsyeParams& next, engine::Simulator& sim);

    void permanent_started(WorkerId worker, engine::Simulator& sim) override;
    void worker_moved(WorkerId worker, RoleId from_role, engine::Simulator& sim) override;
    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) override;
    void asye_completed(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    // Cumulative, for the recorder.
    std::uint64_t outcomes(AsyeOutcome outcome) const { return outcomes_[index_of(outcome)]; }
    std::uint64_t intake_starters() const { return intake_starters_; }
    // Every cohort so far, oldest first.
    const std::vector<AsyeCohort>& cohorts() const { return cohorts_; }

private:
    enum Kind : std::uint16_t { kIntake = 0, kAssess = 1 };

    struct Nqsw {
        bool tracked = false;
        bool extended = false;
        std::uint32_t cohort = 0;
        std::uint32_t stamp = 0;  // bumped on every (re)scheduling; events carry it
        double since = 0.0;       // start of the ASYE, or of the extension
    };

    void begin(WorkerId worker, engine::Simulator& sim);
    void schedule_assessment(WorkerId worker, engine::Simulator& sim);
    void assess(WorkerId worker, engine::Simulator& sim);
    void intake(std::uint32_t index, engine::Simulator& sim);
    void schedule_intakes(double after, bool inclusive, engine::Simulator& sim);
    std::uint32_t cohort_now(double now);
    Nqsw& nqsw(WorkerId worker);

    const AsyeParams* params_;
    engine::Date start_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    engine::RandomStream outcome_stream_;  // "asye.outcome"
    std::vector<Nqsw> nqsws_;              // by worker slot
    std::vector<AsyeCohort> cohorts_;
    std::array<std::uint64_t, kAsyeOutcomeCount> outcomes_{};
    std::uint64_t intake_starters_ = 0;
    std::uint32_t intake_generation_ = 0;  // intake events of replaced parameters are stale
};

}  // namespace wfsim::model
