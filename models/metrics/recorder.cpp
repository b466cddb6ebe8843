#include "models/metrics/recorder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "engine/calendar.hpp"
#include "models/metrics/series_math.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

using series::kNaN;
using series::kWindow;
using series::ratio;

Recorder::Recorder(std::span<const double> times, const Staffing& staffing,
                   const Caseload& caseload, PipelineSources pipeline, output::SeriesTable& table,
                   std::size_t replication, engine::Simulator& sim, CaseworkLayout casework)
    : times_(times),
      staffing_(staffing),
      caseload_(caseload),
      pipeline_(pipeline),
      table_(table),
      replication_(replication),
      handler_(sim.add_handler(*this)),
      casework_(casework),
      window_start_(times.size()) {
    // A sample has a full window once it is 12 months in (tolerating rounding of t - 365.25).
    while (first_windowed_ < times_.size() && times_[first_windowed_] < kWindow - 1e-9) {
        ++first_windowed_;
    }
}

void Recorder::start(engine::Simulator& sim) {
    previous_ = snapshot(sim.now());
    sim.schedule(times_[0], handler_, 0, 0, kSample, phase::kRecord);
    if (first_windowed_ < times_.size()) {
        const double at = std::max(0.0, times_[first_windowed_] - kWindow);
        sim.schedule(at, handler_, static_cast<std::uint32_t>(first_windowed_), 0, kWindowStart,
                     phase::kRecord);
    }
}

void Recorder::handle(const engine::Event& event, engine::Simulator& sim) {
    const std::size_t sample = event.target;
    if (event.kind == kWindowStart) {
        window_start_[sample] = snapshot(sim.now());
        if (sample + 1 < times_.size()) {
            const double at = std::max(sim.now(), times_[sample + 1] - kWindow);
            sim.schedule(at, handler_, static_cast<std::uint32_t>(sample + 1), 0, kWindowStart,
                         phase::kRecord);
        }
        return;
    }
    record(sample, sim.now());
    if (sample + 1 < times_.size()) {
        sim.schedule(times_[sample + 1], handler_, static_cast<std::uint32_t>(sample + 1), 0,
                     kSample, phase::kRecord);
    }
}

Recorder::Cumulative Recorder::snapshot(double now) const {
    Cumulative c;
    c.starters = staffing_.permanent_starters();
    c.leavers = staffing_.permanent_leavers();
    c.referrals = caseload_.referrals();
    c.closed = caseload_.closed();
    c.closed_case_workers = caseload_.closed_case_workers();
    c.closed_over_three = caseload_.closed_with_more_than_three_workers();
    c.first_allocations = caseload_.first_allocations();
    c.days_waited = caseload_.days_waited_for_first_worker();
    c.person_days = staffing_.permanent_person_days(now);
    c.applicants = pipeline_.campaigns.applicants();
    c.offers = pipeline_.hiring.offers();
    c.hires = pipeline_.hiring.acceptances();
    c.campaigns = pipeline_.campaigns.campaigns_run();
    c.campaign_cost = pipeline_.campaigns.cost();
    c.payments = pipeline_.turnover.retention_payments();
    c.paid = pipeline_.turnover.retention_paid();
    for (std::size_t r = 0; r < kRouteCount; ++r) {
        c.by_route[r] = pipeline_.flows.starters(static_cast<Route>(r));
    }
    for (std::size_t d = 0; d < kLeaverSeries; ++d) {
        c.by_destination[d] = pipeline_.flows.leavers(kLeaverDestinations[d]);
    }
    c.training_cost = pipeline_.grow_your_own.training_cost();
    c.over_cap = caseload_.over_cap_allocations();
    c.re_referrals = pipeline_.demand.re_referrals();
    c.stages_completed.resize(casework_.case_types);
    c.within_timescale.resize(casework_.case_types);
    for (std::size_t t = 0; t < casework_.case_types; ++t) {
        c.stages_completed[t] = caseload_.stages_completed(static_cast<CaseTypeId>(t));
        c.within_timescale[t] = caseload_.completed_within_timescale(static_cast<CaseTypeId>(t));
    }
    c.role_cost.resize(staffing_.roles().size());
    for (std::size_t r = 0; r < c.role_cost.size(); ++r) {
        const auto role = static_cast<RoleId>(r);
        const double permanent = pipeline_.costs.staff_cost(role, Contract::Permanent, now);
        const double agency = pipeline_.costs.staff_cost(role, Contract::Agency, now);
        c.permanent_cost += permanent;
        c.agency_cost += agency;
        c.role_cost[r] = permanent + agency;
    }
    c.sick_fte_days = pipeline_.absence.sickness_fte_days(now);
    c.permanent_fte_days = pipeline_.absence.permanent_fte_days(now);
    c.conversions = pipeline_.agency.conversions();
    c.refused = pipeline_.agency.refused();
    c.returners = pipeline_.agency.returners();
    c.early_leavers = pipeline_.agency.early_leavers();
    for (std::size_t o = 0; o < kAsyeOutcomeCount; ++o) {
        c.asye[o] = pipeline_.asye.outcomes(static_cast<AsyeOutcome>(o));
    }
    c.progressions = pipeline_.progression.progressions();
    c.trainees_qualified = pipeline_.grow_your_own.qualified();
    return c;
}

