#include "models/metrics/metric_catalog.hpp"

#include <string_view>

namespace wfsim::model {

const std::vector<output::SeriesSpec>& metric_specs() {
    static const std::vector<output::SeriesSpec> specs = {
        {"staff_permanent", "workers", "Permanent workers in post at the sample time."},
        {"staff_agency", "workers", "Agency workers in post at the sample time."},
        {"vacancies", "posts",
         "Funded posts without a permanent worker (agency-covered or not) at the sample time."},
        {"vacancy_rate", "1", "vacancies / (vacancies + staff_permanent), as in the DfE census."},
        {"agency_share", "1",
         "staff_agency / (staff_permanent + staff_agency); NaN with no staff."},
        {"starters", "workers", "Permanent starters in the interval ending at the sample."},
        {"leavers", "workers", "Permanent leavers in the interval ending at the sample."},
        {"turnover_rate_12m", "per year",
         "Permanent leavers in the trailing 12 months / mean permanent headcount over them "
         "(time-averaged); NaN before 12 months."},
        {"referrals", "cases", "Referrals in the interval ending at the sample."},
        {"referral_rate", "per year",
         "The rate of new referrals at the sample time: demand.referrals_per_year shaped by its "
         "seasonality, trend and steps (re-referrals come on top)."},
        {"closed_cases", "cases", "Cases closed in the interval ending at the sample."},
        {"open_cases", "cases", "Open cases (allocated or waiting) at the sample time."},
        {"allocated_cases", "cases", "Open cases held by a worker at the sample time."},
        {"unallocated_cases", "cases", "Open cases waiting for a worker at the sample time."},
        {"mean_caseload", "cases per worker",
         "allocated_cases / case-holding staff in post (permanent and agency); NaN with none."},
        {"max_caseload", "cases", "Largest caseload of any worker at the sample time."},
        {"share_open_cases_3plus_workers", "1",
         "Share of open cases that have had 3 or more workers; NaN with no open cases."},
    };
    return specs;
}

std::vector<output::SeriesSpec> metric_specs(const std::vector<std::string>& roles,
                                             const std::vector<std::string>& case_types,
                                             const std::vector<std::string>& teams) {
    std::vector<output::SeriesSpec> specs = metric_specs();
    const std::vector<output::SeriesSpec> pipeline = {
        {"staff_in_pool", "workers",
         "Permanent staff hired above establishment (over-recruitment) not yet in a post."},
        {"fte_permanent", "FTE", "Full-time equivalent of the permanent staff."},
        {"fte_agency", "FTE", "Full-time equivalent of the agency staff."},
        {"case_holding_fte", "FTE",
         "FTE of staff who can hold cases now (caseload cap above 0: not absent, in a "
         "case-holding role), less the protected development time of NQSWs in their ASYE."},
        {"nqsw_count", "workers", "NQSWs in their ASYE at the sample time."},
        {"nqsw_mean_caseload", "cases per worker",
         "Mean caseload of NQSWs in their ASYE; NaN with none."},
        {"nqsw_over_protected_share", "1",
         "Share of NQSWs in their ASYE holding more cases than their protected caseload; NaN "
         "with none."},
        {"applicants", "people", "Campaign applicants in the interval."},
        {"offers", "people", "Job offers made in the interval (campaigns and reserve list)."},
        {"hires", "people", "Offers accepted in the interval (the starters arrive later)."},
        {"reserve_list_size", "people", "Candidates on the reserve lists at the sample time."},
        {"campaigns", "rounds", "Campaign rounds run in the interval."},
        {"campaign_cost", "GBP", "Cost of the campaign rounds run in the interval."},
        {"retention_payments", "payments", "Retention payments made in the interval."},
        {"retention_paid", "GBP", "Amount of the retention payments made in the interval."},
        {"tenure_under_2y_share", "1",
         "Share of permanent staff with under 2 years' service; NaN with none."},
        {"tenure_2_to_4y_share", "1",
         "Share of permanent staff with 2 to 4 years' service; NaN with none."},
        {"cost_total", "GBP",
         "Everything the workforce cost in the interval: cost_permanent_staff + "
         "cost_agency_staff + cost_recruitment + cost_retention + cost_training."},
        {"cost_permanent_staff", "GBP",
         "Pay of permanent staff in the interval: salary and market supplements, with on-costs."},
        {"cost_agency_staff", "GBP", "Agency staff charges in the interval."},
        {"cost_recruitment", "GBP", "Cost of the campaign rounds run in the interval."},
        {"cost_retention", "GBP", "Retention payments made in the interval."},
        {"cost_training", "GBP",
         "Grow-your-own trainees' costs (cost_per_trainee) for cohorts starting in the interval."},
        {"cost_cumulative", "GBP", "cost_total from the start to the sample."},
    };
    specs.insert(specs.end(), pipeline.begin(), pipeline.end());
    for (const std::string_view route : kRouteNames) {
        specs.push_back({"hires_" + std::string(route), "workers",
                         "Permanent starters in the interval who came by the " +
                             std::string(route) + " route."});
    }
    for (const Destination d : kLeaverDestinations) {
        const std::string_view destination = kDestinationNames[index_of(d)];
        specs.push_back({"leavers_" + std::string(destination), "workers",
                         "Permanent leavers in the interval whose destination was " +
                             std::string(destination) + "."});
    }
    for (const std::string& role : roles) {
        specs.push_back({"staff_permanent." + role, "workers", "Permanent " + role + " staff."});
        specs.push_back({"staff_agency." + role, "workers", "Agency " + role + " staff."});
        specs.push_back({"vacancies." + role, "posts", "Vacant " + role + " posts."});
        specs.push_back({"fte_permanent." + role, "FTE", "FTE of permanent " + role + " staff."});
        specs.push_back({"mean_caseload." + role, "cases per worker",
                         "Mean caseload of case-holding " + role + " staff; NaN with none."});
        specs.push_back({"cost." + role, "GBP",
                         "Pay of permanent and agency " + role + " staff in the interval."});
    }
    const std::vector<output::SeriesSpec> policy = {
        {"absence_rate", "1",
         "Sickness absence in the interval: FTE-days of permanent staff off sick / FTE-days of "
         "permanent staff (the DfE days lost / (FTE x working days), in calendar days); NaN "
         "with no permanent staff."},
        {"staff_absent", "workers", "Permanent staff absent (sick or on maternity leave)."},
        {"staff_on_maternity", "workers", "Permanent staff on maternity leave."},
        {"absence_cover_agency", "workers", "Agency workers covering an absent worker."},
        {"agency_extra", "workers", "Agency workers booked for extra capacity (on no post)."},
        {"agency_conversions", "workers",
         "Agency workers who took the post they covered permanently in the interval."},
        {"agency_refused", "bookings",
         "Agency workers turned away in the interval because of agency.max_share."},
        {"agency_returners", "workers",
         "Agency workers who started in the interval and had left the service for agency "
         "work."},
        {"agency_early_leavers", "workers",
         "Agency workers who left before the end of their assignment in the interval."},
    };
    specs.insert(specs.end(), policy.begin(), policy.end());
    const std::vector<output::SeriesSpec> programmes = {
        {"asye_passed", "workers",
         "NQSWs who passed their ASYE in the interval (including after an extension)."},
        {"asye_extended", "workers", "NQSWs whose ASYE was extended in the interval."},
        {"asye_failed", "workers",
         "NQSWs who failed their ASYE in the interval (they leave: leavers_asye_failed)."},
        {"trainees", "people",
         "Grow-your-own trainees in training at the sample time (apprentices included)."},
        {"trainees_qualified", "people",
         "Grow-your-own trainees who qualified and joined as NQSWs in the interval."},
        {"progressions", "workers",
         "Permanent staff who moved up a grade at a grade-progression review in the interval "
         "(also counted in hires_promotion)."},
    };
    specs.insert(specs.end(), programmes.begin(), programmes.end());
    const std::vector<output::SeriesSpec> cases = {
        {"mean_workers_per_closed_case", "workers",
         "Mean number of workers over the whole pathway of the cases closed in the interval; NaN "
         "with none."},
        {"closed_cases_more_than_3_workers_share", "1",
         "Share of the cases closed in the interval whose pathway had more than 3 workers "
         "(Slough's target: at most 20 %); NaN with none."},
        {"mean_days_to_allocation", "days",
         "Mean days from referral to first worker of the cases given their first worker in the "
         "interval; NaN with none."},
        {"caseload_p10", "cases", "10th percentile of the caseloads of case-holding staff."},
        {"caseload_p50", "cases", "Median caseload of case-holding staff."},
        {"caseload_p90", "cases", "90th percentile of the caseloads of case-holding staff."},
    };
    specs.insert(specs.end(), cases.begin(), cases.end());
    // The DfE census's caseload bands.
    for (const auto& [name, band] :
         {std::pair{"under_5", "under 5"}, std::pair{"5_to_10", "5 to 9"},
          std::pair{"10_to_15", "10 to 14"}, std::pair{"15_to_20", "15 to 19"},
          std::pair{"20_to_25", "20 to 24"}, std::pair{"25_plus", "25 or more"}}) {
        specs.push_back({std::string("caseload_") + name + "_share", "1",
                         std::string("Share of case-holding staff holding ") + band +
                             " cases (the census's bands); NaN with none."});
    }
    const std::vector<output::SeriesSpec> allocation = {
        {"mean_weighted_caseload", "weight",
         "Mean caseload of case-holding staff counted in case weights "
         "(case_types.<type>.weight); equals mean_caseload without weights."},
        {"over_cap_allocations", "cases",
         "Allocations in the interval that took a worker above their cap (allocation.caps: "
         "guideline, or a weighted case taking them over)."},
        {"staff_over_cap_share", "1",
         "Share of case-holding staff holding more cases than their cap; NaN with none."},
        {"re_referrals", "cases", "Closed cases referred again in the interval "
                                  "(demand.re_referral); included in referrals."},
        {"open_cases_3plus_workers_12m_share", "1",
         "Share of open cases whose child had 3 or more workers in the last 12 months (the "
         "worker holding the case 12 months ago counts), the DfE's indicator; NaN with none."},
    };
    specs.insert(specs.end(), allocation.begin(), allocation.end());
    for (const std::string& type : case_types) {
        const std::vector<output::SeriesSpec> per_type = {
            {"open_cases." + type, "cases", "Open cases of this type at the sample time."},
            {"unallocated_cases." + type, "cases",
             "Cases of this type waiting for a worker at the sample time."},
            {"stages_completed." + type, "cases",
             "Cases whose stage of this type was done in the interval (closing or stepping "
             "to the next type)."},
            {"within_timescale_share." + type, "1",
             "Share of the stages of this type done in the interval within the type's "
             "timescale (e.g. assessments within 45 days of referral); NaN without a "
             "timescale or with none done."},
            {"workers_3plus_12m_share." + type, "1",
             "Share of open cases of this type whose child had 3 or more workers in the last "
             "12 months (the DfE's indicator for looked-after children); NaN with none."},
        };
        specs.insert(specs.end(), per_type.begin(), per_type.end());
    }
    for (const std::string& team : teams) {
        const std::vector<output::SeriesSpec> per_team = {
            {"team_staff_permanent." + team, "workers",
             "Permanent workers in posts of this template's teams."},
            {"team_staff_agency." + team, "workers",
             "Agency workers covering vacant posts of this template's teams, or covering "
             "absent workers of them."},
            {"team_vacancies." + team, "posts",
             "Posts of this template's teams without a permanent worker."},
            {"team_mean_caseload." + team, "cases",
             "Mean caseload of the case-holding staff of this template's teams; NaN with "
             "none."},
            {"team_unallocated_cases." + team, "cases",
             "Cases waiting for a worker whose type this template holds."},
        };
        specs.insert(specs.end(), per_team.begin(), per_team.end());
    }
    return specs;
}

}  // namespace wfsim::model
