#include "tools/report/axis_ticks.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace wfsim::report {

namespace {

// The step nearest above `raw` among 1, 2, 2.5 and 5 times a power of ten.
double nice_step(double raw) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
        if (mantissa * magnitude >= raw * (1 - 1e-12)) return mantissa * magnitude;
    }
    return 10.0 * magnitude;
}

// The decimals that print every multiple of `step` exactly (0.25 needs 2, 50 none).
int decimals_for(double step) {
    int decimals = 0;
    for (double scaled = step; decimals < 9; scaled *= 10.0, ++decimals) {
        if (std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, scaled)) break;
    }
    return decimals;
}

std::string tick_label(double value, double step, double largest) {
    double scale = 1.0;
    const char* suffix = "";
    if (largest >= 1e6 && step >= 1e5) {
        scale = 1e6;
        suffix = "M";
    } else if (largest >= 1e4 && step >= 1e2) {
        scale = 1e3;
        suffix = "k";
    }
    // A tick at zero computed as k * step can come out as -0.0, which prints as "-0".
    const double shown = std::abs(value) < step * 1e-9 ? 0.0 : value / scale;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f%s", decimals_for(step / scale), shown, suffix);
    return buffer;
}

const std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

ValueAxis value_axis(double low, double high, int wanted) {
    if (!std::isfinite(low) || !std::isfinite(high)) {
        low = 0.0;
        high = 1.0;
    }
    if (high - low <= std::abs(high) * 1e-12) {  // one value: a range around it
        if (low == 0.0) {
            high = 1.0;  // zero throughout (no waiting cases): 0 at the foot, as counts are
        } else {
            low -= std::abs(low) * 0.1;
            high += std::abs(high) * 0.1;
        }
    }
    const double step = nice_step((high - low) / wanted);
    const double first = std::floor(low / step + 1e-9);
    const double last = std::ceil(high / step - 1e-9);
    ValueAxis axis{first * step, last * step, {}};
    const double largest = std::max(std::abs(axis.low), std::abs(axis.high));
    for (double k = first; k <= last + 0.5; k += 1.0) {
        const double value = k * step;
        axis.ticks.push_back({value, tick_label(value, step, largest)});
    }
    return axis;
}

std::vector<Tick> date_ticks(const engine::Date& start, double first, double last, int most) {
    const engine::Date from = engine::date_at(start, first);
    const engine::Date to = engine::date_at(start, last);
    // Months since year 0 of the first month start on or after `from`, and of `to`'s month.
    const int first_month = from.year * 12 + (from.month - 1) + (from.day == 1 ? 0 : 1);
    const int last_month = to.year * 12 + (to.month - 1);
    for (const int step : {1, 2, 3, 6, 12, 24, 60, 120}) {
        std::vector<Tick> ticks;
        for (int m = first_month; m <= last_month; ++m) {
            if (m % step != 0) continue;
            const engine::Date date{m / 12, m % 12 + 1, 1};
            const double days = engine::days_between(start, date);
            if (days < first || days > last) continue;
            ticks.push_back(
                {days, step >= 12 ? std::to_string(date.year)
                                  : std::string(kMonths[static_cast<std::size_t>(date.month - 1)]) +
                                        " " + std::to_string(date.year)});
        }
        if (ticks.empty()) break;
        if (static_cast<int>(ticks.size()) <= most) return ticks;
    }
    return {{first, engine::format_iso_date(from)}, {last, engine::format_iso_date(to)}};
}

}  // namespace wfsim::report
