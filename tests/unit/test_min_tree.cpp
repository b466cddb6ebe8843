#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <vector>

#include "engine/min_tree.hpp"

using wfsim::engine::MinTree;

TEST(MinTree, EmptyHasNoBest) {
    MinTree tree(5);
    EXPECT_EQ(tree.best(), MinTree::kNoSlot);
    EXPECT_EQ(tree.best_key(), MinTree::kAbsent);
}

TEST(MinTree, TracksTheMinimumWithTiesToTheLowestSlot) {
    MinTree tree(6);
    tree.set(4, 2.0);
    tree.set(1, 3.0);
    EXPECT_EQ(tree.best(), 4u);
    tree.set(2, 2.0);
    EXPECT_EQ(tree.best(), 2u);  // tie: lower slot
    tree.set(2, MinTree::kAbsent);
    EXPECT_EQ(tree.best(), 4u);
    tree.set(4, 5.0);
    EXPECT_EQ(tree.best(), 1u);
    EXPECT_EQ(tree.best_key(), 3.0);
}

TEST(MinTree, SingleSlot) {
    MinTree tree(1);
    tree.set(0, 1.5);
    EXPECT_EQ(tree.best(), 0u);
    tree.set(0, MinTree::kAbsent);
    EXPECT_EQ(tree.best(), MinTree::kNoSlot);
}

TEST(MinTree, MatchesALinearScanUnderRandomUpdates) {
    std::mt19937_64 rng(11);
    for (const std::size_t slots : {std::size_t{3}, std::size_t{64}, std::size_t{300}}) {
        MinTree tree(slots);
        std::vector<double> keys(slots, MinTree::kAbsent);
        for (int step = 0; step < 20000; ++step) {
            const auto slot = static_cast<std::uint32_t>(rng() % slots);
            // Few distinct values, so ties are common.
            keys[slot] = rng() % 8 == 0 ? MinTree::kAbsent : static_cast<double>(rng() % 10);
            tree.set(slot, keys[slot]);
            std::uint32_t expected = MinTree::kNoSlot;
            double best = MinTree::kAbsent;
            for (std::uint32_t s = 0; s < slots; ++s) {
                if (keys[s] < best) {
                    best = keys[s];
                    expected = s;
                }
            }
            ASSERT_EQ(tree.best(), expected) << "step " << step;
            ASSERT_EQ(tree.key(slot), keys[slot]);
        }
    }
}
