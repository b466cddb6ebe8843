// Worker changes, waits for a first worker and the caseload distribution, against cases whose
// answers are known exactly.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {
namespace {

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"m.yaml", yaml}), 1);
}

double at(const BatchResult& r, const std::string& metric, std::size_t sample,
          std::size_t rep = 0) {
    return r.series.at(r.series.index_of(metric), rep, sample);
}

TEST(CaseMetrics, CasesWaitUntilTheFirstWorkerArrives) {
    // Ten cases and no staff until the one post is filled, exactly a month in.
    const BatchResult r = run(R"(start: 2016-04-01
horizon: 3 months
replications: 1
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 1 }
initial_staff: {}
recruitment: { vacancy_fill_time: 1 month }
demand: { referrals_per_year: 0, initial_open_cases: 10, case_duration: 10 years }
)");
    EXPECT_TRUE(std::isnan(at(r, "mean_days_to_allocation", 0)));  // nobody allocated at 0
    EXPECT_EQ(at(r, "mean_days_to_allocation", 1), engine::kDaysPerMonth);
    EXPECT_TRUE(std::isnan(at(r, "mean_days_to_allocation", 2)));  // nothing new
    EXPECT_EQ(at(r, "caseload_p50", 1), 10.0);
    EXPECT_EQ(at(r, "caseload_10_to_15_share", 1), 1.0);
}

std::string spread(int cases) {
    return R"(start: 2016-04-01
horizon: 1 month
replications: 1
roles: { social_worker: { caseload_cap: 30 } }
establishment: { social_worker: 10 }
initial_staff: { permanent: { social_worker: 10 } }
demand: { referrals_per_year: 0, case_duration: 10 years, initial_open_cases: )" +
           std::to_string(cases) + "}\n";
}

TEST(CaseMetrics, CaseloadPercentilesAndCensusBands) {
    // Least-loaded allocation spreads 125 cases over 10 staff as five 13s and five 12s:
    // nearest-rank p10 and p50 are 12 (ranks 1 and 5), p90 is 13 (rank 9).
    const BatchResult r = run(spread(125));
    EXPECT_EQ(at(r, "caseload_p10", 0), 12.0);
    EXPECT_EQ(at(r, "caseload_p50", 0), 12.0);
    EXPECT_EQ(at(r, "caseload_p90", 0), 13.0);
    EXPECT_EQ(at(r, "caseload_10_to_15_share", 0), 1.0);
    EXPECT_EQ(at(r, "caseload_under_5_share", 0), 0.0);
    // 45 cases: five 5s and five 4s, half in each of the census's two lowest bands.
    const BatchResult low = run(spread(45));
    EXPECT_EQ(at(low, "caseload_under_5_share", 0), 0.5);
    EXPECT_EQ(at(low, "caseload_5_to_10_share", 0), 0.5);
    EXPECT_EQ(at(low, "caseload_p90", 0), 5.0);
    // 250: all at 25, the top band.
    EXPECT_EQ(at(run(spread(250)), "caseload_25_plus_share", 0), 1.0);
}

// Without turnover every case closes with the worker it started with; with it, pathways
// lengthen, and only then do some have more than 3 workers.
TEST(CaseMetrics, WorkersOverAClosedCasesPathway) {
    const std::string base = R"(start: 2016-04-01
horizon: 3 years
output_interval: 12 months
replications: 1
seed: 3
roles: { social_worker: { caseload_cap: 20 } }
establishment: { social_worker: 50 }
initial_staff: { permanent: { social_worker: 50 } }
recruitment: { vacancy_fill_time: 2 weeks }
demand: { referrals_per_year: 1500, initial_open_cases: 600, case_duration: { dist: exponential, mean: 9 months } }
)";
    const BatchResult steady = run(base);
    const BatchResult churn = run(base + "turnover: { social_worker: { annual_rate: 1.5 } }\n");
    for (std::size_t k = 1; k <= 3; ++k) {
        EXPECT_EQ(at(steady, "mean_workers_per_closed_case", k), 1.0);
        EXPECT_EQ(at(steady, "closed_cases_more_than_3_workers_share", k), 0.0);
        EXPECT_GT(at(churn, "mean_workers_per_closed_case", k), 1.5);
        EXPECT_GT(at(churn, "closed_cases_more_than_3_workers_share", k), 0.0);
    }
}

}  // namespace
}  // namespace wfsim::model
