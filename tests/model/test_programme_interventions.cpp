// Dated interventions on the staff programmes (ASYE, promotion, grade progression, grow your
// own): one that changes nothing changes no number, and a new ASYE length re-times the
// assessments under way from its date.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {
namespace {

BatchResult run(const std::string& yaml) {
    return run_batch(parse_scenario({"p.yaml", yaml}), 2);
}

std::string programmes(const std::string& interventions) {
    return R"(start: 2016-04-01
horizon: 4 years
replications: 6
seed: 5
roles:
  support: { caseload_cap: 0 }
  sw: { caseload_cap: 20 }
  senior: { caseload_cap: 15 }
establishment: { support: 20, sw: 80, senior: 20 }
initial_staff: { permanent: { support: 20, sw: 70, senior: 18 } }
turnover:
  support: { annual_rate: 0.1 }
  sw: { annual_rate: 0.2, asye_annual_rate: 0.3 }
  senior: { annual_rate: 0.12 }
leaving: { notice_period: 1 month }
recruitment: { vacancy_fill_time: { dist: lognormal, median: 4 months, sigma: 0.5 } }
asye:
  role: sw
  outcomes: { pass: 0.8, extend: 0.1, fail: 0.1 }
  extension: { length: 6 months, pass: 0.5, fail: 0.5 }
  intakes: [{ date: 2016-09-01, count: 6, every: 12 months }]
promotion:
  senior: { from: sw, share: 0.5, min_tenure: 1 year }
progression:
  sw: { to: senior, annual_probability: 0.05, review: { first: 2017-04-01 } }
grow_your_own:
  step_up: { kind: step_up, role: sw, cohorts: { first: 2016-06-01, every: 12 months },
             size: 5, length: 14 months, completion_rate: 0.8 }
  apprentices: { kind: apprenticeship, role: sw, from_role: support,
                 cohorts: { first: 2016-06-01 }, size: 4, length: 3 years, completion_rate: 0.7 }
student_placements: { role: sw, per_year: 4, conversion: 0.5, first: 2016-07-01 }
demand:
  referrals_per_year: 900
  initial_open_cases: 1200
  case_duration: { dist: exponential, mean: 8 months }
)" + interventions;
}

TEST(ProgrammeInterventions, ThatChangeNothingChangeNoNumber) {
    const BatchResult plain = run(programmes(""));
    const BatchResult same = run(programmes(R"(interventions:
  - at: 2017-01-01
    set:
      asye.length: 12 months
      asye.protected_caseload.max: 14
      asye.outcomes.pass: 0.8
      promotion.senior.share: 0.5
      progression.sw.annual_probability: 0.05
      grow_your_own.step_up.size: 5
      student_placements.per_year: 4
)"));
    ASSERT_EQ(plain.series.metrics(), same.series.metrics());
    for (std::size_t m = 0; m < plain.series.metrics(); ++m) {
        for (std::size_t rep = 0; rep < plain.series.replications(); ++rep) {
            for (std::size_t t = 0; t < plain.series.samples(); ++t) {
                const double x = plain.series.at(m, rep, t);
                const double y = same.series.at(m, rep, t);
                if (std::isnan(x) && std::isnan(y)) continue;
                ASSERT_EQ(x, y) << plain.series.specs()[m].name << " " << rep << " " << t;
            }
        }
    }
    EXPECT_EQ(same.events, plain.events + 6) << "one intervention event per replication";
    // The programmes did run.
    for (const char* m :
         {"asye_passed", "hires_grow_your_own", "hires_promotion", "progressions", "hires_nqsw"}) {
        double total = 0;
        const std::size_t i = plain.series.index_of(m);
        for (std::size_t rep = 0; rep < plain.series.replications(); ++rep) {
            for (std::size_t t = 0; t < plain.series.samples(); ++t)
                total += plain.series.at(i, rep, t);
        }
        EXPECT_GT(total, 0.0) << m;
    }
}

TEST(ProgrammeInterventions, AShorterAsyeAssessesTheNqswsUnderWayFromItsDate) {
    // On 2017-01-01 (day 275, sample 10) the ASYE becomes 6 months long. The students who
    // joined on 2016-07-01 are past 6 months: they are assessed at once. The 2016-09-01
    // intake is 4 months in: it is assessed 6 x 30.4375 days after it started (day 335.6, in sample
    // 12) instead of a year after.
    const BatchResult r = run(programmes(R"(interventions:
  - at: 2017-01-01
    set: { asye.length: 6 months }
)"));
    const std::size_t outcomes[] = {r.series.index_of("asye_passed"),
                                    r.series.index_of("asye_extended"),
                                    r.series.index_of("asye_failed")};
    const double assessed_on = 153 + 6 * engine::kDaysPerMonth;
    const auto sample = static_cast<std::size_t>(std::ceil(assessed_on / engine::kDaysPerMonth));
    ASSERT_EQ(sample, 12u);
    const std::size_t intervention = 10;
    double before = 0, at_once = 0, then = 0;
    for (std::size_t rep = 0; rep < r.series.replications(); ++rep) {
        for (const std::size_t m : outcomes) {
            for (std::size_t t = 0; t < intervention; ++t) before += r.series.at(m, rep, t);
            at_once += r.series.at(m, rep, intervention);
            then += r.series.at(m, rep, sample);
        }
    }
    EXPECT_EQ(before, 0.0);
    EXPECT_GT(at_once, 0.0);
    EXPECT_GT(then, 3.0 * r.series.replications());  // most of each intake of 6 is assessed
}

}  // namespace
}  // namespace wfsim::model
