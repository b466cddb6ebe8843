// Policy options: reading them (exact messages for bad input), their scenarios, and running
// them with common random numbers: identical demand replication by replication, a baseline
// identical to a plain run, and paired differences that vary far less than independent runs'.
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/batch.hpp"
#include "models/metrics/paired_difference.hpp"
#include "models/option_batch.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

using Lines = std::vector<std::string>;

// core.yaml (27 lines) with `options` appended: the first option's first key is on line 29.
std::string core_with_options(const std::string& options) {
    return testing::core_text() + "options:\n" + options;
}

const std::string kTwoOptions =
    "  - name: lower_turnover\n"
    "    description: retention payments bring turnover down to 12 %\n"
    "    set: { turnover.social_worker.annual_rate: 0.12 }\n"
    "  - name: more_posts\n"
    "    set:\n"
    "      establishment.social_worker: 330\n"
    "      recruitment.vacancy_fill_time.median: 2 months\n";

TEST(PolicyOptions, EachOptionIsTheScenarioWithItsSettings) {
    const Scenario s = parse_scenario({"s.yaml", core_with_options(kTwoOptions)});
    ASSERT_EQ(s.options.size(), 2u);
    EXPECT_EQ(s.options[0].name, "lower_turnover");
    EXPECT_EQ(s.options[0].description, "retention payments bring turnover down to 12 %");
    EXPECT_EQ(s.options[1].description, "");
    const Scenario& lower = scenario_under(s, "lower_turnover");
    const Scenario& more = scenario_under(s, "more_posts");
    EXPECT_DOUBLE_EQ(s.turnover.roles[0].annual_rate, 0.15);
    EXPECT_DOUBLE_EQ(lower.turnover.roles[0].annual_rate, 0.12);
    EXPECT_DOUBLE_EQ(more.turnover.roles[0].annual_rate, 0.15);
    EXPECT_EQ(s.staffing.establishment[0], 300);
    EXPECT_EQ(more.staffing.establishment[0], 330);
    EXPECT_EQ(lower.staffing.establishment[0], 300);
    EXPECT_TRUE(lower.options.empty());
    EXPECT_EQ(&scenario_under(s, "base"), &s);
    EXPECT_THROW(scenario_under(s, "lower_turnvoer"), std::out_of_range);
    EXPECT_EQ(option_settings_text(s.source.text, 1),
              (Lines{"establishment.social_worker: 330",
                     "recruitment.vacancy_fill_time.median: 2 months"}));
}

TEST(PolicyOptions, AnOptionMaySetItsOwnDatedChanges) {
    const Scenario s = parse_scenario(
        {"s.yaml", core_with_options("  - name: later_posts\n"
                                     "    set:\n"
                                     "      interventions:\n"
                                     "        - { at: 2018-04-01, set: { establishment.social_worker: 330 } }\n")});
    const Scenario& later = scenario_under(s, "later_posts");
    ASSERT_EQ(later.interventions.size(), 1u);
    EXPECT_EQ(later.interventions[0].scenario->staffing.establishment[0], 330);
    EXPECT_TRUE(s.interventions.empty());
}

TEST(PolicyOptions, BadOptionsAreReportedWithTheirPlace) {
    EXPECT_EQ(testing::scenario_problems(core_with_options(
                  "  - { name: base, set: { seed: 3 } }\n"
                  "  - { name: b c, set: { turnover.social_worker.annual_rat: 0.1 } }\n"
                  "  - { name: x, set: { roles.manager: { caseload_cap: 0 } } }\n"
                  "  - { name: x, set: { establishment.social_worker: -4 } }\n"
                  "  - { name: y }\n")),
              (Lines{"s.yaml:29:13: error: options[0].name: 'base' is the scenario as written; "
                     "choose another name",
                     "s.yaml:29:26: error: options[0].set.seed: an option cannot change this; set "
                     "seed in the scenario itself",
                     "s.yaml:30:13: error: options[1].name: must be letters, digits and '_' (it "
                     "names HDF5 groups)",
                     "s.yaml:30:25: error: turnover.social_worker.annual_rat: unknown key "
                     "'annual_rat' (did you mean 'annual_rate'?) (set by options[1])",
                     "s.yaml:31:21: error: options[2].set: an option cannot change the roles (the "
                     "options' runs are compared series by series)",
                     "s.yaml:32:13: error: options[3].name: option 'x' is declared twice",
                     "s.yaml:32:52: error: establishment.social_worker: must be between 0 and "
                     "100000 (got -4) (set by options[3])",
                     "s.yaml:33:5: error: options[4].set: missing required key"}));
}

