// End to end: the wfsim program as a user runs it, and the HDF5 file it leaves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/run_file.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/process.hpp"
#include "tests/support/text_files.hpp"

using wfsim::test::run_process;
using wfsim::test::TempDir;

using wfsim::testing::read_text;

namespace {

const std::string kWfsim = WFSIM_BINARY;
const std::string kCore = std::string(WFSIM_SOURCE_DIR) + "/scenarios/core.yaml";

// The core scenario shortened to `years`, for fast end-to-end runs.
std::string short_core(const TempDir& dir, int years) {
    return dir.write("short.yaml", wfsim::testing::core_text_over(years));
}

bool same_bits(const wfsim::output::SeriesTable& a, const wfsim::output::SeriesTable& b,
               std::size_t reps) {
    for (std::size_t m = 0; m < a.metrics(); ++m) {
        for (std::size_t r = 0; r < reps; ++r) {
            const auto x = a.row(m, r);
            const auto y = b.row(m, r);
            if (x.size() != y.size() ||
                std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) != 0) {
                return false;
            }
        }
    }
    return true;
}

}  // namespace

TEST(Cli, VersionAndHelp) {
    const auto version = run_process(kWfsim + " --version");
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_NE(version.out.find("wfsim 0."), std::string::npos) << version.out;
    const auto help = run_process(kWfsim + " --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("run"), std::string::npos);
    EXPECT_NE(help.out.find("validate"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(run_process(kWfsim).exit_code, 2);
    EXPECT_EQ(run_process(kWfsim + " run").exit_code, 2);
    EXPECT_EQ(run_process(kWfsim + " frobnicate").exit_code, 2);
    EXPECT_EQ(run_process(kWfsim + " run " + kCore + " --replications 0").exit_code, 2);
    EXPECT_EQ(run_process(kWfsim + " run " + kCore + " --seed -1").exit_code, 2);
    EXPECT_EQ(run_process(kWfsim + " run " + kCore + " --threads x").exit_code, 2);
}

TEST(Cli, RunsTheCoreScenarioAndWritesTheSeries) {
    TempDir dir;
    const std::string out = dir.file("core.h5");
    const auto result =
        run_process(kWfsim + " run " + short_core(dir, 2) + " --replications 3 -o " + out);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("mean_caseload"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("5%"), std::string::npos);

    const wfsim::output::RunData run = wfsim::output::read_run(out);
    EXPECT_EQ(run.series.replications(), 3u);
    ASSERT_EQ(run.time.size(), 25u);  // 0, 1, ..., 24 months
    EXPECT_EQ(run.time[1], 30.4375);
    EXPECT_EQ(run.time.back(), 2 * 365.25);
    EXPECT_EQ(run.date.front(), "2016-04-01");
    EXPECT_EQ(run.date[1], "2016-05-01");
    EXPECT_EQ(run.meta.seed, 42u);
    EXPECT_EQ(run.meta.scenario_name, "core example");
    EXPECT_EQ(run.meta.scenario_yaml, read_text(short_core(dir, 2)));
    EXPECT_EQ(run.meta.start_date, "2016-04-01");
    for (const char* metric :
         {"staff_permanent", "staff_agency", "vacancies", "vacancy_rate", "agency_share",
          "starters", "leavers", "turnover_rate_12m", "referrals", "closed_cases", "open_cases",
          "allocated_cases", "unallocated_cases", "mean_caseload", "max_caseload",
          "share_open_cases_3plus_workers"}) {
        EXPECT_NO_THROW(run.series.index_of(metric)) << metric;
    }
    // Time 0 is the scenario's starting state.
    const auto at0 = [&](const char* m) { return run.series.at(run.series.index_of(m), 0, 0); };
    EXPECT_EQ(at0("staff_permanent"), 280);
    EXPECT_EQ(at0("staff_agency"), 10);
    EXPECT_EQ(at0("vacancies"), 20);
    // No leftovers beside the output.
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        (void)entry;
        ++files;
    }
    EXPECT_EQ(files, 2u);  // short.yaml and core.h5
}

// Targets: judged from the series the file holds, listed in the summary.
TEST(Cli, RunJudgesTheScenariosTargetsIntoTheFileAndSummary) {
    TempDir dir;
    const std::string out = dir.file("targets.h5");
    const std::string scenario = dir.write(
        "targets.yaml",
        read_text(short_core(dir, 2)) +
            "targets:\n"
            "  - { name: caseload by March 2017, metric: mean_caseload, op: '<=', value: 14.2, "
            "by: 2017-03-31 }\n"
            "  - { metric: mean_caseload, op: '>=', value: 1e9, for: 3 months }\n");
    const auto result = run_process(kWfsim + " run " + scenario + " --replications 6 -o " + out);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Targets, across replications:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("caseload by March 2017"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("mean_caseload >= 1000000000"), std::string::npos) << result.out;

    const wfsim::output::RunData run = wfsim::output::read_run(out);
    ASSERT_EQ(run.targets.size(), 2u);
    const auto& by = run.targets[0];
    EXPECT_EQ(by.kind, "by");
    EXPECT_EQ(by.by, "2017-03-31");
    // 2017-03-31 is 364 days in: the last sample at or before it is month 11 (334.8 days).
    // 14.2 lies among the replications' caseloads then (13.9 to 14.4 with seed 42), so both
    // outcomes are checked.
    const std::size_t m = run.series.index_of("mean_caseload");
    std::size_t met = 0;
    ASSERT_EQ(by.met.size(), 6u);
    for (std::size_t r = 0; r < 6; ++r) {
        EXPECT_EQ(by.met[r], run.series.at(m, r, 11) <= 14.2 ? 1 : 0) << r;
        met += by.met[r];
    }
    EXPECT_EQ(by.probability, static_cast<double>(met) / 6.0);
    EXPECT_LE(by.ci_low, by.probability);
    EXPECT_GE(by.ci_high, by.probability);
    const auto& never = run.targets[1];
    EXPECT_EQ(never.kind, "for");
    EXPECT_EQ(never.probability, 0.0);
    EXPECT_EQ(never.ci_low, 0.0);
    for (const double first : never.first_met_days) EXPECT_TRUE(std::isnan(first));
}

// wfsim compare: the baseline is exactly `wfsim run`'s result, each option is stored beside it
// and the comparison rows are the paired differences of the stored series.
TEST(Cli, CompareRunsTheOptionsBesideTheBaselineAndPairsThem) {
    TempDir dir;
    const std::string scenario = dir.write(
        "options.yaml",
        read_text(short_core(dir, 2)) +
            "targets:\n"
            "  - { name: caseload, metric: mean_caseload, op: '<=', value: 14.2, by: 2017-03-31 }\n"
            "options:\n"
            "  - name: lower_turnover\n"
            "    description: turnover down to 12 %\n"
            "    set: { turnover.social_worker.annual_rate: 0.12 }\n"
            "  - { name: more_posts, set: { establishment.social_worker: 330 } }\n");
    const std::string out = dir.file("compare.h5");
    const auto result =
        run_process(kWfsim + " compare " + scenario + " --replications 6 -q -o " + out);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Targets: chance of meeting each"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("more_posts"), std::string::npos) << result.out;
    const auto plain = run_process(kWfsim + " run " + scenario + " --replications 6 -q -o " +
                                   dir.file("plain.h5"));
    ASSERT_EQ(plain.exit_code, 0) << plain.err;

    const wfsim::output::RunData run = wfsim::output::read_run(out);
    const wfsim::output::RunData base = wfsim::output::read_run(dir.file("plain.h5"));
    const std::size_t m = run.series.index_of("mean_caseload");
    for (std::size_t r = 0; r < 6; ++r) {
        const auto a = run.series.row(m, r), b = base.series.row(m, r);
        EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin())) << "replication " << r;
    }
    ASSERT_TRUE(run.comparison.has_value());
    const auto& c = *run.comparison;
    ASSERT_EQ(c.options.size(), 2u);
    EXPECT_EQ(c.options[0].name, "lower_turnover");
    EXPECT_EQ(c.options[0].description, "turnover down to 12 %");
    EXPECT_EQ(c.options[1].settings, std::vector<std::string>{"establishment.social_worker: 330"});
    // The row of more_posts' mean caseload at the target's date (sample 11, as in the targets
    // test) is the mean of the stored pairs' differences.
    const auto row = std::find_if(c.metrics.begin(), c.metrics.end(), [](const auto& d) {
        return d.option == "more_posts" && d.metric == "mean_caseload" && d.time_days < 340;
    });
    ASSERT_NE(row, c.metrics.end());
    double sum = 0;
    for (std::size_t r = 0; r < 6; ++r) {
        sum += c.options[1].series.at(m, r, 11) - run.series.at(m, r, 11);
    }
    EXPECT_DOUBLE_EQ(row->difference, sum / 6);
    EXPECT_LT(row->difference, 0.0);  // 10 % more posts, lower caseloads
    EXPECT_LT(row->ci_high, 0.0);
    ASSERT_EQ(c.targets.size(), 2u);

    // Only the options asked for; and bad requests exit 2 with one line.
    const auto one = run_process(kWfsim + " compare " + scenario +
                                 " --options more_posts --replications 2 -q -o " +
                                 dir.file("one.h5"));
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(wfsim::output::read_run(dir.file("one.h5")).comparison->options.size(), 1u);
    const auto unknown = run_process(kWfsim + " compare " + scenario +
                                     " --options more_post -q -o " + dir.file("bad.h5"));
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err, scenario + ": error: --options: option 'more_post' is not declared in "
                                      "options (did you mean 'more_posts'?)\n");
    const auto none = run_process(kWfsim + " compare " + short_core(dir, 2) + " -q -o " +
                                  dir.file("bad.h5"));
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_NE(none.err.find("the scenario declares no policy options"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("bad.h5")));
}

