#include "models/workforce/grow_your_own.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include <boost/random/binomial_distribution.hpp>

#include "engine/calendar.hpp"
#include "models/phases.hpp"
#include "models/workforce/placement.hpp"

namespace wfsim::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kMaxCohort = 100000.0;
constexpr std::array<std::string_view, 3> kKinds = {"step_up", "frontline", "apprenticeship"};

int binomial(int n, double p, engine::RandomStream& stream) {
    if (n <= 0 || p <= 0.0) return 0;
    if (p >= 1.0) return n;
    return boost::random::binomial_distribution<int>(n, p)(stream.engine());
}
}  // namespace

GrowYourOwnParams GrowYourOwnParams::read(config::Section root, const RoleCatalog& roles,
                                          const engine::Date& start) {
    GrowYourOwnParams params;
    config::Section section = root.named_entries(
        "grow_your_own",
        {"Grow-your-own programmes, by name: cohorts of trainees who join as NQSWs (route "
         "grow_your_own, in their ASYE if asye is on) when they qualify, into a vacant post of "
         "the role, else above establishment. Graduate trainees (step_up, frontline) are not "
         "staff while they train. Apprentices are the service's own staff of from_role: they "
         "keep their post while they study (and may leave), and those who qualify move to the "
         "role, their old post falling vacant."},
        "<programme>");
    for (const std::string& name : section.keys()) {
        config::Section entry = section.section(name, {"One programme."}, true);
        GrowYourOwnProgramme p;
        p.name = name;
        const std::string kind = entry.choice(
            "kind",
            {"step_up (Step Up to Social Work, about 14 months), frontline (Frontline, 12 to 24 "
             "months) or apprenticeship (a social work degree apprenticeship, about 3 years)."},
            kKinds);
        p.kind = static_cast<GrowYourOwnKind>(std::ranges::find(kKinds, kind) - kKinds.begin());
        const std::string role = entry.text("role", {"The role trainees qualify into."});
        config::Section cohorts = entry.section("cohorts", {"When cohorts start."}, true);
        p.cohorts = Recurrence::read(cohorts, start, "first", "cohort");
        cohorts.finish();
        p.size = static_cast<int>(
            entry.integer("size",
                          {"Trainees starting in each cohort (apprentices: at most, as there are "
                           "eligible staff).",
                           "people"},
                          {.min = 0.0, .max = kMaxCohort}));
        p.length_days = entry.duration(
            "length", {"From the start of a cohort to qualifying.", "days"}, {.min = 1.0});
        p.completion_rate = entry.real(
            "completion_rate",
            {"Probability that a trainee qualifies and joins (apprentices: of those still "
             "employed at the end).",
             "1"},
            {.min = 0.0, .max = 1.0});
        p.cost_per_trainee =
            entry.real("cost_per_trainee", {"Cost to the service of each trainee starting.", "GBP"},
                       {.min = 0.0}, 0.0);
        const std::string from = entry.text(
            "from_role",
            {"Apprenticeships only: the role (e.g. support_worker) whose staff train, keeping "
             "their post until they qualify. Absent: apprentices are recruited from outside "
             "and, like graduate trainees, are not staff while they train."},
            std::string());
        entry.finish();
        if (!role.empty()) {
            if (auto id = roles.resolve(entry, role, "role")) p.role = *id;
        }
        if (!from.empty()) {
            if (p.kind != GrowYourOwnKind::Apprenticeship) {
                entry.error("from_role", "only apprenticeships train the service's own staff");
            } else if (auto id = roles.resolve(entry, from, "from_role")) {
                if (*id == p.role && !role.empty()) {
                    entry.error("from_role", "the same role as the one qualified into");
                } else {
                    p.from_role = *id;
                }
            }
        }
        params.programmes.push_back(std::move(p));
    }
    section.finish();

    config::Section students = root.section(
        "student_placements",
        {"Social work students on placement: each year, at the end of the placements, each "
         "student placed takes a job as an NQSW (route nqsw) with probability conversion."});
    StudentPlacements& s = params.students;
    s.enabled = students.present();
    const std::string role = students.text("role", {"The role students join."});
    if (students.present() && !role.empty()) {
        if (auto id = roles.resolve(students, role, "role")) s.role = *id;
    }
    s.per_year = static_cast<int>(students.integer(
        "per_year", {"Students placed a year.", "people"}, {.min = 0.0, .max = kMaxCohort}));
    s.conversion =
        students.real("conversion", {"Probability that a student placed takes a job.", "1"},
                      {.min = 0.0, .max = 1.0});
    s.when =
        Recurrence::read(students, start, "first", "end of placements", 12 * engine::kDaysPerMonth);
    students.finish();
    return params;
}

