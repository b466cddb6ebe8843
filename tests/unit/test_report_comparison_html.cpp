// A comparison file's page (tools/report/html_options_section.hpp and its charts), for the
// comparison made by hand in tests/support/comparison_run.hpp: the section is there only for a
// comparison and comes after the title; the options with their escaped descriptions and
// settings; whether they shared random numbers; the targets table's cells, shading and words;
// the total cost; an options chart per key metric with a median and band per option, and a
// paired-differences chart whose whiskers span each interval at the height the axis gives it.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "tests/support/comparison_run.hpp"
#include "tests/support/report_parsing.hpp"
#include "tools/report/html_report.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/svg_difference_chart.hpp"
#include "tools/report/svg_option_chart.hpp"

using namespace wfsim::report;
using wfsim::testing::capture;
using wfsim::testing::captures;
using wfsim::testing::comparison_run;
using wfsim::testing::count;
using wfsim::testing::element;
using wfsim::testing::kNaN;
using wfsim::testing::points;

namespace {

ReportModel model_of(const wfsim::output::RunData& run) {
    return build_report_model(run, select_report(run, {}, {}), "hand.h5");
}

std::string page(bool common = true) {
    return html_report(model_of(comparison_run(common)));
}

std::string svg_of(const std::string& html, const std::string& css_class,
                   const std::string& metric) {
    return element(html, "<svg class=\"" + css_class + "\" data-metric=\"" + metric + "\"",
                   "</svg>");
}

// A value axis read back from a chart's tick labels: y = a + b value.
struct Axis {
    double a = 0, b = 0;
    double y(double value) const { return a + b * value; }
};

Axis axis_of(const std::string& svg) {
    const std::string ticks = element(svg, "<g class=\"axis y-axis\">", "</g>");
    const std::vector<std::string> ys =
        captures(ticks, "<text class=\"tick\" x=\"[0-9.]+\" y=\"([-0-9.]+)\"");
    const std::vector<std::string> labels =
        captures(ticks, "<text class=\"tick\"[^>]*>([^<]*)</text>");
    EXPECT_GE(ys.size(), 2u);
    if (ys.size() < 2) return {};
    // A label sits 4 units below its grid line.
    const double y0 = std::stod(ys.front()) - 4, y1 = std::stod(ys.back()) - 4;
    const double v0 = std::stod(labels.front()), v1 = std::stod(labels.back());
    const double b = (y1 - y0) / (v1 - v0);
    return {y0 - b * v0, b};
}

}  // namespace

TEST(ReportComparisonHtml, TheSectionOnlyForAComparisonAfterTheTitle) {
    const ReportModel model = model_of(comparison_run());
    std::vector<std::string> ids;
    for (const HtmlSection& s : run_report_sections(model)) ids.push_back(s.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"run", "options", "targets", "charts", "key-metrics",
                                             "scenario"}));
    const std::string html = html_report(model);
    EXPECT_NE(html.find("<section id=\"options\">\n<h2>Options compared</h2>\n"),
              std::string::npos);
    EXPECT_LT(html.find("<section id=\"options\">"), html.find("<section id=\"targets\">"));
    EXPECT_NE(html.find("<p class=\"run-facts comparison-facts\">A comparison of 2 policy "
                        "options with base (the scenario as written), sharing random numbers."),
              std::string::npos);
    // Its style comes with it: a plain run's page has neither the section nor its rules.
    EXPECT_NE(html.find(".option-metric-charts {"), std::string::npos);
    auto plain_run = comparison_run();
    plain_run.comparison.reset();
    const std::string plain = html_report(model_of(plain_run));
    for (const char* part : {"option", "Option", "comparison", "difference"}) {
        EXPECT_EQ(plain.find(part), std::string::npos) << part;
    }
    // The baseline's sections are the plain page's.
    const auto from = [](const std::string& text) {
        return text.substr(text.find("<section id=\"targets\">"));
    };
    EXPECT_EQ(from(html), from(plain));
}

