// A comparison file's report, its model and its terminal part (tools/report/comparison_model.hpp,
// terminal_comparison.hpp), for a comparison made by hand (tests/support/comparison_run.hpp):
// each option's quantiles and targets, its paired differences taken from the file at the dates
// it compared and worked out with model::paired_difference elsewhere, and the terminal tables'
// rows and numbers; a plain run's report has none of it.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "models/metrics/paired_difference.hpp"
#include "tests/support/comparison_run.hpp"
#include "tests/support/hdf5_testing.hpp"
#include "tests/support/report_parsing.hpp"
#include "tools/report/difference_format.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/terminal_report.hpp"

using namespace wfsim::report;
using wfsim::testing::cells;
using wfsim::testing::comparison_run;
using wfsim::testing::kT3;
using wfsim::testing::line_after;
using wfsim::testing::lines_of;

namespace {

ReportModel model_of(const wfsim::output::RunData& run) {
    return build_report_model(run, select_report(run, {}, {}), "hand.h5");
}

std::string text_of(const wfsim::output::RunData& run) {
    return terminal_report(model_of(run));
}

std::vector<std::string> names(const DifferencesAt& at) {
    std::vector<std::string> out;
    for (const auto& d : at.options) out.push_back(d.option);
    return out;
}

}  // namespace

TEST(ReportComparisonModel, OnlyForAComparison) {
    EXPECT_FALSE(model_of(wfsim::testing::report_run()).comparison);
    const ReportModel model = model_of(comparison_run());
    ASSERT_TRUE(model.comparison);
    const ComparisonModel& c = *model.comparison;
    EXPECT_EQ(c.baseline, "base");
    EXPECT_TRUE(c.common_random_numbers);
    EXPECT_FALSE(model_of(comparison_run(false)).comparison->common_random_numbers);
    ASSERT_EQ(c.options.size(), 2u);
    EXPECT_EQ(c.options[0].name, "hire_more");
    EXPECT_EQ(c.options[0].description, "more <posts> & \"fewer\" agency staff");
    EXPECT_EQ(c.options[0].settings, (std::vector<std::string>{"establishment.social_worker: 330",
                                                               "recruitment.drive: {}"}));
    EXPECT_EQ(c.options[1].name, "do_less");
}

// Each option's bands are its own replications' quantiles, for the report's metrics in order.
TEST(ReportComparisonModel, EachOptionsQuantilesAndTargets) {
    const ReportModel model = model_of(comparison_run());
    const ComparisonModel& c = *model.comparison;
    ASSERT_EQ(model.metrics.size(), 3u);  // agency_share, staff_permanent, turnover_rate_12m
    for (const OptionSummary& option : c.options) {
        ASSERT_EQ(option.metrics.size(), 3u);
        for (std::size_t m = 0; m < 3; ++m) {
            EXPECT_EQ(option.metrics[m].metric, model.metrics[m].metric);
        }
    }
    // staff_permanent at sample 11: base 111, 131, 151, 171; hire_more 116, 137, 158, 179.
    const MetricBands& hire = c.options[0].metrics[1];
    EXPECT_DOUBLE_EQ(hire.p50[11], 147.5);
    EXPECT_DOUBLE_EQ(hire.p5[11], 116 + 0.15 * 21);
    EXPECT_DOUBLE_EQ(hire.p95[11], 158 + 0.85 * 21);
    EXPECT_EQ(c.options[0].metrics[2].count[12], 3u);  // turnover: NaN in replication 3
    // Targets under each option: its probability and interval as the file has them, and the
    // median date met over its own replications.
    ASSERT_EQ(c.options[1].targets.size(), 2u);
    EXPECT_DOUBLE_EQ(c.options[1].targets[0].result.probability, 0.5);
    EXPECT_EQ(c.options[1].targets[0].median_date_met, "2016-11-01");
    EXPECT_EQ(c.options[1].targets[1].median_date_met, "2016-10-18");
    EXPECT_EQ(c.options[0].targets[0].median_date_met, "2016-10-01");
    // The targets' differences, [target][option], from the file's table.
    ASSERT_EQ(c.targets.size(), 2u);
    EXPECT_EQ(c.targets[0][0].option, "hire_more");
    EXPECT_DOUBLE_EQ(c.targets[0][0].difference, 0.25);  // pairs' differences 0, 0, 1, 0
    EXPECT_NEAR(c.targets[0][0].ci_low, 0.25 - kT3 * 0.5 / 2, 1e-12);
    EXPECT_DOUBLE_EQ(c.targets[1][1].difference, 0.25);
    EXPECT_DOUBLE_EQ(c.targets[1][0].ci_high, 0.0);  // never met under either
}