TEST(Cli, ResultsDoNotDependOnThreadCount) {
    TempDir dir;
    const std::string scenario = short_core(dir, 2);
    const auto one = run_process(kWfsim + " run " + scenario +
                                 " --replications 4 --threads 1 -q -o " + dir.file("t1.h5"));
    const auto two = run_process(kWfsim + " run " + scenario +
                                 " --replications 4 --threads 2 -q -o " + dir.file("t2.h5"));
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(two.exit_code, 0) << two.err;
    const auto a = wfsim::output::read_run(dir.file("t1.h5"));
    const auto b = wfsim::output::read_run(dir.file("t2.h5"));
    EXPECT_TRUE(same_bits(a.series, b.series, 4));
}

// The event log is written only when asked for; it accounts for every start and leaver in
// the series, and it is the same whatever the thread count.
TEST(Cli, EventsFlagWritesAnAuditLogThatMatchesTheSeries) {
    TempDir dir;
    const std::string scenario = short_core(dir, 2);
    const auto plain = run_process(kWfsim + " run " + scenario + " --replications 3 -q -o " +
                                   dir.file("plain.h5"));
    const auto one = run_process(kWfsim + " run " + scenario +
                                 " --replications 3 --threads 1 --events -q -o " +
                                 dir.file("e1.h5"));
    const auto two = run_process(kWfsim + " run " + scenario +
                                 " --replications 3 --threads 2 --events -q -o " +
                                 dir.file("e2.h5"));
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_FALSE(wfsim::output::read_run(dir.file("plain.h5")).events.has_value());
    const auto a = wfsim::output::read_run(dir.file("e1.h5"));
    const auto b = wfsim::output::read_run(dir.file("e2.h5"));
    ASSERT_TRUE(a.events.has_value());
    ASSERT_TRUE(b.events.has_value());
    const wfsim::output::RecordTable& log = *a.events;
    ASSERT_EQ(log.rows(), b.events->rows());
    const auto rep = log.uint32s(log.index_of("replication"));
    const auto time = log.float64s(log.index_of("time"));
    EXPECT_TRUE(std::equal(rep.begin(), rep.end(), b.events->uint32s(0).begin()));
    EXPECT_TRUE(std::equal(time.begin(), time.end(), b.events->float64s(1).begin()));

    const std::size_t event = log.index_of("event");
    const std::size_t contract = log.index_of("contract");
    const std::size_t destination = log.index_of("destination");
    for (std::uint32_t r = 0; r < 3; ++r) {
        double starters = 0.0;
        double leavers = 0.0;
        const std::size_t s = a.series.index_of("starters");
        const std::size_t l = a.series.index_of("leavers");
        for (std::size_t t = 1; t < a.series.samples(); ++t) {
            starters += a.series.at(s, r, t);
            leavers += a.series.at(l, r, t);
        }
        double logged_starters = 0.0;
        double logged_leavers = 0.0;
        for (std::size_t row = 0; row < log.rows(); ++row) {
            if (rep[row] != r || log.label(contract, row) != "permanent") continue;
            if (log.label(event, row) == "permanent_start" && time[row] > 0.0) ++logged_starters;
            const std::string& to = log.label(destination, row);
            if (log.label(event, row) == "departure" &&
                (to == "left_sector" || to == "agency" || to == "other_authority")) {
                ++logged_leavers;
            }
        }
        EXPECT_EQ(logged_starters, starters) << "replication " << r;
        EXPECT_EQ(logged_leavers, leavers) << "replication " << r;
        EXPECT_GT(leavers, 0.0);
    }
}

