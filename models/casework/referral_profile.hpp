// How the referral rate varies over time, relative to demand.referrals_per_year: a multiplier
// for each calendar month (seasonality), a yearly growth rate compounding from the start
// (trend) and dated multiplicative changes (steps). The rate at time t (days since the start) is
//
//     referrals_per_year x season(month of t) x (1 + trend)^(t / 365.25) x product of the steps
//     whose date is on or before t.
//
// Arrivals of this non-homogeneous Poisson process are sampled exactly by inversion: draw
// E ~ Exp(1) and find the time at which the integrated rate from now reaches E. The rate is
// constant times exp(g t) between consecutive month starts and step dates, so each piece's
// integral and its inverse are closed forms (the trend is integrated exactly, not held constant
// over a month). Nothing is thinned and nothing is allocated per arrival.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "engine/calendar.hpp"

namespace wfsim::model {

// From `from` on, the rate is multiplied by `multiplier` (on top of earlier steps).
struct ReferralStep {
    engine::Date from;
    double from_day = 0.0;  // days since the start
    double multiplier = 1.0;

    friend bool operator==(const ReferralStep&, const ReferralStep&) = default;
};

class ReferralProfile {
public:
    // The weight of each calendar month in a year's referrals: its length in days, February
    // 28.25 (the mean over the leap cycle), so that the weights add up to 365.25.
    static constexpr std::array<double, 12> kMonthWeights = {31.0, 28.25, 31.0, 30.0, 31.0, 30.0,
                                                             31.0, 31.0,  30.0, 31.0, 30.0, 31.0};

    // Flat: the rate is referrals_per_year at all times.
    ReferralProfile() = default;

    // `seasonality`: empty, or 12 multipliers (January first), each >= 0 and not all 0; they
    // are scaled so that their mean weighted by kMonthWeights is 1, so that referrals_per_year
    // stays the mean referrals a year. `trend` > -1. `steps` in strictly increasing date order,
    // none before `start`, multipliers > 0. Callers validate; this only normalises.
    ReferralProfile(const engine::Date& start, const std::vector<double>& seasonality, double trend,
                    std::vector<ReferralStep> steps);

    // True when the rate never changes (no seasonality, or all months equal; no trend; no
    // steps): the homogeneous stream is then drawn as exponential gaps, as it always was.
    bool flat() const { return flat_; }

    // The multiplier of referrals_per_year at time t. Right-continuous: at a month start or a
    // step date it is the new value.
    double multiplier(double t) const;

    // A stretch of time over which the season and the steps do not change: from a month start
    // or step date to the next one. A walk keeps the one it is in, so that consecutive draws
    // within a month do no calendar arithmetic.
    struct Piece {
        double begin = 0.0;
        double end = 0.0;            // empty until found
        double level = 0.0;          // season x steps in force
        bool zero_for_ever = false;  // a step to 0: levels are running products
    };
    // The piece holding time t.
    Piece piece_at(double t) const;

    // One stretch of the inversion: the time at which the integral of
    // `per_day` x multiplier from `t` reaches `mass`, looking no further than `until`.
    struct Walk {
        double time = 0.0;       // the arrival, or `until` if it was not reached
        bool arrived = false;    // false: carry on from `until` with `remaining`
        bool never = false;      // the rate is 0 from `t` on for ever: there is no arrival
        double remaining = 0.0;  // mass still to accumulate after `until`
    };
    // A bounded walk, so that the cost of a draw is bounded even when the rate is tiny or
    // falls away (a declining trend has a finite total, so an arrival may never come): the
    // caller resumes it at `until`, where the process is memoryless. `piece`: the caller's
    // record of the piece last walked, kept from one walk to the next (any Piece{} to start).
    Walk walk(double per_day, double t, double mass, double until, Piece& piece) const;

    friend bool operator==(const ReferralProfile&, const ReferralProfile&) = default;

private:
    // Index of the first step after `t`: steps [0, index) are in force at t.
    std::size_t steps_in_force(double t) const;

    engine::Date start_{};
    std::vector<double> season_given_;  // as given (empty: none), for the reference and ==
    std::array<double, 12> season_{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    double growth_per_day_ = 0.0;  // g = ln(1 + trend) / 365.25: the trend is exp(g t)
    std::vector<ReferralStep> steps_;
    std::vector<double> levels_{1.0};  // levels_[i]: product of the first i steps' multipliers
    bool flat_ = true;
};

}  // namespace wfsim::model