TEST(ReportComparisonHtml, SelfContained) {
    const std::string html = page();
    for (const char* fetching :
         {"<script", "<link", "<img", "src=", "href=", "url(", "@import", "http:", "https:"}) {
        EXPECT_EQ(html.find(fetching), std::string::npos) << fetching;
    }
}

TEST(ReportComparisonHtml, OptionsWithDescriptionsSettingsAndRandomNumbers) {
    const std::string html = page();
    const std::string hire = capture(html, "<tr data-option=\"hire_more\">(.*?)</tr>");
    EXPECT_NE(hire.find("<code>hire_more</code>"), std::string::npos) << hire;
    EXPECT_NE(hire.find("more &lt;posts&gt; &amp; &quot;fewer&quot; agency staff"),
              std::string::npos);
    EXPECT_NE(hire.find("<ul class=\"settings\"><li><code>establishment.social_worker: "
                        "330</code></li><li><code>recruitment.drive: {}</code></li></ul>"),
              std::string::npos);
    EXPECT_NE(hire.find("<svg class=\"option-key\" data-option=\"hire_more\""), std::string::npos);
    EXPECT_NE(capture(html, "<tr data-option=\"base\">(.*?)</tr>").find("the scenario as written"),
              std::string::npos);
    EXPECT_EQ(count(capture(html, "<tr data-option=\"do_less\">(.*?)</tr>"), "<ul"), 0u);
    EXPECT_NE(html.find("data-common-random-numbers=\"1\">The options share random numbers "
                        "(common random numbers)"),
              std::string::npos);
    const std::string independent = page(false);
    EXPECT_NE(independent.find("data-common-random-numbers=\"0\">The options do "
                               "<strong>not</strong> share random numbers"),
              std::string::npos);
    EXPECT_NE(independent.find("each with its own random numbers"), std::string::npos);
}

TEST(ReportComparisonHtml, TargetsTableAColumnPerOption) {
    const std::string html = page();
    const std::string head = capture(html, "<table class=\"option-targets\"><thead>(.*?)</thead>");
    EXPECT_EQ(captures(head, "<th[^>]*>([^<]*)</th>"),
              (std::vector<std::string>{"Target", "base", "hire_more", "do_less"}));
    const std::string row = capture(html,
                                    "<table class=\"option-targets\">.*?<tr "
                                    "data-target=\"permanent_80\">(.*?)</tr>");
    EXPECT_NE(row.find("<code>agency_share &lt;= 0.2 by 2017-03-31</code>"), std::string::npos);
    EXPECT_NE(row.find(">75 %<span class=\"band\">30 % &ndash; 95 %</span></td>"),
              std::string::npos)
        << row;
    EXPECT_NE(row.find("<td class=\"num diff-none\" data-option=\"hire_more\">100 %<span "
                       "class=\"band\">51 % &ndash; 100 %</span><span class=\"difference\">+25 "
                       "pp</span><span class=\"band\">-55 to +105 pp</span><span "
                       "class=\"verdict\">no clear difference</span></td>"),
              std::string::npos)
        << row;
    EXPECT_NE(row.find("data-option=\"do_less\">50 %"), std::string::npos);
    const std::string never = capture(html,
                                      "<table class=\"option-targets\">.*?<tr "
                                      "data-target=\"few staff\">(.*?)</tr>");
    EXPECT_NE(never.find("<span class=\"verdict\">the same in every replication</span>"),
              std::string::npos);
    // Shading only where the interval is clear of zero, and the words say which way.
    ReportModel model = model_of(comparison_run());
    auto& d = model.comparison->targets[0][0];
    d.difference = 0.3;
    d.ci_low = 0.1;
    d.ci_high = 0.5;
    auto& e = model.comparison->targets[0][1];
    e.difference = -0.3;
    e.ci_low = -0.5;
    e.ci_high = -0.1;
    const std::string shaded = html_report(model);
    EXPECT_NE(shaded.find("<td class=\"num diff-higher\" data-option=\"hire_more\">100 %"),
              std::string::npos);
    EXPECT_NE(shaded.find("<td class=\"num diff-lower\" data-option=\"do_less\">50 %"),
              std::string::npos);
    EXPECT_NE(shaded.find("+30 pp</span><span class=\"band\">+10 to +50 pp</span><span "
                          "class=\"verdict\">higher</span>"),
              std::string::npos);
    EXPECT_NE(shaded.find("<span class=\"verdict\">lower</span>"), std::string::npos);
    EXPECT_NE(shaded.find("td.diff-higher { background:"), std::string::npos);
}

