// Every class of bad scenario input, judged by the exact lines the user sees: the file, line,
// column and key path, and what is wrong. Each case mutates the shipped core scenario in one
// place, so a message that drifts to another key or line fails here.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/diagnostics.hpp"
#include "models/config/source.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/scenario_problems.hpp"

namespace wfsim::model {
namespace {

using Lines = std::vector<std::string>;

using testing::core_text;

// The core scenario with the one occurrence of `from` replaced by `to`.
std::string core_with(const std::string& from, const std::string& to) {
    return testing::replaced(core_text(), from, to);
}

Lines problems(const std::string& yaml) {
    return testing::scenario_problems(yaml);
}

struct BadInput {
    const char* what;
    const char* from;  // text of core.yaml to replace ...
    const char* to;    // ... with this
    Lines expected;
};

// Failures name the case rather than dumping its bytes.
void PrintTo(const BadInput& c, std::ostream* out) {
    *out << c.what;
}

class BadScenario : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadScenario, IsRejectedWithExactlyTheseLines) {
    const BadInput& c = GetParam();
    EXPECT_EQ(problems(core_with(c.from, c.to)), c.expected) << c.what;
}

// clang-format off
const BadInput kBadInputs[] = {
    {"unknown top-level key", "seed: 42\n", "seed: 42\nsed: 1\n",
     {"s.yaml:6:1: error: sed: unknown key 'sed' (did you mean 'seed'?)"}},
    {"unknown nested key", "  policy: least_loaded\n", "  policy: least_loaded\n  polcy: x\n",
     {"s.yaml:28:3: error: allocation.polcy: unknown key 'polcy' (did you mean 'policy'?)"}},
    {"text where a number belongs", "referrals_per_year: 10000", "referrals_per_year: many",
     {"s.yaml:23:23: error: demand.referrals_per_year: expected a number (got 'many')"}},
    {"negative rate", "annual_rate: 0.15", "annual_rate: -0.15",
     {"s.yaml:15:33: error: turnover.social_worker.annual_rate: must be between 0 and 100 (got -0.15)"}},
    {"lognormal sigma of zero", "sigma: 0.6", "sigma: 0",
     {"s.yaml:17:66: error: recruitment.vacancy_fill_time.sigma: must be greater than 0 (got 0)"}},
    {"fractional caseload cap", "caseload_cap: 20 ", "caseload_cap: 20.5 ",
     {"s.yaml:8:34: error: roles.social_worker.caseload_cap: must be a whole number (got 20.5)"}},
    {"NaN", "referrals_per_year: 10000", "referrals_per_year: .nan",
     {"s.yaml:23:23: error: demand.referrals_per_year: must be a finite number (got .nan)"}},
    {"infinity", "referrals_per_year: 10000", "referrals_per_year: .inf",
     {"s.yaml:23:23: error: demand.referrals_per_year: must be a finite number (got .inf)"}},
    {"horizon over 200 years", "horizon: 10 years", "horizon: 201 years",
     {"s.yaml:3:10: error: horizon: must be greater than 0 days and at most 73050 days (got 201 years)"}},
    {"zero replications", "replications: 20", "replications: 0",
     {"s.yaml:6:15: error: replications: must be between 1 and 100000 (got 0)"}},
    {"fractional seed", "seed: 42", "seed: 4.2",
     {"s.yaml:5:7: error: seed: must be a whole number (got 4.2)"}},
    {"unknown duration unit", "mean: 2 weeks", "mean: 2 fortnights",
     {"s.yaml:20:42: error: agency.fill_time.mean: unknown duration unit 'fortnights' (expected one "
      "of: day, days, week, weeks, month, months, year, years)"}},
    {"unknown distribution", "dist: exponential, mean: 6 months }\ndemand",
     "dist: weibull, mean: 6 months }\ndemand",
     {"s.yaml:21:23: error: agency.assignment.dist: unknown value 'weibull' (expected one of: "
      "fixed, exponential, lognormal, gamma, uniform)"}},
    {"impossible date", "start: 2016-04-01", "start: 2016-02-30",
     {"s.yaml:2:8: error: start: not a valid date, expected YYYY-MM-DD (got 2016-02-30)"}},
    {"undeclared role", "permanent: { social_worker: 280 }", "permanent: { social_wrker: 280 }",
     {"s.yaml:12:30: error: initial_staff.permanent.social_wrker: role 'social_wrker' is not "
      "declared in roles (did you mean 'social_worker'?)"}},
    {"more permanent staff than posts", "social_worker: 280", "social_worker: 301",
     {"s.yaml:12:31: error: initial_staff.permanent.social_worker: more permanent staff than posts "
      "(got 301, establishment 300)"}},
    {"more agency staff than vacancies", "social_worker: 10", "social_worker: 21",
     {"s.yaml:13:31: error: initial_staff.agency.social_worker: more agency staff than vacancies "
      "to cover (got 21, vacancies 20)"}},
    {"agency cover without an assignment length",
     "  assignment: { dist: exponential, mean: 6 months }\n", "",
     {"s.yaml:19:3: error: agency.assignment: required when cover_vacancies is yes",
      "s.yaml:19:3: error: agency.assignment: required when initial_staff.agency is given"}},
    {"agency cover without a fill time", "  fill_time:  { dist: exponential, mean: 2 weeks }\n",
     "", {"s.yaml:19:3: error: agency.fill_time: required when cover_vacancies is yes"}},
    {"missing section",
     "demand:\n  referrals_per_year: 10000\n  initial_open_cases: 0\n"
     "  case_duration: { dist: exponential, mean: 6 months }\n", "",
     {"s.yaml:1:1: error: demand: missing required key"}},
    {"YAML syntax", "name: core example", "name: [core example",
     {"s.yaml:2:6: error: invalid YAML: end of sequence flow not found"}},
    {"long_share above 1", "demand:\n",
     "absence:\n  sickness: { days_lost_rate: 0.048, short_spell: 5 days, long_spell: 3 months, "
     "long_share: 1.5 }\ndemand:\n",
     {"s.yaml:23:93: error: absence.sickness.long_share: must be between 0 and 1 (got 1.5)"}},
    {"long spells without their length", "demand:\n",
     "absence:\n  sickness: { days_lost_rate: 0.048, short_spell: 5 days, long_share: 0.2 }\n"
     "demand:\n",
     {"s.yaml:23:13: error: absence.sickness.long_spell: required when long_share is above 0"}},
    {"unknown key in absence", "demand:\n",
     "absence:\n  sicknes: { days_lost_rate: 0.048, short_spell: 5 days }\ndemand:\n",
     {"s.yaml:23:3: error: absence: give sickness or maternity",
      "s.yaml:23:3: error: absence.sicknes: unknown key 'sicknes' (did you mean 'sickness'?)"}},
    {"absence with no kind of absence", "demand:\n",
     "absence:\n  hand_over_after: 4 weeks\ndemand:\n",
     {"s.yaml:23:3: error: absence: give sickness or maternity"}},
    {"extra capacity without thresholds", "  assignment: { dist: exponential, mean: 6 months }\n",
     "  assignment: { dist: exponential, mean: 6 months }\n  extra_capacity: { role: social_worker, max_extra: 5 }\n",
     {"s.yaml:22:19: error: agency.extra_capacity: give when_unallocated_above or "
      "when_mean_caseload_above"}},
    {"extra capacity of an undeclared role", "  assignment: { dist: exponential, mean: 6 months }\n",
     "  assignment: { dist: exponential, mean: 6 months }\n  extra_capacity: { when_unallocated_above: 10, role: social_wrker, max_extra: 5 }\n",
     {"s.yaml:22:55: error: agency.extra_capacity.role: role 'social_wrker' is not declared in "
      "roles (did you mean 'social_worker'?)"}},
    {"returners with no leavers to agency work", "  assignment: { dist: exponential, mean: 6 months }\n", "  assignment: { dist: exponential, mean: 6 months }\n  returners: { share: 0.5 }\n",
     {"s.yaml:22:14: error: agency.returners: no permanent leavers go to agency work "
      "(leaving.destinations.agency is 0)"}},
    {"returners without any bookings", "  cover_vacancies: true\n",
     "  cover_vacancies: false\n  returners: { share: 0.5 }\n",
     {"s.yaml:20:14: error: agency.returners: nothing is booked for them to fill: give "
      "cover_vacancies, cover_long_absence or extra_capacity",
      "s.yaml:20:14: error: agency.returners: no permanent leavers go to agency work "
      "(leaving.destinations.agency is 0)"}},
    {"agency cover of absence without absence cover", "  assignment: { dist: exponential, mean: 6 months }\n", "  assignment: { dist: exponential, mean: 6 months }\n  cover_long_absence: true\n",
     {"s.yaml:22:23: error: agency.cover_long_absence: needs absence.cover to say when cover is "
      "sought"}},
    {"experience rule without the candidates' experience", "  assignment: { dist: exponential, mean: 6 months }\n",
     "  assignment: { dist: exponential, mean: 6 months }\n  rules_2024: { min_experience: 3 years }\n",
     {"s.yaml:22:15: error: agency.rules_2024.candidate_experience: required when "
      "min_experience is above 0"}},
    {"agency share cap above 1", "  assignment: { dist: exponential, mean: 6 months }\n", "  assignment: { dist: exponential, mean: 6 months }\n  max_share: 1.2\n",
     {"s.yaml:22:14: error: agency.max_share: must be between 0 and 1 (got 1.2)"}},
    {"several problems are all reported, in file order", "seed: 42\nreplications: 20",
     "seed: -1\nreplications: 0",
     {"s.yaml:5:7: error: seed: must be between 0 and 9007199254740992 (got -1)",
      "s.yaml:6:15: error: replications: must be between 1 and 100000 (got 0)"}},
    {"ASYE outcomes not adding up to 1", "  policy: least_loaded\n",
     "  policy: least_loaded\nasye:\n  role: social_worker\n"
     "  outcomes: { pass: 0.8, extend: 0.1, fail: 0.2 }\n  extension: { pass: 1 }\n",
     {"s.yaml:30:13: error: asye.outcomes: shares must add up to 1 (got 1.1)"}},
    {"ASYE of an undeclared role", "  policy: least_loaded\n",
     "  policy: least_loaded\nasye: { role: social_wroker }\n",
     {"s.yaml:28:15: error: asye.role: role 'social_wroker' is not declared in roles (did you "
      "mean 'social_worker'?)"}},
    {"ASYE extension without its section", "  policy: least_loaded\n",
     "  policy: least_loaded\nasye:\n  role: social_worker\n"
     "  outcomes: { pass: 0.8, extend: 0.2 }\n",
     {"s.yaml:30:13: error: asye.outcomes: extend is above 0 but there is no extension: section"}},
    {"ASYE intake before the start", "  policy: least_loaded\n",
     "  policy: least_loaded\nasye:\n  role: social_worker\n"
     "  intakes:\n    - { date: 2015-09-01, count: 8 }\n"
     "    - { date: 2016-09-01, count: 8, every: 1 year, until: 2016-01-01 }\n",
     {"s.yaml:31:15: error: asye.intakes[0].date: before the start date",
      "s.yaml:32:59: error: asye.intakes[1].until: before the first intake"}},
    {"ASYE intake on an impossible date, reported once", "  policy: least_loaded\n",
     "  policy: least_loaded\nasye:\n  role: social_worker\n"
     "  intakes:\n    - { date: 2016-02-30, count: 8 }\n",
     {"s.yaml:31:15: error: asye.intakes[0].date: not a valid date, expected YYYY-MM-DD (got "
      "2016-02-30)"}},
    {"promotion from an undeclared role", "  policy: least_loaded\n",
     "  policy: least_loaded\npromotion:\n  social_worker: { from: support_worker, share: 0.5 }\n",
     {"s.yaml:29:26: error: promotion.social_worker.from: role 'support_worker' is not declared "
      "in roles"}},
    {"promotion of a role into itself", "  policy: least_loaded\n",
     "  policy: least_loaded\npromotion:\n  social_worker: { from: social_worker, share: 0.5 }\n",
     {"s.yaml:29:26: error: promotion.social_worker.from: a role cannot be promoted into itself"}},
    {"progression into itself and to an undeclared role", "  policy: least_loaded\n",
     "  policy: least_loaded\nprogression:\n"
     "  social_worker: { to: social_worker, annual_probability: 0.1, review: { first: 2017-04-01 } }\n"
     "  senior: { to: social_worker, annual_probability: 1.5, review: { first: 2016-01-01 } }\n",
     {"s.yaml:29:24: error: progression.social_worker.to: a role cannot progress into itself",
      "s.yaml:30:11: error: progression.senior: role 'senior' is not declared in roles",
      "s.yaml:30:52: error: progression.senior.annual_probability: must be between 0 and 1 (got 1.5)",
      "s.yaml:30:74: error: progression.senior.review.first: before the start date"}},
    {"grow-your-own: own staff on a graduate programme, a cohort before the start",
     "  policy: least_loaded\n",
     "  policy: least_loaded\ngrow_your_own:\n  step_up:\n    kind: step_up\n"
     "    role: social_worker\n    from_role: social_worker\n"
     "    cohorts: { first: 2016-01-01 }\n    size: 10\n    length: 14 months\n"
     "    completion_rate: 1.2\n",
     {"s.yaml:32:16: error: grow_your_own.step_up.from_role: only apprenticeships train the "
      "service's own staff",
      "s.yaml:33:23: error: grow_your_own.step_up.cohorts.first: before the start date",
      "s.yaml:36:22: error: grow_your_own.step_up.completion_rate: must be between 0 and 1 (got "
      "1.2)"}},
    {"grow-your-own apprentices into their own role", "  policy: least_loaded\n",
     "  policy: least_loaded\ngrow_your_own:\n  apprentices:\n    kind: apprenticeship\n"
     "    role: social_worker\n    from_role: social_worker\n"
     "    cohorts: { first: 2017-01-01 }\n    size: 10\n    length: 3 years\n"
     "    completion_rate: 0.8\n",
     {"s.yaml:32:16: error: grow_your_own.apprentices.from_role: the same role as the one "
      "qualified into"}},
    {"seasonality of 11 months", "  initial_open_cases: 0\n",
     "  seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n  initial_open_cases: 0\n",
     {"s.yaml:24:16: error: demand.seasonality: expected 12 monthly multipliers, January to "
      "December (got 11)"}},
    {"seasonality with a negative month and a word", "  initial_open_cases: 0\n",
     "  seasonality: [1, 1, -1, 1, high, 1, 1, 1, 1, 1, 1, 1]\n  initial_open_cases: 0\n",
     {"s.yaml:24:23: error: demand.seasonality[2]: must be between 0 and 1000000000 (got -1)",
      "s.yaml:24:30: error: demand.seasonality[4]: expected a number (got 'high')"}},
    {"seasonality all 0", "  initial_open_cases: 0\n",
     "  seasonality: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\n  initial_open_cases: 0\n",
     {"s.yaml:24:16: error: demand.seasonality: the months must not all be 0"}},
    {"seasonality not a list", "  initial_open_cases: 0\n",
     "  seasonality: 1.2\n  initial_open_cases: 0\n",
     {"s.yaml:24:16: error: demand.seasonality: expected a sequence of numbers (got '1.2')"}},
    {"trend of -100 %", "  initial_open_cases: 0\n", "  trend: -1\n  initial_open_cases: 0\n",
     {"s.yaml:24:10: error: demand.trend: must be greater than -1 and at most 1 (got -1)"}},
    {"referral steps out of order and on the same date", "  initial_open_cases: 0\n",
     "  steps:\n    - { from: 2019-04-01, multiplier: 0.9 }\n"
     "    - { from: 2018-04-01, multiplier: 0.8 }\n    - { from: 2019-04-01, multiplier: 0.8 }\n"
     "  initial_open_cases: 0\n",
     {"s.yaml:26:15: error: demand.steps[1].from: must be after the previous step's date "
      "(2019-04-01)",
      "s.yaml:27:15: error: demand.steps[2].from: must be after the previous step's date "
      "(2019-04-01)"}},
    {"referral steps with an impossible date, before the start, of 0, misspelt",
     "  initial_open_cases: 0\n",
     "  steps:\n    - { from: 2018-02-30, multiplier: 0.9 }\n"
     "    - { from: 2015-04-01, multiplier: 0 }\n    - { form: 2019-04-01, multiplier: 1.1 }\n"
     "  initial_open_cases: 0\n",
     {"s.yaml:25:15: error: demand.steps[0].from: not a valid date, expected YYYY-MM-DD (got "
      "2018-02-30)",
      "s.yaml:26:15: error: demand.steps[1].from: before the start date",
      "s.yaml:26:39: error: demand.steps[1].multiplier: must be greater than 0 and at most 100 "
      "(got 0)",
      "s.yaml:27:7: error: demand.steps[2].from: missing required key",
      "s.yaml:27:9: error: demand.steps[2].form: unknown key 'form' (did you mean 'from'?)"}},
    {"referral profile set badly by an intervention", "  policy: least_loaded\n",
     "  policy: least_loaded\ninterventions:\n  - at: 2018-04-01\n    set:\n"
     "      demand.seasonality: [1, 2]\n"
     "      demand.steps: [{ from: 2018-01-01, multiplier: 0.9 }, { from: 2017-01-01, "
     "multiplier: 0.9 }]\n",
     {"s.yaml:31:27: error: demand.seasonality: expected 12 monthly multipliers, January to "
      "December (got 2) (set by interventions[0])",
      "s.yaml:32:69: error: demand.steps[1].from: must be after the previous step's date "
      "(2018-01-01) (set by interventions[0])"}},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Core, BadScenario, ::testing::ValuesIn(kBadInputs));

TEST(BadScenario, TheUnchangedCoreScenarioIsValid) {
    EXPECT_EQ(problems(core_text()), Lines{});
}

// Files that cannot be a scenario at all are rejected before parsing, naming the file.
class BadFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ =
            std::filesystem::temp_directory_path() /
            ("wfsim_bad_file_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    std::string write(const std::string& name, const std::string& bytes) {
        const auto path = dir_ / name;
        std::ofstream(path, std::ios::binary) << bytes;
        return path.string();
    }

