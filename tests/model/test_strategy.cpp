// The shipped strategy example (scenarios/strategy.yaml), which uses every lever of the staff
// pipeline: it runs, its books balance at every sample, and every mistake a user could make in
// one of its levers is explained at the right line and key.
#include <cmath>
#include <fstream>
#include <numeric>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"
#include "output/record_table.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

std::string strategy_text() {
    std::ifstream in(WFSIM_SOURCE_DIR "/scenarios/strategy.yaml");
    EXPECT_TRUE(in) << "cannot open scenarios/strategy.yaml";
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Funded posts at time t: the file's, then each intervention's from its date.
int establishment_at(const Scenario& s, double t) {
    const Scenario* current = &s;
    for (const Intervention& i : s.interventions) {
        if (i.at_days <= t) current = i.scenario.get();
    }
    const auto& posts = current->staffing.establishment;
    return std::accumulate(posts.begin(), posts.end(), 0);
}

TEST(StrategyExample, RunsAndItsBooksBalanceAtEverySample) {
    Scenario s = parse_scenario({"strategy.yaml", strategy_text()});
    s.replications = 4;
    const BatchResult r = run_batch(s, 2);
    const auto& series = r.series;
    const auto at = [&](const std::string& metric, std::size_t rep, std::size_t k) {
        return series.at(series.index_of(metric), rep, k);
    };
    int max_cap = 0;
    for (const Role& role : s.roles.all()) max_cap = std::max(max_cap, role.caseload_cap);
    double hires = 0.0;
    double absence = 0.0;
    double conversions = 0.0;
    for (std::size_t rep = 0; rep < s.replications; ++rep) {
        double cumulative = 0.0;
        for (std::size_t k = 0; k < r.times.size(); ++k) {
            const std::string where = "replication " + std::to_string(rep) + " sample " +
                                      std::to_string(k);
            double by_role = 0.0;
            for (const std::string& role : s.roles.names()) {
                by_role += at("staff_permanent." + role, rep, k);
            }
            ASSERT_EQ(at("staff_permanent", rep, k), by_role) << where;
            // Every post is held or vacant; staff above establishment wait in the pool, and
            // posts being cut stay while their holders do (never counted as vacancies).
            const double in_post = at("staff_permanent", rep, k) - at("staff_in_pool", rep, k);
            ASSERT_GE(in_post + at("vacancies", rep, k), establishment_at(s, r.times[k])) << where;
            ASSERT_EQ(at("open_cases", rep, k),
                      at("allocated_cases", rep, k) + at("unallocated_cases", rep, k))
                << where;
            ASSERT_LE(at("max_caseload", rep, k), max_cap) << where;
            const double cost = at("cost_permanent_staff", rep, k) +
                                at("cost_agency_staff", rep, k) +
                                at("cost_recruitment", rep, k) + at("cost_retention", rep, k) +
                                at("cost_training", rep, k);
            ASSERT_NEAR(at("cost_total", rep, k), cost, 1e-6 * (1.0 + cost)) << where;
            cumulative += cost;
            ASSERT_NEAR(at("cost_cumulative", rep, k), cumulative, 1e-6 * cumulative) << where;
            hires += at("hires", rep, k);
            absence += at("staff_absent", rep, k);
            conversions += at("agency_conversions", rep, k);
        }
    }
    // The levers are live, not just parsed.
    EXPECT_GT(hires, 0.0);
    EXPECT_GT(absence, 0.0);
    EXPECT_GT(conversions, 0.0);
}

// The event log accounts for every ASYE assessment and every promotion the series count.
TEST(StrategyExample, EventLogAccountsForAssessmentsAndMoves) {
    Scenario s = parse_scenario({"strategy.yaml", strategy_text()});
    s.replications = 3;
    const BatchResult r = run_batch(s, 2, {}, /*log_events=*/true);
    ASSERT_TRUE(r.event_log.has_value());
    const output::RecordTable& log = *r.event_log;
    const auto reps = log.uint32s(log.index_of("replication"));
    const std::size_t event = log.index_of("event");
    const std::size_t route = log.index_of("route");
    for (std::uint32_t rep = 0; rep < 3; ++rep) {
        const auto series_sum = [&](const std::string& metric) {
            double total = 0.0;
            for (std::size_t k = 0; k < r.series.samples(); ++k) {
                total += r.series.at(r.series.index_of(metric), rep, k);
            }
            return total;
        };
        const auto rows = [&](const std::string& kind, const std::string& by_route = "") {
            double n = 0.0;
            for (std::size_t row = 0; row < log.rows(); ++row) {
                if (reps[row] != rep || log.label(event, row) != kind) continue;
                if (!by_route.empty() && log.label(route, row) != by_route) continue;
                ++n;
            }
            return n;
        };
        EXPECT_EQ(rows("asye_passed"), series_sum("asye_passed"));
        EXPECT_EQ(rows("asye_extended"), series_sum("asye_extended"));
        EXPECT_EQ(rows("asye_failed"), series_sum("asye_failed"));
        EXPECT_EQ(rows("moved", "promotion"), series_sum("hires_promotion"));
        EXPECT_GT(rows("asye_passed"), 0.0);
        EXPECT_GT(rows("moved", "promotion"), 0.0);
    }
}

// Every lever of the example, mistyped: the error names the file, line, column and key path,
// says what is wrong and, for a misspelling, what was meant; interventions' mistakes name the
// intervention. (The program prints these lines and exits 2.)
struct Mistake {
    const char* what;
    const char* from;  // text of strategy.yaml to replace ...
    const char* to;    // ... with this
    std::vector<std::string> expected;
};

void PrintTo(const Mistake& m, std::ostream* out) {
    *out << m.what;
}

std::vector<std::string> problems(const std::string& yaml) {
    return testing::scenario_problems(yaml);
}

class StrategyMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(StrategyMistake, IsExplainedAtItsLineAndKey) {
    const Mistake& m = GetParam();
    std::string text = strategy_text();
    const auto at = text.find(m.from);
    ASSERT_NE(at, std::string::npos) << m.what;
    ASSERT_EQ(text.find(m.from, at + 1), std::string::npos) << m.what << ": not unique";
    text.replace(at, std::string(m.from).size(), m.to);
    EXPECT_EQ(problems(text), m.expected) << m.what;
}

// clang-format off
const Mistake kMistakes[] = {
    {"asye outcomes not adding to 1",
     "outcomes: { pass: 0.92, extend: 0.05, fail: 0.03 }",
     "outcomes: { pass: 0.92, extend: 0.05, fail: 0.13 }",
     {"s.yaml:125:13: error: asye.outcomes: shares must add up to 1 (got 1.1)"}},
    {"asye role unknown",
     "  role: social_worker\n  length: 12 months",
     "  role: social_wroker\n  length: 12 months",
     {"s.yaml:121:9: error: asye.role: role 'social_wroker' is not declared in roles (did you mean 'social_worker'?)"}},
    {"misspelt asye key",
     "  development_time: 0.1",
     "  developmnt_time: 0.1",
     {"s.yaml:124:3: error: asye.developmnt_time: unknown key 'developmnt_time' (did you mean 'development_time'?)"}},
    {"gyo kind",
     "    kind: frontline",
     "    kind: frontlin",
     {"s.yaml:143:11: error: grow_your_own.frontline.kind: unknown value 'frontlin' (did you mean 'frontline'?)"}},
    {"gyo completion rate",
     "    completion_rate: 0.85",
     "    completion_rate: 85",
     {"s.yaml:140:22: error: grow_your_own.step_up.completion_rate: must be between 0 and 1 (got 85)"}},
    {"promotion to itself",
     "  senior_social_worker: { from: social_worker, share: 0.5, min_tenure: 2 years }",
     "  senior_social_worker: { from: senior_social_worker, share: 0.5, min_tenure: 2 years }",
     {"s.yaml:169:33: error: promotion.senior_social_worker.from: a role cannot be promoted into itself"}},
    {"progression unknown role",
     "    to: senior_social_worker",
     "    to: senior_worker",
     {"s.yaml:175:9: error: progression.social_worker.to: role 'senior_worker' is not declared in roles (did you mean 'social_worker'?)"}},
    {"campaign trigger rate",
     "trigger: { vacancy_rate_above: 0.15",
     "trigger: { vacancy_rate_above: 1.5",
     {"s.yaml:111:38: error: recruitment.campaigns.seniors.trigger.vacancy_rate_above: must be between 0 and 1 (got 1.5)"}},
    {"retention clawback unit",
     "      clawback: 12 months",
     "      clawback: 12 moths",
     {"s.yaml:72:17: error: retention.payments.two_year.clawback: unknown duration unit 'moths' (did you mean 'months'?)"}},
    {"supplement role",
     "    social_worker: { amount: 2000, hazard_multiplier",
     "    social_workers: { amount: 2000, hazard_multiplier",
     {"s.yaml:77:21: error: retention.supplements.social_workers: role 'social_workers' is not declared in roles (did you mean 'social_worker'?)"}},
    {"absence days lost",
     "    days_lost_rate: 0.048",
     "    days_lost_rate: 4.8",
     {"s.yaml:197:21: error: absence.sickness.days_lost_rate: must be between 0 and 0.5 (got 4.8)"}},
    {"agency max share",
     "  max_share: 0.40",
     "  max_share: 40",
     {"s.yaml:185:14: error: agency.max_share: must be between 0 and 1 (got 40)"}},
    {"costs salary role",
     "    practice_manager: 55000",
     "    practice_manger: 55000",
     {"s.yaml:210:22: error: costs.salary.practice_manger: role 'practice_manger' is not declared in roles (did you mean 'practice_manager'?)"}},
    {"tenure shares",
     "    - { under: 15 years, share: 0.38 }",
     "    - { under: 15 years, share: 0.48 }",
     {"s.yaml:43:5: error: initial_staff.tenure: shares must add up to 1 (got 1.1)"}},
    {"intervention path",
     "      establishment.practice_manager: 17",
     "      establishment.practice_manager: -3",
     {"s.yaml:231:39: error: establishment.practice_manager: must be between 0 and 100000 (got -3) (set by interventions[0])"}},
    {"intervention fixed",
     "      demand.referrals_per_year: 3300",
     "      seed: 3",
     {"s.yaml:235:7: error: interventions[1].set.seed: cannot change during a run; set seed in the scenario itself"}},
    {"intervention unknown",
     "        cooling_off: 3 months",
     "        cooling_of: 3 months",
     {"s.yaml:243:9: error: agency.rules_2024.cooling_of: unknown key 'cooling_of' (did you mean 'cooling_off'?) (set by interventions[2])"}}

};
// clang-format on

INSTANTIATE_TEST_SUITE_P(EveryLever, StrategyMistake, ::testing::ValuesIn(kMistakes));

}  // namespace
}  // namespace wfsim::model
