// The recorder's casework series: worker changes, waits, the caseload distribution and
// allocation, then per case type and per team template.
#include <algorithm>
#include <array>
#include <cmath>

#include "models/metrics/recorder.hpp"
#include "models/metrics/series_math.hpp"

namespace wfsim::model {

using series::kNaN;
using series::kWindow;
using series::ratio;

void Recorder::record_cases(std::size_t sample, const Cumulative& current) {
    const Cumulative& before = previous_;
    const std::size_t roles = staffing_.roles().size();
    const auto put_case = [&](CaseMetric m, double value) { put(sample, index(m, roles), value); };
    const auto closed = static_cast<double>(current.closed - before.closed);
    put_case(CaseMetric::MeanWorkersPerClosedCase,
             ratio(static_cast<double>(current.closed_case_workers - before.closed_case_workers),
                   closed));
    put_case(CaseMetric::ClosedCasesMoreThan3WorkersShare,
             ratio(static_cast<double>(current.closed_over_three - before.closed_over_three),
                   closed));
    put_case(CaseMetric::MeanDaysToAllocation,
             ratio(current.days_waited - before.days_waited,
                   static_cast<double>(current.first_allocations - before.first_allocations)));

    loads_.clear();
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        if (staffing_.worker(id).active && caseload_.cap(id) > 0) {
            loads_.push_back(caseload_.load(id));
        }
    }
    std::sort(loads_.begin(), loads_.end());
    const auto n = static_cast<double>(loads_.size());
    // Nearest-rank percentiles: the smallest caseload with at least p of the staff at or below.
    const auto percentile = [&](double p) {
        if (loads_.empty()) return kNaN;
        const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n)));
        return static_cast<double>(loads_[rank - 1]);
    };
    put_case(CaseMetric::CaseloadP10, percentile(0.10));
    put_case(CaseMetric::CaseloadP50, percentile(0.50));
    put_case(CaseMetric::CaseloadP90, percentile(0.90));
    constexpr std::array<CaseMetric, 6> kBands = {
        CaseMetric::CaseloadUnder5Share, CaseMetric::Caseload5To10Share,
        CaseMetric::Caseload10To15Share, CaseMetric::Caseload15To20Share,
        CaseMetric::Caseload20To25Share, CaseMetric::Caseload25PlusShare};
    std::array<int, 6> in_band{};
    for (const int load : loads_) ++in_band[static_cast<std::size_t>(std::min(load / 5, 5))];
    for (std::size_t b = 0; b < kBands.size(); ++b) put_case(kBands[b], ratio(in_band[b], n));

    double weighted = 0.0;
    int over_cap = 0;
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        if (staffing_.worker(id).active && caseload_.cap(id) > 0) {
            weighted += caseload_.weighted_load(id);
            over_cap += caseload_.load(id) > caseload_.cap(id) ? 1 : 0;
        }
    }
    put_case(CaseMetric::MeanWeightedCaseload, ratio(weighted, n));
    put_case(CaseMetric::OverCapAllocations, static_cast<double>(current.over_cap - before.over_cap));
    put_case(CaseMetric::StaffOverCapShare, ratio(over_cap, n));
    put_case(CaseMetric::ReReferrals,
             static_cast<double>(current.re_referrals - before.re_referrals));
}

void Recorder::record_case_types(std::size_t sample, double now, const Cumulative& current) {
    const std::size_t roles = staffing_.roles().size();
    caseload_.count_three_plus_workers_within(now, kWindow, three_plus_);
    std::uint64_t all_three_plus = 0;
    for (const std::uint64_t n : three_plus_) all_three_plus += n;
    put(sample, index(CaseMetric::OpenCases3PlusWorkers12mShare, roles),
        ratio(static_cast<double>(all_three_plus), static_cast<double>(caseload_.open())));
    for (std::size_t t = 0; t < casework_.case_types; ++t) {
        const auto type = static_cast<CaseTypeId>(t);
        const auto put_type = [&](CaseTypeMetric m, double value) {
            put(sample, index(m, t, roles), value);
        };
        const auto open = static_cast<double>(caseload_.open(type));
        put_type(CaseTypeMetric::OpenCases, open);
        put_type(CaseTypeMetric::UnallocatedCases, static_cast<double>(caseload_.waiting(type)));
        const auto done =
            static_cast<double>(current.stages_completed[t] - previous_.stages_completed[t]);
        put_type(CaseTypeMetric::StagesCompleted, done);
        const bool timed = caseload_.types()[type].timescale_days.has_value();
        put_type(CaseTypeMetric::WithinTimescaleShare,
                 timed ? ratio(static_cast<double>(current.within_timescale[t] -
                                                   previous_.within_timescale[t]),
                               done)
                       : kNaN);
        put_type(CaseTypeMetric::Workers3Plus12mShare,
                 ratio(static_cast<double>(three_plus_[t]), open));
    }
}

void Recorder::record_teams(std::size_t sample) {
    if (casework_.teams == nullptr || !casework_.teams->declared()) return;
    const std::size_t roles = staffing_.roles().size();
    const std::size_t teams = casework_.teams->size();
    std::vector<double> permanent(teams, 0.0), agency(teams, 0.0), vacancies(teams, 0.0);
    std::vector<double> cases(teams, 0.0), holders(teams, 0.0), waiting(teams, 0.0);
    for (PostId p = 0; p < staffing_.post_count(); ++p) {
        const Post& post = staffing_.post(p);
        if (post.team == kNoTeam || post.abolished) continue;
        (post.vacant() ? vacancies : permanent)[post.team] += 1.0;
        if (post.cover != kNone) agency[post.team] += 1.0;
    }
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active) continue;
        const TeamId team = staffing_.team_of(id);
        if (team == kNoTeam) continue;
        if (w.contract == Contract::Agency && w.covers != kNone) agency[team] += 1.0;
        if (caseload_.cap(id) > 0) {
            holders[team] += 1.0;
            cases[team] += caseload_.load(id);
        }
    }
    const CaseTypeCatalog& types = caseload_.types();
    for (std::size_t t = 0; t < types.size(); ++t) {
        const auto type = static_cast<CaseTypeId>(t);
        const TeamId held = types[type].held_by;
        if (held < teams) waiting[held] += static_cast<double>(caseload_.waiting(type));
    }
    for (std::size_t t = 0; t < teams; ++t) {
        const auto put_team = [&](TeamMetric m, double value) {
            put(sample, index(m, t, roles, casework_.case_types), value);
        };
        put_team(TeamMetric::StaffPermanent, permanent[t]);
        put_team(TeamMetric::StaffAgency, agency[t]);
        put_team(TeamMetric::Vacancies, vacancies[t]);
        put_team(TeamMetric::MeanCaseload, ratio(cases[t], holders[t]));
        put_team(TeamMetric::UnallocatedCases, waiting[t]);
    }
}

}  // namespace wfsim::model