GrowYourOwnProcess::GrowYourOwnProcess(const GrowYourOwnParams& params, bool nqsw_in_asye,
                                       Staffing& staffing, engine::Simulator& sim,
                                       std::uint64_t seed, std::uint64_t replication)
    : params_(&params),
      nqsw_in_asye_(nqsw_in_asye),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      seed_(seed),
      replication_(replication),
      student_stream_(seed, replication, "student_placements") {
    for (const GrowYourOwnProgramme& p : params.programmes) stream_of(p.name);
}

std::uint32_t GrowYourOwnProcess::stream_of(const std::string& name) {
    const auto it = std::ranges::find(stream_names_, name);
    if (it != stream_names_.end()) return static_cast<std::uint32_t>(it - stream_names_.begin());
    stream_names_.push_back(name);
    streams_.emplace_back(seed_, replication_, "grow_your_own." + name);
    return static_cast<std::uint32_t>(streams_.size() - 1);
}

void GrowYourOwnProcess::start(engine::Simulator& sim) {
    schedule(sim.now(), true, sim);
}

void GrowYourOwnProcess::schedule(double after, bool inclusive, engine::Simulator& sim) {
    for (std::uint32_t i = 0; i < params_->programmes.size(); ++i) {
        const double at = params_->programmes[i].cohorts.next(after, inclusive);
        if (at < kInfinity) sim.schedule(at, handler_, i, generation_, kCohort, phase::kStart);
    }
    if (params_->students.enabled) {
        const double at = params_->students.when.next(after, inclusive);
        if (at < kInfinity) sim.schedule(at, handler_, 0, generation_, kStudents, phase::kStart);
    }
}

void GrowYourOwnProcess::reconfigure(const GrowYourOwnParams& next, engine::Simulator& sim) {
    const GrowYourOwnParams& before = *params_;
    params_ = &next;
    for (const GrowYourOwnProgramme& p : next.programmes) stream_of(p.name);
    // Pending cohorts and placements stand when their timetables are unchanged.
    bool same = next.programmes.size() == before.programmes.size() &&
                next.students.enabled == before.students.enabled &&
                next.students.when == before.students.when;
    for (std::size_t i = 0; same && i < next.programmes.size(); ++i) {
        same = next.programmes[i].cohorts == before.programmes[i].cohorts;
    }
    if (same) return;
    ++generation_;
    schedule(sim.now(), false, sim);
}

void GrowYourOwnProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    switch (event.kind) {
        case kComplete:
            complete(event.target, sim);
            return;
        case kCohort: {
            if (event.stamp != generation_) return;
            start_cohort(event.target, sim);
            const double next = params_->programmes[event.target].cohorts.next(sim.now(), false);
            if (next < kInfinity) {
                sim.schedule(next, handler_, event.target, generation_, kCohort, phase::kStart);
            }
            return;
        }
        case kStudents: {
            if (event.stamp != generation_) return;
            place_students(sim);
            const double next = params_->students.when.next(sim.now(), false);
            if (next < kInfinity) {
                sim.schedule(next, handler_, 0, generation_, kStudents, phase::kStart);
            }
            return;
        }
        default:
            return;
    }
}

