// Robustness: thousands of corrupted variants of the shipped scenario (bytes flipped, deleted,
// duplicated, truncated) must each either load or be rejected with InputError diagnostics in
// the documented format — never another exception, a crash or a hang. The ones that still
// load must run.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <regex>
#include <sstream>

#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"
#include "tests/support/core_scenario.hpp"

namespace {

using wfsim::testing::core_text;

std::string mutate(std::string text, std::mt19937_64& rng) {
    static const std::string kAlphabet = "{}[]:,-#'\"\n \t0123456789.eE+xyz_~!&*|>%@`\\";
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = rng() % text.size();
        switch (rng() % 5) {
            case 0:
                text[at] = kAlphabet[rng() % kAlphabet.size()];
                break;
            case 1:
                text.erase(at, 1 + rng() % 8);
                break;
            case 2:
                text.insert(at, text.substr(rng() % text.size(), 1 + rng() % 12));
                break;
            case 3:
                text.resize(at);
                break;
            default:
                text[at] = static_cast<char>(rng() % 256);
                break;
        }
    }
    return text;
}

}  // namespace

TEST(ScenarioFuzz, CorruptedScenariosLoadOrFailCleanly) {
    const std::string original = core_text();
    const std::regex line_format(R"(^fuzz\.yaml(:\d+:\d+)?: error: .+$)");
    std::mt19937_64 rng(2024);
    int loaded = 0;
    int rejected = 0;
    for (int i = 0; i < 10000; ++i) {
        const std::string text = mutate(original, rng);
        try {
            wfsim::model::Scenario s = wfsim::model::parse_scenario({"fuzz.yaml", text});
            ++loaded;
            // Keep runs short: the point is that whatever loads also runs.
            s.replications = 1;
            s.horizon_days = std::min(s.horizon_days, 90.0);
            s.interval_days = std::min(s.interval_days, s.horizon_days);
            s.demand.referrals_per_year = std::min(s.demand.referrals_per_year, 1e5);
            s.demand.initial_open_cases = std::min<std::int64_t>(s.demand.initial_open_cases, 1000);
            EXPECT_NO_THROW(wfsim::model::run_batch(s, 1)) << text;
        } catch (const wfsim::config::InputError& e) {
            ++rejected;
            ASSERT_FALSE(e.diagnostics().empty()) << text;
            for (const auto& d : e.diagnostics()) {
                const std::string line = d.format();
                ASSERT_TRUE(std::regex_match(line, line_format)) << line << "\n--- input:\n"
                                                                 << text;
                ASSERT_EQ(line.find('\n'), std::string::npos) << line;
            }
        }
    }
    std::printf("[ fuzz     ] %d loaded and ran, %d rejected\n", loaded, rejected);
    EXPECT_GT(loaded, 50);
    EXPECT_GT(rejected, 5000);
}
