// The report's numbers (tools/report/): quantiles across replications against hand
// computation, the bands at every sample with NaN replications left out, each target's median
// date met among the replications that met it, and the words, ticks and number formats the
// tables and charts use.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/calendar.hpp"
#include "tests/support/report_run.hpp"
#include "tools/report/axis_ticks.hpp"
#include "tools/report/number_format.hpp"
#include "tools/report/quantiles.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/wording.hpp"

using namespace wfsim::report;
using wfsim::testing::kNaN;
using wfsim::testing::report_run;

namespace {

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
    std::vector<std::string> out;
    for (const Tick& tick : ticks) out.push_back(tick.label);
    return out;
}

}  // namespace

// Type 7: position q (n - 1) between order statistics. Sorted {1, 2, 3, 4}: q = 0.05 is 0.15 of
// the way from 1 to 2, the median halfway from 2 to 3, q = 0.95 0.85 of the way from 3 to 4.
TEST(ReportQuantiles, HandComputedExample) {
    std::vector<double> values = {4, 1, kNaN, 3, 2};
    sort_without_nan(values);
    ASSERT_EQ(values, (std::vector<double>{1, 2, 3, 4}));
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.05), 1.15);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.25), 1.75);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.75), 3.25);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 0.95), 3.85);
    EXPECT_DOUBLE_EQ(quantile_of_sorted(values, 1.0), 4.0);
    const std::vector<double> one = {7.5};
    EXPECT_EQ(quantile_of_sorted(one, 0.05), 7.5);
    EXPECT_EQ(quantile_of_sorted(one, 0.95), 7.5);
}

// staff_permanent at sample 11 is {111, 131, 151, 171}: 5 % at 0.15 of the first gap (114),
// quartiles at 0.75 and 2.25 (126, 156), median 141, 95 % at 2.85 (168).
TEST(ReportModel, BandsAtEverySampleAcrossReplications) {
    const auto run = report_run();
    const MetricBands bands = metric_bands(run.series, 0);
    EXPECT_EQ(bands.metric, "staff_permanent");
    EXPECT_EQ(bands.units, "workers");
    EXPECT_EQ(bands.description, "Permanent workers in post.");
    ASSERT_EQ(bands.p50.size(), 13u);
    EXPECT_DOUBLE_EQ(bands.p5[11], 114.0);
    EXPECT_DOUBLE_EQ(bands.p25[11], 126.0);
    EXPECT_DOUBLE_EQ(bands.p50[11], 141.0);
    EXPECT_DOUBLE_EQ(bands.p75[11], 156.0);
    EXPECT_DOUBLE_EQ(bands.p95[11], 168.0);
    EXPECT_EQ(bands.count[11], 4u);
    for (std::size_t t = 0; t < 13; ++t) {
        EXPECT_DOUBLE_EQ(bands.p50[t], 130.0 + static_cast<double>(t)) << t;
    }
}

// turnover_rate_12m: NaN everywhere before the last sample, and in replication 3 there; the
// bands are over the three values {0.10, 0.11, 0.12} and say so in their count.
TEST(ReportModel, BandsLeaveNaNReplicationsOut) {
    const auto run = report_run();
    const MetricBands bands = metric_bands(run.series, 2);
    EXPECT_EQ(bands.count[12], 3u);
    EXPECT_NEAR(bands.p50[12], 0.11, 1e-12);
    EXPECT_NEAR(bands.p5[12], 0.101, 1e-12);   // 0.1 of the way from 0.10 to 0.11
    EXPECT_NEAR(bands.p95[12], 0.119, 1e-12);  // 0.9 of the way from 0.11 to 0.12
    for (std::size_t t = 0; t < 12; ++t) {
        EXPECT_EQ(bands.count[t], 0u);
        EXPECT_TRUE(std::isnan(bands.p5[t]) && std::isnan(bands.p50[t]) &&
                    std::isnan(bands.p95[t]));
    }
}

TEST(ReportModel, MedianDateMetIsAmongTheReplicationsThatMetIt) {
    const auto run = report_run();
    const wfsim::engine::Date start{2016, 4, 1};
    // Met by replications 0, 1 and 3 at days 244, 183 and 214: the middle one is day 214,
    // 2016-11-01. Replication 2's day 100 (it missed the date) would make it 2016-10-01.
    const TargetSummary met = summarise_target(run.targets[0], start);
    EXPECT_EQ(met.met, 3u);
    EXPECT_EQ(met.median_date_met, "2016-11-01");
    EXPECT_EQ(met.condition, "agency_share <= 0.2 by 2017-03-31");
    // Two met: the lower middle one, a date a replication reached (day 183, not 213.5).
    auto two = run.targets[0];
    two.met = {1, 1, 0, 0};
    EXPECT_EQ(summarise_target(two, start).median_date_met, "2016-10-01");
    // None met: no date.
    const TargetSummary never = summarise_target(run.targets[1], start);
    EXPECT_EQ(never.met, 0u);
    EXPECT_EQ(never.median_date_met, "");
}

TEST(ReportModel, BuiltOnceForTheSelection) {
    const auto run = report_run();
    const ReportSelection selection{{"vacancies", "agency_share"}, {{"2017-03-31", 11}}};
    const ReportModel model = build_report_model(run, selection, "hand.h5");
    ASSERT_EQ(model.metrics.size(), 2u);
    EXPECT_EQ(model.metrics[0].metric, "vacancies");
    EXPECT_EQ(model.metrics[1].metric, "agency_share");
    EXPECT_EQ(model.targets.size(), 2u);
    EXPECT_EQ(model.replications, 4u);
    EXPECT_EQ(model.start, (wfsim::engine::Date{2016, 4, 1}));
    EXPECT_EQ(model.date.back(), "2017-04-01");
    EXPECT_EQ(model.run_file, "hand.h5");
}