TEST(Cli, MoreReplicationsLeaveTheFirstOnesUnchanged) {
    TempDir dir;
    const std::string scenario = short_core(dir, 2);
    ASSERT_EQ(
        run_process(kWfsim + " run " + scenario + " --replications 3 -q -o " + dir.file("a.h5"))
            .exit_code,
        0);
    ASSERT_EQ(
        run_process(kWfsim + " run " + scenario + " --replications 6 -q -o " + dir.file("b.h5"))
            .exit_code,
        0);
    const auto a = wfsim::output::read_run(dir.file("a.h5"));
    const auto b = wfsim::output::read_run(dir.file("b.h5"));
    EXPECT_TRUE(same_bits(a.series, b.series, 3));
    // ... and a different seed changes them.
    ASSERT_EQ(run_process(kWfsim + " run " + scenario + " --replications 3 --seed 7 -q -o " +
                          dir.file("c.h5"))
                  .exit_code,
              0);
    EXPECT_FALSE(same_bits(a.series, wfsim::output::read_run(dir.file("c.h5")).series, 3));
}

TEST(Cli, InvalidScenarioExitsTwoWithPreciseErrorsAndNoOutput) {
    TempDir dir;
    std::string text = read_text(kCore);
    text.replace(text.find("annual_rate: 0.15"), 17, "annual_rate: -0.15");
    text.replace(text.find("cover_vacancies"), 15, "cover_vacancy");
    const std::string scenario = dir.write("bad.yaml", text);
    const auto result = run_process(kWfsim + " run " + scenario + " -o " + dir.file("bad.h5"));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find(scenario + ":15:33: error: turnover.social_worker.annual_rate: "),
              std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find(scenario + ":19:3: error: agency.cover_vacancy: unknown key "
                                         "'cover_vacancy' (did you mean 'cover_vacancies'?)"),
              std::string::npos)
        << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("bad.h5")));

    const auto validate = run_process(kWfsim + " validate " + scenario);
    EXPECT_EQ(validate.exit_code, 2);
    EXPECT_EQ(validate.err, result.err);
}

