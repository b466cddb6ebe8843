// When a run samples its state: 0, Δ, 2Δ, ... up to the horizon, plus the horizon itself when
// Δ does not divide it (the last interval is then shorter).
#pragma once

#include <vector>

namespace wfsim::model {

std::vector<double> sample_times(double horizon_days, double interval_days);

}  // namespace wfsim::model