TEST(ReportWording, ConditionsInWords) {
    wfsim::output::TargetResult t;
    t.metric = "mean_caseload";
    t.op = "<=";
    t.value = 16;
    t.kind = "average";
    t.from = "2016-04-01";
    t.to = "2017-03-31";
    EXPECT_EQ(condition_text(t), "mean_caseload <= 16 on average over 2016-04-01 to 2017-03-31");
    t.kind = "throughout";
    EXPECT_EQ(condition_text(t), "mean_caseload <= 16 throughout 2016-04-01 to 2017-03-31");
    t = {};
    t.metric = "within_timescale_share.assessment";
    t.op = ">=";
    t.value = 0.95;
    t.kind = "for";
    t.for_days = 6 * wfsim::engine::kDaysPerMonth;
    EXPECT_EQ(condition_text(t), "within_timescale_share.assessment >= 0.95 held for 6 months");
}

TEST(ReportWording, DurationsAndIntervals) {
    EXPECT_EQ(duration_text(365.25), "1 year");
    EXPECT_EQ(duration_text(2 * 365.25), "2 years");
    EXPECT_EQ(duration_text(wfsim::engine::kDaysPerMonth), "1 month");
    EXPECT_EQ(duration_text(14), "2 weeks");
    EXPECT_EQ(duration_text(3), "3 days");
    EXPECT_EQ(duration_text(10.5), "10.5 days");
    EXPECT_EQ(interval_text(wfsim::engine::kDaysPerMonth), "monthly");
    EXPECT_EQ(interval_text(7), "weekly");
    EXPECT_EQ(interval_text(3 * wfsim::engine::kDaysPerMonth), "every 3 months");
}

TEST(ReportFormat, NumbersForTables) {
    EXPECT_EQ(format_value(16.234), "16.2");
    EXPECT_EQ(format_value(0.18345), "0.183");
    EXPECT_EQ(format_value(0.0), "0");
    EXPECT_EQ(format_value(-0.0), "0");
    EXPECT_EQ(format_value(280), "280");
    EXPECT_EQ(format_value(999.7), "1,000");  // not "1e+03"
    EXPECT_EQ(format_value(12345.6), "12,346");
    EXPECT_EQ(format_value(-1234567), "-1,234,567");
    EXPECT_EQ(format_value(kNaN), "-");
    EXPECT_EQ(format_percent(0.75), "75 %");
    EXPECT_EQ(format_percent(0.0), "0 %");
}

// Nice steps: (0.06, 0.38) in about 5 steps is 0.064 a step, so 0.1; one value gets a range
// around it (zero: 0 to 1); large values a suffix.
TEST(ReportAxis, ValueTicksAtRoundNumbers) {
    const ValueAxis shares = value_axis(0.06, 0.38);
    EXPECT_NEAR(shares.low, 0.0, 1e-12);
    EXPECT_NEAR(shares.high, 0.4, 1e-12);
    EXPECT_EQ(labels(shares.ticks), (std::vector<std::string>{"0.0", "0.1", "0.2", "0.3", "0.4"}));
    const ValueAxis quarters = value_axis(13.2, 14.1);  // 0.18 a step: 0.2
    EXPECT_EQ(labels(quarters.ticks),
              (std::vector<std::string>{"13.2", "13.4", "13.6", "13.8", "14.0", "14.2"}));
    const ValueAxis zero = value_axis(0, 0);
    EXPECT_EQ(zero.low, 0.0);
    EXPECT_EQ(zero.high, 1.0);
    const ValueAxis flat = value_axis(100, 100);  // 90 to 110 in steps of 5
    EXPECT_EQ(labels(flat.ticks), (std::vector<std::string>{"90", "95", "100", "105", "110"}));
    EXPECT_EQ(labels(value_axis(0, 23000).ticks),
              (std::vector<std::string>{"0k", "5k", "10k", "15k", "20k", "25k"}));
    EXPECT_EQ(labels(value_axis(0, 2.2e6).ticks),
              (std::vector<std::string>{"0.0M", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M"}));
    EXPECT_EQ(labels(value_axis(-0.5, 0.5).ticks),
              (std::vector<std::string>{"-0.6", "-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6"}));
    const ValueAxis none = value_axis(kNaN, kNaN);
    EXPECT_EQ(none.low, 0.0);
    EXPECT_EQ(none.high, 1.0);
}

TEST(ReportAxis, DateTicksOnMonthsOrYears) {
    const wfsim::engine::Date start{2016, 4, 1};
    // Three years: every 6 months, the first step giving at most 7 ticks.
    EXPECT_EQ(labels(date_ticks(start, 0, 3 * 365.25)),
              (std::vector<std::string>{"Jul 2016", "Jan 2017", "Jul 2017", "Jan 2018", "Jul 2018",
                                        "Jan 2019"}));
    // Ten years: every 2 years on 1 January.
    const auto decade = date_ticks(start, 0, 10 * 365.25);
    EXPECT_EQ(labels(decade), (std::vector<std::string>{"2018", "2020", "2022", "2024", "2026"}));
    EXPECT_EQ(decade.front().at, wfsim::engine::days_between(start, {2018, 1, 1}));
    // A year: every 2 months, from the first month start after the start.
    EXPECT_EQ(labels(date_ticks(start, 0, 365.25)),
              (std::vector<std::string>{"May 2016", "Jul 2016", "Sep 2016", "Nov 2016", "Jan 2017",
                                        "Mar 2017"}));
    // Three weeks inside one month: the two ends.
    EXPECT_EQ(labels(date_ticks({2016, 4, 2}, 0, 21)),
              (std::vector<std::string>{"2016-04-02", "2016-04-23"}));
}