TEST(Cli, ValidateAcceptsTheShippedScenario) {
    const auto result = run_process(kWfsim + " validate " + kCore);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("valid"), std::string::npos);
}

// Every scenario shipped in scenarios/ validates and runs its whole horizon through the program
// (two replications each); the studies there validate (and are swept by test_sweep_cli).
TEST(Cli, EveryShippedScenarioValidatesAndRuns) {
    TempDir dir;
    int scenarios = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(WFSIM_SOURCE_DIR) + "/scenarios")) {
        if (entry.path().extension() != ".yaml") continue;
        const std::string file = entry.path().string();
        const auto validate = run_process(kWfsim + " validate " + file);
        EXPECT_EQ(validate.exit_code, 0) << file << "\n" << validate.err;
        if (validate.out.find("valid study") != std::string::npos) continue;
        ++scenarios;
        const std::string out = dir.file(entry.path().stem().string() + ".h5");
        const auto run = run_process(kWfsim + " run " + file + " --replications 2 -q -o " + out);
        EXPECT_EQ(run.exit_code, 0) << file << "\n" << run.err;
        EXPECT_TRUE(std::filesystem::exists(out)) << file;
    }
    EXPECT_GE(scenarios, 5);  // core, strategy and the three councils at least
}

TEST(Cli, MissingScenarioExitsTwo) {
    const auto result = run_process(kWfsim + " run /nonexistent/scenario.yaml");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("/nonexistent/scenario.yaml"), std::string::npos) << result.err;
}

