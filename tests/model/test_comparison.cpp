// Comparing options with the baseline: the paired difference and its Student-t interval
// against a hand computation, the dates compared, the rows of a comparison, and the /options
// and /comparison groups of a run file read back.
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "models/metrics/option_comparison.hpp"
#include "models/metrics/paired_difference.hpp"
#include "output/run_file.hpp"

namespace wfsim::model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Differences 1, 0, 3, 1: mean 1.25; squared deviations 0.0625 + 1.5625 + 3.0625 + 0.0625 =
// 4.75, so sd = sqrt(4.75 / 3) = 1.258306; t(0.975, 3) = 3.182446, half width
// 3.182446 x 1.258306 / 2 = 2.002245: the interval is -0.752245 to 3.252245.
TEST(PairedDifference, MatchesAHandComputation) {
    const PairedDifference d = paired_difference(std::vector<double>{10, 12, 14, 16},
                                                 std::vector<double>{11, 12, 17, 17});
    EXPECT_EQ(d.pairs, 4);
    EXPECT_DOUBLE_EQ(d.baseline_mean, 13.0);
    EXPECT_DOUBLE_EQ(d.option_mean, 14.25);
    EXPECT_DOUBLE_EQ(d.difference, 1.25);
    EXPECT_NEAR(d.sd, 1.258306, 1e-6);
    EXPECT_NEAR(d.ci_low, -0.752245, 1e-6);
    EXPECT_NEAR(d.ci_high, 3.252245, 1e-6);
}

TEST(PairedDifference, LeavesOutPairsWithAMissingValue) {
    const PairedDifference d = paired_difference(std::vector<double>{10, kNaN, 12, 14, 16, 3},
                                                 std::vector<double>{11, 5, 12, 17, 17, kNaN});
    EXPECT_EQ(d.pairs, 4);
    EXPECT_DOUBLE_EQ(d.difference, 1.25);
    EXPECT_NEAR(d.ci_high, 3.252245, 1e-6);
}

TEST(PairedDifference, TooFewPairsGiveNoInterval) {
    const PairedDifference one = paired_difference(std::vector<double>{2, kNaN},
                                                   std::vector<double>{5, 1});
    EXPECT_EQ(one.pairs, 1);
    EXPECT_DOUBLE_EQ(one.difference, 3.0);
    EXPECT_TRUE(std::isnan(one.sd) && std::isnan(one.ci_low) && std::isnan(one.ci_high));
    const PairedDifference none = paired_difference(std::vector<double>{kNaN},
                                                    std::vector<double>{1});
    EXPECT_EQ(none.pairs, 0);
    EXPECT_TRUE(std::isnan(none.difference) && std::isnan(none.baseline_mean));
    // Identical runs: no spread, so the interval is the point.
    const PairedDifference same = paired_difference(std::vector<double>{1, 2, 3},
                                                    std::vector<double>{1, 2, 3});
    EXPECT_EQ(same.difference, 0.0);
    EXPECT_EQ(same.ci_low, 0.0);
    EXPECT_EQ(same.ci_high, 0.0);
    EXPECT_THROW(paired_difference(std::vector<double>{1}, std::vector<double>{1, 2}),
                 std::invalid_argument);
}

Target by_target(double days) {
    Target t;
    t.kind = TargetKind::By;
    t.by_days = days;
    return t;
}

TEST(ComparisonSamples, AreTheTargetsJudgingSamplesAndTheHorizonOnce) {
    const std::vector<double> times{0, 30, 60, 90, 120};
    Target average;
    average.kind = TargetKind::Average;
    average.from_days = 0;
    average.to_days = 75;  // judged on the samples up to 60
    Target sustained;
    sustained.kind = TargetKind::Sustained;
    sustained.for_days = 30;
    EXPECT_EQ(comparison_samples({by_target(30), average, by_target(45), sustained}, times),
              (std::vector<std::size_t>{1, 2, 4}));
    EXPECT_EQ(comparison_samples({}, times), (std::vector<std::size_t>{4}));
}

output::SeriesTable table(const std::vector<std::vector<double>>& rows_of_x,
                          const std::vector<std::vector<double>>& rows_of_y) {
    output::SeriesTable t({{"x", "", ""}, {"y", "", ""}}, rows_of_x.size(), rows_of_x[0].size());
    for (std::size_t r = 0; r < rows_of_x.size(); ++r) {
        for (std::size_t k = 0; k < rows_of_x[r].size(); ++k) {
            t.at(0, r, k) = rows_of_x[r][k];
            t.at(1, r, k) = rows_of_y[r][k];
        }
    }
    return t;
}

output::TargetResult outcome(const std::string& name, std::vector<std::uint8_t> met) {
    output::TargetResult t;
    t.name = name;
    t.metric = "x";
    t.op = ">=";
    t.kind = "by";
    t.by = "2020-01-31";
    t.met = met;
    t.first_met_days.assign(met.size(), kNaN);
    double sum = 0;
    for (auto m : met) sum += m;
    t.probability = sum / static_cast<double>(met.size());
    return t;
}

