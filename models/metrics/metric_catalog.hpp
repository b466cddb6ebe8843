// The time series every run records: names, units and meanings in one place, so the
// recorder, the HDF5 attributes, the terminal summary and the README agree.
#pragma once

#include <cstddef>
#include <vector>

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

// In Metric order.
const std::vector<output::SeriesSpec>& metric_specs();

inline std::size_t index(Metric m) {
    return static_cast<std::size_t>(m);
}

}  // namespace wfsim::model
