// Small helpers shared by the recorder's files.
#pragma once

#include <limits>

#include "engine/calendar.hpp"

namespace wfsim::model::series {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kWindow = engine::kDaysPerYear;  // 12 months

// A share or mean that is undefined (NaN) without a denominator.
inline double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : kNaN;
}

}  // namespace wfsim::model::series
