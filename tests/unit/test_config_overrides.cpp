// Parameters set by dotted path over a scenario file: reading `set:` mappings, building the
// overlaid document, and the messages that point at each override and name who set it.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "models/config/document.hpp"
#include "tests/support/config_problems.hpp"

namespace wfsim::config {
namespace {

using engine::Distribution;
using testing::Lines;
using testing::problems;

// The overlay relies on what yaml-cpp 0.7 does with marks; if an upgrade changes it, this says
// so before the messages quietly lose their positions.
TEST(ConfigOverlayYamlCpp, AssignedNodesKeepTheirMarksCreatedAndClonedOnesDoNot) {
    YAML::Node tree = YAML::Load("a:\n  b: 1\n");
    const YAML::Node donor = YAML::Load("x: 2\ny: {z: 3}\n");
    YAML::Node b = tree["a"]["b"];
    b = donor["x"];  // assigning through a handle sets the tree's node, sharing its data
    EXPECT_EQ(tree["a"]["b"].Scalar(), "2");
    EXPECT_EQ(tree["a"]["b"].Mark().line, 0);
    EXPECT_EQ(tree["a"]["b"].Mark().column, 3);
    tree["a"]["c"] = donor["y"];
    EXPECT_EQ(tree["a"]["c"]["z"].Mark().line, 1);
    for (const auto& pair : tree["a"]) {
        EXPECT_EQ(pair.first.Mark().is_null(), pair.first.Scalar() == "c");  // a created key
    }
    EXPECT_TRUE(YAML::Node("0.13").Mark().is_null());
    // Clone gives every node a mark at 1:1 rather than none, which would mislead.
    const YAML::Node clone = YAML::Clone(donor["y"]["z"]);
    EXPECT_FALSE(clone.Mark().is_null());
    EXPECT_EQ(clone.Mark().line, 0);
    EXPECT_EQ(clone.Mark().column, 0);
}

// A small scenario language, declared as the model's components would declare it.
struct Values {
    double rate = 0.0;
    std::int64_t posts = 0;
    Distribution fill = Distribution::fixed(0.0);
    double notice = 0.0;
    std::vector<std::vector<Override>> interventions{};
};

Values read_scenario(Section root) {
    Values values;
    root.text("name", {"Name."});
    Section turnover = root.section("turnover", {"Turnover."}, true);
    Section worker = turnover.section("social_worker", {"Social workers."}, true);
    values.rate = worker.real("annual_rate", {"Leaving rate."}, {.min = 0.0, .max = 1.0});
    worker.finish();
    turnover.finish();
    Section establishment = root.section("establishment", {"Funded posts."}, true);
    values.posts = establishment.integer("social_worker", {"Posts."}, {.min = 0.0});
    establishment.finish();
    Section recruitment = root.section("recruitment", {"Recruitment."});
    values.fill = recruitment.distribution("vacancy_fill_time", {"Time to fill a vacancy."},
                                           Distribution::fixed(30.0));
    values.notice = recruitment.duration("notice", {"Notice."}, {.min = 0.0});
    recruitment.finish();
    for (Section item : root.list("interventions", {"Changes made on a date."})) {
        item.date("at", {"When."});
        values.interventions.push_back(
            item.overrides("set", {"Parameters set from that date."}, item.path(), true));
        item.finish();
    }
    root.finish();
    return values;
}

// Lines 1-9; the interventions follow from line 10.
constexpr std::string_view kBase =
    "name: base\n"
    "turnover:\n"
    "  social_worker:\n"
    "    annual_rate: 0.15\n"
    "establishment:\n"
    "  social_worker: 300\n"
    "recruitment:\n"
    "  vacancy_fill_time: {dist: lognormal, median: 3 months, sigma: 0.6}\n"
    "  notice: 4 weeks\n";

SourceText scenario(std::string_view interventions) {
    return {"s.yaml", std::string(kBase) + "interventions:\n" + std::string(interventions)};
}

Lines lines_of(const Document& document) {
    Lines lines;
    for (const Diagnostic& diagnostic : document.diagnostics())
        lines.push_back(diagnostic.format());
    return lines;
}

// The interventions' overrides, read from the base file, which the test expects valid.
std::vector<std::vector<Override>> interventions_of(const SourceText& source) {
    Document base = Document::parse(source);
    std::vector<std::vector<Override>> interventions = read_scenario(base.root()).interventions;
    EXPECT_EQ(lines_of(base), Lines{});
    return interventions;
}

// Every problem found reading `source` with `overrides` set; the values read go to `values`.
Lines overlaid(const SourceText& source, const std::vector<Override>& overrides,
               Values* values = nullptr) {
    Document document = Document::parse_with_overrides(source, overrides);
    Values read = read_scenario(document.root());
    if (values != nullptr) *values = read;
    return lines_of(document);
}

// Every override of every intervention, in order.
std::vector<Override> all(const std::vector<std::vector<Override>>& interventions) {
    std::vector<Override> overrides;
    for (const auto& set : interventions) overrides.insert(overrides.end(), set.begin(), set.end());
    return overrides;
}

TEST(ConfigOverrides, ReadsPathsInFileOrderNamingTheOrigin) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      turnover.social_worker.annual_rate: 0.13\n"
        "      establishment.social_worker: 320\n");
    const auto interventions = interventions_of(source);
    ASSERT_EQ(interventions.size(), 1U);
    ASSERT_EQ(interventions[0].size(), 2U);
    EXPECT_EQ(interventions[0][0].path, "turnover.social_worker.annual_rate");
    EXPECT_EQ(interventions[0][0].origin, "interventions[0]");
    EXPECT_TRUE(std::holds_alternative<Override::InFile>(interventions[0][0].value));
    EXPECT_EQ(interventions[0][1].path, "establishment.social_worker");
}