void Recorder::put(std::size_t sample, Metric metric, double value) {
    table_.at(index(metric), replication_, sample) = value;
}

void Recorder::put(std::size_t sample, std::size_t series, double value) {
    table_.at(series, replication_, sample) = value;
}

void Recorder::record_pipeline(std::size_t sample, double now, const Cumulative& current) {
    const Cumulative& before = previous_;
    const auto flow = [&](std::uint64_t Cumulative::*counter) {
        return static_cast<double>(current.*counter - before.*counter);
    };
    double fte_permanent = 0.0;
    double fte_agency = 0.0;
    double case_holding_fte = 0.0;
    int in_pool = 0;
    int nqsw = 0;
    int nqsw_cases = 0;
    int nqsw_over = 0;
    int under_2y = 0;
    int from_2_to_4y = 0;
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active) continue;
        (w.contract == Contract::Permanent ? fte_permanent : fte_agency) += w.fte;
        case_holding_fte += staffing_.case_holding_fte(id);
        if (w.contract != Contract::Permanent) continue;
        if (w.post == kNone) ++in_pool;
        const double tenure = now - w.started;
        if (tenure < 2 * engine::kDaysPerYear) {
            ++under_2y;
        } else if (tenure < 4 * engine::kDaysPerYear) {
            ++from_2_to_4y;
        }
        if (w.in_asye) {
            ++nqsw;
            nqsw_cases += caseload_.load(id);
            nqsw_over += caseload_.load(id) > staffing_.cap_of(id) ? 1 : 0;
        }
    }
    const double permanent = staffing_.permanent_count();
    put(sample, index(PipelineMetric::StaffInPool), in_pool);
    put(sample, index(PipelineMetric::FtePermanent), fte_permanent);
    put(sample, index(PipelineMetric::FteAgency), fte_agency);
    put(sample, index(PipelineMetric::CaseHoldingFte), case_holding_fte);
    put(sample, index(PipelineMetric::NqswCount), nqsw);
    put(sample, index(PipelineMetric::NqswMeanCaseload), ratio(nqsw_cases, nqsw));
    put(sample, index(PipelineMetric::NqswOverProtectedShare), ratio(nqsw_over, nqsw));
    put(sample, index(PipelineMetric::Applicants), flow(&Cumulative::applicants));
    put(sample, index(PipelineMetric::Offers), flow(&Cumulative::offers));
    put(sample, index(PipelineMetric::Hires), flow(&Cumulative::hires));
    put(sample, index(PipelineMetric::ReserveListSize), pipeline_.hiring.reserve_size(now));
    put(sample, index(PipelineMetric::Campaigns), flow(&Cumulative::campaigns));
    put(sample, index(PipelineMetric::CampaignCost), current.campaign_cost - before.campaign_cost);
    put(sample, index(PipelineMetric::RetentionPayments), flow(&Cumulative::payments));
    put(sample, index(PipelineMetric::RetentionPaid), current.paid - before.paid);
    put(sample, index(PipelineMetric::TenureUnder2yShare), ratio(under_2y, permanent));
    put(sample, index(PipelineMetric::Tenure2To4yShare), ratio(from_2_to_4y, permanent));
    for (std::size_t r = 0; r < kRouteCount; ++r) {
        put(sample, route_index(static_cast<Route>(r)),
            static_cast<double>(current.by_route[r] - before.by_route[r]));
    }
    for (std::size_t d = 0; d < kLeaverSeries; ++d) {
        put(sample, destination_index(d),
            static_cast<double>(current.by_destination[d] - before.by_destination[d]));
    }
}

