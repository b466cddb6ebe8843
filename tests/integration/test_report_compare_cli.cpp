// End to end: wfsim report on a file wfsim compare wrote: the baseline's tables as a plain
// run's report gives them, then the options compared, their numbers against the file's own
// (the stored paired differences at the compared dates, the replications' mean difference at
// another date), the HTML page's option and difference charts, and --independent said as such.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "output/run_file.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/process.hpp"
#include "tests/support/text_files.hpp"

using wfsim::test::run_process;
using wfsim::test::TempDir;

using wfsim::testing::read_text;
using wfsim::testing::count;

namespace {

const std::string kWfsim = WFSIM_BINARY;

// The cells of the first line after `from` whose second cell (after leading blanks) is
// `option`: columns are two or more blanks apart.
std::vector<std::string> option_row(const std::string& text, std::size_t from,
                                    const std::string& option) {
    std::istringstream in(text.substr(from));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> cells;
        std::size_t at = line.find_first_not_of(' ');
        while (at != std::string::npos) {
            const std::size_t gap = line.find("  ", at);
            cells.push_back(line.substr(at, gap == std::string::npos ? gap : gap - at));
            at = gap == std::string::npos ? gap : line.find_first_not_of(' ', gap);
        }
        if (!cells.empty() && cells[0] == option) return cells;
    }
    ADD_FAILURE() << "no row for " << option;
    return {};
}

// The number a cell starts with: "+6.5", "-1,234", "+17 pp".
double number(std::string cell) {
    std::erase(cell, ',');
    return std::stod(cell);
}

// As printed: to three significant figures (half a unit in the third), or whole above 999.5.
void expect_printed(double printed, double value) {
    const double magnitude = std::abs(value);
    const double unit =
        magnitude >= 999.5 ? 1.0 : std::pow(10.0, std::floor(std::log10(magnitude)) - 2);
    EXPECT_NEAR(printed, value, unit * 0.5 + 1e-12) << value;
}

// The core scenario over 2 years with a target and two options, compared with 6 replications.
class ReportCompareCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::string text = wfsim::testing::core_text_over(2);
        text +=
            "targets:\n"
            "  - { name: caseload_15, metric: mean_caseload, op: '<=', value: 15, by: "
            "2017-03-31 }\n"
            "options:\n"
            "  - name: lower_turnover\n"
            "    description: turnover down to 12 % <with> & \"quotes\"\n"
            "    set: { turnover.social_worker.annual_rate: 0.12 }\n"
            "  - { name: more_posts, set: { establishment.social_worker: 330 } }\n";
        scenario = dir.write("options.yaml", text);
        const auto compare =
            run_process(kWfsim + " compare " + scenario + " --replications 6 -q -o " + file());
        ASSERT_EQ(compare.exit_code, 0) << compare.err;
    }
    std::string file() const { return dir.file("compare.h5"); }

    TempDir dir;
    std::string scenario;
};

}  // namespace

// wfsim compare's baseline is `wfsim run`'s result, so its tables are the plain report's.
TEST_F(ReportCompareCli, TheBaselinesTablesAreThePlainRunsReport) {
    const auto plain_run =
        run_process(kWfsim + " run " + scenario + " --replications 6 -q -o " + dir.file("run.h5"));
    ASSERT_EQ(plain_run.exit_code, 0) << plain_run.err;
    const auto plain = run_process(kWfsim + " report " + dir.file("run.h5"));
    const auto compared = run_process(kWfsim + " report " + file());
    ASSERT_EQ(compared.exit_code, 0) << compared.err;
    EXPECT_EQ(compared.err, "");
    EXPECT_EQ(plain.out.find("Options compared"), std::string::npos);
    // After the heading (which names the file) and the line saying what follows.
    const std::string body = plain.out.substr(plain.out.find("\nTargets, across"));
    const std::size_t at = compared.out.find("\nTargets, across");
    EXPECT_EQ(compared.out.substr(at, body.size()), body);
    EXPECT_NE(compared.out.find("A comparison of 2 policy options with base (the scenario as "
                                "written): the tables up to \"Options compared\" are base's.\n"),
              std::string::npos)
        << compared.out;
    EXPECT_EQ(compared.out.substr(at + body.size(), 22), "\nOptions compared with");
}

