// Judging targets (models/scenario/targets.hpp) on a finished run: per replication, whether the
// target was met and the first sample date at which the metric met the condition; per target,
// the probability of meeting it with a 95 % Wilson interval.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "models/scenario/targets.hpp"
#include "output/series_table.hpp"
#include "output/target_results.hpp"

namespace wfsim::model {

// The day a sample falls on (days since the start): samples of a monthly run fall at fractional
// times, and one at 365.25 days is dated, and judged as, the 365th day. A `by` date counts the
// samples whose day is on or before it; a period those whose day is in it.
double sample_day(double time);

struct TargetOutcome {
    bool met = false;
    // by / throughout / average: the first sample time (anywhere in the run) at which the metric
    // met the condition; for: the time of the sample completing the first sustained span, when
    // the target counts as met. NaN if never.
    double first_met_days = 0.0;
};

// One replication: `values` are the target metric's samples at `times` (days since start).
// A NaN sample never meets the condition; an average leaves NaN samples out and is unmet when
// the period has no other.
TargetOutcome judge(const Target& target, std::span<const double> times,
                    std::span<const double> values);

struct Interval {
    double low = 0.0;
    double high = 1.0;
};

// The Wilson score interval for `successes` of `trials` (z = 1.96 gives 95 %); it stays inside
// [0, 1] and is sensible at 0 and n successes, unlike the normal approximation. [0, 1] when
// there are no trials.
Interval wilson_interval(std::size_t successes, std::size_t trials, double z = 1.959963984540054);

// Every target over every replication of `series`.
std::vector<output::TargetResult> judge_targets(const std::vector<Target>& targets,
                                                std::span<const double> times,
                                                const output::SeriesTable& series);

}  // namespace wfsim::model
