// A comparison made by hand for the report's tests: report_run() (4 replications, monthly for
// a year) as the baseline, with a cumulative cost added, and two options whose differences from
// it are easy to work out, compared with the model's own statistics at two of the dates a real
// comparison would use (the target's by date and the horizon, samples 11 and 12; the period's
// end, sample 10, is left out so that a report date there must be worked out afresh).
//
// Per replication r at every sample:
//   hire_more: staff_permanent +5 + r (differences 5..8: mean 6.5, 95 % interval
//              6.5 -/+ t(3) sqrt(5/3) / 2 = 4.446 to 8.554); agency_share -0.02; turnover -0.01
//              where defined (3 pairs at the horizon); cost +50,000 + 1,000 r at every sample
//   do_less:   staff_permanent -2 r (mean -3, interval -7.109 to 1.109); agency_share +0.01 r
//              (mean 0.015, interval -0.00554 to 0.0355); cost -20,000
// Cost: base 1,000,000 + 1,000 t + 10,000 r, so at the horizon base's mean is 1,027,000.
#pragma once

#include <string>
#include <vector>

#include "models/metrics/option_comparison.hpp"
#include "tests/support/report_run.hpp"

namespace wfsim::testing {

inline constexpr double kT3 = 3.182446305284263;  // Student t, 3 degrees of freedom, 97.5 %

// `common`: whether the options shared random numbers (false: `wfsim compare --independent`).
inline output::RunData comparison_run(bool common = true) {
    output::RunData run = report_run();
    std::vector<output::SeriesSpec> specs = run.series.specs();
    specs.push_back({"cost_cumulative", "GBP", "cost_total from the start to the sample."});
    output::SeriesTable base(specs, 4, 13);
    for (std::size_t m = 0; m < 4; ++m) {
        for (std::size_t r = 0; r < 4; ++r) {
            for (std::size_t t = 0; t < 13; ++t) base.at(m, r, t) = run.series.at(m, r, t);
        }
    }
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t t = 0; t < 13; ++t) {
            base.at(4, r, t) = 1e6 + 1000.0 * static_cast<double>(t) + 1e4 * static_cast<double>(r);
        }
    }
    run.series = base;

    output::OptionRun hire{"hire_more",
                           "more <posts> & \"fewer\" agency staff",
                           {"establishment.social_worker: 330", "recruitment.drive: {}"},
                           base,
                           run.targets};
    output::OptionRun less{"do_less", "", {}, base, run.targets};
    for (std::size_t r = 0; r < 4; ++r) {
        const double rd = static_cast<double>(r);
        for (std::size_t t = 0; t < 13; ++t) {
            hire.series.at(0, r, t) += 5 + rd;
            hire.series.at(1, r, t) -= 0.02;
            hire.series.at(2, r, t) -= 0.01;  // NaN stays NaN
            hire.series.at(4, r, t) += 5e4 + 1000 * rd;
            less.series.at(0, r, t) -= 2 * rd;
            less.series.at(1, r, t) += 0.01 * rd;
            less.series.at(4, r, t) -= 2e4;
        }
    }
    // permanent_80: base met {1,1,0,1}. few staff: base met none.
    hire.targets[0].met = {1, 1, 1, 1};
    hire.targets[0].first_met_days = {183, 183, 214, 244};  // median met: 2016-10-01
    hire.targets[0].probability = 1.0;
    hire.targets[0].ci_low = 0.5101;
    hire.targets[0].ci_high = 1.0;
    less.targets[0].met = {1, 0, 0, 1};
    less.targets[0].first_met_days = {244, kNaN, kNaN, 214};  // median met: 2016-11-01
    less.targets[0].probability = 0.5;
    less.targets[0].ci_low = 0.1500;
    less.targets[0].ci_high = 0.8500;
    less.targets[1].met = {0, 0, 0, 1};
    less.targets[1].first_met_days = {kNaN, kNaN, kNaN, 200};  // 2016-10-18
    less.targets[1].probability = 0.25;
    less.targets[1].ci_low = 0.0456;
    less.targets[1].ci_high = 0.6994;

    output::Comparison comparison;
    comparison.common_random_numbers = common;
    comparison.options = {std::move(hire), std::move(less)};
    const std::vector<std::size_t> samples{11, 12};
    model::compare_with_baseline(comparison, run.series, run.targets, run.time, run.date, samples);
    run.comparison = std::move(comparison);
    return run;
}

}  // namespace wfsim::testing
