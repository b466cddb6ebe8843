// Grow-your-own routes into social work: graduate programmes (Step Up, Frontline) and degree
// apprenticeships train cohorts who join the service as NQSWs when they qualify (route
// grow_your_own, in their ASYE when the programme is on), into a vacant post of the role with
// no starter on the way, else above establishment. Student placements turn a share of the
// students placed each year into NQSW hires (route nqsw).
//
// Graduate trainees are not staff while they train: a cohort is a count and its record here.
// Apprentices are the service's own staff of another role (from_role, e.g. support workers):
// as in council apprenticeships they keep their post, and may leave like anyone, while they
// study; those still employed at the end qualify with completion_rate and move to the role
// (Staffing::move_to), their old post then falling vacant. Those who do not qualify stay.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"
#include "engine/simulator.hpp"
#include "models/config/section.hpp"
#include "models/scenario/roles.hpp"
#include "models/workforce/recurrence.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {

enum class GrowYourOwnKind : std::uint8_t { StepUp, Frontline, Apprenticeship };

struct GrowYourOwnProgramme {
    std::string name;
    GrowYourOwnKind kind = GrowYourOwnKind::StepUp;
    RoleId role = 0;  // qualifies into
    Recurrence cohorts;
    int size = 0;
    double length_days = 0.0;
    double completion_rate = 1.0;
    double cost_per_trainee = 0.0;
    std::optional<RoleId> from_role;  // apprenticeships of the service's own staff
};

struct StudentPlacements {
    bool enabled = false;
    RoleId role = 0;
    int per_year = 0;
    double conversion = 0.0;
    Recurrence when;  // yearly: the end of the placements
};

struct GrowYourOwnParams {
    std::vector<GrowYourOwnProgramme> programmes;
    StudentPlacements students;

    static GrowYourOwnParams read(config::Section root, const RoleCatalog& roles,
                                  const engine::Date& start);
};

// One cohort of one programme.
struct TraineeCohort {
    std::uint32_t programme = 0;
    double started = 0.0;
    int size = 0;
    int in_training = 0;
    int qualified = 0;
    bool completed = false;
    // Fixed at the start, so that later parameters do not change a cohort under way.
    RoleId role = 0;
    double completion_rate = 1.0;
    std::uint32_t stream = 0;
    std::vector<WorkerId> apprentices;
};

class GrowYourOwnProcess final : public engine::EventHandler, public StaffingObserver {
public:
    GrowYourOwnProcess(const GrowYourOwnParams& params, bool nqsw_in_asye, Staffing& staffing,
                       engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    void start(engine::Simulator& sim);
    // New programmes from now: cohorts and placements follow the new dates from after now;
    // cohorts under way finish as they started.
    void reconfigure(const GrowYourOwnParams& next, engine::Simulator& sim);

    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) override;
    void worker_moved(WorkerId worker, RoleId from_role, engine::Simulator& sim) override;
    void handle(const engine::Event& event, engine::Simulator& sim) override;

    int trainees() const { return trainees_; }              // in training now
    std::uint64_t qualified() const { return qualified_; }  // cumulative
    double training_cost() const { return cost_; }          // cumulative, GBP
    const std::vector<TraineeCohort>& cohorts() const { return cohorts_; }

private:
    enum Kind : std::uint16_t { kCohort = 0, kComplete = 1, kStudents = 2 };

    void start_cohort(std::uint32_t programme, engine::Simulator& sim);
    void complete(std::uint32_t cohort, engine::Simulator& sim);
    void place_students(engine::Simulator& sim);
    void schedule(double after, bool inclusive, engine::Simulator& sim);
    void drop_apprentice(WorkerId worker);
    // The stream of the programme called `name`, made on first use: a programme keeps its
    // stream when parameters are replaced.
    std::uint32_t stream_of(const std::string& name);

    const GrowYourOwnParams* params_;
    bool nqsw_in_asye_;
    Staffing& staffing_;
    engine::HandlerId handler_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    std::vector<std::string> stream_names_;
    std::vector<engine::RandomStream> streams_;  // per programme: "grow_your_own.<name>"
    engine::RandomStream student_stream_;        // "student_placements"
    std::vector<TraineeCohort> cohorts_;
    std::vector<std::uint32_t> apprentice_of_;  // by worker slot: their cohort, or kNone
    std::vector<WorkerId> eligible_;            // scratch
    int trainees_ = 0;
    std::uint64_t qualified_ = 0;
    double cost_ = 0.0;
    std::uint32_t generation_ = 0;  // dated events of replaced parameters are stale
};

}  // namespace wfsim::model
