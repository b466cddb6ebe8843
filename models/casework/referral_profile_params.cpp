#include "models/casework/referral_profile_params.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace wfsim::model {

namespace {
constexpr double kMaxSeasonal = 1e9;  // months are relative levels, normalised; only finite
constexpr double kMaxStepMultiplier = 100.0;
constexpr double kMaxTrend = 1.0;  // doubling every year

std::vector<double> read_seasonality(config::Section& section) {
    std::vector<double> months = section.reals(
        "seasonality",
        {"Multipliers of the referral rate in each calendar month, January to December: 12 "
         "numbers, at least 0 and not all 0. They are scaled so that their mean weighted by the "
         "months' lengths (February 28.25 days) is 1, so referrals_per_year stays the mean "
         "referrals a year and relative levels will do (e.g. each month's referrals per day). "
         "Absent or empty: the same rate all year.",
         "1"},
        {.min = 0.0, .max = kMaxSeasonal}, std::vector<double>{});
    if (months.empty()) return months;
    if (months.size() != ReferralProfile::kMonthWeights.size()) {
        section.error("seasonality", "expected 12 monthly multipliers, January to December (got " +
                                         std::to_string(months.size()) + ")");
        return {};
    }
    if (std::all_of(months.begin(), months.end(), [](double m) { return m == 0.0; })) {
        section.error("seasonality", "the months must not all be 0");
        return {};
    }
    return months;
}

// Steps in strictly increasing date order, none before the start; those in error are left out
// (the run stops at the errors anyway), so the list stays ordered.
std::vector<ReferralStep> read_steps(config::Section& section, const engine::Date& start) {
    std::vector<ReferralStep> steps;
    for (config::Section item : section.list(
             "steps",
             {"Dated changes of the referral rate, in date order: from each step's date the rate "
              "is multiplied by its multiplier, on top of the earlier steps (early help cutting "
              "referrals by 10 % from April 2018: { from: 2018-04-01, multiplier: 0.9 }). An "
              "intervention setting steps replaces the list; its steps dated before the "
              "intervention are in force at once."})) {
        ReferralStep step;
        step.from = item.date("from", {"Date from which the multiplier applies (not before the "
                                       "start)."});
        step.from_day = engine::days_between(start, step.from);
        step.multiplier = item.real(
            "multiplier",
            {"Factor on the referral rate from that date, above 0 (an intervention setting "
             "referrals_per_year to 0 stops referrals).",
             "1"},
            {.min = 0.0, .max = kMaxStepMultiplier, .min_exclusive = true});
        item.finish();
        // An absent or impossible date is reported already; nothing more to say about it.
        if (!item.present() || item.reported("from")) continue;
        if (step.from_day < 0.0) {
            item.error("from", "before the start date");
        } else if (!steps.empty() && step.from_day <= steps.back().from_day) {
            item.error("from", "must be after the previous step's date (" +
                                   engine::format_iso_date(steps.back().from) + ")");
        } else {
            steps.push_back(step);
        }
    }
    return steps;
}

}  // namespace

ReferralProfile read_referral_profile(config::Section& demand, const engine::Date& start) {
    const std::vector<double> seasonality = read_seasonality(demand);
    const double trend = demand.real(
        "trend",
        {"Yearly growth of the referral rate, compounding from the start: t years in, the rate "
         "is multiplied by (1 + trend)^t, continuously (0.03: 3 % more a year; -0.02: 2 % "
         "fewer). Counted from the scenario's start even when an intervention sets it.",
         "per year"},
        {.min = -1.0, .max = kMaxTrend, .min_exclusive = true}, 0.0);
    std::vector<ReferralStep> steps = read_steps(demand, start);
    return ReferralProfile(start, seasonality, trend, std::move(steps));
}

}  // namespace wfsim::model
