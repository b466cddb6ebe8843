// Reading scalar fields, sections and keys through models/config, with the exact messages and
// positions users see.
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/document.hpp"
#include "tests/support/config_problems.hpp"

namespace wfsim::config {
namespace {

using testing::Lines;

using testing::problems;

constexpr std::array<std::string_view, 2> kPolicies = {"least_loaded", "round_robin"};

TEST(ConfigReal, ReadsYamlIntegersFloatsAndExponents) {
    const Lines found = problems("a: 10000\nb: 1e4\nc: 0.15\nd: -2\ne: '7.5'\n", [](Section s) {
        EXPECT_EQ(s.real("a", {"a"}), 10000.0);
        EXPECT_EQ(s.real("b", {"b"}), 10000.0);
        EXPECT_EQ(s.real("c", {"c"}), 0.15);
        EXPECT_EQ(s.real("d", {"d"}), -2.0);
        EXPECT_EQ(s.real("e", {"e"}), 7.5);
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigReal, RejectsTextBooleansAndCollections) {
    const Lines found = problems("a: 0.15abc\nb: true\nc: {x: 1}\nd: [1, 2]\n", [](Section s) {
        EXPECT_EQ(s.real("a", {"a"}, {}, 5.0), 5.0);  // the fallback, after the error
        s.real("b", {"b"});
        s.real("c", {"c"});
        s.real("d", {"d"});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:4: error: a: expected a number (got '0.15abc')",
                         "s.yaml:2:4: error: b: expected a number (got 'true')",
                         "s.yaml:3:4: error: c: expected a number (got a mapping)",
                         "s.yaml:4:4: error: d: expected a number (got a sequence)",
                     }));
}

TEST(ConfigReal, RejectsNonFiniteNumbers) {
    const Lines found = problems("a: .nan\nb: -.inf\n", [](Section s) {
        s.real("a", {"a"});
        s.real("b", {"b"});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:4: error: a: must be a finite number (got .nan)",
                         "s.yaml:2:4: error: b: must be a finite number (got -.inf)",
                     }));
}

TEST(ConfigReal, ChecksBoundsAndReturnsANeutralValidValue) {
    const Lines found = problems("a: -2\nb: 1.5\nc: 0\nd: 1\n", [](Section s) {
        EXPECT_EQ(s.real("a", {"a"}, {.min = 0.0, .min_exclusive = true}), 1.0);
        EXPECT_EQ(s.real("b", {"b"}, {.min = 0.0, .max = 1.0}), 0.0);
        s.real("c", {"c"}, {.max = 0.0, .max_exclusive = true});
        EXPECT_EQ(s.real("d", {"d"}, {.min = 0.0, .max = 1.0}), 1.0);  // closed bounds
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:4: error: a: must be greater than 0 (got -2)",
                         "s.yaml:2:4: error: b: must be between 0 and 1 (got 1.5)",
                         "s.yaml:3:4: error: c: must be less than 0 (got 0)",
                     }));
}

TEST(ConfigReal, OptionalKeyAbsentOrEmptyGivesTheFallback) {
    const Lines found = problems("a:\nb: ~\n", [](Section s) {
        EXPECT_EQ(s.real("a", {"a"}, {}, 3.0), 3.0);
        EXPECT_EQ(s.real("b", {"b"}, {}, 4.0), 4.0);
        EXPECT_EQ(s.real("c", {"c"}, {}, 5.0), 5.0);
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigRequired, AbsentKeyIsReportedAtTheMapping) {
    const Lines found = problems("# scenario\nx: 1\nagency:\n  y: 2\n", [](Section s) {
        EXPECT_EQ(s.real("a", {"a"}, {.min = 2.0}), 2.0);  // neutral: the minimum
        s.integer("x", {"x"});
        Section agency = s.section("agency", {"agency"});
        agency.integer("y", {"y"});
        agency.text("name", {"name"});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:2:1: error: a: missing required key",
                         "s.yaml:4:3: error: agency.name: missing required key",
                     }));
}

TEST(ConfigRequired, EmptyValueIsReportedAtItsKey) {
    const Lines found = problems("a:\nb: ~\nc: 1\n", [](Section s) {
        s.real("a", {"a"});
        s.text("b", {"b"});
        s.real("c", {"c"});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:1: error: a: missing value",
                         "s.yaml:2:1: error: b: missing value",
                     }));
}

TEST(ConfigInteger, ReadsWholeNumbersWrittenAnyWay) {
    const Lines found = problems("n: 20\nm: 1e4\nk: -3\n", [](Section s) {
        EXPECT_EQ(s.integer("n", {"n"}), 20);
        EXPECT_EQ(s.integer("m", {"m"}), 10000);
        EXPECT_EQ(s.integer("k", {"k"}), -3);
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigInteger, RejectsFractionsTextHugeNumbersAndOutOfBounds) {
    const Lines found = problems("n: 20.5\nm: many\nk: 1e30\nj: 0\n", [](Section s) {
        EXPECT_EQ(s.integer("n", {"n"}, {}, 7), 7);
        s.integer("m", {"m"});
        s.integer("k", {"k"});
        EXPECT_EQ(s.integer("j", {"j"}, {.min = 0.0, .min_exclusive = true}), 1);
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:4: error: n: must be a whole number (got 20.5)",
                         "s.yaml:2:4: error: m: expected a whole number (got 'many')",
                         "s.yaml:3:4: error: k: is too large (got 1e30)",
                         "s.yaml:4:4: error: j: must be greater than 0 (got 0)",
                     }));
}

TEST(ConfigBoolean, AcceptsYesNoTrueFalseInAnyCase) {
    const Lines found =
        problems("a: yes\nb: No\nc: true\nd: FALSE\ne: maybe\nf: 1\n", [](Section s) {
            EXPECT_TRUE(s.boolean("a", {"a"}));
            EXPECT_FALSE(s.boolean("b", {"b"}));
            EXPECT_TRUE(s.boolean("c", {"c"}));
            EXPECT_FALSE(s.boolean("d", {"d"}));
            EXPECT_TRUE(s.boolean("e", {"e"}, true));
            s.boolean("f", {"f"});
            EXPECT_TRUE(s.boolean("g", {"g"}, true));
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:5:4: error: e: expected yes or no (got 'maybe')",
                         "s.yaml:6:4: error: f: expected yes or no (got '1')",
                     }));
}

TEST(ConfigText, ReadsAnyScalarButNotCollections) {
    const Lines found = problems("name: Kent CC\nyear: 2024\nbad: [a]\n", [](Section s) {
        EXPECT_EQ(s.text("name", {"name"}), "Kent CC");
        EXPECT_EQ(s.text("year", {"year"}), "2024");
        EXPECT_EQ(s.text("bad", {"bad"}, "x"), "x");
        EXPECT_EQ(s.text("absent", {"absent"}, "dflt"), "dflt");
    });
    EXPECT_EQ(found, Lines{"s.yaml:3:6: error: bad: expected text (got a sequence)"});
}

TEST(ConfigChoice, AcceptsAnAllowedValue) {
    const Lines found = problems("policy: round_robin\n", [](Section s) {
        EXPECT_EQ(s.choice("policy", {"p"}, kPolicies), "round_robin");
        EXPECT_EQ(s.choice("other", {"o"}, kPolicies, "least_loaded"), "least_loaded");
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigChoice, SuggestsTheNearestValueForATypo) {
    const Lines found = problems("policy: leastloaded\n", [](Section s) {
        EXPECT_EQ(s.choice("policy", {"p"}, kPolicies), "least_loaded");  // neutral: the first
    });
    EXPECT_EQ(found, Lines{"s.yaml:1:9: error: policy: unknown value 'leastloaded' "
                           "(did you mean 'least_loaded'?)"});
}

TEST(ConfigChoice, ListsTheValuesWhenNothingIsClose) {
    const Lines found = problems("policy: banana\nother: {a: 1}\n", [](Section s) {
        EXPECT_EQ(s.choice("policy", {"p"}, kPolicies, "round_robin"), "round_robin");
        s.choice("other", {"o"}, kPolicies);
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:9: error: policy: unknown value 'banana' "
                         "(expected one of: least_loaded, round_robin)",
                         "s.yaml:2:8: error: other: expected one of: least_loaded, round_robin "
                         "(got a mapping)",
                     }));
}

TEST(ConfigDate, ReadsIsoDates) {
    const Lines found = problems("start: 2016-04-01\nleap: '2016-02-29'\n", [](Section s) {
        EXPECT_EQ(s.date("start", {"start"}), (engine::Date{2016, 4, 1}));
        EXPECT_EQ(s.date("leap", {"leap"}), (engine::Date{2016, 2, 29}));
        EXPECT_EQ(s.date("end", {"end"}, engine::Date{2030, 3, 31}), (engine::Date{2030, 3, 31}));
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigDate, RejectsImpossibleOrMisformattedDates) {
    const Lines found = problems("a: 2017-02-30\nb: 01/04/2016\nc: [2016]\n", [](Section s) {
        s.date("a", {"a"});
        s.date("b", {"b"});
        s.date("c", {"c"});
    });
    EXPECT_EQ(found,
              (Lines{
                  "s.yaml:1:4: error: a: not a valid date, expected YYYY-MM-DD (got 2017-02-30)",
                  "s.yaml:2:4: error: b: not a valid date, expected YYYY-MM-DD (got 01/04/2016)",
                  "s.yaml:3:4: error: c: expected a date YYYY-MM-DD (got a sequence)",
              }));
}

TEST(ConfigDuration, ReadsDaysAndEveryUnit) {
    const Lines found = problems(
        "a: 30\nb: 1 day\nc: 2 days\nd: 1 week\ne: 6 weeks\nf: 1 month\ng: 3 months\n"
        "h: 1 year\ni: 2 years\nj: 0.5 years\nk: '1.5 weeks'\n",
        [](Section s) {
            EXPECT_EQ(s.duration("a", {"a"}), 30.0);
            EXPECT_EQ(s.duration("b", {"b"}), 1.0);
            EXPECT_EQ(s.duration("c", {"c"}), 2.0);
            EXPECT_EQ(s.duration("d", {"d"}), 7.0);
            EXPECT_EQ(s.duration("e", {"e"}), 42.0);
            EXPECT_EQ(s.duration("f", {"f"}), 30.4375);
            EXPECT_EQ(s.duration("g", {"g"}), 91.3125);
            EXPECT_EQ(s.duration("h", {"h"}), 365.25);
            EXPECT_EQ(s.duration("i", {"i"}), 730.5);
            EXPECT_EQ(s.duration("j", {"j"}), 182.625);
            EXPECT_EQ(s.duration("k", {"k"}), 10.5);
            EXPECT_EQ(s.duration("l", {"l"}, {}, 14.0), 14.0);
        });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigDuration, RejectsMissingSpacesUnknownUnitsAndCollections) {
    const Lines found = problems(
        "a: 3months\nb: 3 mnths\nc: 3 fortnights\nd: three weeks\ne: {x: 1}\n", [](Section s) {
            s.duration("a", {"a"});
            s.duration("b", {"b"});
            s.duration("c", {"c"});
            s.duration("d", {"d"});
            s.duration("e", {"e"});
        });
    EXPECT_EQ(found,
              (Lines{
                  "s.yaml:1:4: error: a: expected a number of days or 'N days/weeks/months/years' "
                  "(got '3months')",
                  "s.yaml:2:4: error: b: unknown duration unit 'mnths' (did you mean 'months'?)",
                  "s.yaml:3:4: error: c: unknown duration unit 'fortnights' "
                  "(expected one of: day, days, week, weeks, month, months, year, years)",
                  "s.yaml:4:4: error: d: expected a number of days or 'N days/weeks/months/years' "
                  "(got 'three weeks')",
                  "s.yaml:5:4: error: e: expected a duration (got a mapping)",
              }));
}

TEST(ConfigDuration, AppliesBoundsInDaysAndShowsWhatTheUserWrote) {
    const Lines found = problems("notice: 2 weeks\nlag: -1 day\n", [](Section s) {
        EXPECT_EQ(s.duration("notice", {"n"}, {.min = 30.0}), 30.0);
        s.duration("lag", {"l"}, {.min = 0.0});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:9: error: notice: must be at least 30 days (got 2 weeks)",
                         "s.yaml:2:6: error: lag: must be at least 0 days (got -1 day)",
                     }));
}

TEST(ConfigKeys, UnknownKeysGetAHintForTyposAndAListOtherwise) {
    const Lines found = problems(
        "turnovr: 0.1\nrefferals_per_year: 10\nSocial_Worker: 3\nbanana: 1\n", [](Section s) {
            s.real("turnover", {"t"}, {}, 0.0);
            s.real("referrals_per_year", {"r"}, {}, 0.0);
            s.real("social_worker", {"s"}, {}, 0.0);
            s.finish();
        });
    EXPECT_EQ(found,
              (Lines{
                  "s.yaml:1:1: error: turnovr: unknown key 'turnovr' (did you mean 'turnover'?)",
                  "s.yaml:2:1: error: refferals_per_year: unknown key 'refferals_per_year' "
                  "(did you mean 'referrals_per_year'?)",
                  "s.yaml:3:1: error: Social_Worker: unknown key 'Social_Worker' "
                  "(did you mean 'social_worker'?)",
                  "s.yaml:4:1: error: banana: unknown key 'banana' "
                  "(expected one of: turnover, referrals_per_year, social_worker)",
              }));
}

TEST(ConfigKeys, UnknownKeyInANestedSectionHasItsFullPath) {
    const Lines found = problems("agency:\n  fill_time: 30\n  fil_time: 20\n", [](Section s) {
        Section agency = s.section("agency", {"a"});
        agency.duration("fill_time", {"f"});
        agency.finish();
        s.finish();
    });
    EXPECT_EQ(found, Lines{"s.yaml:3:3: error: agency.fil_time: unknown key 'fil_time' "
                           "(did you mean 'fill_time'?)"});
}

TEST(ConfigKeys, SectionWithNoDeclaredKeysSaysSo) {
    const Lines found = problems("extra: 1\n", [](Section s) { s.finish(); });
    EXPECT_EQ(found,
              Lines{"s.yaml:1:1: error: extra: unknown key 'extra' (this section takes no keys)"});
}

TEST(ConfigKeys, DuplicateKeysAreReportedAtTheSecondOccurrenceAndTheFirstIsRead) {
    const Lines found =
        problems("a: 1\nb:\n  c: 1\n  c: 2\na: 3\nd: [{e: 1, e: 2}]\n", [](Section s) {
            EXPECT_EQ(s.integer("a", {"a"}), 1);
            s.section("b", {"b"}).integer("c", {"c"});
            s.text("d", {"d"}, "");  // a sequence: its own error, but its mappings are checked too
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:4:3: error: b.c: duplicate key 'c'",
                         "s.yaml:5:1: error: a: duplicate key 'a'",
                         "s.yaml:6:4: error: d: expected text (got a sequence)",
                         "s.yaml:6:12: error: d[0].e: duplicate key 'e'",
                     }));
}

TEST(ConfigKeys, NonScalarKeysAreReported) {
    const Lines found = problems("? [a, b]\n: 1\n", [](Section s) { s.finish(); });
    EXPECT_EQ(found, Lines{"s.yaml:1:3: error: expected a key name (got a sequence)"});
}

TEST(ConfigKeys, KeysAreListedOnceInFileOrderAndHasFindsThem) {
    problems("b: 1\na:\nc: 2\nb: 3\n", [](Section s) {
        EXPECT_EQ(s.keys(), (std::vector<std::string>{"b", "a", "c"}));
        EXPECT_TRUE(s.has("a"));  // present, though empty
        EXPECT_FALSE(s.has("z"));
    });
}

TEST(ConfigSection, AbsentOptionalSectionReportsNothingAndGivesFallbacks) {
    const Lines found = problems("a: 1\n", [](Section s) {
        s.integer("a", {"a"});
        Section agency = s.section("agency", {"agency"});
        EXPECT_FALSE(agency.present());
        EXPECT_EQ(agency.path(), "agency");
        EXPECT_EQ(agency.real("rate", {"r"}, {.min = 0.5}), 0.5);
        EXPECT_EQ(agency.real("cost", {"c"}, {}, 9.0), 9.0);
        EXPECT_FALSE(agency.has("rate"));
        EXPECT_EQ(agency.keys(), std::vector<std::string>{});
        agency.finish();
        s.finish();
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigSection, EmptyOptionalSectionIsAbsent) {
    const Lines found = problems(
        "agency:\n", [](Section s) { EXPECT_FALSE(s.section("agency", {"a"}).present()); });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigSection, MissingRequiredSectionIsReportedOnce) {
    const Lines found = problems("a: 1\n", [](Section s) {
        s.integer("a", {"a"});
        Section agency = s.section("agency", {"agency"}, true);
        EXPECT_FALSE(agency.present());
        agency.real("rate", {"r"});
        s.section("agency", {"agency"}, true);  // another component reading it
    });
    EXPECT_EQ(found, Lines{"s.yaml:1:1: error: agency: missing required key"});
}

TEST(ConfigSection, ValueThatIsNotAMappingIsReported) {
    const Lines found = problems("agency: 3\nroles: [a]\n", [](Section s) {
        EXPECT_FALSE(s.section("agency", {"a"}).present());
        s.named_entries("roles", {"r"}, "<role>");
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:9: error: agency: expected a mapping (got '3')",
                         "s.yaml:2:8: error: roles: expected a mapping (got a sequence)",
                     }));
}

TEST(ConfigSection, SectionsReadByTwoComponentsShareTheirKnownKeys) {
    const Lines found = problems("agency:\n  rate: 1\n  cost: 2\n", [](Section s) {
        s.section("agency", {"a"}).real("rate", {"r"});
        Section agency = s.section("agency", {"a"});
        agency.real("cost", {"c"});
        agency.finish();
        EXPECT_EQ(agency.path(), "agency");
        EXPECT_TRUE(agency.present());
    });
    EXPECT_EQ(found, Lines{});
}

TEST(ConfigSection, NamedEntriesAcceptAnyNameAndReadEachEntry) {
    const Lines found = problems(
        "roles:\n  social_worker:\n    headcount: 10\n  manager:\n    headcount: 2\n    hedcount: "
        "3\n",
        [](Section s) {
            Section roles = s.named_entries("roles", {"r"}, "<role>", true);
            ASSERT_EQ(roles.keys(), (std::vector<std::string>{"social_worker", "manager"}));
            std::vector<double> headcounts;
            for (const std::string& name : roles.keys()) {
                Section role = roles.section(name, {"a role"});
                EXPECT_EQ(role.path(), "roles." + name);
                headcounts.push_back(role.real("headcount", {"h"}));
                role.finish();
            }
            roles.finish();
            s.finish();
            EXPECT_EQ(headcounts, (std::vector<double>{10.0, 2.0}));
        });
    EXPECT_EQ(found, Lines{"s.yaml:6:5: error: roles.manager.hedcount: unknown key 'hedcount' "
                           "(did you mean 'headcount'?)"});
}

TEST(ConfigCrossChecks, ErrorIsReportedAtTheValueOrElseTheMapping) {
    Document document = Document::parse({"s.yaml", "x: 1\nteams:\n  lead: nqsw\n"});
    Section teams = document.root().section("teams", {"t"});
    teams.text("lead", {"l"});
    teams.error("lead", "role 'nqsw' is not declared in roles");
    teams.error("size", "must be given when lead is");
    document.report({.line = 1, .column = 1, .path = "x", .message = "caller's own check"});
    ASSERT_EQ(document.diagnostics().size(), 3U);
    EXPECT_EQ(document.diagnostics()[0].format(), "s.yaml:1:1: error: x: caller's own check");
    EXPECT_EQ(document.diagnostics()[1].format(),
              "s.yaml:3:3: error: teams.size: must be given when lead is");
    EXPECT_EQ(document.diagnostics()[2].format(),
              "s.yaml:3:9: error: teams.lead: role 'nqsw' is not declared in roles");
}

TEST(ConfigCrossChecks, ReportedTellsWhichKeysHaveAProblemAlready) {
    Document document = Document::parse({"s.yaml", "a: 2017-02-30\nb: 2017-02-28\nc: 3\n"});
    Section root = document.root();
    root.date("a", {"a"});
    root.date("b", {"b"});
    root.real("c", {"c"}, {.max = 2.0});
    root.error("b", "after the horizon");
    EXPECT_TRUE(root.reported("a"));
    EXPECT_TRUE(root.reported("b"));
    EXPECT_TRUE(root.reported("c"));
    EXPECT_FALSE(root.reported("d"));
    Document clean = Document::parse({"s.yaml", "a: 2017-02-28\n"});
    clean.root().date("a", {"a"});
    EXPECT_FALSE(clean.root().reported("a"));
}

TEST(ConfigDocument, AllProblemsAreThrownTogetherInFileOrder) {
    Document document = Document::parse({"s.yaml", "a: x\nb: y\nc: z\n"});
    Section root = document.root();
    root.real("c", {"c"});  // read out of order
    root.real("a", {"a"});
    root.real("b", {"b"});
    root.real("a", {"a"});  // the same problem twice is reported once
    EXPECT_TRUE(document.has_errors());
    try {
        document.throw_if_errors();
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_STREQ(error.what(),
                     "s.yaml:1:4: error: a: expected a number (got 'x')\n"
                     "s.yaml:2:4: error: b: expected a number (got 'y')\n"
                     "s.yaml:3:4: error: c: expected a number (got 'z')");
        EXPECT_EQ(error.diagnostics(), document.diagnostics());
    }
}

TEST(ConfigDocument, NoProblemsNoThrow) {
    Document document = Document::parse({"s.yaml", "a: 1\n"});
    document.root().real("a", {"a"});
    document.root().finish();
    EXPECT_FALSE(document.has_errors());
    EXPECT_NO_THROW(document.throw_if_errors());
}

}  // namespace
}  // namespace wfsim::config
