// The HTML report (tools/report/): a self-contained page built from its sections, the
// scenario's text and every name escaped, a fan chart per key metric whose bands hold its
// median and whose target line sits at the target's value, and the atomic write that leaves
// nothing behind when it fails.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "output/run_file.hpp"
#include "tests/support/hdf5_testing.hpp"
#include "tests/support/report_run.hpp"
#include "tests/support/text_files.hpp"
#include "tools/report/html_document.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/html_report.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/svg_fan_chart.hpp"
#include "tools/report/text_file.hpp"

using namespace wfsim::report;
using wfsim::testing::kNaN;
using wfsim::testing::report_run;

using wfsim::testing::count;

namespace {

struct ScratchDir : wfsim::testing::ScratchDir {
    ScratchDir() : wfsim::testing::ScratchDir("wfsim_test_report") {}
};

ReportModel hand_model() {
    const auto run = report_run();
    return build_report_model(run, select_report(run, {}, {}), "hand.h5");
}

// The first capture of `pattern` in `text`, or "" (and a failure).
std::string capture(const std::string& text, const std::string& pattern) {
    std::smatch match;
    if (!std::regex_search(text, match, std::regex(pattern))) {
        ADD_FAILURE() << "no match for " << pattern;
        return "";
    }
    return match[1];
}

struct Point {
    double x, y;
};

// The points of an SVG path's M and L commands.
std::vector<Point> points(const std::string& d) {
    std::vector<Point> out;
    const std::regex point("[ML](-?[0-9.]+),(-?[0-9.]+)");
    for (std::sregex_iterator it(d.begin(), d.end(), point), end; it != end; ++it) {
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
    }
    return out;
}

// The chart of `metric` in a page: from its <svg> to its </svg>.
std::string chart_of(const std::string& html, const std::string& metric) {
    const std::size_t start = html.find("<svg class=\"fan-chart\" data-metric=\"" + metric + "\"");
    if (start == std::string::npos) {
        ADD_FAILURE() << "no chart for " << metric;
        return "";
    }
    return html.substr(start, html.find("</svg>", start) + 6 - start);
}

}  // namespace