// Under common random numbers the option that changes turnover sees exactly the baseline's
// referrals in every replication (demand has a stream of its own); with its own seed it does
// not. And the baseline of a comparison is exactly a plain run of the scenario.
TEST(OptionRuns, CommonRandomNumbersGiveEveryOptionTheSameDemand) {
    Scenario s = parse_scenario({"s.yaml", testing::replaced(core_with_options(kTwoOptions),
                                                             "horizon: 10 years", "horizon: 2 years")});
    s.replications = 6;
    const std::vector<std::string> names{"base", "lower_turnover"};
    const std::vector<BatchResult> common = run_options(s, names, 2, OptionStreams::Common);
    const std::vector<BatchResult> independent =
        run_options(s, names, 2, OptionStreams::Independent);
    const BatchResult plain = run_batch(s, 1);
    const std::size_t referrals = plain.series.index_of("referrals");
    const std::size_t leavers = plain.series.index_of("leavers");
    for (std::size_t r = 0; r < s.replications; ++r) {
        const auto row = [&](const BatchResult& b, std::size_t m) {
            const auto span = b.series.row(m, r);
            return std::vector<double>(span.begin(), span.end());
        };
        EXPECT_EQ(row(common[0], referrals), row(plain, referrals)) << "replication " << r;
        EXPECT_EQ(row(common[0], leavers), row(plain, leavers)) << "replication " << r;
        EXPECT_EQ(row(common[1], referrals), row(common[0], referrals)) << "replication " << r;
        EXPECT_NE(row(common[1], leavers), row(common[0], leavers)) << "replication " << r;
        EXPECT_EQ(row(independent[0], referrals), row(common[0], referrals)) << "replication " << r;
        EXPECT_NE(row(independent[1], referrals), row(common[0], referrals)) << "replication " << r;
    }
    EXPECT_EQ(option_seed(42, 0, OptionStreams::Independent), 42u);
    EXPECT_NE(option_seed(42, 1, OptionStreams::Independent), 42u);
    EXPECT_EQ(option_seed(42, 1, OptionStreams::Common), 42u);
}

// The point of pairing: the variance of an option's difference from the baseline is far
// smaller under common random numbers than between independent runs. The option lowers
// turnover, which leaves demand alone: open cases are identical pair by pair; the mean caseload
// at the horizon and the leavers over the whole run (each role's k-th starter draws the k-th
// number of its stream in every option, so the initial staff's leaving clocks pair exactly)
// vary about a tenth as much. With n = 200 pairs the log of a ratio of two sample variances
// has a standard error of about sqrt(2/199 + 2/199) = 0.14, so requiring the ratio below 1/2
// (log -0.69) while it measures about 0.1 (log -2.3) leaves over 10 standard errors.
TEST(OptionRuns, CommonRandomNumbersShrinkTheVarianceOfDifferences) {
    Scenario s = parse_scenario({"s.yaml", testing::replaced(core_with_options(kTwoOptions),
                                                             "horizon: 10 years", "horizon: 3 years")});
    s.replications = 200;
    const std::vector<std::string> names{"base", "lower_turnover"};
    const std::vector<BatchResult> common = run_options(s, names, 2, OptionStreams::Common);
    const std::vector<BatchResult> independent =
        run_options(s, names, 2, OptionStreams::Independent);
    // The metric at the horizon, or (total) summed over every sample.
    const auto difference_variance = [&](const std::vector<BatchResult>& runs, const char* metric,
                                         bool total = false) {
        const std::size_t m = runs[0].series.index_of(metric);
        const std::size_t samples = runs[0].series.samples();
        std::vector<double> base, option;
        for (std::size_t r = 0; r < s.replications; ++r) {
            const auto value = [&](const BatchResult& run) {
                const auto row = run.series.row(m, r);
                return total ? std::accumulate(row.begin() + 1, row.end(), 0.0) : row[samples - 1];
            };
            base.push_back(value(runs[0]));
            option.push_back(value(runs[1]));
        }
        const PairedDifference d = paired_difference(base, option);
        EXPECT_EQ(d.pairs, 200);
        return d.sd * d.sd;
    };
    const double caseload = difference_variance(common, "mean_caseload") /
                            difference_variance(independent, "mean_caseload");
    const double leavers = difference_variance(common, "leavers", true) /
                           difference_variance(independent, "leavers", true);
    EXPECT_LT(caseload, 0.5);
    EXPECT_LT(leavers, 0.5);
    std::printf("variance of paired differences, common / independent: mean caseload at the "
                "horizon %.3f, leavers over the run %.3f\n",
                caseload, leavers);
    EXPECT_EQ(difference_variance(common, "open_cases"), 0.0);
    EXPECT_GT(difference_variance(independent, "open_cases"), 0.0);
}

}  // namespace
}  // namespace wfsim::model
