#include "models/casework/demand.hpp"

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxReferralsPerYear = 1e8;
constexpr double kMaxInitialCases = 1e7;
}  // namespace

DemandParams DemandParams::read(config::Section root) {
    DemandParams params;
    config::Section section = root.section("demand", {"Referrals and the work they bring."}, true);
    params.referrals_per_year = section.real(
        "referrals_per_year", {"Mean referrals a year, arriving as a Poisson process.", "per year"},
        {.min = 0.0, .max = kMaxReferralsPerYear});
    params.initial_open_cases = section.integer(
        "initial_open_cases",
        {"Cases open at the start; each gets a fresh case_duration draw of work.", "cases"},
        {.min = 0.0, .max = kMaxInitialCases}, 0);
    params.case_duration = section.distribution(
        "case_duration",
        {"Work in a case: days of allocated time until it closes (unallocated time does not "
         "count).",
         "days"});
    section.finish();
    return params;
}

DemandProcess::DemandProcess(const DemandParams& params, Caseload& caseload, engine::Simulator& sim,
                             std::uint64_t seed, std::uint64_t replication)
    : params_(&params),
      caseload_(caseload),
      next_referral_(sim.add_timer(sim.add_handler(*this), 0, phase::kReferral)),
      mean_gap_days_(
          params.referrals_per_year > 0.0 ? engine::kDaysPerYear / params.referrals_per_year : 0.0),
      arrival_stream_(seed, replication, "demand.arrivals"),
      duration_stream_(seed, replication, "demand.case_duration") {}

void DemandProcess::start(engine::Simulator& sim) {
    for (std::int64_t i = 0; i < params_->initial_open_cases; ++i) {
        caseload_.open_case(params_->case_duration.sample(duration_stream_), sim);
    }
    schedule_next(sim);
}

void DemandProcess::reconfigure(const DemandParams& params, engine::Simulator& sim) {
    const bool rate_changed = params.referrals_per_year != params_->referrals_per_year;
    params_ = &params;
    if (!rate_changed) return;
    mean_gap_days_ =
        params.referrals_per_year > 0.0 ? engine::kDaysPerYear / params.referrals_per_year : 0.0;
    sim.disarm(next_referral_);
    schedule_next(sim);
}

void DemandProcess::handle(const engine::Event&, engine::Simulator& sim) {
    caseload_.open_case(params_->case_duration.sample(duration_stream_), sim);
    schedule_next(sim);
}

void DemandProcess::schedule_next(engine::Simulator& sim) {
    if (mean_gap_days_ <= 0.0) return;
    sim.arm(next_referral_, sim.now() + arrival_stream_.exponential(mean_gap_days_));
}

}  // namespace wfsim::model
