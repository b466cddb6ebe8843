#include "models/casework/referral_profile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace wfsim::model {

ReferralProfile::ReferralProfile(const engine::Date& start, const std::vector<double>& seasonality,
                                 double trend, std::vector<ReferralStep> steps)
    : start_(start),
      season_given_(seasonality),
      growth_per_day_(std::log1p(trend) / engine::kDaysPerYear),
      steps_(std::move(steps)) {
    bool seasonal = false;
    if (seasonality.size() == season_.size()) {
        // Equal months are no seasonality at all, and stay exactly 1 rather than a rounded
        // quotient, so that such a profile is flat.
        seasonal = std::any_of(seasonality.begin(), seasonality.end(),
                               [&](double m) { return m != seasonality.front(); });
        if (seasonal) {
            const double weighted = std::inner_product(seasonality.begin(), seasonality.end(),
                                                       kMonthWeights.begin(), 0.0);
            for (std::size_t m = 0; m < season_.size(); ++m) {
                season_[m] = seasonality[m] * engine::kDaysPerYear / weighted;
            }
        }
    }
    for (const ReferralStep& step : steps_) levels_.push_back(levels_.back() * step.multiplier);
    flat_ = !seasonal && trend == 0.0 && steps_.empty();
}

std::size_t ReferralProfile::steps_in_force(double t) const {
    const auto after = std::upper_bound(
        steps_.begin(), steps_.end(), t,
        [](double time, const ReferralStep& step) { return time < step.from_day; });
    return static_cast<std::size_t>(after - steps_.begin());
}

ReferralProfile::Piece ReferralProfile::piece_at(double t) const {
    const engine::Date date = engine::date_at(start_, t);
    const std::size_t step = steps_in_force(t);
    const engine::Date next_month = date.month == 12 ? engine::Date{date.year + 1, 1, 1}
                                                     : engine::Date{date.year, date.month + 1, 1};
    Piece piece;
    piece.begin = engine::days_between(start_, engine::Date{date.year, date.month, 1});
    if (step > 0) piece.begin = std::max(piece.begin, steps_[step - 1].from_day);
    piece.end = engine::days_between(start_, next_month);
    if (step < steps_.size()) piece.end = std::min(piece.end, steps_[step].from_day);
    piece.level = season_[static_cast<std::size_t>(date.month - 1)] * levels_[step];
    piece.zero_for_ever = levels_[step] <= 0.0;
    return piece;
}

double ReferralProfile::multiplier(double t) const {
    const double trend = growth_per_day_ == 0.0 ? 1.0 : std::exp(growth_per_day_ * t);
    return piece_at(t).level * trend;
}

ReferralProfile::Walk ReferralProfile::walk(double per_day, double t, double mass, double until,
                                            Piece& piece) const {
    const double g = growth_per_day_;
    while (true) {
        if (!(piece.begin <= t && t < piece.end)) piece = piece_at(t);
        // Seasonality is never 0 all year, so only a step to 0 or no base rate stops arrivals.
        if (per_day <= 0.0 || piece.zero_for_ever) return Walk{.time = t, .never = true};
        const double end = std::min(piece.end, until);
        // The rate per day at t; over [t, end) it is rate x exp(g (x - t)).
        const double rate = per_day * piece.level * (g == 0.0 ? 1.0 : std::exp(g * t));
        if (rate > 0.0) {
            // The arrival if it falls in this piece: the inverse of the integral from t,
            // rate x expm1(g x) / g, which a falling trend bounds (no arrival in the piece if
            // the mass is beyond that bound). expm1 and log1p keep full precision when g x is
            // small (a few % a year).
            const double x = g * mass / rate;
            const double gap = g == 0.0   ? mass / rate
                               : x > -1.0 ? std::log1p(x) / g
                                          : std::numeric_limits<double>::infinity();
            if (t + gap < end) return Walk{.time = t + gap, .arrived = true};
            // Not in this piece (the common case needs no integral of the piece): spend it all.
            const double span = end - t;
            const double piece_mass = g == 0.0 ? rate * span : rate * std::expm1(g * span) / g;
            // Rounding may leave a trace below 0; the arrival is then at the piece's end.
            mass = std::max(mass - piece_mass, 0.0);
        }
        if (end >= until) return Walk{.time = until, .remaining = mass};
        t = end;
    }
}

}  // namespace wfsim::model