TEST(ConfigOverrides, RejectsBadPathsOverlapsAndDuplicatesOnceEach) {
    const Lines found = problems(
        "set:\n"
        "  a.b: 1\n"
        "  a..b: 2\n"
        "  .a: 3\n"
        "  a.b-c: 4\n"
        "  a.b.c: 5\n"
        "  a: 6\n"
        "  a.b: 7\n"
        "  x_1.Y2: 8\n"
        "other: 3\n",
        [](Section root) {
            const std::vector<Override> set = root.overrides("set", {"set"}, "here");
            ASSERT_EQ(set.size(), 2U);
            EXPECT_EQ(set[0].path, "a.b");
            EXPECT_EQ(set[1].path, "x_1.Y2");
            EXPECT_TRUE(root.overrides("absent", {"absent"}, "here").empty());
            EXPECT_TRUE(root.overrides("other", {"other"}, "here").empty());
            root.overrides("required", {"required"}, "here", true);
        });
    const std::string path_rule =
        "expected a parameter path, names of letters, digits and '_' "
        "joined by '.'";
    EXPECT_EQ(found, (Lines{
                         "s.yaml:1:1: error: required: missing required key",
                         "s.yaml:3:3: error: set.a..b: " + path_rule + " (got 'a..b')",
                         "s.yaml:4:3: error: set..a: " + path_rule + " (got '.a')",
                         "s.yaml:5:3: error: set.a.b-c: " + path_rule + " (got 'a.b-c')",
                         "s.yaml:6:3: error: set.a.b.c: overlaps 'a.b' (line 2): set either the "
                         "whole value or keys inside it",
                         "s.yaml:7:3: error: set.a: overlaps 'a.b' (line 2): set either the "
                         "whole value or keys inside it",
                         "s.yaml:8:3: error: set.a.b: duplicate key 'a.b'",
                         "s.yaml:10:8: error: other: expected a mapping (got '3')",
                     }));
}

