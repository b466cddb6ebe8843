// What a report shows (tools/report/report_selection.hpp): the default metrics and dates, and
// the exact one-line errors for --at and --metrics the run file cannot answer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/hdf5_testing.hpp"
#include "tests/support/report_run.hpp"
#include "tools/report/report_selection.hpp"

using namespace wfsim::report;
using wfsim::testing::report_run;

namespace {

using Strings = std::vector<std::string>;

Strings labels(const ReportSelection& s) {
    Strings out;
    for (const ReportDate& d : s.dates) out.push_back(d.label);
    return out;
}

std::vector<std::size_t> samples(const ReportSelection& s) {
    std::vector<std::size_t> out;
    for (const ReportDate& d : s.dates) out.push_back(d.sample);
    return out;
}

void expect_message(const Strings& at, const Strings& metrics, const std::string& message) {
    const auto run = report_run();
    try {
        select_report(run, at, metrics);
        ADD_FAILURE() << "no error for " << message;
    } catch (const SelectionError& e) {
        EXPECT_EQ(std::string(e.what()), message);
    }
}

}  // namespace

TEST(ReportSelection, DefaultsFromTheTargetsAndTheKeyList) {
    const auto run = report_run();
    const ReportSelection s = select_report(run, {}, {});
    // The targets' metrics in their order, then the key list's that the file has, each once
    // (vacancies is in the file but not in the key list).
    EXPECT_EQ(s.metrics, (Strings{"agency_share", "staff_permanent", "turnover_rate_12m"}));
    // The period's end, the by date and the horizon, in date order.
    EXPECT_EQ(labels(s), (Strings{"2017-01-31", "2017-03-31", "2017-04-01"}));
    // Samples 10, 11, 12 are dated 2017-01-30, 2017-03-01, 2017-04-01.
    EXPECT_EQ(samples(s), (std::vector<std::size_t>{10, 11, 12}));
}

TEST(ReportSelection, AskedDatesAndMetrics) {
    const auto run = report_run();
    const ReportSelection s =
        select_report(run, Strings{"2017-04-01", "2016-04-01", "2016-05-01", "2017-04-01"},
                      Strings{"vacancies", "agency_share", "vacancies"});
    EXPECT_EQ(s.metrics, (Strings{"vacancies", "agency_share"}));  // as asked, each once
    EXPECT_EQ(labels(s), (Strings{"2016-04-01", "2016-05-01", "2017-04-01"}));
    EXPECT_EQ(samples(s), (std::vector<std::size_t>{0, 1, 12}));
    // The day before a sample's date is still the sample before it.
    EXPECT_EQ(select_report(run, Strings{"2016-04-30"}, {}).dates.front().sample, 0u);
}

TEST(ReportSelection, BadDatesAreOneLineErrors) {
    expect_message({"2017-02-30"}, {}, "--at: '2017-02-30' is not a date (expected YYYY-MM-DD)");
    expect_message({"31/03/2017"}, {}, "--at: '31/03/2017' is not a date (expected YYYY-MM-DD)");
    expect_message({"2017-03-31", ""}, {}, "--at: '' is not a date (expected YYYY-MM-DD)");
    expect_message({"2016-03-31"}, {},
                   "--at: 2016-03-31 is outside the run (2016-04-01 to 2017-04-01)");
    expect_message({"2017-04-02"}, {},
                   "--at: 2017-04-02 is outside the run (2016-04-01 to 2017-04-01)");
}

TEST(ReportSelection, UnknownMetricsGetADidYouMean) {
    expect_message({}, {"agency_share", "agency_shar"},
                   "--metrics: unknown metric 'agency_shar' (did you mean 'agency_share'?)");
    expect_message({}, {"Staff_Permanant"},
                   "--metrics: unknown metric 'Staff_Permanant' (did you mean "
                   "'staff_permanent'?)");
    expect_message({}, {"zzz"},
                   "--metrics: unknown metric 'zzz' (expected one of: staff_permanent, "
                   "agency_share, turnover_rate_12m, vacancies)");
}

TEST(ReportSelection, ARunWithoutAStartDateIsNotAReport) {
    auto run = report_run();
    run.meta.start_date = "someday";
    wfsim::testing::expect_error<wfsim::output::OutputError>(
        [&] { select_report(run, {}, {}); }, {"start_date 'someday' is not a date"});
}
