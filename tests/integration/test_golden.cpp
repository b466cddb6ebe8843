// Golden run of the shipped core scenario: a fingerprint of event counts and results that
// changes if any behaviour changes (event order, a random stream, an allocation rule). A
// deliberate change updates the numbers here and says why in its commit; an accidental one
// fails. Later model features must leave these numbers alone unless a documented fix needs it.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

namespace {

// FNV-1a over the bytes of every value of a metric, all replications: any bit that moves
// changes it.
std::uint64_t fingerprint(const wfsim::output::SeriesTable& table, const char* metric) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    const std::size_t m = table.index_of(metric);
    for (std::size_t r = 0; r < table.replications(); ++r) {
        for (const double v : table.row(m, r)) {
            unsigned char bytes[sizeof v];
            std::memcpy(bytes, &v, sizeof v);
            for (const unsigned char b : bytes) {
                hash ^= b;
                hash *= 0x100000001b3ULL;
            }
        }
    }
    return hash;
}

}  // namespace

TEST(Golden, CoreScenarioFingerprint) {
    wfsim::model::Scenario s = wfsim::model::load_scenario(WFSIM_SOURCE_DIR "/scenarios/core.yaml");
    s.replications = 2;
    const wfsim::model::BatchResult result = wfsim::model::run_batch(s, 2);
    const auto& t = result.series;
    const std::size_t last = result.times.size() - 1;
    auto at = [&](const char* metric, std::size_t rep, std::size_t sample) {
        return t.at(t.index_of(metric), rep, sample);
    };
    EXPECT_EQ(result.events, 394550u);

    struct Expected {
        const char* metric;
        double rep0_at_horizon;
        double rep1_at_horizon;
        std::uint64_t all_values;
    };
    const Expected expected[] = {
        {"staff_permanent", 290, 287, 0xdae19a880c7111d5ULL},
        {"staff_agency", 9, 11, 0x4047a7affeb253a8ULL},
        {"leavers", 3, 5, 0x3edaca54d3cec603ULL},
        {"referrals", 782, 826, 0xf8cf5f2b2a7e77ddULL},
        {"open_cases", 4870, 5037, 0x938a8d9bc9116ccbULL},
        {"mean_caseload", 16.287625418060202, 16.902684563758388, 0x190b582df51a5445ULL},
        {"share_open_cases_3plus_workers", 0.015195071868583163, 0.01528687710939051,
         0xd7dd296960055f7cULL},
        {"turnover_rate_12m", 0.14162192800523737, 0.13197112301928468, 0x1e563bc5a3fc8577ULL},
    };
    for (const Expected& e : expected) {
        EXPECT_EQ(at(e.metric, 0, last), e.rep0_at_horizon) << e.metric;
        EXPECT_EQ(at(e.metric, 1, last), e.rep1_at_horizon) << e.metric;
        EXPECT_EQ(fingerprint(t, e.metric), e.all_values) << e.metric;
    }
}