void Recorder::record_costs(std::size_t sample, const Cumulative& current) {
    const Cumulative& before = previous_;
    const double permanent = current.permanent_cost - before.permanent_cost;
    const double agency = current.agency_cost - before.agency_cost;
    const double recruitment = current.campaign_cost - before.campaign_cost;
    const double retention = current.paid - before.paid;
    const double training = current.training_cost - before.training_cost;
    put(sample, index(PipelineMetric::CostPermanentStaff), permanent);
    put(sample, index(PipelineMetric::CostAgencyStaff), agency);
    put(sample, index(PipelineMetric::CostRecruitment), recruitment);
    put(sample, index(PipelineMetric::CostRetention), retention);
    put(sample, index(PipelineMetric::CostTraining), training);
    put(sample, index(PipelineMetric::CostTotal),
        permanent + agency + recruitment + retention + training);
    put(sample, index(PipelineMetric::CostCumulative), current.permanent_cost + current.agency_cost +
                                                           current.campaign_cost + current.paid +
                                                           current.training_cost);
}

void Recorder::record_roles(std::size_t sample, const Cumulative& current) {
    const std::size_t roles = staffing_.roles().size();
    std::vector<double> fte(roles, 0.0);
    std::vector<double> cases(roles, 0.0);
    std::vector<double> holders(roles, 0.0);
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active) continue;
        if (w.contract == Contract::Permanent) fte[w.role] += w.fte;
        if (caseload_.cap(id) > 0) {
            cases[w.role] += caseload_.load(id);
            holders[w.role] += 1.0;
        }
    }
    for (std::size_t r = 0; r < roles; ++r) {
        const auto role = static_cast<RoleId>(r);
        put(sample, index(RoleMetric::StaffPermanent, r), staffing_.permanent_count(role));
        put(sample, index(RoleMetric::StaffAgency, r), staffing_.agency_count(role));
        put(sample, index(RoleMetric::Vacancies, r), staffing_.vacancy_count(role));
        put(sample, index(RoleMetric::FtePermanent, r), fte[r]);
        put(sample, index(RoleMetric::MeanCaseload, r), ratio(cases[r], holders[r]));
        put(sample, index(RoleMetric::Cost, r), current.role_cost[r] - previous_.role_cost[r]);
    }
}

void Recorder::record_staff_policy(std::size_t sample, const Cumulative& current) {
    const Cumulative& before = previous_;
    int absent = 0;
    int maternity = 0;
    int absence_cover = 0;
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active) continue;
        if (w.absence != Absence::None) ++absent;
        if (w.absence == Absence::Maternity) ++maternity;
        if (w.contract == Contract::Agency && w.covers != kNone) ++absence_cover;
    }
    const std::size_t roles = staffing_.roles().size();
    const auto put_policy = [&](StaffPolicyMetric m, double value) {
        put(sample, index(m, roles), value);
    };
    const auto flow = [&](std::uint64_t Cumulative::*counter) {
        return static_cast<double>(current.*counter - before.*counter);
    };
    put_policy(StaffPolicyMetric::AbsenceRate,
               ratio(current.sick_fte_days - before.sick_fte_days,
                     current.permanent_fte_days - before.permanent_fte_days));
    put_policy(StaffPolicyMetric::StaffAbsent, absent);
    put_policy(StaffPolicyMetric::StaffOnMaternity, maternity);
    put_policy(StaffPolicyMetric::AbsenceCoverAgency, absence_cover);
    put_policy(StaffPolicyMetric::AgencyExtra, pipeline_.agency.extra_staff());
    put_policy(StaffPolicyMetric::AgencyConversions, flow(&Cumulative::conversions));
    put_policy(StaffPolicyMetric::AgencyRefused, flow(&Cumulative::refused));
    put_policy(StaffPolicyMetric::AgencyReturners, flow(&Cumulative::returners));
    put_policy(StaffPolicyMetric::AgencyEarlyLeavers, flow(&Cumulative::early_leavers));
}