TEST_F(ReportCompareCli, OptionsTablesAgreeWithTheFile) {
    const auto result = run_process(kWfsim + " report " + file() + " --at 2016-10-01,2017-03-31");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string& out = result.out;
    const std::size_t part = out.find(
        "Options compared with base (the scenario as written), 6 "
        "replications each:");
    ASSERT_NE(part, std::string::npos) << out;
    EXPECT_NE(out.find("lower_turnover  turnover down to 12 % <with> & \"quotes\"", part),
              std::string::npos);
    EXPECT_NE(out.find("set turnover.social_worker.annual_rate: 0.12", part), std::string::npos);
    EXPECT_NE(out.find("set establishment.social_worker: 330", part), std::string::npos);
    EXPECT_NE(out.find("The options share random numbers", part), std::string::npos);

    const auto run = wfsim::output::read_run(file());
    const auto& c = *run.comparison;
    // Targets: each option's chance as judged, and its difference as the file has it.
    const std::size_t targets = out.find("Targets by option", part);
    ASSERT_NE(targets, std::string::npos);
    for (std::size_t o = 0; o < 2; ++o) {
        const auto row = option_row(out, targets, c.options[o].name);
        ASSERT_EQ(row.size(), 6u);  // option, P(met), interval, date met, vs base, interval
        EXPECT_NEAR(number(row[1]), 100 * c.options[o].targets[0].probability, 0.5);
        const auto& d = c.targets[o];
        EXPECT_EQ(d.option, c.options[o].name);
        EXPECT_NEAR(number(row[4]), 100 * d.difference, 0.5);
        EXPECT_EQ(row[4].substr(row[4].size() - 3), " pp");
    }
    // At 2017-03-31, a compared date: the stored row of more_posts' mean caseload.
    const std::size_t judged = out.find("Key metrics by option at 2017-03-31", part);
    ASSERT_NE(judged, std::string::npos);
    const auto stored = std::find_if(c.metrics.begin(), c.metrics.end(), [](const auto& d) {
        return d.option == "more_posts" && d.metric == "mean_caseload" && d.date == "2017-03-01";
    });
    ASSERT_NE(stored, c.metrics.end());
    const auto caseload = option_row(out, out.find("\nmean_caseload ", judged), "more_posts");
    ASSERT_GE(caseload.size(), 6u);
    expect_printed(number(caseload[4]), stored->difference);
    const std::string interval = caseload[5];
    expect_printed(number(interval.substr(0, interval.find(" to "))), stored->ci_low);
    expect_printed(number(interval.substr(interval.find(" to ") + 4)), stored->ci_high);
    // At 2016-10-01, which the file did not compare: the replications' mean difference.
    const std::size_t early = out.find("Key metrics by option at 2016-10-01", part);
    ASSERT_NE(early, std::string::npos);
    const std::size_t m = run.series.index_of("staff_permanent");
    double sum = 0;
    for (std::size_t r = 0; r < 6; ++r) {
        sum += c.options[1].series.at(m, r, 6) - run.series.at(m, r, 6);
    }
    const auto staff = option_row(out, out.find("\nstaff_permanent ", early), "more_posts");
    ASSERT_GE(staff.size(), 6u);
    expect_printed(number(staff[4]), sum / 6);
    // The total cost at the horizon, or the line saying there is none.
    EXPECT_NE(out.find("Total cost to 2018-04-01 (cost_cumulative, ", part), std::string::npos);
}

TEST_F(ReportCompareCli, HtmlPageWithTheOptionsCharts) {
    const std::string page = dir.file("report.html");
    const auto result =
        run_process(kWfsim + " report " + file() +
                    " --metrics mean_caseload,staff_permanent,agency_share --html " + page);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string html = read_text(page);
    EXPECT_NE(html.find("<section id=\"options\">\n<h2>Options compared</h2>"), std::string::npos);
    EXPECT_NE(html.find("data-common-random-numbers=\"1\""), std::string::npos);
    EXPECT_NE(html.find("turnover down to 12 % &lt;with&gt; &amp; &quot;quotes&quot;"),
              std::string::npos);
    EXPECT_EQ(count(html, "<svg class=\"fan-chart\""), 3u);
    EXPECT_EQ(count(html, "<svg class=\"option-chart\""), 3u);
    EXPECT_EQ(count(html, "<svg class=\"difference-chart\""), 3u);
    EXPECT_EQ(count(html, "<path class=\"option-median\""), 9u);  // base and two options each
    // Compared dates: the target's (sample 2017-03-01) and the horizon, two options each.
    EXPECT_EQ(count(html, "<line class=\"difference-interval\""), 3u * 2 * 2);
    EXPECT_EQ(count(html,
                    "<line class=\"difference-interval\" data-option=\"more_posts\" "
                    "data-date=\"2017-03-01\""),
              3u);
    EXPECT_NE(html.find("<line class=\"target-line\" data-target=\"caseload_15\""),
              std::string::npos);
}

TEST_F(ReportCompareCli, IndependentStreamsAreSaid) {
    const std::string independent = dir.file("independent.h5");
    const auto compare = run_process(kWfsim + " compare " + scenario +
                                     " --independent --replications 4 -q -o " + independent);
    ASSERT_EQ(compare.exit_code, 0) << compare.err;
    const std::string page = dir.file("independent.html");
    const auto result = run_process(kWfsim + " report " + independent + " --html " + page);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("The options do not share random numbers (wfsim compare "
                              "--independent)"),
              std::string::npos);
    const std::string html = read_text(page);
    EXPECT_NE(html.find("data-common-random-numbers=\"0\""), std::string::npos);
    EXPECT_EQ(html.find("data-common-random-numbers=\"1\""), std::string::npos);
}