// The report's dates are the period's end (sample 10), the by date (11) and the horizon (12);
// the file compared 11 and 12 only.
TEST(ReportComparisonModel, DifferencesAtTheReportDatesAndTheComparedOnes) {
    const auto run = comparison_run();
    const ReportModel model = model_of(run);
    const MetricComparison& staff = model.comparison->metrics[1];
    ASSERT_EQ(staff.at_report_dates.size(), 3u);
    ASSERT_EQ(staff.at_compared_dates.size(), 2u);
    EXPECT_EQ(staff.at_compared_dates[0].date, "2017-03-01");
    EXPECT_EQ(staff.at_compared_dates[1].date, "2017-04-01");
    EXPECT_EQ(staff.at_compared_dates[1].sample, 12u);
    EXPECT_EQ(names(staff.at_compared_dates[0]),
              (std::vector<std::string>{"hire_more", "do_less"}));
    // Not compared in the file: worked out, and by hand it is 6.5 -/+ t(3) sqrt(5/3) / 2.
    const DifferencesAt& period_end = staff.at_report_dates[0];
    EXPECT_EQ(period_end.sample, 10u);
    const auto& hire = period_end.options[0];
    EXPECT_EQ(hire.metric, "staff_permanent");
    EXPECT_EQ(hire.date, "2017-01-30");
    EXPECT_EQ(hire.pairs, 4);
    EXPECT_DOUBLE_EQ(hire.difference, 6.5);
    EXPECT_NEAR(hire.ci_low, 6.5 - kT3 * std::sqrt(5.0 / 3) / 2, 1e-12);
    EXPECT_NEAR(hire.ci_high, 6.5 + kT3 * std::sqrt(5.0 / 3) / 2, 1e-12);
    EXPECT_DOUBLE_EQ(hire.baseline_mean, 100 + 30 + 10);
    const auto& less = period_end.options[1];
    EXPECT_DOUBLE_EQ(less.difference, -3.0);
    EXPECT_NEAR(less.ci_high, -3 + kT3 * std::sqrt(20.0 / 3) / 2, 1e-12);
    // Turnover is NaN everywhere before the horizon: no pairs.
    EXPECT_EQ(model.comparison->metrics[2].at_report_dates[1].options[0].pairs, 0);
    EXPECT_EQ(model.comparison->metrics[2].at_report_dates[2].options[0].pairs, 3);
}

// Where the file compared a date, its table is what the report shows: a changed row shows up,
// and a date it did not compare is unaffected.
TEST(ReportComparisonModel, TheFilesTableIsWhatIsShown) {
    auto run = comparison_run();
    for (auto& row : run.comparison->metrics) {
        if (row.option == "hire_more" && row.metric == "staff_permanent") row.difference = 99.0;
    }
    const MetricComparison& staff = model_of(run).comparison->metrics[1];
    EXPECT_EQ(staff.at_report_dates[1].options[0].difference, 99.0);  // sample 11
    EXPECT_EQ(staff.at_report_dates[2].options[0].difference, 99.0);  // sample 12
    EXPECT_EQ(staff.at_compared_dates[0].options[0].difference, 99.0);
    EXPECT_DOUBLE_EQ(staff.at_report_dates[0].options[0].difference, 6.5);  // sample 10
    // A target's row likewise; one missing from the file is worked out from the outcomes.
    run.comparison->targets.erase(run.comparison->targets.begin());  // hire_more, permanent_80
    run.comparison->targets.front().difference = -0.75;              // hire_more, few staff
    const ComparisonModel c = *model_of(run).comparison;
    EXPECT_DOUBLE_EQ(c.targets[0][0].difference, 0.25);
    EXPECT_EQ(c.targets[0][0].pairs, 4);
    EXPECT_EQ(c.targets[1][0].difference, -0.75);
}

