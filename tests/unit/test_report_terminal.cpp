// The report's terminal text (tools/report/terminal_report.hpp) for a run made by hand: the
// targets table's rows (condition in words, probability and interval, replications that met
// the target and their median date, "never") and the key metrics at each default date.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/report_parsing.hpp"
#include "tests/support/report_run.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/terminal_report.hpp"

using namespace wfsim::report;
using wfsim::testing::cells;
using wfsim::testing::line_after;
using wfsim::testing::lines_of;
using wfsim::testing::report_run;

namespace {

std::string report_text() {
    const auto run = report_run();
    return terminal_report(build_report_model(run, select_report(run, {}, {}), "hand.h5"));
}

}  // namespace

TEST(ReportTerminal, Heading) {
    const auto lines = lines_of(report_text());
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lines[0], "hand-made <service> & \"friends\"");
    EXPECT_EQ(lines[1],
              "2016-04-01 to 2017-04-01, sampled monthly; 4 replications, seed 7, wfsim 0.1.0 "
              "(hand.h5)");
}

TEST(ReportTerminal, TargetRowsWithTheirMedianDateMet) {
    const auto lines = lines_of(report_text());
    const std::string header = line_after(lines, "Targets, across 4 replications:", 1);
    EXPECT_EQ(cells(header),
              (std::vector<std::string>{"target", "condition", "P(met)", "95% interval", "met in",
                                        "median date met"}));
    const std::string met = line_after(lines, "Targets, across 4 replications:", 2);
    EXPECT_EQ(cells(met),
              (std::vector<std::string>{"permanent_80", "agency_share <= 0.2 by 2017-03-31", "75 %",
                                        "30 % - 95 %", "3 of 4", "2016-11-01"}));
    const std::string never = line_after(lines, "Targets, across 4 replications:", 3);
    EXPECT_EQ(cells(never),
              (std::vector<std::string>{"few staff",
                                        "staff_permanent <= 50 throughout 2016-10-01 to 2017-01-31",
                                        "0 %", "0 % - 49 %", "0 of 4", "never"}));
    // Numbers are right-aligned under their headings.
    EXPECT_EQ(header.find("P(met)") + 6, met.find("75 %") + 4);
    EXPECT_EQ(header.size(), met.size());
    EXPECT_EQ(header.size(), never.size());
}

// Default dates: the period's end (2017-01-31), the by date (2017-03-31) and the horizon; each
// at the last sample on or before it. Sample 11 is dated 2017-03-01, sample 12 2017-04-01.
TEST(ReportTerminal, KeyMetricsAtEachDate) {
    const auto lines = lines_of(report_text());
    const std::string at =
        "Key metrics at 2017-03-31 (the sample of 2017-03-01), across "
        "replications:";
    EXPECT_EQ(cells(line_after(lines, at, 1)),
              (std::vector<std::string>{"metric", "units", "median", "5%", "95%"}));
    // The targets' metrics first, then the key list's that the file has.
    EXPECT_EQ(cells(line_after(lines, at, 2)),
              (std::vector<std::string>{"agency_share", "share", "0.12", "0.066", "0.174"}));
    EXPECT_EQ(cells(line_after(lines, at, 3)),
              (std::vector<std::string>{"staff_permanent", "workers", "141", "114", "168"}));
    EXPECT_EQ(cells(line_after(lines, at, 4)),
              (std::vector<std::string>{"turnover_rate_12m", "per year", "-", "-", "-",
                                        "(0 of 4 replications)"}));
    const std::string horizon = "Key metrics at 2017-04-01, across replications:";
    EXPECT_EQ(cells(line_after(lines, horizon, 3)),
              (std::vector<std::string>{"staff_permanent", "workers", "142", "115", "169"}));
    EXPECT_EQ(cells(line_after(lines, horizon, 4)),
              (std::vector<std::string>{"turnover_rate_12m", "per year", "0.11", "0.101", "0.119",
                                        "(3 of 4 replications)"}));
    EXPECT_NE(report_text().find("Key metrics at 2017-01-31 (the sample of 2017-01-30)"),
              std::string::npos);
    for (const std::string& line : lines) {
        EXPECT_TRUE(line.empty() || line.back() != ' ') << "trailing blanks: '" << line << "'";
    }
}

TEST(ReportTerminal, NoTargets) {
    auto run = report_run();
    run.targets.clear();
    const std::string text =
        terminal_report(build_report_model(run, select_report(run, {}, {}), "hand.h5"));
    EXPECT_NE(text.find("The scenario sets no targets."), std::string::npos) << text;
    // Only the horizon then; the key list's metrics the file has.
    EXPECT_NE(text.find("Key metrics at 2017-04-01, across replications:"), std::string::npos);
    EXPECT_EQ(text.find("Key metrics at 2017-03-31"), std::string::npos);
    EXPECT_EQ(text.find("agency_share <="), std::string::npos);
}
