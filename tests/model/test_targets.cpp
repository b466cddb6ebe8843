// Targets: reading them (dates, forms and names, with exact messages for bad input), judging
// each kind on hand-made series (edge dates, NaN samples), the Wilson interval against a hand
// computation, and the /targets group of a run file read back.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "models/config/diagnostics.hpp"
#include "models/metrics/sampling.hpp"
#include "models/metrics/target_judging.hpp"
#include "models/scenario/scenario.hpp"
#include "output/run_file.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

using Lines = std::vector<std::string>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMonth = engine::kDaysPerMonth;  // core.yaml's output_interval

// core.yaml (27 lines; start 2016-04-01, 10 years, monthly samples) with `targets` appended,
// so the first target's first key is on line 29.
std::string core_with_targets(const std::string& targets) {
    return testing::core_text() + "targets:\n" + targets;
}

Lines problems(const std::string& yaml) {
    return testing::scenario_problems(yaml);
}

Target parsed(const std::string& target) {
    const Scenario s = parse_scenario({"s.yaml", core_with_targets(target)});
    EXPECT_EQ(s.targets.size(), 1u);
    return s.targets.empty() ? Target{} : s.targets[0];
}

std::vector<double> core_times() { return sample_times(10 * engine::kDaysPerYear, kMonth); }

// A series over core_times() that is `before` up to sample `k` (excluded) and `after` from it.
std::vector<double> step_at(std::size_t k, double before, double after) {
    std::vector<double> values(core_times().size(), before);
    for (std::size_t i = k; i < values.size(); ++i) values[i] = after;
    return values;
}

TEST(TargetReading, ReadsEachForm) {
    const Target by = parsed("  - { name: low agency, metric: agency_share, op: '<=', value: 0.1, "
                             "by: 2017-03-31 }\n");
    EXPECT_EQ(by.name, "low agency");
    EXPECT_EQ(by.metric, "agency_share");
    EXPECT_EQ(by.op, TargetOp::AtMost);
    EXPECT_EQ(by.value, 0.1);
    EXPECT_EQ(by.kind, TargetKind::By);
    EXPECT_EQ(by.by_days, 364.0);

    const Target average = parsed("  - { metric: nqsw_mean_caseload, op: '<=', value: 14, "
                                  "from: 2017-04-01, to: 2018-03-31, hold: average }\n");
    EXPECT_EQ(average.name, "nqsw_mean_caseload <= 14");  // the default name
    EXPECT_EQ(average.kind, TargetKind::Average);
    EXPECT_EQ(average.from_days, 365.0);
    EXPECT_EQ(average.to_days, 729.0);

    EXPECT_EQ(parsed("  - { metric: mean_caseload, op: '>=', value: 1, from: 2017-04-01, "
                     "to: 2018-03-31 }\n")
                  .kind,
              TargetKind::Throughout);  // hold defaults to throughout

    const Target sustained =
        parsed("  - { metric: vacancy_rate, op: '>=', value: 0.05, for: 6 months }\n");
    EXPECT_EQ(sustained.kind, TargetKind::Sustained);
    EXPECT_EQ(sustained.op, TargetOp::AtLeast);
    EXPECT_EQ(sustained.for_days, 6 * kMonth);
}

TEST(TargetJudging, ByIsJudgedAtTheLastSampleAtOrBeforeTheDate) {
    const std::vector<double> times = core_times();
    // 2017-08-01 is 487 days from the start: exactly sample 16 (16 x 30.4375).
    Target on = parsed("  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-08-01 }\n");
    ASSERT_EQ(times[16], on.by_days);
    EXPECT_TRUE(judge(on, times, step_at(16, 0.2, 0.05)).met);  // the sample on the date counts
    EXPECT_FALSE(judge(on, times, step_at(17, 0.2, 0.05)).met);
    EXPECT_EQ(judge(on, times, step_at(16, 0.2, 0.05)).first_met_days, times[16]);

    // 2017-07-31 falls between samples 15 and 16: judged at sample 15.
    Target between = parsed("  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-07-31 }\n");
    EXPECT_FALSE(judge(between, times, step_at(16, 0.2, 0.05)).met);
    EXPECT_TRUE(judge(between, times, step_at(15, 0.2, 0.05)).met);

    // Sample 12 falls at 365.25 days, on day 365 (2017-04-01): it is that day's sample.
    Target fractional =
        parsed("  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-04-01 }\n");
    ASSERT_EQ(fractional.by_days, 365.0);
    EXPECT_TRUE(judge(fractional, times, step_at(12, 0.2, 0.05)).met);
    EXPECT_FALSE(judge(fractional, times, step_at(13, 0.2, 0.05)).met);

    // The start itself is the first sample.
    Target start = parsed("  - { metric: agency_share, op: '>=', value: 0.1, by: 2016-04-01 }\n");
    EXPECT_TRUE(judge(start, times, step_at(1, 0.2, 0.0)).met);
    EXPECT_FALSE(judge(start, times, step_at(0, 0.2, 0.0)).met);

    // Met earlier but not at the date: unmet, and the first date is still reported.
    const TargetOutcome lost = judge(on, times, step_at(5, 0.05, 0.2));
    EXPECT_FALSE(lost.met);
    EXPECT_EQ(lost.first_met_days, 0.0);
    // Never met: NaN.
    EXPECT_TRUE(std::isnan(judge(on, times, step_at(0, 0.2, 0.2)).first_met_days));
}