    static Lines load_problems(const std::string& path) {
        try {
            load_scenario(path);
        } catch (const config::InputError& error) {
            Lines lines;
            for (const config::Diagnostic& d : error.diagnostics()) lines.push_back(d.format());
            return lines;
        }
        return {};
    }

    std::filesystem::path dir_;
};

TEST_F(BadFile, Missing) {
    const std::string path = (dir_ / "absent.yaml").string();
    EXPECT_EQ(load_problems(path), Lines{path + ": error: cannot read: No such file or directory"});
}

TEST_F(BadFile, Directory) {
    const std::string path = dir_.string();
    EXPECT_EQ(load_problems(path), Lines{path + ": error: cannot read: Is a directory"});
}

TEST_F(BadFile, EmptyOrOnlyComments) {
    const std::string path = write("empty.yaml", "# nothing here\n\n");
    EXPECT_EQ(load_problems(path), Lines{path + ": error: file is empty"});
}

TEST_F(BadFile, Binary) {
    const std::string path = write("binary.yaml", std::string("seed: 1\n\0\x01\x02", 11));
    EXPECT_EQ(load_problems(path), Lines{path + ": error: not a text file"});
}

TEST_F(BadFile, ProblemsInsideAFileNameIt) {
    const std::string path = write("bad.yaml", core_with("seed: 42", "seed: x"));
    EXPECT_EQ(load_problems(path),
              Lines{path + ":5:7: error: seed: expected a whole number (got 'x')"});
}

}  // namespace
}  // namespace wfsim::model
