// End to end: wfsim report on a file wfsim run wrote, as a user runs it: the terminal tables
// against the file's own numbers, the HTML page, and every input problem as one line with exit
// code 2 and no page written.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/calendar.hpp"
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

// The core scenario over 2 years with two targets, run with 6 replications into dir/run.h5.
class ReportCli : public ::testing::Test {
protected:
    void SetUp() override {
        std::string text = wfsim::testing::core_text_over(2);
        text +=
            "targets:\n"
            "  - { name: agency_5, metric: agency_share, op: '<=', value: 0.05, "
            "by: 2017-03-31 }\n"
            "  - { metric: mean_caseload, op: '<=', value: 15, from: 2017-04-01, "
            "to: 2018-03-31, hold: average }\n";
        const std::string scenario = dir.write("targets.yaml", text);
        const auto run =
            run_process(kWfsim + " run " + scenario + " --replications 6 -q -o " + run_file());
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    std::string run_file() const { return dir.file("run.h5"); }

    TempDir dir;
};

}  // namespace

TEST_F(ReportCli, TerminalTablesAgreeWithTheFile) {
    const auto result = run_process(kWfsim + " report " + run_file());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "");
    const std::string& out = result.out;
    EXPECT_NE(out.find("core example\n2016-04-01 to 2018-04-01, sampled monthly; 6 "
                       "replications, seed 42"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("agency_share <= 0.05 by 2017-03-31"), std::string::npos) << out;
    EXPECT_NE(out.find("mean_caseload <= 15 on average over 2017-04-01 to 2018-03-31"),
              std::string::npos);
    // The median date met, worked out here from the file's own outcomes.
    const auto run = wfsim::output::read_run(run_file());
    ASSERT_EQ(run.targets.size(), 2u);
    for (const auto& target : run.targets) {
        std::vector<double> days;
        for (std::size_t r = 0; r < target.met.size(); ++r) {
            if (target.met[r]) days.push_back(target.first_met_days[r]);
        }
        std::sort(days.begin(), days.end());
        const std::string expected = days.empty()
                                         ? "never"
                                         : wfsim::engine::format_iso_date(wfsim::engine::date_at(
                                               {2016, 4, 1}, days[(days.size() - 1) / 2]));
        const std::string row_start = target.name + "  ";
        const std::size_t row = out.find(row_start);
        ASSERT_NE(row, std::string::npos) << target.name << "\n" << out;
        const std::string line = out.substr(row, out.find('\n', row) - row);
        EXPECT_NE(line.find(std::to_string(days.size()) + " of 6"), std::string::npos) << line;
        EXPECT_EQ(line.substr(line.size() - expected.size()), expected) << line;
    }
    // Key metrics at the by date, the period's end and the horizon.
    EXPECT_NE(out.find("Key metrics at 2017-03-31 (the sample of 2017-03-01)"), std::string::npos);
    EXPECT_NE(out.find("Key metrics at 2018-03-31 (the sample of 2018-03-02)"), std::string::npos);
    EXPECT_NE(out.find("Key metrics at 2018-04-01, across replications:"), std::string::npos);
    // The median of staff_permanent at the horizon, from the file.
    const std::size_t m = run.series.index_of("staff_permanent");
    std::vector<double> staff;
    for (std::size_t r = 0; r < 6; ++r) staff.push_back(run.series.at(m, r, 24));
    std::sort(staff.begin(), staff.end());
    const double median = (staff[2] + staff[3]) / 2;
    const std::size_t horizon = out.find("Key metrics at 2018-04-01");
    const std::size_t row = out.find("staff_permanent ", horizon);
    std::istringstream line(out.substr(row, out.find('\n', row) - row));
    std::string name, units;
    double printed = 0.0;
    line >> name >> units >> printed;
    EXPECT_EQ(units, "workers");
    EXPECT_NEAR(printed, median, 0.5);  // three significant figures of a number in hundreds
}

TEST_F(ReportCli, HtmlPageWithAChartPerKeyMetric) {
    const std::string page = dir.file("report.html");
    const auto result = run_process(kWfsim + " report " + run_file() +
                                    " --metrics agency_share,mean_caseload,staff_agency --at "
                                    "2016-10-01,2017-10-01 --html " +
                                    page);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.err, "wfsim: wrote " + page + "\n");
    EXPECT_NE(result.out.find("Key metrics at 2016-10-01"), std::string::npos);
    EXPECT_EQ(result.out.find("Key metrics at 2017-03-31"), std::string::npos);
    const std::string html = read_text(page);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_EQ(count(html, "<svg class=\"fan-chart\""), 3u);
    for (const char* metric : {"agency_share", "mean_caseload", "staff_agency"}) {
        EXPECT_NE(html.find(std::string("data-metric=\"") + metric + "\""), std::string::npos);
    }
    EXPECT_NE(html.find("<line class=\"target-line\" data-target=\"agency_5\""), std::string::npos);
    EXPECT_NE(html.find("<rect class=\"target-period\" data-target=\"mean_caseload &lt;= 15\""),
              std::string::npos);
    EXPECT_NE(html.find("<pre class=\"scenario\">name: core example"), std::string::npos);
    // Nothing else beside the page: no temporary file.
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"report.html", "run.h5", "targets.yaml"}));
}

TEST_F(ReportCli, BadDatesAndMetricsExitTwoWithOneLine) {
    const std::string page = dir.file("report.html");
    const auto date =
        run_process(kWfsim + " report " + run_file() + " --at 2017-02-30 --html " + page);
    EXPECT_EQ(date.exit_code, 2);
    EXPECT_EQ(date.err, "wfsim: error: --at: '2017-02-30' is not a date (expected YYYY-MM-DD)\n");
    EXPECT_EQ(date.out, "");
    const auto outside = run_process(kWfsim + " report " + run_file() + " --at 2019-01-01");
    EXPECT_EQ(outside.exit_code, 2);
    EXPECT_EQ(outside.err,
              "wfsim: error: --at: 2019-01-01 is outside the run (2016-04-01 to 2018-04-01)\n");
    const auto metric = run_process(kWfsim + " report " + run_file() +
                                    " --metrics agency_share,mean_casload --html " + page);
    EXPECT_EQ(metric.exit_code, 2);
    EXPECT_EQ(metric.err,
              "wfsim: error: --metrics: unknown metric 'mean_casload' (did you mean "
              "'mean_caseload'?)\n");
    EXPECT_FALSE(std::filesystem::exists(page));
}

TEST_F(ReportCli, MissingOrForeignFilesExitTwoNamingThePath) {
    const auto missing = run_process(kWfsim + " report " + dir.file("none.h5"));
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err,
              "wfsim: error: cannot read " + dir.file("none.h5") + ": No such file or directory\n");
    const std::string text = dir.write("notes.h5", "not a run\n");
    const auto foreign = run_process(kWfsim + " report " + text);
    EXPECT_EQ(foreign.exit_code, 2);
    EXPECT_EQ(foreign.err, "wfsim: error: cannot read " + text + ": not an HDF5 file\n");
    EXPECT_EQ(run_process(kWfsim + " report").exit_code, 2);  // no file: usage
}

TEST_F(ReportCli, UnwritablePageExitsOneAndLeavesNothing) {
    const auto result =
        run_process(kWfsim + " report " + run_file() + " --html " + dir.file("missing/r.html"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err, "wfsim: error: cannot create " + dir.file("missing/r.html") +
                              ": No such file or directory\n");
    EXPECT_FALSE(std::filesystem::exists(dir.file("missing")));
}
