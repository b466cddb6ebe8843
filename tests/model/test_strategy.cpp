// The shipped strategy example (scenarios/strategy.yaml), which uses every lever of the staff
// pipeline: it runs, its books balance at every sample, and every mistake a user could make in
// one of its levers is explained at the right line and key.
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"

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

}  // namespace
}  // namespace wfsim::model
