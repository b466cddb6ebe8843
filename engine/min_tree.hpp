// Indexed minimum over a fixed set of slots: the slot with the smallest key in O(1), a key
// update in one climb of O(log n), ties to the lowest slot.
//
// Models use it where every entity has a key and the model needs the extreme one, e.g. the
// worker whose next case closes first. Paired with a Simulator timer it replaces one pending
// event per entity by a single one (see engine/simulator.hpp).
//
// A tournament (winner) tree: each internal node holds its subtree's winning slot and a copy
// of the winning key, so a climb compares siblings without chasing indices. The left subtree
// always holds the lower slots, so "left wins ties" means ties go to the lowest slot. A climb
// stops as soon as it can no longer change the winners above it.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace wfsim::engine {

class MinTree {
public:
    static constexpr double kAbsent = std::numeric_limits<double>::infinity();
    static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

    explicit MinTree(std::size_t slots) {
        while (leaves_ < slots) leaves_ *= 2;
        node_.assign(2 * leaves_, Node{kAbsent, 0});
        for (std::size_t i = 0; i < leaves_; ++i)
            node_[leaves_ + i].slot = static_cast<std::uint32_t>(i);
        for (std::size_t n = leaves_ - 1; n >= 1; --n) node_[n] = node_[2 * n];
    }

    void set(std::uint32_t slot, double key) {
        std::size_t n = leaves_ + slot;
        node_[n].key = key;
        for (n /= 2; n >= 1; n /= 2) {
            const Node& left = node_[2 * n];
            const Node& right = node_[2 * n + 1];
            const Node winner = right.key < left.key ? right : left;
            // Nothing above changes if this node keeps another slot (whose key is unchanged).
            if (winner.slot == node_[n].slot && winner.slot != slot) return;
            node_[n] = winner;
        }
    }

    // More slots (new ones absent), keeping every key. O(n): for rare growth.
    void resize(std::size_t slots) {
        std::vector<double> keys(leaves_);
        for (std::size_t i = 0; i < leaves_; ++i) keys[i] = node_[leaves_ + i].key;
        *this = MinTree(slots);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] != kAbsent) set(static_cast<std::uint32_t>(i), keys[i]);
        }
    }

    double key(std::uint32_t slot) const { return node_[leaves_ + slot].key; }

    // The slot with the smallest key, or kNoSlot when every key is kAbsent.
    std::uint32_t best() const { return node_[1].key == kAbsent ? kNoSlot : node_[1].slot; }
    double best_key() const { return node_[1].key; }

private:
    struct Node {
        double key;
        std::uint32_t slot;
    };

    std::size_t leaves_ = 1;
    std::vector<Node> node_;  // [1, leaves_) internal nodes, [leaves_, 2 leaves_) leaves
};

}  // namespace wfsim::engine
