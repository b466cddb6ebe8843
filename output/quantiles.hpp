// Quantiles across replications, by linear interpolation between order statistics (Hyndman and
// Fan's type 7, the default of NumPy, pandas and R), so a reader who recomputes a band from the
// run file with any of them gets the same number.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace wfsim::output {

// The q-quantile (0 <= q <= 1) of `sorted`, which is ascending, non-empty and NaN-free.
double quantile_of_sorted(std::span<const double> sorted, double q);

// Drops the NaN values (a metric undefined in that replication, such as the 12-month turnover
// in the first year) and sorts the rest ascending.
void sort_without_nan(std::vector<double>& values);

}  // namespace wfsim::output