// Three replications, two samples; the option adds 1, 2, 3 to x at the second sample and
// leaves y alone; it meets the target in two replications where the baseline met it in one.
output::Comparison hand_comparison(output::SeriesTable& baseline,
                                   std::vector<output::TargetResult>& baseline_targets) {
    baseline = table({{1, 10}, {2, 20}, {3, 30}}, {{5, 5}, {6, 6}, {7, 7}});
    baseline_targets = {outcome("t", {1, 0, 0})};
    output::Comparison c;
    c.options.push_back({"opt", "adds", {"a.b: 1"},
                         table({{1, 11}, {2, 22}, {3, 33}}, {{5, 5}, {6, 6}, {7, 7}}),
                         {outcome("t", {1, 1, 0})}});
    const std::vector<double> times{0, 30};
    const std::vector<std::string> dates{"2020-01-01", "2020-01-31"};
    compare_with_baseline(c, baseline, baseline_targets, times, dates,
                          std::vector<std::size_t>{1});
    return c;
}

TEST(OptionComparison, GivesARowPerOptionMetricAndDate) {
    output::SeriesTable baseline({}, 0, 0);
    std::vector<output::TargetResult> targets;
    const output::Comparison c = hand_comparison(baseline, targets);
    ASSERT_EQ(c.metrics.size(), 2u);
    const output::MetricDifference& x = c.metrics[0];
    EXPECT_EQ(x.option, "opt");
    EXPECT_EQ(x.metric, "x");
    EXPECT_EQ(x.date, "2020-01-31");
    EXPECT_EQ(x.time_days, 30.0);
    EXPECT_DOUBLE_EQ(x.baseline_mean, 20.0);
    EXPECT_DOUBLE_EQ(x.option_mean, 22.0);
    EXPECT_DOUBLE_EQ(x.difference, 2.0);
    EXPECT_DOUBLE_EQ(x.difference_sd, 1.0);
    // t(0.975, 2) = 4.302653: 2 -/+ 4.302653 / sqrt(3).
    EXPECT_NEAR(x.ci_low, 2.0 - 2.484138, 1e-6);
    EXPECT_NEAR(x.ci_high, 2.0 + 2.484138, 1e-6);
    EXPECT_EQ(c.metrics[1].metric, "y");
    EXPECT_EQ(c.metrics[1].difference, 0.0);
    ASSERT_EQ(c.targets.size(), 1u);
    EXPECT_EQ(c.targets[0].target, "t");
    EXPECT_DOUBLE_EQ(c.targets[0].baseline_probability, 1.0 / 3);
    EXPECT_DOUBLE_EQ(c.targets[0].probability, 2.0 / 3);
    EXPECT_DOUBLE_EQ(c.targets[0].difference, 1.0 / 3);
    EXPECT_EQ(c.targets[0].pairs, 3);
}

TEST(OptionComparison, RefusesAnOptionOfAnotherShape) {
    output::Comparison c;
    c.options.push_back({"opt", "", {}, table({{1, 2}}, {{1, 2}}), {}});
    const output::SeriesTable baseline = table({{1, 2}, {3, 4}}, {{1, 2}, {3, 4}});
    const std::vector<double> times{0, 30};
    const std::vector<std::string> dates{"a", "b"};
    EXPECT_THROW(compare_with_baseline(c, baseline, {}, times, dates, std::vector<std::size_t>{1}),
                 std::invalid_argument);
}

TEST(ComparisonOutput, ReadsBackAsWritten) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("wfsim_comparison_" + std::to_string(getpid()) + ".h5");
    output::SeriesTable baseline({}, 0, 0);
    std::vector<output::TargetResult> targets;
    output::Comparison c = hand_comparison(baseline, targets);
    output::RunMetadata meta;
    meta.start_date = "2020-01-01";
    output::RunData run{meta, {0.0, 30.0}, {"2020-01-01", "2020-01-31"}, baseline};
    run.targets = targets;
    run.comparison = c;
    output::write_run(path, run);
    const output::RunData back = output::read_run(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(back.comparison.has_value());
    const output::Comparison& b = *back.comparison;
    EXPECT_EQ(b.baseline, "base");
    EXPECT_TRUE(b.common_random_numbers);
    ASSERT_EQ(b.options.size(), 1u);
    EXPECT_EQ(b.options[0].name, "opt");
    EXPECT_EQ(b.options[0].description, "adds");
    EXPECT_EQ(b.options[0].settings, std::vector<std::string>{"a.b: 1"});
    EXPECT_EQ(b.options[0].series.at(0, 2, 1), 33.0);
    ASSERT_EQ(b.options[0].targets.size(), 1u);
    EXPECT_EQ(b.options[0].targets[0].met, (std::vector<std::uint8_t>{1, 1, 0}));
    ASSERT_EQ(b.metrics.size(), c.metrics.size());
    for (std::size_t i = 0; i < c.metrics.size(); ++i) {
        EXPECT_EQ(b.metrics[i].option, c.metrics[i].option);
        EXPECT_EQ(b.metrics[i].metric, c.metrics[i].metric);
        EXPECT_EQ(b.metrics[i].date, c.metrics[i].date);
        EXPECT_EQ(b.metrics[i].time_days, c.metrics[i].time_days);
        EXPECT_EQ(b.metrics[i].difference, c.metrics[i].difference);
        EXPECT_EQ(b.metrics[i].ci_low, c.metrics[i].ci_low);
        EXPECT_EQ(b.metrics[i].pairs, c.metrics[i].pairs);
    }
    ASSERT_EQ(b.targets.size(), 1u);
    EXPECT_EQ(b.targets[0].difference, c.targets[0].difference);
    EXPECT_EQ(b.targets[0].ci_high, c.targets[0].ci_high);
    // A plain run has none of it.
    run.comparison.reset();
    output::write_run(path, run);
    EXPECT_FALSE(output::read_run(path).comparison.has_value());
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace wfsim::model