TEST(ReportComparisonHtml, TotalCost) {
    const std::string html = page();
    const std::string table = capture(html, "<table class=\"option-cost\">(.*?)</table>");
    EXPECT_NE(table.find("Mean total, GBP"), std::string::npos);
    const std::string hire = capture(table, "<tr data-option=\"hire_more\">(.*?)</tr>");
    EXPECT_NE(hire.find(">1,078,500<"), std::string::npos) << hire;
    EXPECT_NE(hire.find(">+51,500<span class=\"band\">+49,446 to +53,554</span><"),
              std::string::npos)
        << hire;
    EXPECT_NE(capture(table, "<tr data-option=\"base\">(.*?)</tr>").find(">1,027,000<"),
              std::string::npos);
}

TEST(ReportComparisonHtml, AChartPairPerKeyMetric) {
    const std::string html = page();
    EXPECT_EQ(count(html, "<svg class=\"option-chart\""), 3u);
    EXPECT_EQ(count(html, "<svg class=\"difference-chart\""), 3u);
    const std::vector<std::string> metrics = captures(
        html, "<div class=\"option-metric\" id=\"options-[^\"]*\" data-metric=\"([^\"]*)\"");
    EXPECT_EQ(metrics,
              (std::vector<std::string>{"agency_share", "staff_permanent", "turnover_rate_12m"}));
    const std::string agency = svg_of(html, "option-chart", "agency_share");
    EXPECT_NE(agency.find("data-options=\"3\""), std::string::npos);
    EXPECT_EQ(captures(agency, "<path class=\"option-median\" data-option=\"([^\"]*)\""),
              (std::vector<std::string>{"base", "hire_more", "do_less"}));
    EXPECT_EQ(captures(agency, "<path class=\"option-band\" data-option=\"([^\"]*)\""),
              (std::vector<std::string>{"base", "hire_more", "do_less"}));
    for (const std::string& d :
         captures(agency, "<path class=\"option-median\"[^>]* d=\"([^\"]*)\"")) {
        EXPECT_EQ(points(d).size(), 13u);
    }
    // Each option in its own colour; the baseline's is the fan charts' median colour.
    const auto strokes = captures(agency, "<path class=\"option-median\"[^>]* stroke=\"([^\"]*)\"");
    ASSERT_EQ(strokes.size(), 3u);
    EXPECT_EQ(strokes[0], "#0b3c74");
    EXPECT_NE(strokes[1], strokes[0]);
    EXPECT_NE(strokes[2], strokes[1]);
    EXPECT_NE(strokes[2], strokes[0]);
    // The targets as on the fan charts.
    EXPECT_EQ(count(agency, "<line class=\"target-line\" data-target=\"permanent_80\""), 1u);
    EXPECT_EQ(count(agency, "<line class=\"target-date\""), 1u);
    EXPECT_EQ(count(svg_of(html, "option-chart", "staff_permanent"),
                    "<rect class=\"target-period\" data-target=\"few staff\""),
              1u);
    // A legend naming every option with its key.
    const std::string legend =
        capture(html, "<h3>Key metrics by option</h3>.*?<ul class=\"legend\">(.*?)</ul>");
    EXPECT_EQ(captures(legend, "<svg class=\"option-key\" data-option=\"([^\"]*)\""),
              (std::vector<std::string>{"base", "hire_more", "do_less"}));
}