void Recorder::record_programmes(std::size_t sample, const Cumulative& current) {
    const std::size_t roles = staffing_.roles().size();
    const auto put_flow = [&](ProgrammeMetric m, std::uint64_t now, std::uint64_t before) {
        put(sample, index(m, roles), static_cast<double>(now - before));
    };
    constexpr std::array<ProgrammeMetric, kAsyeOutcomeCount> kOutcomeSeries = {
        ProgrammeMetric::AsyePassed, ProgrammeMetric::AsyeExtended, ProgrammeMetric::AsyeFailed};
    for (std::size_t o = 0; o < kAsyeOutcomeCount; ++o) {
        put_flow(kOutcomeSeries[o], current.asye[o], previous_.asye[o]);
    }
    put(sample, index(ProgrammeMetric::Trainees, roles), pipeline_.grow_your_own.trainees());
    put_flow(ProgrammeMetric::TraineesQualified, current.trainees_qualified,
             previous_.trainees_qualified);
    put_flow(ProgrammeMetric::Progressions, current.progressions, previous_.progressions);
}

void Recorder::record(std::size_t sample, double now) {
    const Cumulative current = snapshot(now);
    const double permanent = staffing_.permanent_count();
    const double agency = staffing_.agency_count();
    const double vacancies = staffing_.vacancy_count();
    const double open = static_cast<double>(caseload_.open());
    const double allocated = static_cast<double>(caseload_.allocated());

    put(sample, Metric::StaffPermanent, permanent);
    put(sample, Metric::StaffAgency, agency);
    put(sample, Metric::Vacancies, vacancies);
    put(sample, Metric::VacancyRate, ratio(vacancies, vacancies + permanent));
    put(sample, Metric::AgencyShare, ratio(agency, permanent + agency));
    put(sample, Metric::Starters, static_cast<double>(current.starters - previous_.starters));
    put(sample, Metric::Leavers, static_cast<double>(current.leavers - previous_.leavers));
    put(sample, Metric::Referrals, static_cast<double>(current.referrals - previous_.referrals));
    put(sample, Metric::ReferralRate, pipeline_.demand.referral_rate(now));
    put(sample, Metric::ClosedCases, static_cast<double>(current.closed - previous_.closed));
    put(sample, Metric::OpenCases, open);
    put(sample, Metric::AllocatedCases, allocated);
    put(sample, Metric::UnallocatedCases, static_cast<double>(caseload_.waiting()));
    put(sample, Metric::MeanCaseload, ratio(allocated, caseload_.case_holders()));
    put(sample, Metric::MaxCaseload, caseload_.max_load());
    put(sample, Metric::ShareOpenCases3PlusWorkers,
        ratio(static_cast<double>(caseload_.open_with_three_plus_workers()), open));

    double turnover = kNaN;
    if (sample >= first_windowed_) {
        const Cumulative& start = window_start_[sample];
        const double mean_headcount = (current.person_days - start.person_days) / kWindow;
        turnover = ratio(static_cast<double>(current.leavers - start.leavers), mean_headcount);
    }
    put(sample, Metric::TurnoverRate12m, turnover);
    record_pipeline(sample, now, current);
    record_costs(sample, current);
    record_roles(sample, current);
    record_staff_policy(sample, current);
    record_programmes(sample, current);
    record_cases(sample, current);
    record_case_types(sample, now, current);
    record_teams(sample);
    previous_ = current;
}

}  // namespace wfsim::model
