// The time series every run records: names, units and meanings in one place, so the
// recorder, the HDF5 attributes, the terminal summary and the README agree.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "models/workforce/ids.hpp"
#include "output/series_table.hpp"

namespace wfsim::model {

enum class Metric : std::size_t {
    StaffPermanent,
    StaffAgency,
    Vacancies,
    VacancyRate,
    AgencyShare,
    Starters,
    Leavers,
    TurnoverRate12m,
    Referrals,
    ReferralRate,
    ClosedCases,
    OpenCases,
    AllocatedCases,
    UnallocatedCases,
    MeanCaseload,
    MaxCaseload,
    ShareOpenCases3PlusWorkers,
    Count
};

inline constexpr std::size_t kMetricCount = static_cast<std::size_t>(Metric::Count);

// The staff pipeline's series, recorded after the core ones in this order.
enum class PipelineMetric : std::size_t {
    StaffInPool,
    FtePermanent,
    FteAgency,
    CaseHoldingFte,
    NqswCount,
    NqswMeanCaseload,
    NqswOverProtectedShare,
    Applicants,
    Offers,
    Hires,
    ReserveListSize,
    Campaigns,
    CampaignCost,
    RetentionPayments,
    RetentionPaid,
    TenureUnder2yShare,
    Tenure2To4yShare,
    CostTotal,
    CostPermanentStaff,
    CostAgencyStaff,
    CostRecruitment,
    CostRetention,
    CostTraining,
    CostCumulative,
    Count
};
inline constexpr std::size_t kPipelineMetricCount = static_cast<std::size_t>(PipelineMetric::Count);

// Per-role series, one of each per role, named "<metric>.<role>", after the route and
// destination series.
enum class RoleMetric : std::size_t {
    StaffPermanent,
    StaffAgency,
    Vacancies,
    FtePermanent,
    MeanCaseload,
    Cost,
    Count
};
inline constexpr std::size_t kRoleMetricCount = static_cast<std::size_t>(RoleMetric::Count);

// Absence and agency-policy series, after the per-role ones.
enum class StaffPolicyMetric : std::size_t {
    AbsenceRate,
    StaffAbsent,
    StaffOnMaternity,
    AbsenceCoverAgency,
    AgencyExtra,
    AgencyConversions,
    AgencyRefused,
    AgencyReturners,
    AgencyEarlyLeavers,
    Count
};
inline constexpr std::size_t kStaffPolicyMetricCount =
    static_cast<std::size_t>(StaffPolicyMetric::Count);
// The staff programmes' series (ASYE, grow your own, grade progression), recorded last, after
// the absence and agency-policy series, in this order.
enum class ProgrammeMetric : std::size_t {
    AsyePassed,
    AsyeExtended,
    AsyeFailed,
    Trainees,
    TraineesQualified,
    Progressions,
    Count
};
inline constexpr std::size_t kProgrammeMetricCount =
    static_cast<std::size_t>(ProgrammeMetric::Count);

// Worker changes, waits and the caseload distribution, recorded after the programme series.
enum class CaseMetric : std::size_t {
    MeanWorkersPerClosedCase,
    ClosedCasesMoreThan3WorkersShare,
    MeanDaysToAllocation,
    CaseloadP10,
    CaseloadP50,
    CaseloadP90,
    CaseloadUnder5Share,
    Caseload5To10Share,
    Caseload10To15Share,
    Caseload15To20Share,
    Caseload20To25Share,
    Caseload25PlusShare,
    MeanWeightedCaseload,
    OverCapAllocations,
    StaffOverCapShare,
    ReReferrals,
    OpenCases3PlusWorkers12mShare,
    Count
};
inline constexpr std::size_t kCaseMetricCount = static_cast<std::size_t>(CaseMetric::Count);

// Per declared case type, "<metric>.<type>", after the case series.
enum class CaseTypeMetric : std::size_t {
    OpenCases,
    UnallocatedCases,
    StagesCompleted,
    WithinTimescaleShare,
    Workers3Plus12mShare,
    Count
};
inline constexpr std::size_t kCaseTypeMetricCount = static_cast<std::size_t>(CaseTypeMetric::Count);

// Per team template, "<metric>.<team>", after the case-type series.
enum class TeamMetric : std::size_t {
    StaffPermanent,
    StaffAgency,
    Vacancies,
    MeanCaseload,
    UnallocatedCases,
    Count
};
inline constexpr std::size_t kTeamMetricCount = static_cast<std::size_t>(TeamMetric::Count);

// The core series, in Metric order.
const std::vector<output::SeriesSpec>& metric_specs();

// Every series of a run of a service with these roles: the core ones, the pipeline ones,
// hires by route ("hires_<route>"), leavers by destination ("leavers_<destination>"), the
// per-role ones, the absence and agency-policy ones, then the programme ones.
// Then, with declared case types and teams, the per-type and per-team series.
std::vector<output::SeriesSpec> metric_specs(const std::vector<std::string>& roles,
                                             const std::vector<std::string>& case_types = {},
                                             const std::vector<std::string>& teams = {});

inline std::size_t index(Metric m) {
    return static_cast<std::size_t>(m);
}
inline std::size_t index(PipelineMetric m) {
    return kMetricCount + static_cast<std::size_t>(m);
}
inline std::size_t route_index(Route r) {
    return kMetricCount + kPipelineMetricCount + index_of(r);
}
inline std::size_t destination_index(std::size_t leaver_destination) {
    return kMetricCount + kPipelineMetricCount + kRouteCount + leaver_destination;
}
// One series per leaver destination, in kLeaverDestinations order.
inline constexpr std::size_t kLeaverSeries = kLeaverDestinations.size();
inline std::size_t index(RoleMetric m, std::size_t role) {
    return kMetricCount + kPipelineMetricCount + kRouteCount + kLeaverSeries +
           role * kRoleMetricCount + static_cast<std::size_t>(m);
}

inline std::size_t index(StaffPolicyMetric m, std::size_t roles) {
    return kMetricCount + kPipelineMetricCount + kRouteCount + kLeaverSeries +
           roles * kRoleMetricCount + static_cast<std::size_t>(m);
}
// The programme series come after the absence and agency-policy ones.
inline std::size_t index(ProgrammeMetric m, std::size_t roles) {
    return index(StaffPolicyMetric::Count, roles) + static_cast<std::size_t>(m);
}
inline std::size_t index(CaseMetric m, std::size_t roles) {
    return index(ProgrammeMetric::Count, roles) + static_cast<std::size_t>(m);
}
inline std::size_t index(CaseTypeMetric m, std::size_t type, std::size_t roles) {
    return index(CaseMetric::Count, roles) + type * kCaseTypeMetricCount +
           static_cast<std::size_t>(m);
}
inline std::size_t index(TeamMetric m, std::size_t team, std::size_t roles,
                         std::size_t case_types) {
    return index(CaseMetric::Count, roles) + case_types * kCaseTypeMetricCount +
           team * kTeamMetricCount + static_cast<std::size_t>(m);
}

}  // namespace wfsim::model