// hire_more has 5 + r more permanent staff in replication r, do_less 2 r fewer: its median is
// above the baseline's at every sample, do_less's at or below it.
TEST(ReportComparisonHtml, OptionMediansWhereTheirValuesAre) {
    const std::string staff = svg_of(page(), "option-chart", "staff_permanent");
    const auto medians = captures(staff, "<path class=\"option-median\"[^>]* d=\"([^\"]*)\"");
    ASSERT_EQ(medians.size(), 3u);
    const auto base = points(medians[0]), hire = points(medians[1]), less = points(medians[2]);
    ASSERT_EQ(base.size(), 13u);
    const Axis axis = axis_of(staff);
    for (std::size_t t = 0; t < 13; ++t) {
        EXPECT_EQ(hire[t].x, base[t].x);
        EXPECT_LT(hire[t].y, base[t].y);
        EXPECT_GE(less[t].y, base[t].y);
        // base's median is 130 + t (replications 100 + 20 r + t).
        EXPECT_NEAR(base[t].y, axis.y(130.0 + static_cast<double>(t)), 0.11);
    }
}

// The whiskers of the paired differences span ci_low to ci_high at the axis's heights, one per
// option and compared date, the options side by side about their date; the zero line at 0.
TEST(ReportComparisonHtml, DifferenceWhiskersSpanTheirIntervals) {
    const auto difference = [](const std::string& option, double d, double low, double high,
                               std::int64_t pairs) {
        wfsim::output::MetricDifference m;
        m.option = option;
        m.difference = d;
        m.ci_low = low;
        m.ci_high = high;
        m.pairs = pairs;
        return m;
    };
    const std::vector<DifferencesAt> dates = {
        {3,
         "2016-07-01",
         {difference("a", 0.4, 0.1, 0.7, 20), difference("b", -0.2, -0.9, 0.5, 20)}},
        {12,
         "2017-04-01",
         {difference("a", 1.2, 0.8, 1.6, 20), difference("b", kNaN, kNaN, kNaN, 0)}},
        {20, "2017-12-01", {difference("a", 0.3, kNaN, kNaN, 1), difference("b", 0, 0, 0, 20)}},
    };
    const std::string svg = svg_difference_chart("m", "cases", "base", dates);
    EXPECT_NE(svg.find("<svg class=\"difference-chart\" data-metric=\"m\" data-units=\"cases\" "
                       "data-dates=\"3\""),
              std::string::npos);
    const Axis axis = axis_of(svg);
    EXPECT_NEAR(std::stod(capture(svg, "<line class=\"zero-line\"[^>]* y1=\"([-0-9.]+)\"")),
                axis.y(0.0), 0.06);
    struct Whisker {
        std::string option, date;
        double x1, x2, y1, y2;
    };
    std::vector<Whisker> whiskers;
    const std::regex whisker(
        "<line class=\"difference-interval\" data-option=\"([^\"]*)\" data-date=\"([^\"]*)\"[^>]* "
        "x1=\"([-0-9.]+)\" y1=\"([-0-9.]+)\" x2=\"([-0-9.]+)\" y2=\"([-0-9.]+)\"");
    for (std::sregex_iterator it(svg.begin(), svg.end(), whisker), end; it != end; ++it) {
        whiskers.push_back({(*it)[1], (*it)[2], std::stod((*it)[3]), std::stod((*it)[5]),
                            std::stod((*it)[4]), std::stod((*it)[6])});
    }
    // No pairs: nothing; one pair: a marker and no whisker.
    ASSERT_EQ(whiskers.size(), 4u);
    const std::vector<std::pair<double, double>> spans = {
        {0.1, 0.7}, {-0.9, 0.5}, {0.8, 1.6}, {0.0, 0.0}};
    const std::vector<std::string> order = {"a", "b", "a", "b"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(whiskers[i].option, order[i]);
        EXPECT_EQ(whiskers[i].x1, whiskers[i].x2);
        EXPECT_NEAR(whiskers[i].y1, axis.y(spans[i].second), 0.06);  // the top: ci_high
        EXPECT_NEAR(whiskers[i].y2, axis.y(spans[i].first), 0.06);
    }
    EXPECT_EQ(whiskers[0].date, "2016-07-01");
    EXPECT_LT(whiskers[0].x1, whiskers[1].x1);  // side by side
    EXPECT_LT(whiskers[1].x1, whiskers[2].x1);  // and dates in order
    EXPECT_EQ(whiskers[3].date, "2017-12-01");
    const auto markers = captures(svg, "<path class=\"difference-point\" data-option=\"([^\"]*)\"");
    EXPECT_EQ(markers, (std::vector<std::string>{"a", "b", "a", "a", "b"}));
    EXPECT_NE(svg.find("data-option=\"a\" data-date=\"2017-12-01\" data-difference=\"0.3\""),
              std::string::npos);
    EXPECT_EQ(count(svg, "no values"), 0u);  // every date has some option's value
    EXPECT_NE(svg.find(">2017-04-01</text>"), std::string::npos);  // dates along the axis
    EXPECT_NE(svg.find(">difference from base, cases</text>"), std::string::npos);
}