TEST(ReportHtml, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(html_escape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(html_escape("plain text: 80 % by 2017"), "plain text: 80 % by 2017");
    EXPECT_EQ(html_escape("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 passes through
}

TEST(ReportHtml, ScenarioTextAndNamesAreEscaped) {
    const std::string html = html_report(hand_model());
    EXPECT_NE(html.find("<pre class=\"scenario\">name: x\n# &lt;script&gt;alert(&#39;x&#39;)"
                        "&lt;/script&gt; &amp; more\n</pre>"),
              std::string::npos);
    EXPECT_NE(html.find("<title>hand-made &lt;service&gt; &amp; &quot;friends&quot; - wfsim "
                        "report</title>"),
              std::string::npos);
    EXPECT_NE(html.find("<h1>hand-made &lt;service&gt; &amp; &quot;friends&quot;</h1>"),
              std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<service>"), std::string::npos);
    // The target name with a blank, in a data attribute.
    EXPECT_NE(html.find("data-target=\"few staff\""), std::string::npos);
}

TEST(ReportHtml, SelfContainedPageForPhonesAndPrint) {
    const std::string html = html_report(hand_model());
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
              std::string::npos);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    for (const char* fetching :
         {"<script", "<link", "<img", "src=", "href=", "url(", "@import", "http:", "https:"}) {
        EXPECT_EQ(html.find(fetching), std::string::npos) << fetching;
    }
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(
        html.find("figure.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }"),
        std::string::npos);
    EXPECT_NE(html.find(".table-scroll { overflow-x: auto;"), std::string::npos);
    EXPECT_EQ(count(html, "<div class=\"table-scroll\"><table"), 2u);  // targets, key metrics
}

TEST(ReportHtml, SectionsInReadingOrder) {
    const ReportModel model = hand_model();
    const std::vector<HtmlSection> sections = run_report_sections(model);
    std::vector<std::string> ids;
    for (const HtmlSection& s : sections) ids.push_back(s.id);
    EXPECT_EQ(ids,
              (std::vector<std::string>{"run", "targets", "charts", "key-metrics", "scenario"}));
    const std::string html = html_report(model);
    std::size_t last = 0;
    for (const std::string& id : ids) {
        const std::size_t at = html.find("<section id=\"" + id + "\">");
        ASSERT_NE(at, std::string::npos) << id;
        EXPECT_GT(at, last) << id;
        last = at;
    }
    // A page of other sections: the frame is the same, whatever the sections are.
    const std::vector<HtmlSection> extra = {sections[0],
                                            {"options", "Options compared", "<p>x</p>"}};
    const std::string page = render_page("t", extra);
    EXPECT_NE(
        page.find("<section id=\"options\">\n<h2>Options compared</h2>\n<p>x</p>\n</section>"),
        std::string::npos);
}

TEST(ReportHtml, TargetsTableRows) {
    const std::string html = html_report(hand_model());
    const std::string row = capture(html, "<tr data-target=\"permanent_80\">(.*?)</tr>");
    EXPECT_NE(row.find("<code>agency_share &lt;= 0.2 by 2017-03-31</code>"), std::string::npos);
    EXPECT_NE(row.find(">75 %<span class=\"band\">30 % &ndash; 95 %</span><"), std::string::npos)
        << row;
    EXPECT_NE(row.find(">3 of 4<"), std::string::npos);
    EXPECT_NE(row.find(">2016-11-01<"), std::string::npos);
    EXPECT_NE(capture(html, "<tr data-target=\"few staff\">(.*?)</tr>").find(">never<"),
              std::string::npos);
}

TEST(ReportHtml, KeyMetricsTable) {
    const std::string html = html_report(hand_model());
    const std::string head = capture(html, "<table class=\"key-metrics\"><thead>(.*?)</thead>");
    EXPECT_NE(head.find("2017-03-31<span class=\"band\">sample 2017-03-01</span>"),
              std::string::npos);
    EXPECT_NE(head.find(">2017-04-01<"), std::string::npos);
    const std::string row = capture(html, "<tr data-metric=\"staff_permanent\">(.*?)</tr>");
    // At 2017-03-31 (sample 11): median 141, 5-95 % 114 to 168.
    EXPECT_NE(row.find("141<span class=\"band\">114 &ndash; 168</span>"), std::string::npos) << row;
    const std::string turnover = capture(html, "<tr data-metric=\"turnover_rate_12m\">(.*?)</tr>");
    EXPECT_NE(turnover.find("<td class=\"num\">-</td>"), std::string::npos) << turnover;
    EXPECT_NE(turnover.find("0.11<span class=\"band\">0.101 &ndash; 0.119</span>"),
              std::string::npos);
}

TEST(ReportHtml, AFanChartPerKeyMetricWithItsTargets) {
    const std::string html = html_report(hand_model());
    EXPECT_EQ(count(html, "<svg class=\"fan-chart\""), 3u);
    const std::string agency = chart_of(html, "agency_share");
    EXPECT_NE(agency.find("viewBox=\"0 0 640 320\""), std::string::npos);
    EXPECT_EQ(points(capture(agency, "<path class=\"median\" d=\"([^\"]*)\"")).size(), 13u);
    EXPECT_EQ(count(agency, "<path class=\"band-90\""), 1u);
    EXPECT_EQ(count(agency, "<path class=\"band-50\""), 1u);
    EXPECT_EQ(count(agency, "<line class=\"target-line\" "), 1u);
    EXPECT_NE(agency.find("data-target=\"permanent_80\" data-value=\"0.2\""), std::string::npos);
    EXPECT_EQ(count(agency, "<line class=\"target-date\" "), 1u);
    EXPECT_EQ(count(agency, "target-period"), 0u);
    EXPECT_NE(agency.find(">share</text>"), std::string::npos);  // units "1"
    // The period target on staff_permanent: shaded, no date line.
    const std::string staff = chart_of(html, "staff_permanent");
    EXPECT_EQ(count(staff, "<rect class=\"target-period\" data-target=\"few staff\""), 1u);
    EXPECT_EQ(count(staff, "target-date"), 0u);
    EXPECT_NE(staff.find(">workers</text>"), std::string::npos);
    // turnover_rate_12m has a value at the last sample only: one point, no line to draw.
    const std::string turnover = chart_of(html, "turnover_rate_12m");
    EXPECT_EQ(points(capture(turnover, "<path class=\"median\" d=\"([^\"]*)\"")).size(), 1u);
    EXPECT_EQ(count(turnover, "target-line"), 0u);
}

// Geometry: x grows with time; the 90 % band holds the 50 % band, which holds the median
// (SVG y grows downwards); a target at the median's value at some sample is drawn at its height.
TEST(ReportHtml, BandsHoldTheMedianAndTheTargetSitsAtItsValue) {
    MetricBands bands{"m", "cases", "", {}, {}, {}, {}, {}, {}};
    std::vector<double> time;
    for (int t = 0; t <= 24; ++t) {
        const double v = 10 + 0.5 * t;
        time.push_back(t * 30.4375);
        bands.p5.push_back(v - 4);
        bands.p25.push_back(v - 1);
        bands.p50.push_back(v);
        bands.p75.push_back(v + 1.5);
        bands.p95.push_back(v + 5);
        bands.count.push_back(20);
    }
    const std::vector<TargetMarker> targets = {{"t", 16.0, 200.0, {}, {}}};  // p50 at t = 12
    const std::string svg = svg_fan_chart(bands, time, {2016, 4, 1}, targets);
    const auto median = points(capture(svg, "<path class=\"median\" d=\"([^\"]*)\""));
    const auto band90 = points(capture(svg, "<path class=\"band-90\" d=\"([^\"]*)\""));
    const auto band50 = points(capture(svg, "<path class=\"band-50\" d=\"([^\"]*)\""));
    ASSERT_EQ(median.size(), 25u);
    ASSERT_EQ(band90.size(), 50u);  // the upper edge forwards, the lower edge back
    ASSERT_EQ(band50.size(), 50u);
    for (std::size_t i = 0; i < 25; ++i) {
        if (i > 0) {
            EXPECT_GT(median[i].x, median[i - 1].x);
            EXPECT_LT(median[i].y, median[i - 1].y);  // rising values go up the page
        }
        const Point upper90 = band90[i], lower90 = band90[49 - i];
        const Point upper50 = band50[i], lower50 = band50[49 - i];
        EXPECT_EQ(upper90.x, median[i].x);
        EXPECT_EQ(lower90.x, median[i].x);
        EXPECT_LT(upper90.y, upper50.y);
        EXPECT_LT(upper50.y, median[i].y);
        EXPECT_LT(median[i].y, lower50.y);
        EXPECT_LT(lower50.y, lower90.y);
    }
    const double target_y = std::stod(capture(svg, "class=\"target-line\"[^>]*y1=\"([0-9.]+)\""));
    EXPECT_NEAR(target_y, median[12].y, 0.11);
    // The target's date: day 200 lies between samples 6 (182.6) and 7 (213.1).
    const double date_x = std::stod(capture(svg, "class=\"target-date\"[^>]*x1=\"([0-9.]+)\""));
    EXPECT_GT(date_x, median[6].x);
    EXPECT_LT(date_x, median[7].x);
}

TEST(ReportHtml, ASeriesWithGapsIsDrawnInPieces) {
    MetricBands bands{"m", "1", "", {}, {}, {}, {}, {}, {}};
    std::vector<double> time;
    for (int t = 0; t < 6; ++t) {
        const double v = t == 2 || t == 3 ? kNaN : 0.5;
        time.push_back(t);
        for (auto* b : {&bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) b->push_back(v);
        bands.count.push_back(t == 2 || t == 3 ? 0 : 3);
    }
    const std::string svg = svg_fan_chart(bands, time, {2016, 4, 1}, {});
    const std::string median = capture(svg, "<path class=\"median\" d=\"([^\"]*)\"");
    EXPECT_EQ(count(median, "M"), 2u);  // samples 0-1 and 4-5
    EXPECT_EQ(count(median, "L"), 2u);
    EXPECT_EQ(count(capture(svg, "<path class=\"band-90\" d=\"([^\"]*)\""), "Z"), 2u);
    // No value at all: no paths, a note instead.
    for (auto* b : {&bands.p5, &bands.p25, &bands.p50, &bands.p75, &bands.p95}) {
        std::fill(b->begin(), b->end(), kNaN);
    }
    const std::string empty = svg_fan_chart(bands, time, {2016, 4, 1}, {});
    EXPECT_EQ(count(empty, "<path"), 0u);
    EXPECT_NE(empty.find("no replication has a value"), std::string::npos);
}

TEST(ReportFile, WrittenWhole) {
    ScratchDir dir;
    const auto path = dir / "report.html";
    write_text_atomically(path, "<p>one</p>");
    write_text_atomically(path, "<p>two</p>");  // replaces
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "<p>two</p>");
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"report.html"}));  // no temporary file
}

TEST(ReportFile, NothingLeftWhenTheWriteFails) {
    ScratchDir dir;
    wfsim::testing::expect_error<wfsim::output::OutputError>(
        [&] { write_text_atomically(dir / "missing/report.html", "<p>x</p>"); },
        {"missing/report.html", "No such file or directory"});
    EXPECT_TRUE(dir.entries().empty());
    // The rename fails onto a directory that holds a file: the temporary file is removed and
    // the directory left as it was.
    std::filesystem::create_directory(dir / "taken");
    std::ofstream(dir / "taken" / "keep.txt") << "keep";
    wfsim::testing::expect_error<wfsim::output::OutputError>(
        [&] { write_text_atomically(dir / "taken", "<p>x</p>"); }, {"taken"});
    EXPECT_EQ(dir.entries(), (std::vector<std::string>{"taken"}));
    EXPECT_TRUE(std::filesystem::exists(dir / "taken" / "keep.txt"));
}