void GrowYourOwnProcess::start_cohort(std::uint32_t programme, engine::Simulator& sim) {
    const GrowYourOwnProgramme& p = params_->programmes[programme];
    const auto index = static_cast<std::uint32_t>(cohorts_.size());
    TraineeCohort cohort{.programme = programme,
                         .started = sim.now(),
                         .role = p.role,
                         .completion_rate = p.completion_rate,
                         .stream = stream_of(p.name),
                         .apprentices = {}};
    if (p.from_role) {
        // The longest-serving staying staff of the role who are not apprentices already.
        if (apprentice_of_.size() < staffing_.worker_capacity()) {
            apprentice_of_.resize(staffing_.worker_capacity(), kNone);
        }
        eligible_.clear();
        for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
            const Worker& w = staffing_.worker(id);
            if (w.active && w.contract == Contract::Permanent && w.role == *p.from_role &&
                !w.on_notice && !w.in_asye && w.absence == Absence::None &&
                apprentice_of_[id] == kNone) {
                eligible_.push_back(id);
            }
        }
        const std::size_t take = std::min<std::size_t>(eligible_.size(), p.size);
        std::ranges::stable_sort(eligible_, [&](WorkerId a, WorkerId b) {
            return staffing_.worker(a).started < staffing_.worker(b).started;
        });
        cohort.apprentices.assign(eligible_.begin(), eligible_.begin() + take);
        for (const WorkerId id : cohort.apprentices) apprentice_of_[id] = index;
        cohort.size = static_cast<int>(take);
    } else {
        cohort.size = p.size;
    }
    cohort.in_training = cohort.size;
    trainees_ += cohort.size;
    cost_ += cohort.size * p.cost_per_trainee;
    cohorts_.push_back(std::move(cohort));
    sim.schedule(sim.now() + p.length_days, handler_, index, 0, kComplete, phase::kStart);
}

void GrowYourOwnProcess::complete(std::uint32_t index, engine::Simulator& sim) {
    TraineeCohort& cohort = cohorts_[index];
    engine::RandomStream& stream = streams_[cohort.stream];
    const Hire hire{.route = Route::GrowYourOwn, .in_asye = nqsw_in_asye_};
    Placement places(staffing_, cohort.role);
    cohort.completed = true;
    if (cohort.apprentices.empty()) {
        const int qualified = binomial(cohort.in_training, cohort.completion_rate, stream);
        trainees_ -= cohort.in_training;
        cohort.in_training = 0;
        for (int k = 0; k < qualified; ++k) {
            staffing_.start_permanent(places.next(), cohort.role, hire, sim);
        }
        cohort.qualified = qualified;
        qualified_ += static_cast<std::uint64_t>(qualified);
        return;
    }
    // Apprentices still with the service (and not leaving it) may qualify; the others stay.
    const std::vector<WorkerId> members = cohort.apprentices;
    for (const WorkerId id : members) {
        if (apprentice_of_[id] != index) continue;  // left or moved meanwhile
        drop_apprentice(id);
        if (staffing_.worker(id).on_notice || !stream.bernoulli(cohort.completion_rate)) continue;
        staffing_.move_to(id, cohort.role, places.next(), hire, sim);
        ++cohort.qualified;
        ++qualified_;
    }
}

void GrowYourOwnProcess::drop_apprentice(WorkerId worker) {
    TraineeCohort& cohort = cohorts_[apprentice_of_[worker]];
    apprentice_of_[worker] = kNone;
    --cohort.in_training;
    --trainees_;
}

void GrowYourOwnProcess::worker_leaving(WorkerId worker, Destination, engine::Simulator&) {
    if (worker < apprentice_of_.size() && apprentice_of_[worker] != kNone) drop_apprentice(worker);
}

void GrowYourOwnProcess::worker_moved(WorkerId worker, RoleId, engine::Simulator&) {
    // Promoted or moved by another process: no longer an apprentice of their old role.
    if (worker < apprentice_of_.size() && apprentice_of_[worker] != kNone) drop_apprentice(worker);
}

void GrowYourOwnProcess::place_students(engine::Simulator& sim) {
    const StudentPlacements& s = params_->students;
    const int joining = binomial(s.per_year, s.conversion, student_stream_);
    Placement places(staffing_, s.role);
    const Hire hire{.route = Route::Nqsw, .in_asye = nqsw_in_asye_};
    for (int k = 0; k < joining; ++k) staffing_.start_permanent(places.next(), s.role, hire, sim);
}

}  // namespace wfsim::model