TEST(TargetJudging, ThroughoutNeedsEverySampleOfThePeriodIncludingItsEnds) {
    const std::vector<double> times = core_times();
    // Samples 12 (365.25 days, on day 365: 2017-04-01) to 23 (700.0625, on day 700:
    // 2018-03-02) are in the period, both ends included: a sample counts from the day it falls on.
    Target t = parsed("  - { metric: mean_caseload, op: '<=', value: 18, from: 2017-04-01, "
                      "to: 2018-03-02 }\n");
    ASSERT_EQ(t.to_days, 700.0);
    std::vector<double> values(times.size(), 10.0);
    EXPECT_TRUE(judge(t, times, values).met);
    values[11] = 30.0;  // before the period
    values[24] = 30.0;  // 730.5 days: after it
    EXPECT_TRUE(judge(t, times, values).met);
    values[23] = 30.0;  // the last sample in it, on its last day
    EXPECT_FALSE(judge(t, times, values).met);
    values[23] = 10.0;
    values[12] = kNaN;  // a NaN sample never meets the condition
    EXPECT_FALSE(judge(t, times, values).met);
}

TEST(TargetJudging, AverageIsTheMeanOfThePeriodsSamplesLeavingNaNsOut) {
    const std::vector<double> times = core_times();
    // Samples 12..23 (12 of them) lie in [2017-04-01, 2018-03-31].
    Target t = parsed("  - { metric: mean_caseload, op: '<=', value: 16, from: 2017-04-01, "
                      "to: 2018-03-31, hold: average }\n");
    std::vector<double> values(times.size(), 100.0);  // outside the period: ignored
    for (std::size_t k = 12; k < 24; ++k) values[k] = k % 2 == 0 ? 14.0 : 18.0;  // mean 16
    EXPECT_TRUE(judge(t, times, values).met);
    values[13] = 18.5;  // mean 16 + 0.5/12
    EXPECT_FALSE(judge(t, times, values).met);
    values[13] = kNaN;  // left out: 11 samples, mean (6 x 14 + 5 x 18) / 11 = 15.8
    EXPECT_TRUE(judge(t, times, values).met);
    for (std::size_t k = 12; k < 24; ++k) values[k] = kNaN;  // nothing to average: unmet
    EXPECT_FALSE(judge(t, times, values).met);
    EXPECT_TRUE(std::isnan(judge(t, times, values).first_met_days));
}

TEST(TargetJudging, SustainedIsMetAtTheSampleCompletingTheFirstLongEnoughRun) {
    const std::vector<double> times = core_times();
    Target t = parsed("  - { metric: vacancy_rate, op: '<=', value: 0.08, for: 3 months }\n");
    std::vector<double> values(times.size(), 0.1);
    EXPECT_FALSE(judge(t, times, values).met);
    // Samples 10..12 span 2 months: too short.
    for (std::size_t k = 10; k <= 12; ++k) values[k] = 0.05;
    EXPECT_FALSE(judge(t, times, values).met);
    // Samples 20..23 span exactly 3 months: met at sample 23.
    for (std::size_t k = 20; k <= 23; ++k) values[k] = 0.05;
    TargetOutcome outcome = judge(t, times, values);
    EXPECT_TRUE(outcome.met);
    EXPECT_EQ(outcome.first_met_days, times[23]);
    // A NaN breaks the run.
    values[21] = kNaN;
    EXPECT_FALSE(judge(t, times, values).met);
    // A run reaching the last sample counts.
    for (std::size_t k = times.size() - 4; k < times.size(); ++k) values[k] = 0.05;
    outcome = judge(t, times, values);
    EXPECT_TRUE(outcome.met);
    EXPECT_EQ(outcome.first_met_days, times.back());
}

