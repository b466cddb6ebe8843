#include "models/workforce/asye.hpp"

#include <algorithm>
#include <limits>

#include "models/phases.hpp"
#include "models/workforce/placement.hpp"

namespace wfsim::model {

AsyeProcess::AsyeProcess(const AsyeParams& params, const engine::Date& start, Staffing& staffing,
                         engine::Simulator& sim, std::uint64_t seed, std::uint64_t replication)
    : params_(&params),
      start_(start),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      outcome_stream_(seed, replication, "asye.outcome") {}

void AsyeProcess::start(engine::Simulator& sim) {
    if (params_->enabled) schedule_intakes(sim.now(), true, sim);
}

void AsyeProcess::schedule_intakes(double after, bool inclusive, engine::Simulator& sim) {
    for (std::uint32_t i = 0; i < params_->intakes.size(); ++i) {
        const double at = params_->intakes[i].when.next(after, inclusive);
        if (at < std::numeric_limits<double>::infinity()) {
            sim.schedule(at, handler_, i, intake_generation_, kIntake, phase::kStart);
        }
    }
}

void AsyeProcess::reconfigure(const AsyeParams& next, engine::Simulator& sim) {
    const AsyeParams& before = *params_;
    params_ = &next;
    if (!before.enabled) return;
    // Only what changed is re-timed, so that an intervention changing nothing changes no number.
    if (!(next.protection == before.protection))
        staffing_.set_asye_protection(next.protection, sim);
    if (next.intakes != before.intakes || next.role != before.role) {
        ++intake_generation_;
        schedule_intakes(sim.now(), false, sim);
    }
    if (next.length_days != before.length_days || next.extension_days != before.extension_days) {
        for (WorkerId w = 0; w < nqsws_.size(); ++w) {
            if (nqsws_[w].tracked) schedule_assessment(w, sim);
        }
    }
}

AsyeProcess::Nqsw& AsyeProcess::nqsw(WorkerId worker) {
    if (worker >= nqsws_.size()) nqsws_.resize(staffing_.worker_capacity());
    return nqsws_[worker];
}

std::uint32_t AsyeProcess::cohort_now(double now) {
    engine::Date month = engine::date_at(start_, now);
    month.day = 1;
    // Starters come in time order, so a new month is always the latest cohort.
    if (cohorts_.empty() || !(cohorts_.back().month == month)) {
        cohorts_.push_back(AsyeCohort{.month = month});
    }
    return static_cast<std::uint32_t>(cohorts_.size() - 1);
}

void AsyeProcess::permanent_started(WorkerId worker, engine::Simulator& sim) {
    if (params_->enabled && staffing_.worker(worker).in_asye) begin(worker, sim);
}

void AsyeProcess::worker_moved(WorkerId worker, RoleId, engine::Simulator& sim) {
    if (!params_->enabled) return;
    const bool in_asye = staffing_.worker(worker).in_asye;
    Nqsw& n = nqsw(worker);
    if (in_asye && !n.tracked) {
        begin(worker, sim);
    } else if (!in_asye && n.tracked) {
        n.tracked = false;  // moved out of the ASYE without an assessment
        ++n.stamp;
    }
}

void AsyeProcess::begin(WorkerId worker, engine::Simulator& sim) {
    Nqsw& n = nqsw(worker);
    n.tracked = true;
    n.extended = false;
    n.since = sim.now();
    n.cohort = cohort_now(sim.now());
    ++cohorts_[n.cohort].size;
    schedule_assessment(worker, sim);
}

void AsyeProcess::schedule_assessment(WorkerId worker, engine::Simulator& sim) {
    Nqsw& n = nqsws_[worker];
    const double length = n.extended ? params_->extension_days : params_->length_days;
    ++n.stamp;
    sim.schedule(std::max(sim.now(), n.since + length), handler_, worker, n.stamp, kAssess,
                 phase::kDeparture);
}

void AsyeProcess::worker_leaving(WorkerId worker, Destination destination, engine::Simulator&) {
    if (worker >= nqsws_.size() || !nqsws_[worker].tracked) return;
    Nqsw& n = nqsws_[worker];
    n.tracked = false;
    ++n.stamp;
    if (destination != Destination::AsyeFailed) ++cohorts_[n.cohort].left;
}

void AsyeProcess::asye_completed(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim) {
    if (worker >= nqsws_.size() || !nqsws_[worker].tracked) return;
    Nqsw& n = nqsws_[worker];
    ++outcomes_[index_of(outcome)];
    AsyeCohort& cohort = cohorts_[n.cohort];
    switch (outcome) {
        case AsyeOutcome::Passed:
            ++cohort.passed;
            n.tracked = false;
            return;
        case AsyeOutcome::Failed:
            ++cohort.failed;
            n.tracked = false;  // their leaving is the failure, not a departure during the ASYE
            return;
        case AsyeOutcome::Extended:
            ++cohort.extended;
            n.extended = true;
            n.since = sim.now();
            schedule_assessment(worker, sim);
            return;
    }
}

void AsyeProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    if (event.kind == kIntake) {
        if (event.stamp == intake_generation_) intake(event.target, sim);
        return;
    }
    const WorkerId worker = event.target;
    if (worker >= nqsws_.size() || !nqsws_[worker].tracked || nqsws_[worker].stamp != event.stamp)
        return;
    assess(worker, sim);
}

void AsyeProcess::assess(WorkerId worker, engine::Simulator& sim) {
    const Worker& w = staffing_.worker(worker);
    // A resigned NQSW working their notice is not assessed: they leave during their ASYE.
    if (!w.active || !w.in_asye || w.on_notice) return;
    const double u = outcome_stream_.uniform01();
    AsyeOutcome outcome;
    if (nqsws_[worker].extended) {
        outcome = u < params_->extension_pass ? AsyeOutcome::Passed : AsyeOutcome::Failed;
    } else if (u < params_->pass) {
        outcome = AsyeOutcome::Passed;
    } else if (u < params_->pass + params_->extend) {
        outcome = AsyeOutcome::Extended;
    } else {
        outcome = AsyeOutcome::Failed;
    }
    staffing_.complete_asye(worker, outcome, sim);
}

void AsyeProcess::intake(std::uint32_t index, engine::Simulator& sim) {
    const AsyeIntake& intake = params_->intakes[index];
    Placement places(staffing_, params_->role);
    const Hire hire{.route = Route::Nqsw, .in_asye = true};
    for (int k = 0; k < intake.count; ++k) {
        staffing_.start_permanent(places.next(), params_->role, hire, sim);
        ++intake_starters_;
    }
    const double next = intake.when.next(sim.now(), false);
    if (next < std::numeric_limits<double>::infinity()) {
        sim.schedule(next, handler_, index, intake_generation_, kIntake, phase::kStart);
    }
}

}  // namespace wfsim::model