TEST(ConfigOverrides, SetNumbersDurationsAndWholeDistributions) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      turnover.social_worker.annual_rate: 0.13\n"
        "      establishment.social_worker: 320\n"
        "      recruitment.notice: 2 months\n"
        "      recruitment.vacancy_fill_time: {dist: exponential, mean: 6 weeks}\n");
    Values values;
    EXPECT_EQ(overlaid(source, all(interventions_of(source)), &values), Lines{});
    EXPECT_EQ(values.rate, 0.13);
    EXPECT_EQ(values.posts, 320);
    EXPECT_EQ(values.notice, 2 * 30.4375);
    // Replaced whole: the base's median and sigma are gone, or dist exponential would reject them.
    EXPECT_EQ(values.fill, Distribution::exponential(42.0));
}

TEST(ConfigOverrides, TheBaseDocumentIsUnaffected) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set: {turnover.social_worker.annual_rate: 0.13, recruitment.notice.x: 1}\n");
    Document base = Document::parse(source);
    const std::vector<Override> overrides = all(read_scenario(base.root()).interventions);
    Document overlay = Document::parse_with_overrides(source, overrides);
    EXPECT_EQ(read_scenario(overlay.root()).rate, 0.13);
    EXPECT_EQ(lines_of(overlay),
              (Lines{"s.yaml:12:53: error: recruitment.notice.x: cannot set a key inside "
                     "'recruitment.notice', which is not a mapping (got '4 weeks') (set by "
                     "interventions[0])"}));
    const Values again = read_scenario(base.root());
    EXPECT_EQ(again.rate, 0.15);
    EXPECT_EQ(again.notice, 28.0);
    EXPECT_EQ(lines_of(base), Lines{});
}

TEST(ConfigOverrides, ABadValueIsReportedOnceAtTheOverrideNamingIt) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      turnover.social_worker.annual_rate: -0.1\n"
        "      recruitment.notice: 3 fortnights\n");
    EXPECT_EQ(overlaid(source, all(interventions_of(source))),
              (Lines{
                  "s.yaml:13:43: error: turnover.social_worker.annual_rate: must be between 0 "
                  "and 1 (got -0.1) (set by interventions[0])",
                  "s.yaml:14:27: error: recruitment.notice: unknown duration unit 'fortnights' "
                  "(expected one of: day, days, week, weeks, month, months, year, years) (set "
                  "by interventions[0])",
              }));
}

TEST(ConfigOverrides, ProblemsInsideAReplacedMappingPointIntoIt) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      recruitment.vacancy_fill_time:\n"
        "        dist: lognormal\n"
        "        median: -3 months\n");
    EXPECT_EQ(overlaid(source, all(interventions_of(source))),
              (Lines{
                  "s.yaml:14:9: error: recruitment.vacancy_fill_time.sigma: missing required key "
                  "(set by interventions[0])",
                  "s.yaml:15:17: error: recruitment.vacancy_fill_time.median: must be greater "
                  "than 0 days (got -3 months) (set by interventions[0])",
              }));
}

TEST(ConfigOverrides, AMisspeltPathIsAnUnknownKeyAtTheOverridesKey) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      turnover.social_wrker.annual_rate: 0.13\n"
        "      turnover.social_worker.anual_rate: 0.12\n"
        "      recruitment.notise: 2 weeks\n");
    EXPECT_EQ(overlaid(source, all(interventions_of(source))),
              (Lines{
                  "s.yaml:13:7: error: turnover.social_wrker: unknown key 'social_wrker' (did "
                  "you mean 'social_worker'?) (set by interventions[0])",
                  "s.yaml:14:7: error: turnover.social_worker.anual_rate: unknown key "
                  "'anual_rate' (did you mean 'annual_rate'?) (set by interventions[0])",
                  "s.yaml:15:7: error: recruitment.notise: unknown key 'notise' (did you mean "
                  "'notice'?) (set by interventions[0])",
              }));
}