TEST(TargetJudging, WilsonIntervalMatchesAHandComputation) {
    // 8 of 10, z = 1.96: centre (0.8 + 1.9208/10) / 1.38416 = 0.716738,
    // half-width 1.96 sqrt(0.016 + 0.009604) / 1.38416 = 0.226581 (published: 0.490 to 0.943).
    const Interval ci = wilson_interval(8, 10, 1.96);
    EXPECT_NEAR(ci.low, 0.490157, 1e-6);
    EXPECT_NEAR(ci.high, 0.943319, 1e-6);
    // All met: the upper bound is 1 and the lower n / (n + z^2).
    const Interval all = wilson_interval(20, 20, 1.96);
    EXPECT_EQ(all.high, 1.0);
    EXPECT_NEAR(all.low, 20.0 / (20.0 + 1.96 * 1.96), 1e-12);
    const Interval none = wilson_interval(0, 20, 1.96);
    EXPECT_EQ(none.low, 0.0);
    EXPECT_NEAR(none.high, 1.96 * 1.96 / (20.0 + 1.96 * 1.96), 1e-12);
}

TEST(TargetJudging, JudgesEveryReplicationOfATable) {
    const std::vector<double> times = {0.0, 10.0, 20.0};
    output::SeriesTable series({{"x", "", ""}}, 3, 3);
    const double rows[3][3] = {{1, 5, 6}, {1, 2, 3}, {5, kNaN, 1}};
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t k = 0; k < 3; ++k) series.at(0, r, k) = rows[r][k];
    Target t;
    t.name = "x high";
    t.metric = "x";
    t.op = TargetOp::AtLeast;
    t.value = 4.0;
    t.kind = TargetKind::By;
    t.by = {2020, 1, 21};
    t.by_days = 20.0;
    const std::vector<output::TargetResult> results = judge_targets({t}, times, series);
    ASSERT_EQ(results.size(), 1u);
    const output::TargetResult& r = results[0];
    EXPECT_EQ(r.met, (std::vector<std::uint8_t>{1, 0, 0}));
    EXPECT_EQ(r.first_met_days[0], 10.0);
    EXPECT_TRUE(std::isnan(r.first_met_days[1]));
    EXPECT_EQ(r.first_met_days[2], 0.0);
    EXPECT_DOUBLE_EQ(r.probability, 1.0 / 3.0);
    const Interval ci = wilson_interval(1, 3);
    EXPECT_EQ(r.ci_low, ci.low);
    EXPECT_EQ(r.ci_high, ci.high);
    EXPECT_EQ(r.by, "2020-01-21");
    EXPECT_EQ(r.kind, "by");
    EXPECT_EQ(r.op, ">=");
}

TEST(TargetOutput, RoundTripsThroughTheRunFile) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("wfsim_targets_" + std::to_string(getpid()) + ".h5");
    output::SeriesTable series({{"x", "", ""}}, 2, 2);
    output::RunData run{{}, {0.0, 30.0}, {"2016-04-01", "2016-05-01"}, series};
    run.meta.start_date = "2016-04-01";
    output::TargetResult by{"x by", "x", "<=", 0.5, "by", "2016-05-01", "", "", 0.0,
                            {1, 0}, {30.0, kNaN}, 0.5, 0.1, 0.9};
    output::TargetResult period{"x period", "x", ">=", 2.0, "average", "", "2016-04-01",
                                "2016-05-01", 0.0, {0, 0}, {kNaN, kNaN}, 0.0, 0.0, 0.65};
    output::TargetResult sustained{"x for", "x", ">=", 2.0, "for", "", "", "", 30.0,
                                   {1, 1}, {30.0, 30.0}, 1.0, 0.35, 1.0};
    run.targets = {by, period, sustained};
    output::write_run(path, run);
    const output::RunData back = output::read_run(path);
    std::filesystem::remove(path);
    ASSERT_EQ(back.targets.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const output::TargetResult& a = run.targets[i];
        const output::TargetResult& b = back.targets[i];
        EXPECT_EQ(b.name, a.name);
        EXPECT_EQ(b.metric, a.metric);
        EXPECT_EQ(b.op, a.op);
        EXPECT_EQ(b.value, a.value);
        EXPECT_EQ(b.kind, a.kind);
        EXPECT_EQ(b.by, a.by);
        EXPECT_EQ(b.from, a.from);
        EXPECT_EQ(b.to, a.to);
        EXPECT_EQ(b.for_days, a.for_days);
        EXPECT_EQ(b.met, a.met);
        ASSERT_EQ(b.first_met_days.size(), 2u);
        for (std::size_t r = 0; r < 2; ++r) {
            EXPECT_TRUE(b.first_met_days[r] == a.first_met_days[r] ||
                        (std::isnan(b.first_met_days[r]) && std::isnan(a.first_met_days[r])));
        }
        EXPECT_EQ(b.probability, a.probability);
        EXPECT_EQ(b.ci_low, a.ci_low);
        EXPECT_EQ(b.ci_high, a.ci_high);
    }
}

