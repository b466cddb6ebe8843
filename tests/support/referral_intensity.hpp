// The referral rate written out from its definition, independently of ReferralProfile, for the
// tests to compare the model with:
//
//     referrals_per_year x season(calendar month) x (1 + trend)^(t / 365.25) x steps in force,
//
// the season scaled so that its mean weighted by the months' lengths (February 28.25 days) is
// 1. Its integral is taken numerically, by Simpson's rule over each day: months and steps change
// only at midnight, so within a day the rate is smooth (an exponential at most), and Simpson's
// error there is below 1e-13 relative for any trend the scenario language allows.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "engine/calendar.hpp"

namespace wfsim::testing {

struct ReferralIntensity {
    engine::Date start{};
    double per_year = 0.0;
    std::array<double, 12> season{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};  // as written, unscaled
    double trend = 0.0;
    std::vector<std::pair<engine::Date, double>> steps{};  // from, multiplier

    // Referrals a year at time t (days since the start); a month or step applies from its
    // first instant on.
    double per_year_at(double t) const {
        constexpr std::array<double, 12> kLength = {31, 28.25, 31, 30, 31, 30,
                                                    31, 31,    30, 31, 30, 31};
        double weighted = 0.0;
        for (std::size_t m = 0; m < 12; ++m) weighted += season[m] * kLength[m];
        const engine::Date date = engine::date_at(start, t);
        double rate = per_year * season[static_cast<std::size_t>(date.month - 1)] *
                      engine::kDaysPerYear / weighted;
        rate *= std::pow(1.0 + trend, t / engine::kDaysPerYear);
        for (const auto& [from, multiplier] : steps) {
            if (engine::days_between(start, from) <= t) rate *= multiplier;
        }
        return rate;
    }

    // Expected referrals in [a, b].
    double integral(double a, double b) const {
        double total = 0.0;
        for (double day = std::floor(a); day < b; day += 1.0) {
            const double lo = std::max(a, day);
            const double hi = std::min(b, day + 1.0);
            if (hi <= lo) continue;
            // Evaluated just inside the day, so that a change at midnight counts from it.
            const double inside = 1e-9 * (hi - lo);
            const double mid = 0.5 * (lo + hi);
            total += (hi - lo) / 6.0 *
                     (per_year_at(lo + inside) + 4.0 * per_year_at(mid) + per_year_at(hi - inside));
        }
        return total / engine::kDaysPerYear;
    }
};

}  // namespace wfsim::testing
