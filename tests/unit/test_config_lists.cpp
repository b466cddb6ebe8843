// Reading sequences: lists of mappings, of dates and of numbers, with the exact messages and
// positions users see, and how the reference documents them.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/document.hpp"
#include "tests/support/config_problems.hpp"

namespace wfsim::config {
namespace {

using engine::Date;
using testing::Lines;
using testing::problems;

// What a component reading dated interventions might look like.
void read_interventions(Section root) {
    for (Section item : root.list("interventions", {"Changes made on a date."})) {
        item.date("at", {"When."});
        item.real("rate", {"New rate."}, {.min = 0.0, .max = 1.0}, 0.1);
        item.finish();
    }
    root.finish();
}

TEST(ConfigList, ReadsEachItemAsASectionAtItsIndex) {
    std::vector<std::string> paths;
    std::vector<double> rates;
    const Lines found = problems(
        "interventions:\n"
        "  - {at: 2017-04-01, rate: 0.2}\n"
        "  - at: 2018-04-01\n",
        [&](Section root) {
            for (Section item : root.list("interventions", {"i"})) {
                paths.push_back(item.path());
                item.date("at", {"at"});
                rates.push_back(item.real("rate", {"rate"}, {}, 0.1));
                item.finish();
            }
        });
    EXPECT_EQ(found, Lines{});
    EXPECT_EQ(paths, (std::vector<std::string>{"interventions[0]", "interventions[1]"}));
    EXPECT_EQ(rates, (std::vector<double>{0.2, 0.1}));
}

TEST(ConfigList, ProblemsInItemsNameTheItem) {
    const Lines found = problems(
        "interventions:\n"
        "  - {at: 2017-04-01, rate: 2}\n"
        "  - at: 2018-13-01\n"
        "    rates: 0.2\n"
        "  - rate: 0.3\n",
        read_interventions);
    EXPECT_EQ(found, (Lines{
                         "s.yaml:2:28: error: interventions[0].rate: must be between 0 and 1 "
                         "(got 2)",
                         "s.yaml:3:9: error: interventions[1].at: not a valid date, expected "
                         "YYYY-MM-DD (got 2018-13-01)",
                         "s.yaml:4:5: error: interventions[1].rates: unknown key 'rates' (did you "
                         "mean 'rate'?)",
                         "s.yaml:5:5: error: interventions[2].at: missing required key",
                     }));
}

TEST(ConfigList, AnItemThatIsNoMappingIsReportedAndComesBackAbsent) {
    std::vector<bool> present;
    const Lines found = problems("interventions:\n  - 2017-04-01\n  - [1]\n  - {at: 2017-04-01}\n",
                                 [&](Section root) {
                                     for (Section item : root.list("interventions", {"i"})) {
                                         present.push_back(item.present());
                                         item.date("at", {"at"});
                                         item.finish();
                                     }
                                 });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:2:5: error: interventions[0]: expected a mapping (got "
                         "'2017-04-01')",
                         "s.yaml:3:5: error: interventions[1]: expected a mapping (got a "
                         "sequence)",
                     }));
    EXPECT_EQ(present, (std::vector<bool>{false, false, true}));
}

TEST(ConfigList, EmptyOrAbsentListsHaveNoItemsAndOtherValuesAreErrors) {
    const Lines found = problems("a: []\nb:\nc: {at: 2017-04-01}\nd: 3\n", [](Section root) {
        EXPECT_TRUE(root.list("a", {"a"}, true).empty());
        EXPECT_TRUE(root.list("b", {"b"}).empty());
        EXPECT_TRUE(root.list("c", {"c"}).empty());
        EXPECT_TRUE(root.list("d", {"d"}).empty());
        EXPECT_TRUE(root.list("e", {"e"}).empty());
        EXPECT_TRUE(root.list("f", {"f"}, true).empty());
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:1: error: f: missing required key",
                         "s.yaml:3:4: error: c: expected a sequence of mappings (got a mapping)",
                         "s.yaml:4:4: error: d: expected a sequence of mappings (got '3')",
                     }));
}

TEST(ConfigList, DuplicateKeysInItemsAreReportedOnceAtTheirIndex) {
    const Lines found =
        problems("interventions:\n  - {at: 2017-04-01, at: 2018-04-01}\n", read_interventions);
    EXPECT_EQ(found, (Lines{"s.yaml:2:22: error: interventions[0].at: duplicate key 'at'"}));
}