TEST(ConfigOverrides, AMappingAnOverrideCreatesIsReportedAtItsKey) {
    // The whole recruitment section is new, so its required notice is missing because of it.
    const SourceText source{"s.yaml",
                            "name: base\n"
                            "turnover: {social_worker: {annual_rate: 0.15}}\n"
                            "establishment: {social_worker: 300}\n"
                            "interventions:\n"
                            "  - at: 2017-04-01\n"
                            "    set: {recruitment.vacancy_fill_time: 2 months}\n"};
    EXPECT_EQ(overlaid(source, all(interventions_of(source))),
              (Lines{
                  "s.yaml:6:11: error: recruitment.notice: missing required key (set by "
                  "interventions[0])",
              }));
}

TEST(ConfigOverrides, AnEmptySectionIsFilledByTheOverride) {
    const std::string base =
        "name: base\n"
        "turnover: {social_worker: {annual_rate: 0.15}}\n"
        "establishment: {social_worker: 300}\n"
        "recruitment:\n"
        "interventions:\n"
        "  - at: 2017-04-01\n";
    const SourceText good{"s.yaml", base + "    set: {recruitment.notice: 2 weeks}\n"};
    Values values;
    EXPECT_EQ(overlaid(good, all(interventions_of(good)), &values), Lines{});
    EXPECT_EQ(values.notice, 14.0);
    EXPECT_EQ(values.fill, Distribution::fixed(30.0));

    // Misspelt, the override leaves the section it made without its required key.
    const SourceText typo{"s.yaml", base + "    set: {recruitment.notise: 2 weeks}\n"};
    EXPECT_EQ(overlaid(typo, all(interventions_of(typo))),
              (Lines{
                  "s.yaml:7:11: error: recruitment.notice: missing required key (set by "
                  "interventions[0])",
                  "s.yaml:7:11: error: recruitment.notise: unknown key 'notise' (did you mean "
                  "'notice'?) (set by interventions[0])",
              }));
}

TEST(ConfigOverrides, AnEmptyValueUnsetsTheParameterAndIsReportedAtTheOverride) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      recruitment.notice:\n"
        "      recruitment.vacancy_fill_time: ~\n");
    Values values;
    EXPECT_EQ(overlaid(source, all(interventions_of(source)), &values),
              (Lines{"s.yaml:13:7: error: recruitment.notice: missing value (set by "
                     "interventions[0])"}));
    EXPECT_EQ(values.fill, Distribution::fixed(30.0));  // the optional field's default
}

TEST(ConfigOverrides, APathThroughAScalarOrASequenceIsAnError) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set:\n"
        "      turnover.social_worker.annual_rate.value: 0.13\n"
        "      interventions.at: 2018-01-01\n"
        "      establishment.social_worker: 310\n");
    Values values;
    EXPECT_EQ(overlaid(source, all(interventions_of(source)), &values),
              (Lines{
                  "s.yaml:13:7: error: turnover.social_worker.annual_rate.value: cannot set a "
                  "key inside 'turnover.social_worker.annual_rate', which is not a mapping (got "
                  "'0.15') (set by interventions[0])",
                  "s.yaml:14:7: error: interventions.at: cannot set a key inside "
                  "'interventions', which is not a mapping (got a sequence) (set by "
                  "interventions[0])",
              }));
    EXPECT_EQ(values.rate, 0.15);  // skipped
    EXPECT_EQ(values.posts, 310);  // and the rest carries on
}

TEST(ConfigOverrides, LaterOverridesWinAndProblemsNameTheWinner) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set: {turnover.social_worker.annual_rate: 2, recruitment.notice: 1 week}\n"
        "  - at: 2018-04-01\n"
        "    set: {turnover.social_worker.annual_rate: 0.11, recruitment.notice: -1 week}\n");
    const auto interventions = interventions_of(source);
    Values values;
    EXPECT_EQ(overlaid(source, all(interventions), &values),
              (Lines{"s.yaml:14:73: error: recruitment.notice: must be at least 0 days (got -1 "
                     "week) (set by interventions[1])"}));
    EXPECT_EQ(values.rate, 0.11);
    // The first alone: its own problem, and the base's notice untouched by the second.
    EXPECT_EQ(overlaid(source, interventions[0], &values),
              (Lines{"s.yaml:12:47: error: turnover.social_worker.annual_rate: must be between 0 "
                     "and 1 (got 2) (set by interventions[0])"}));
    EXPECT_EQ(values.notice, 7.0);
}

