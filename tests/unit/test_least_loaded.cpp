#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "models/casework/least_loaded.hpp"

using wfsim::model::LeastLoaded;

TEST(LeastLoaded, NoWorkersNoCandidate) {
    LeastLoaded index(4);
    EXPECT_EQ(index.best(), LeastLoaded::kNoSlot);
}

TEST(LeastLoaded, LowestLoadRelativeToCapThenLowestSlot) {
    LeastLoaded index(8);
    index.add(3, 20);
    index.add(5, 10);
    EXPECT_EQ(index.best(), 3u);  // both empty: lower slot
    index.set_load(3, 10);        // 10/20 = 0.5
    index.set_load(5, 4);         // 4/10 = 0.4
    EXPECT_EQ(index.best(), 5u);
    index.set_load(5, 5);  // 0.5 = 0.5: tie, lower slot
    EXPECT_EQ(index.best(), 3u);
}

TEST(LeastLoaded, WorkersAtCapAreNotCandidates) {
    LeastLoaded index(4);
    index.add(0, 2);
    index.set_load(0, 2);
    EXPECT_EQ(index.best(), LeastLoaded::kNoSlot);
    index.set_load(0, 1);
    EXPECT_EQ(index.best(), 0u);
    index.remove(0);
    EXPECT_EQ(index.best(), LeastLoaded::kNoSlot);
}

TEST(LeastLoaded, MatchesALinearScanUnderRandomUpdates) {
    std::mt19937_64 rng(5);
    constexpr std::uint32_t kSlots = 200;
    const int caps[] = {5, 10, 14, 20};
    LeastLoaded index(kSlots);
    std::vector<int> cap(kSlots, 0);  // 0: absent
    std::vector<int> load(kSlots, 0);
    for (int step = 0; step < 50000; ++step) {
        const auto slot = static_cast<std::uint32_t>(rng() % kSlots);
        if (cap[slot] == 0) {
            cap[slot] = caps[rng() % 4];
            load[slot] = 0;
            index.add(slot, cap[slot]);
        } else if (rng() % 50 == 0) {
            index.remove(slot);
            cap[slot] = 0;
        } else {
            load[slot] = static_cast<int>(rng() % (cap[slot] + 1));
            index.set_load(slot, load[slot]);
        }
        std::uint32_t expected = LeastLoaded::kNoSlot;
        double best = 2.0;
        for (std::uint32_t s = 0; s < kSlots; ++s) {
            if (cap[s] == 0 || load[s] >= cap[s]) continue;
            const double ratio = static_cast<double>(load[s]) / cap[s];
            if (ratio < best) {
                best = ratio;
                expected = s;
            }
        }
        ASSERT_EQ(index.best(), expected) << "step " << step;
    }
}
