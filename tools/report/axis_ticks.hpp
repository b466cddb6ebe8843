// Where a chart's axes put their ticks: round values ("nice numbers": 1, 2, 2.5 or 5 times a
// power of ten) on the value axis, calendar months or years on the time axis.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "engine/calendar.hpp"

namespace wfsim::report {

struct Tick {
    double at;  // a value, or days since the start
    std::string label;
};

struct ValueAxis {
    double low = 0.0, high = 1.0;  // the axis range: the first and last tick
    std::vector<Tick> ticks;
};

// The smallest range holding every finite value added: what a chart's value axis must show.
// Nothing added leaves low above high, a range value_axis replaces with one of its own.
struct ValueExtent {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();

    void add(double value) {
        if (!std::isfinite(value)) return;
        low = std::min(low, value);
        high = std::max(high, value);
    }
    void add(std::span<const double> values) {
        for (const double v : values) add(v);
    }
};

// About `wanted` ticks covering [low, high]; a single value or a non-finite range gets a range
// around it. Labels carry as many decimals as the step needs, large values a k or M suffix.
ValueAxis value_axis(double low, double high, int wanted = 5);

// At most `most` ticks on first days of months between `first` and `last` (days since
// `start`): every 1, 2, 3 or 6 months labelled "Apr 2017", or every 1, 2, 5 or 10 years on
// 1 January labelled "2017"; a span too short for a month start gets its two ends, as ISO dates.
std::vector<Tick> date_ticks(const engine::Date& start, double first, double last, int most = 7);

}  // namespace wfsim::report
