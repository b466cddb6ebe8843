// The report's quantiles are the output library's (output/quantiles.hpp), which sweep files'
// summaries use too, so that a band in a report and in a sweep file agree.
#pragma once

#include "output/quantiles.hpp"

namespace wfsim::report {

using output::quantile_of_sorted;
using output::sort_without_nan;

}  // namespace wfsim::report