TEST(TargetOutput, AFileWithoutTargetsReadsBackNone) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("wfsim_no_targets_" + std::to_string(getpid()) + ".h5");
    output::RunData run{{}, {0.0}, {"2016-04-01"}, output::SeriesTable({{"x", "", ""}}, 1, 1)};
    output::write_run(path, run);
    const output::RunData back = output::read_run(path);
    std::filesystem::remove(path);
    EXPECT_TRUE(back.targets.empty());
}

struct BadTarget {
    const char* what;
    const char* targets;
    Lines expected;
};

void PrintTo(const BadTarget& c, std::ostream* out) { *out << c.what; }

class BadTargets : public ::testing::TestWithParam<BadTarget> {};

TEST_P(BadTargets, AreRejectedWithExactlyTheseLines) {
    EXPECT_EQ(problems(core_with_targets(GetParam().targets)), GetParam().expected);
}

// clang-format off
const BadTarget kBadTargets[] = {
    {"misspelt metric",
     "  - { metric: agency_shar, op: '<=', value: 0.1, by: 2017-03-31 }\n",
     {"s.yaml:29:15: error: targets[0].metric: unknown metric 'agency_shar' (did you mean "
      "'agency_share'?)"}},
    {"by before the first sample",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2016-03-31 }\n",
     {"s.yaml:29:55: error: targets[0].by: before the first sample (2016-04-01)"}},
    {"by after the horizon",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2026-04-02 }\n",
     {"s.yaml:29:55: error: targets[0].by: after the end of the horizon (2026-04-01)"}},
    {"to not after from",
     "  - { metric: agency_share, op: '<=', value: 0.1, from: 2017-04-01, to: 2017-04-01 }\n",
     {"s.yaml:29:73: error: targets[0].to: must be after from (2017-04-01)"}},
    {"from without to",
     "  - { metric: agency_share, op: '<=', value: 0.1, from: 2017-04-01 }\n",
     {"s.yaml:29:5: error: targets[0].to: missing required key"}},
    {"a period holding no sample",
     "  - { metric: agency_share, op: '<=', value: 0.1, from: 2016-04-02, to: 2016-04-20 }\n",
     {"s.yaml:29:73: error: targets[0].to: the period holds no output sample (make it longer "
      "than output_interval)"}},
    {"no form",
     "  - { metric: agency_share, op: '<=', value: 0.1 }\n",
     {"s.yaml:29:5: error: targets[0].by: give one of by, from and to, or for"}},
    {"two forms",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-03-31, for: 6 months }\n",
     {"s.yaml:29:72: error: targets[0].for: give only one of by, from and to, or for"}},
    {"hold without a period",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-03-31, hold: average }\n",
     {"s.yaml:29:73: error: targets[0].hold: only applies to a period (from and to)"}},
    {"unknown hold",
     "  - { metric: agency_share, op: '<=', value: 0.1, from: 2017-04-01, to: 2018-03-31, hold: mean }\n",
     {"s.yaml:29:91: error: targets[0].hold: unknown value 'mean' (expected one of: "
      "throughout, average)"}},
    {"for longer than the horizon",
     "  - { metric: agency_share, op: '<=', value: 0.1, for: 11 years }\n",
     {"s.yaml:29:56: error: targets[0].for: must be greater than 0 days and at most 3652.5 "
      "days (got 11 years)"}},
    {"strict comparison",
     "  - { metric: agency_share, op: '<', value: 0.1, by: 2017-03-31 }\n",
     {"s.yaml:29:33: error: targets[0].op: unknown value '<' (did you mean '<='?)"}},
    {"missing value",
     "  - { metric: agency_share, op: '<=', by: 2017-03-31 }\n",
     {"s.yaml:29:5: error: targets[0].value: missing required key"}},
    {"same name twice",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-03-31 }\n  - { metric: agency_share, op: '<=', value: 0.1, by: 2018-03-31 }\n",
     {"s.yaml:30:5: error: targets[1].name: another target has the name 'agency_share <= 0.1' "
      "(give each target its own name)"}},
    {"name with a slash",
     "  - { name: a/b, metric: agency_share, op: '<=', value: 0.1, by: 2017-03-31 }\n",
     {"s.yaml:29:13: error: targets[0].name: cannot contain '/' or be '.' (it names an HDF5 "
      "group)"}},
    {"unknown key",
     "  - { metric: agency_share, op: '<=', value: 0.1, by: 2017-03-31, bye: 1 }\n",
     {"s.yaml:29:67: error: targets[0].bye: unknown key 'bye' (did you mean 'by'?)"}},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Targets, BadTargets, ::testing::ValuesIn(kBadTargets));

}  // namespace
}  // namespace wfsim::model
