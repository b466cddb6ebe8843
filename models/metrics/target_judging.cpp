#include "models/metrics/target_judging.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace wfsim::model {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Sample times are multiples of the interval in floating point; a date or span equal to one
// must count as reaching it.
constexpr double kTimeTolerance = 1e-9;

bool in_period(const Target& t, double time) {
    const double day = sample_day(time);
    return day >= t.from_days && day <= t.to_days;
}

double first_meeting(const Target& t, std::span<const double> times,
                     std::span<const double> values) {
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (meets(t, values[k])) return times[k];
    }
    return kNaN;
}

bool met_by(const Target& t, std::span<const double> times, std::span<const double> values) {
    // The last sample at or before the date; validation ensures the first sample (time 0) is.
    bool met = false;
    for (std::size_t k = 0; k < values.size() && sample_day(times[k]) <= t.by_days; ++k) {
        met = meets(t, values[k]);
    }
    return met;
}

bool met_throughout(const Target& t, std::span<const double> times,
                    std::span<const double> values) {
    std::size_t judged = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (!in_period(t, times[k])) continue;
        if (!meets(t, values[k])) return false;
        ++judged;
    }
    return judged > 0;
}

bool met_on_average(const Target& t, std::span<const double> times,
                    std::span<const double> values) {
    double sum = 0.0;
    std::size_t count = 0;
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (in_period(t, times[k]) && !std::isnan(values[k])) {
            sum += values[k];
            ++count;
        }
    }
    return count > 0 && meets(t, sum / static_cast<double>(count));
}

// The time of the sample that completes the first run of meeting samples spanning for_days.
double sustained_until(const Target& t, std::span<const double> times,
                       std::span<const double> values) {
    std::size_t run_start = values.size();  // none
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (!meets(t, values[k])) {
            run_start = values.size();
            continue;
        }
        if (run_start == values.size()) run_start = k;
        if (times[k] - times[run_start] >= t.for_days - kTimeTolerance) return times[k];
    }
    return kNaN;
}

}  // namespace

double sample_day(double time) { return std::floor(time + kTimeTolerance); }

TargetOutcome judge(const Target& target, std::span<const double> times,
                    std::span<const double> values) {
    switch (target.kind) {
        case TargetKind::By:
            return {met_by(target, times, values), first_meeting(target, times, values)};
        case TargetKind::Throughout:
            return {met_throughout(target, times, values), first_meeting(target, times, values)};
        case TargetKind::Average:
            return {met_on_average(target, times, values), first_meeting(target, times, values)};
        case TargetKind::Sustained: {
            const double until = sustained_until(target, times, values);
            return {!std::isnan(until), until};
        }
    }
    return {false, kNaN};
}

Interval wilson_interval(std::size_t successes, std::size_t trials, double z) {
    if (trials == 0) return {0.0, 1.0};
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denominator = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // At 0 or n successes the bound is exactly 0 or 1 in theory; keep rounding from leaving it.
    return {successes == 0 ? 0.0 : std::max(0.0, centre - half),
            successes == trials ? 1.0 : std::min(1.0, centre + half)};
}

std::vector<output::TargetResult> judge_targets(const std::vector<Target>& targets,
                                                std::span<const double> times,
                                                const output::SeriesTable& series) {
    std::vector<output::TargetResult> results;
    for (const Target& t : targets) {
        output::TargetResult r;
        r.name = t.name;
        r.metric = t.metric;
        r.op = op_text(t.op);
        r.value = t.value;
        r.kind = kind_text(t.kind);
        if (t.kind == TargetKind::By) r.by = engine::format_iso_date(t.by);
        if (t.kind == TargetKind::Throughout || t.kind == TargetKind::Average) {
            r.from = engine::format_iso_date(t.from);
            r.to = engine::format_iso_date(t.to);
        }
        if (t.kind == TargetKind::Sustained) r.for_days = t.for_days;
        const std::size_t m = series.index_of(t.metric);
        std::size_t met = 0;
        for (std::size_t rep = 0; rep < series.replications(); ++rep) {
            const TargetOutcome outcome = judge(t, times, series.row(m, rep));
            r.met.push_back(outcome.met ? 1 : 0);
            r.first_met_days.push_back(outcome.first_met_days);
            met += outcome.met ? 1 : 0;
        }
        const std::size_t n = series.replications();
        r.probability = n > 0 ? static_cast<double>(met) / static_cast<double>(n) : kNaN;
        const Interval ci = wilson_interval(met, n);
        r.ci_low = ci.low;
        r.ci_high = ci.high;
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace wfsim::model