TEST(ConfigDates, ReadsEachDateAndReportsBadOnesAtTheirIndex) {
    const Lines found = problems(
        "a: [2017-04-01, 2018-04-01]\n"
        "b:\n  - 2017-04-01\n  - 2017-02-30\n  - {y: 1}\n"
        "c: []\n",
        [](Section s) {
            EXPECT_EQ(s.dates("a", {"a"}), (std::vector<Date>{{2017, 4, 1}, {2018, 4, 1}}));
            // Bad items read as the neutral date, so the list keeps its length.
            EXPECT_EQ(s.dates("b", {"b"}), (std::vector<Date>{{2017, 4, 1}, Date{}, Date{}}));
            EXPECT_EQ(s.dates("c", {"c"}, std::vector<Date>{{2020, 1, 1}}), std::vector<Date>{});
            s.finish();
        });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:4:5: error: b[1]: not a valid date, expected YYYY-MM-DD (got "
                         "2017-02-30)",
                         "s.yaml:5:5: error: b[2]: expected a date YYYY-MM-DD (got a mapping)",
                     }));
}

TEST(ConfigDates, ASingleDateOrAbsentKeyGivesTheFallback) {
    const std::vector<Date> fallback = {{2020, 1, 1}};
    const Lines found = problems("a: 2017-04-01\nb:\n", [&](Section s) {
        EXPECT_EQ(s.dates("a", {"a"}, fallback), fallback);
        EXPECT_EQ(s.dates("b", {"b"}, fallback), fallback);
        EXPECT_EQ(s.dates("c", {"c"}, fallback), fallback);
        EXPECT_EQ(s.dates("d", {"d"}), std::vector<Date>{});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:1: error: d: missing required key",
                         "s.yaml:1:4: error: a: expected a sequence of dates YYYY-MM-DD (got "
                         "'2017-04-01')",
                     }));
}

TEST(ConfigReals, ReadsNumbersCheckingEachAgainstTheBounds) {
    const Lines found = problems("p: [0.2, 1e-1, 1.5, x, .nan]\nq: 0.5\n", [](Section s) {
        const Bounds probability{.min = 0.0, .max = 1.0};
        EXPECT_EQ(s.reals("p", {"p"}, probability), (std::vector<double>{0.2, 0.1, 0, 0, 0}));
        EXPECT_EQ(s.reals("q", {"q"}, probability, std::vector<double>{1.0}),
                  std::vector<double>{1.0});
        EXPECT_EQ(s.reals("r", {"r"}, {}, std::vector<double>{}), std::vector<double>{});
    });
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:16: error: p[2]: must be between 0 and 1 (got 1.5)",
                         "s.yaml:1:21: error: p[3]: expected a number (got 'x')",
                         "s.yaml:1:24: error: p[4]: must be a finite number (got .nan)",
                         "s.yaml:2:4: error: q: expected a sequence of numbers (got '0.5')",
                     }));
}

TEST(ConfigListReference, ItemFieldsAreDocumentedUnderTheListWithEmptyBrackets) {
    Reference reference;
    Document document = Document::documenting(reference);
    Section root = document.root();
    root.integer("seed", {"Seed."}, {}, 1);
    const std::vector<Section> items = root.list("interventions", {"Changes made on a date."});
    ASSERT_EQ(items.size(), 1U);
    EXPECT_EQ(items[0].path(), "interventions[]");
    EXPECT_TRUE(items[0].present());
    read_interventions(root);
    root.dates("census_dates", {"Days to report on."}, std::vector<Date>{{2017, 3, 31}});
    root.reals("weights", {"Weights.", "share"}, {}, std::vector<double>{0.25, 0.75});
    root.reals("steps", {"Steps."});
    EXPECT_FALSE(document.has_errors());
    EXPECT_EQ(reference.markdown(),
              "## Top-level settings\n"
              "\n"
              "| Key | Type | Unit | Default | Description |\n"
              "|---|---|---|---|---|\n"
              "| `seed` | whole number |  | 1 | Seed. |\n"
              "| `census_dates` | list of dates (YYYY-MM-DD) |  | [2017-03-31] | "
              "Days to report on. |\n"
              "| `weights` | list of numbers | share | [0.25, 0.75] | Weights. |\n"
              "| `steps` | list of numbers |  | required | Steps. |\n"
              "\n"
              "## `interventions`\n"
              "\n"
              "Changes made on a date.\n"
              "\n"
              "Type: list of sections; optional.\n"
              "\n"
              "| Key | Type | Unit | Default | Description |\n"
              "|---|---|---|---|---|\n"
              "| `interventions[].at` | date (YYYY-MM-DD) |  | required | When. |\n"
              "| `interventions[].rate` | number |  | 0.1 | New rate. |\n");
}

}  // namespace
}  // namespace wfsim::config