TEST(Cli, UnwritableOutputExitsOneAndLeavesNothing) {
    TempDir dir;
    const auto result = run_process(kWfsim + " run " + short_core(dir, 1) +
                                    " --replications 1 -q -o " + dir.file("missing/out.h5"));
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("missing/out.h5"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("missing")));
}

TEST(Cli, ShippedReferenceMatchesTheProgram) {
    // scenarios/REFERENCE.md and STUDY_REFERENCE.md are generated; regenerate with:
    // wfsim reference > scenarios/REFERENCE.md
    // wfsim reference --study > scenarios/STUDY_REFERENCE.md
    const auto result = run_process(kWfsim + " reference");
    ASSERT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out, read_text(std::string(WFSIM_SOURCE_DIR) + "/scenarios/REFERENCE.md"));
    const auto study = run_process(kWfsim + " reference --study");
    ASSERT_EQ(study.exit_code, 0);
    EXPECT_EQ(study.out,
              read_text(std::string(WFSIM_SOURCE_DIR) + "/scenarios/STUDY_REFERENCE.md"));
}

TEST(Cli, StudyReferenceListsEveryStudyKey) {
    const auto result = run_process(kWfsim + " reference --study");
    ASSERT_EQ(result.exit_code, 0);
    for (const char* key :
         {"`scenario`", "`seed`", "`replications`", "`design`", "`samples`", "`streams`",
          "`options`", "`parameters[].path`", "`parameters[].values`", "`parameters[].from`",
          "`parameters[].to`", "`parameters[].step`", "`parameters[].min`", "`parameters[].max`",
          "`parameters[].log`", "`parameters[].integer`"}) {
        EXPECT_NE(result.out.find(key), std::string::npos) << key;
    }
}

TEST(Cli, ReferenceListsEveryCoreKey) {
    const auto result = run_process(kWfsim + " reference");
    ASSERT_EQ(result.exit_code, 0);
    for (const char* key :
         {"horizon", "output_interval", "caseload_cap", "annual_rate", "vacancy_fill_time",
          "cover_vacancies", "fill_time", "assignment", "referrals_per_year", "initial_open_cases",
          "case_duration", "policy"}) {
        EXPECT_NE(result.out.find(key), std::string::npos) << key;
    }
}
