#include "models/metrics/metric_catalog.hpp"

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

}  // namespace wfsim::model