TEST(ReportComparisonHtml, DifferenceChartsOfTheFile) {
    const std::string html = page();
    const std::string staff = svg_of(html, "difference-chart", "staff_permanent");
    EXPECT_NE(staff.find("data-dates=\"2\""), std::string::npos);  // the file's compared dates
    EXPECT_EQ(count(staff, "<line class=\"difference-interval\""), 4u);
    EXPECT_NE(staff.find("data-option=\"hire_more\" data-date=\"2017-03-01\" data-low=\"4.44"),
              std::string::npos);
    // Turnover has values at the horizon only: one date says so.
    const std::string turnover = svg_of(html, "difference-chart", "turnover_rate_12m");
    EXPECT_EQ(count(turnover, "<line class=\"difference-interval\""), 2u);
    EXPECT_EQ(count(turnover, ">no values</text>"), 1u);
}

// Dates too many to label side by side: every other label a line lower, so none touch.
TEST(ReportComparisonHtml, ManyComparedDatesAreStaggered) {
    std::vector<DifferencesAt> dates;
    for (int i = 0; i < 8; ++i) {
        wfsim::output::MetricDifference d;
        d.option = "a";
        d.difference = 1.0;
        d.ci_low = 0.5;
        d.ci_high = 1.5;
        d.pairs = 10;
        dates.push_back(
            {static_cast<std::size_t>(i), "2017-0" + std::to_string(i + 1) + "-01", {d}});
    }
    const auto label_heights = [](const std::string& svg) {
        const std::string x_axis = element(svg, "<g class=\"axis x-axis\">", "</g>");
        return captures(x_axis, "<text class=\"tick\" x=\"[-0-9.]+\" y=\"([-0-9.]+)\"");
    };
    const auto many = label_heights(svg_difference_chart("m", "1", "base", dates));
    ASSERT_EQ(many.size(), 8u);
    for (std::size_t i = 0; i + 1 < many.size(); ++i) {
        EXPECT_NE(many[i], many[i + 1]);
        if (i + 2 < many.size()) {
            EXPECT_EQ(many[i], many[i + 2]);
        }
    }
    dates.resize(6);
    const auto few = label_heights(svg_difference_chart("m", "1", "base", dates));
    ASSERT_EQ(few.size(), 6u);
    for (const std::string& y : few) EXPECT_EQ(y, few.front());
}