TEST(ConfigOverrides, AWholeValueSetLaterReplacesWhatWasSetInsideIt) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set: {recruitment.vacancy_fill_time.median: -1}\n"
        "  - at: 2018-04-01\n"
        "    set: {recruitment.vacancy_fill_time: {dist: fixed, value: -2}}\n");
    EXPECT_EQ(overlaid(source, all(interventions_of(source))),
              (Lines{"s.yaml:14:63: error: recruitment.vacancy_fill_time.value: must be at least "
                     "0 days (got -2) (set by interventions[1])"}));
}

TEST(ConfigOverrides, ProgramValuesAreReportedWithoutALineNamingTheirOrigin) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set: {establishment.social_worker: 3.5}\n");
    std::vector<Override> overrides = {
        {.path = "turnover.social_worker.annual_rate", .value = "0.2", .origin = "axis 'rate'"},
        {.path = "recruitment.notice", .value = "6 weeks", .origin = "axis 'notice'"},
    };
    Values values;
    EXPECT_EQ(overlaid(source, overrides, &values), Lines{});
    EXPECT_EQ(values.rate, 0.2);
    EXPECT_EQ(values.notice, 42.0);

    overrides = {
        {.path = "turnover.social_worker.annual_rate", .value = "1.3", .origin = "axis 'rate'"},
        {.path = "turnover.social_wrker.annual_rate", .value = "0.1", .origin = "axis 'typo'"},
        {.path = "establishment..social_worker", .value = "1", .origin = "axis 'bad'"},
    };
    const std::vector<std::vector<Override>> interventions = interventions_of(source);
    overrides.insert(overrides.begin(), interventions[0].begin(), interventions[0].end());
    EXPECT_EQ(overlaid(source, overrides),
              (Lines{
                  // Without a line, in the order found: setting, then reading.
                  "s.yaml: error: establishment..social_worker: expected a parameter path, "
                  "names of letters, digits and '_' joined by '.' (got "
                  "'establishment..social_worker') (set by axis 'bad')",
                  "s.yaml: error: turnover.social_worker.annual_rate: must be between 0 and 1 "
                  "(got 1.3) (set by axis 'rate')",
                  "s.yaml: error: turnover.social_wrker: unknown key 'social_wrker' (did you "
                  "mean 'social_worker'?) (set by axis 'typo')",
                  "s.yaml:12:40: error: establishment.social_worker: must be a whole number (got "
                  "3.5) (set by interventions[0])",
              }));
}

TEST(ConfigOverrides, ProblemsOfTheBaseKeepTheirPlaceAndAreNotAttributed) {
    // A bad base is normally refused before overrides are set; the overlaid document still
    // reports it exactly as the base does.
    const SourceText source{"s.yaml",
                            "name: base\n"
                            "turnover:\n"
                            "  social_worker: {annual_rate: 0.15, extra: 1}\n"
                            "establishment: {social_worker: -1}\n"
                            "recruitment: {notice: 4 weeks}\n"
                            "interventions:\n"
                            "  - at: 2017-04-01\n"
                            "    set: {turnover.social_worker.annual_rate: 0.2}\n"};
    Document base = Document::parse(source);
    const Values values = read_scenario(base.root());
    const Lines expected = {
        "s.yaml:3:38: error: turnover.social_worker.extra: unknown key 'extra' (expected one "
        "of: annual_rate)",
        "s.yaml:4:32: error: establishment.social_worker: must be at least 0 (got -1)",
    };
    EXPECT_EQ(lines_of(base), expected);
    EXPECT_EQ(overlaid(source, all(values.interventions)), expected);
}

