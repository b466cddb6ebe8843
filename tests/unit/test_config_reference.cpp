// Documenting mode: the declarations that read a scenario also write its reference.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "models/config/document.hpp"

namespace wfsim::config {
namespace {

using engine::Distribution;

constexpr std::array<std::string_view, 2> kPolicies = {"least_loaded", "round_robin"};

// What a model component's parameter reading might look like.
void read_scenario(Section root) {
    root.integer("seed", {"Random seed of the first replication."}, {.min = 0.0}, 1);
    root.date("start_date", {"First day simulated."});
    Section roles = root.named_entries("roles", {"The staff roles."}, "<role>", true);
    for (const std::string& name : roles.keys()) {
        Section role = roles.section(name, {"One role."});
        role.real("headcount", {"Establishment.", "FTE"}, {.min = 0.0});
        role.boolean("agency_allowed", {"May agency staff cover vacancies?"}, false);
        role.finish();
    }
    Section caseload = root.named_entries("caseload", {"Cases per worker."}, "<role>");
    for (const std::string& name : caseload.keys())
        caseload.real(name, {"Cases.", "cases"}, {}, 20.0);
    Section recruitment = root.section("recruitment", {"Hiring | replacing leavers."});
    recruitment.distribution("vacancy_fill_time", {"Time to fill a vacancy."},
                             Distribution::lognormal(91.3125, 0.6));
    recruitment.duration("notice", {"Notice period."}, {.min = 0.0}, 30.4375);
    recruitment.choice("policy", {"How cases are allocated."}, kPolicies, "least_loaded");
    recruitment.text("label", {"Free text\nover lines."}, "none");
    recruitment.finish();
    root.finish();
}

TEST(ConfigReference, RecordsEveryDeclaredField) {
    Reference reference;
    read_scenario(Document::documenting(reference).root());
    const std::vector<std::vector<std::string>> expected = {
        {"seed", "whole number", "", "1", "Random seed of the first replication.", "optional"},
        {"start_date", "date (YYYY-MM-DD)", "", "", "First day simulated.", "required"},
        {"roles", "map of <role> → section", "", "", "The staff roles.", "required"},
        {"roles.<role>", "section", "", "", "One role.", "optional"},
        {"roles.<role>.headcount", "number", "FTE", "", "Establishment.", "required"},
        {"roles.<role>.agency_allowed", "yes/no", "", "no", "May agency staff cover vacancies?",
         "optional"},
        {"caseload", "map of <role> → number", "", "", "Cases per worker.", "optional"},
        {"caseload.<role>", "number", "cases", "20", "Cases.", "optional"},
        {"recruitment", "section", "", "", "Hiring | replacing leavers.", "optional"},
        {"recruitment.vacancy_fill_time", "distribution", "days",
         "lognormal(median=91.3125, sigma=0.6)", "Time to fill a vacancy.", "optional"},
        {"recruitment.notice", "duration", "days", "30.4375", "Notice period.", "optional"},
        {"recruitment.policy", "one of: least_loaded, round_robin", "", "least_loaded",
         "How cases are allocated.", "optional"},
        {"recruitment.label", "text", "", "none", "Free text\nover lines.", "optional"},
    };
    std::vector<std::vector<std::string>> actual;
    for (const ReferenceEntry& e : reference.entries()) {
        actual.push_back(
            {e.path, e.type, e.unit, e.default_text, e.doc, e.required ? "required" : "optional"});
    }
    EXPECT_EQ(actual, expected);
}

TEST(ConfigReference, DocumentingReturnsFallbacksOrNeutralValuesAndReportsNothing) {
    Reference reference;
    Document document = Document::documenting(reference);
    Section root = document.root();
    EXPECT_TRUE(root.present());
    EXPECT_TRUE(root.has("anything"));
    EXPECT_EQ(root.keys(), std::vector<std::string>{});
    EXPECT_EQ(root.real("a", {"a"}, {.min = 0.0, .min_exclusive = true}), 1.0);
    EXPECT_EQ(root.real("b", {"b"}, {.min = 2.0}), 2.0);
    EXPECT_EQ(root.real("c", {"c"}, {.min = 0.0}, 0.25), 0.25);
    EXPECT_EQ(root.integer("d", {"d"}, {.min = 0.0, .max = 10.0, .min_exclusive = true}), 5);
    EXPECT_EQ(root.choice("e", {"e"}, kPolicies), "least_loaded");
    EXPECT_EQ(root.distribution("f", {"f"}), Distribution::fixed(1.0));
    EXPECT_EQ(root.duration("g", {"g"}, {.max = 5.0}), 5.0);
    Section optional = root.section("h", {"h"});
    EXPECT_TRUE(optional.present());  // so that fields read only if present are documented
    EXPECT_EQ(root.named_entries("i", {"i"}, "<team>").keys(), std::vector<std::string>{"<team>"});
    root.error("a", "cross-check on placeholder values");
    root.finish();
    EXPECT_FALSE(document.has_errors());
}

TEST(ConfigReference, AFieldDeclaredTwiceIsRecordedOnce) {
    Reference reference;
    Section root = Document::documenting(reference).root();
    root.real("rate", {"first"}, {}, 1.0);
    root.real("rate", {"second"}, {}, 2.0);
    ASSERT_EQ(reference.entries().size(), 1U);
    EXPECT_EQ(reference.entries()[0].doc, "first");
}

TEST(ConfigReference, MarkdownHasATablePerTopLevelSection) {
    Reference reference;
    read_scenario(Document::documenting(reference).root());
    EXPECT_EQ(
        reference.markdown(),
        "## Top-level settings\n"
        "\n"
        "| Key | Type | Unit | Default | Description |\n"
        "|---|---|---|---|---|\n"
        "| `seed` | whole number |  | 1 | Random seed of the first replication. |\n"
        "| `start_date` | date (YYYY-MM-DD) |  | required | First day simulated. |\n"
        "\n"
        "## `roles`\n"
        "\n"
        "The staff roles.\n"
        "\n"
        "Type: map of <role> → section; required.\n"
        "\n"
        "| Key | Type | Unit | Default | Description |\n"
        "|---|---|---|---|---|\n"
        "| `roles.<role>` | section |  |  | One role. |\n"
        "| `roles.<role>.headcount` | number | FTE | required | Establishment. |\n"
        "| `roles.<role>.agency_allowed` | yes/no |  | no | May agency staff cover vacancies? |\n"
        "\n"
        "## `caseload`\n"
        "\n"
        "Cases per worker.\n"
        "\n"
        "Type: map of <role> → number; optional.\n"
        "\n"
        "| Key | Type | Unit | Default | Description |\n"
        "|---|---|---|---|---|\n"
        "| `caseload.<role>` | number | cases | 20 | Cases. |\n"
        "\n"
        "## `recruitment`\n"
        "\n"
        "Hiring | replacing leavers.\n"
        "\n"
        "Type: section; optional.\n"
        "\n"
        "| Key | Type | Unit | Default | Description |\n"
        "|---|---|---|---|---|\n"
        "| `recruitment.vacancy_fill_time` | distribution | days | "
        "lognormal(median=91.3125, sigma=0.6) | Time to fill a vacancy. |\n"
        "| `recruitment.notice` | duration | days | 30.4375 | Notice period. |\n"
        "| `recruitment.policy` | one of: least_loaded, round_robin |  | least_loaded | "
        "How cases are allocated. |\n"
        "| `recruitment.label` | text |  | none | Free text over lines. |\n");
}

TEST(ConfigReference, SectionDocWithPipesIsEscapedInTables) {
    Reference reference;
    reference.add({.path = "a", .type = "text", .unit = "", .default_text = "x|y", .doc = "p|q"});
    EXPECT_EQ(reference.markdown(),
              "## Top-level settings\n\n"
              "| Key | Type | Unit | Default | Description |\n"
              "|---|---|---|---|---|\n"
              "| `a` | text |  | x\\|y | p\\|q |\n");
}

}  // namespace
}  // namespace wfsim::config