TEST(ReportComparisonModel, TotalCostAtTheHorizon) {
    const ComparisonModel c = *model_of(comparison_run()).comparison;
    ASSERT_TRUE(c.cost);
    EXPECT_EQ(c.cost->units, "GBP");
    EXPECT_EQ(c.cost->at_horizon.date, "2017-04-01");
    ASSERT_EQ(c.cost->at_horizon.options.size(), 2u);
    const auto& hire = c.cost->at_horizon.options[0];
    EXPECT_DOUBLE_EQ(hire.baseline_mean, 1'027'000);
    EXPECT_DOUBLE_EQ(hire.option_mean, 1'078'500);
    EXPECT_DOUBLE_EQ(hire.difference, 51'500);
    EXPECT_NEAR(hire.ci_low, 51'500 - kT3 * 1000 * std::sqrt(5.0 / 3) / 2, 1e-6);
    EXPECT_DOUBLE_EQ(c.cost->at_horizon.options[1].difference, -20'000);
    // A file without the cost series has no cost part.
    auto run = wfsim::testing::report_run();
    run.comparison = comparison_run().comparison;
    for (auto& option : run.comparison->options) {
        wfsim::output::SeriesTable four(run.series.specs(), 4, 13);
        for (std::size_t m = 0; m < 4; ++m) {
            for (std::size_t r = 0; r < 4; ++r) {
                for (std::size_t t = 0; t < 13; ++t) four.at(m, r, t) = option.series.at(m, r, t);
            }
        }
        option.series = four;
    }
    EXPECT_FALSE(model_of(run).comparison->cost);
}

TEST(ReportComparisonModel, AnOptionWithoutABaselineSeriesOrTargetIsAnError) {
    auto run = comparison_run();
    run.comparison->options[1].targets.pop_back();
    wfsim::testing::expect_error<wfsim::output::OutputError>(
        [&] { (void)model_of(run); }, {"option 'do_less' has no result for target 'few staff'"});
}

TEST(ReportDifferenceFormat, SignsPointsAndWords) {
    EXPECT_EQ(format_signed(0.0156), "+0.0156");
    EXPECT_EQ(format_signed(-756.7), "-757");
    EXPECT_EQ(format_signed(1467724.0), "+1,467,724");
    EXPECT_EQ(format_signed(0.0), "0");
    EXPECT_EQ(format_signed(-0.0), "0");
    EXPECT_EQ(format_signed(std::nan("")), "-");
    EXPECT_EQ(format_points(0.25), "+25 pp");
    EXPECT_EQ(format_points(-0.004), "0 pp");
    EXPECT_EQ(format_points(-0.05), "-5 pp");
    EXPECT_EQ(value_interval(-0.0249, -0.00629), "-0.0249 to -0.00629");
    EXPECT_EQ(value_interval(std::nan(""), std::nan("")), "-");
    EXPECT_EQ(points_interval(-0.5456, 1.0456), "-55 to +105 pp");
    EXPECT_EQ(direction(0.2, 0.1, 0.3, 20), Direction::Higher);
    EXPECT_EQ(direction(-0.2, -0.3, -0.1, 20), Direction::Lower);
    EXPECT_EQ(direction(0.1, -0.1, 0.3, 20), Direction::Unclear);
    EXPECT_EQ(direction(0.0, 0.0, 0.0, 20), Direction::Same);
    EXPECT_EQ(direction(0.5, std::nan(""), std::nan(""), 1), Direction::Unknown);
    EXPECT_EQ(direction_words(Direction::Unclear), "no clear difference");
}

// The baseline's part is the plain report's, word for word, with one line more saying so; the
// options' part follows it. A plain run's report mentions no options.
TEST(ReportComparisonTerminal, TheBaselinesPartIsThePlainReport) {
    auto plain_run = comparison_run();
    plain_run.comparison.reset();
    const std::string plain = text_of(plain_run);
    EXPECT_EQ(plain, text_of(wfsim::testing::report_run()));  // the cost is no key metric
    EXPECT_EQ(plain.find("ption"), std::string::npos);
    const std::string text = text_of(comparison_run());
    const std::size_t heading_end = plain.find('\n', plain.find('\n') + 1) + 1;
    EXPECT_EQ(text.substr(0, heading_end), plain.substr(0, heading_end));
    const std::string said =
        "A comparison of 2 policy options with base (the scenario as written): the tables up to "
        "\"Options compared\" are base's.\n";
    EXPECT_EQ(text.substr(heading_end, said.size()), said);
    const std::string rest = plain.substr(heading_end);
    EXPECT_EQ(text.substr(heading_end + said.size(), rest.size()), rest);
    EXPECT_EQ(text.substr(heading_end + said.size() + rest.size(), 22), "\nOptions compared with");
}

TEST(ReportComparisonTerminal, OptionsWithTheirSettingsAndRandomNumbers) {
    const auto lines = lines_of(text_of(comparison_run()));
    const std::string heading =
        "Options compared with base (the scenario as written), 4 "
        "replications each:";
    EXPECT_EQ(cells(line_after(lines, heading, 1)),
              (std::vector<std::string>{"option", "description and settings"}));
    EXPECT_EQ(cells(line_after(lines, heading, 2)),
              (std::vector<std::string>{"hire_more", "more <posts> & \"fewer\" agency staff"}));
    EXPECT_EQ(cells(line_after(lines, heading, 3)),
              (std::vector<std::string>{"set establishment.social_worker: 330"}));
    EXPECT_EQ(cells(line_after(lines, heading, 4)),
              (std::vector<std::string>{"set recruitment.drive: {}"}));
    EXPECT_EQ(line_after(lines, heading, 5), "do_less");
    EXPECT_EQ(line_after(lines, heading, 6).rfind("The options share random numbers", 0), 0u);
    const std::string independent = text_of(comparison_run(false));
    EXPECT_NE(independent.find("The options do not share random numbers (wfsim compare "
                               "--independent)"),
              std::string::npos);
    EXPECT_EQ(independent.find("The options share"), std::string::npos);
}

TEST(ReportComparisonTerminal, TargetsByOption) {
    const auto lines = lines_of(text_of(comparison_run()));
    const std::string heading =
        "Targets by option, across 4 replications each; vs base: the paired difference in "
        "percentage points (pp):";
    using Row = std::vector<std::string>;
    EXPECT_EQ(cells(line_after(lines, heading, 1)),
              (Row{"target", "option", "P(met)", "95% interval", "median date met", "vs base",
                   "95% interval"}));
    EXPECT_EQ(cells(line_after(lines, heading, 2)),
              (Row{"permanent_80", "base", "75 %", "30 % - 95 %", "2016-11-01"}));
    EXPECT_EQ(
        cells(line_after(lines, heading, 3)),
        (Row{"hire_more", "100 %", "51 % - 100 %", "2016-10-01", "+25 pp", "-55 to +105 pp"}));
    EXPECT_EQ(cells(line_after(lines, heading, 4)),
              (Row{"do_less", "50 %", "15 % - 85 %", "2016-11-01", "-25 pp", "-105 to +55 pp"}));
    EXPECT_EQ(cells(line_after(lines, heading, 5)),
              (Row{"few staff", "base", "0 %", "0 % - 49 %", "never"}));
    EXPECT_EQ(cells(line_after(lines, heading, 6)),
              (Row{"hire_more", "0 %", "0 % - 49 %", "never", "0 pp", "0 to 0 pp"}));
    EXPECT_EQ(cells(line_after(lines, heading, 7)),
              (Row{"do_less", "25 %", "5 % - 70 %", "2016-10-18", "+25 pp", "-55 to +105 pp"}));
    // The option rows leave the target's cell empty: aligned under it, not shifted left.
    EXPECT_EQ(line_after(lines, heading, 3).find("hire_more"),
              line_after(lines, heading, 2).find("base"));
}

TEST(ReportComparisonTerminal, KeyMetricsByOptionAtEachDate) {
    const auto lines = lines_of(text_of(comparison_run()));
    using Row = std::vector<std::string>;
    // 2017-03-31: a compared date (its sample, 2017-03-01, is in the file's table).
    const std::string at =
        "Key metrics by option at 2017-03-31 (the sample of 2017-03-01); vs base: the paired "
        "mean difference:";
    EXPECT_EQ(cells(line_after(lines, at, 1)),
              (Row{"metric", "option", "median", "5%", "95%", "vs base", "95% interval"}));
    EXPECT_EQ(cells(line_after(lines, at, 2)),
              (Row{"agency_share", "base", "0.12", "0.066", "0.174"}));
    EXPECT_EQ(cells(line_after(lines, at, 3)),
              (Row{"hire_more", "0.1", "0.046", "0.154", "-0.02", "-0.02 to -0.02"}));
    EXPECT_EQ(cells(line_after(lines, at, 4))[0], "do_less");
    EXPECT_EQ(cells(line_after(lines, at, 4))[4], "+0.015");
    EXPECT_EQ(cells(line_after(lines, at, 4))[5], "-0.00554 to +0.0355");
    EXPECT_EQ(cells(line_after(lines, at, 5)),
              (Row{"staff_permanent", "base", "141", "114", "168"}));
    EXPECT_EQ(cells(line_after(lines, at, 6)),
              (Row{"hire_more", "148", "119", "176", "+6.5", "+4.45 to +8.55"}));
    EXPECT_EQ(cells(line_after(lines, at, 7)),
              (Row{"do_less", "138", "114", "162", "-3", "-7.11 to +1.11"}));
    EXPECT_EQ(cells(line_after(lines, at, 8)),
              (Row{"turnover_rate_12m", "base", "-", "-", "-", "(0 of 4 replications)"}));
    EXPECT_EQ(cells(line_after(lines, at, 9)),
              (Row{"hire_more", "-", "-", "-", "-", "-", "(0 of 4 replications)"}));
    // 2017-01-31: not compared in the file, the same difference worked out. The median is 146.5,
    // printed to three figures (a tie goes to the even digit, as printf rounds).
    const std::string period =
        "Key metrics by option at 2017-01-31 (the sample of 2017-01-30); vs base: the paired "
        "mean difference:";
    EXPECT_EQ(cells(line_after(lines, period, 6)),
              (Row{"hire_more", "146", "118", "175", "+6.5", "+4.45 to +8.55"}));
    // The horizon: turnover has 3 replications under each.
    const std::string horizon =
        "Key metrics by option at 2017-04-01; vs base: the paired mean difference:";
    EXPECT_EQ(cells(line_after(lines, horizon, 9)),
              (Row{"hire_more", "0.1", "0.091", "0.109", "-0.01", "-0.01 to -0.01",
                   "(3 of 4 replications)"}));
    for (const std::string& line : lines) {
        EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing blanks: '" << line << "'";
    }
}

TEST(ReportComparisonTerminal, TotalCost) {
    const auto lines = lines_of(text_of(comparison_run()));
    const std::string heading =
        "Total cost to 2017-04-01 (cost_cumulative, GBP), mean across replications; vs base: the "
        "paired mean difference:";
    using Row = std::vector<std::string>;
    EXPECT_EQ(cells(line_after(lines, heading, 1)),
              (Row{"option", "mean", "vs base", "95% interval"}));
    EXPECT_EQ(cells(line_after(lines, heading, 2)), (Row{"base", "1,027,000"}));
    EXPECT_EQ(cells(line_after(lines, heading, 3)),
              (Row{"hire_more", "1,078,500", "+51,500", "+49,446 to +53,554"}));
    EXPECT_EQ(cells(line_after(lines, heading, 4)),
              (Row{"do_less", "1,007,000", "-20,000", "-20,000 to -20,000"}));
    EXPECT_EQ(lines.back(), line_after(lines, heading, 4));  // the last table
    // No costs at all: said in one line.
    auto run = comparison_run();
    const std::size_t cost = run.series.index_of("cost_cumulative");
    for (auto* series :
         {&run.series, &run.comparison->options[0].series, &run.comparison->options[1].series}) {
        for (std::size_t r = 0; r < 4; ++r) {
            for (std::size_t t = 0; t < 13; ++t) series->at(cost, r, t) = 0.0;
        }
    }
    run.comparison->metrics.clear();
    EXPECT_NE(text_of(run).find("Total cost to 2017-04-01 (cost_cumulative, GBP), mean across "
                                "replications: 0 in every option (the scenario sets no costs).\n"),
              std::string::npos);
}