TEST(ConfigOverrides, AValueSharedThroughAnAliasIsNotSetInOnePlace) {
    const std::string text =
        "a: &shared {k: 1}\n"
        "b: *shared\n"
        "c: &c {k: 2}\n"
        "first: {set: {d: *c}}\n"
        "second: {set: {d.k: *c}}\n";
    const SourceText source{"s.yaml", text};
    Document base = Document::parse(source);
    std::vector<Override> overrides =
        base.root().section("first", {"f"}).overrides("set", {"s"}, "first");
    const std::vector<Override> second =
        base.root().section("second", {"s"}).overrides("set", {"s"}, "second");
    overrides.insert(overrides.end(), second.begin(), second.end());
    overrides.push_back({.path = "b.k", .value = "5", .origin = "program"});

    Document document = Document::parse_with_overrides(source, overrides);
    EXPECT_EQ(lines_of(document),
              (Lines{
                  "s.yaml: error: b.k: cannot set it: 'b' is shared through a YAML alias, so "
                  "every use would change; write it out in full (set by program)",
                  "s.yaml:5:16: error: d.k: cannot set it: through a YAML alias the value would "
                  "contain itself (set by second)",
              }));
    Section root = document.root();
    EXPECT_EQ(root.section("a", {"a"}).integer("k", {"k"}), 1);
    EXPECT_EQ(root.section("d", {"d"}).integer("k", {"k"}), 2);
}

TEST(ConfigOverrides, AliasesSetTooOftenAreRefusedAsTheFileWouldBe) {
    // l4 stands for 111,111 values; the file repeats it five times, the overrides four more.
    std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (char level = '1'; level <= '4'; ++level) {
        const char previous = static_cast<char>(level - 1);
        text.append("l").append(1, level).append(": &l").append(1, level).append(" [*l");
        text.append(1, previous);
        for (int i = 1; i < 10; ++i) text.append(", *l").append(1, previous);
        text.append("]\n");
    }
    text += "set: {x1: *l4, x2: *l4, x3: *l4, x4: *l4}\n";
    const SourceText source{"s.yaml", text};
    Document base = Document::parse(source);
    const std::vector<Override> overrides = base.root().overrides("set", {"s"}, "set");
    ASSERT_EQ(overrides.size(), 4U);
    try {
        Document::parse_with_overrides(source, overrides);
        FAIL() << "expected InputError";
    } catch (const InputError& error) {
        EXPECT_STREQ(error.what(),
                     "s.yaml: error: invalid YAML: aliases repeat values more than 1000000 times");
    }
}

TEST(ConfigOverrides, AnOverrideFromAnotherFileIsAProgrammingError) {
    const SourceText source = scenario(
        "  - at: 2017-04-01\n"
        "    set: {establishment.social_worker: 310}\n");
    std::vector<Override> overrides = all(interventions_of(source));
    EXPECT_THROW(Document::parse_with_overrides({"other.yaml", source.text}, overrides),
                 std::invalid_argument);
    std::get<Override::InFile>(overrides[0].value).key_offset += 1;
    EXPECT_THROW(Document::parse_with_overrides(source, overrides), std::invalid_argument);
    // Another text of the same name: the entry at that offset is not the path.
    std::get<Override::InFile>(overrides[0].value).key_offset -= 1;
    EXPECT_THROW(Document::parse_with_overrides({"s.yaml", "\n" + source.text}, overrides),
                 std::invalid_argument);
}

TEST(ConfigOverrides, TheReferenceDocumentsSetAsAMapOfParameterPaths) {
    Reference reference;
    Document document = Document::documenting(reference);
    const Values values = read_scenario(document.root());
    EXPECT_EQ(values.interventions, (std::vector<std::vector<Override>>{{}}));
    const auto set = std::ranges::find(reference.entries(), std::string("interventions[].set"),
                                       &ReferenceEntry::path);
    ASSERT_NE(set, reference.entries().end());
    EXPECT_EQ(set->type, "map of <parameter.path> → value");
    EXPECT_TRUE(set->required);
    EXPECT_EQ(set->doc, "Parameters set from that date.");
}

}  // namespace
}  // namespace wfsim::config
