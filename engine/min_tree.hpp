// Indexed minima over a fixed set of slots: for each of `Keys` keys, the slot with the
// smallest key in O(1); updating a slot's keys costs one climb of O(log n).
//
// Models use it where every entity has a key and the model needs the extreme one: the
// least-loaded worker, the worker whose next case closes first. Paired with a Simulator timer
// it replaces one pending event per entity by a single one (see engine/simulator.hpp).
// Several keys share one tree so that an entity whose keys change together (a worker closing a
// case changes both its load and its next due time) is updated in one climb.
//
// A tournament (winner) tree: each internal node holds, per key, its subtree's winning slot
// and a copy of the winning key. The left subtree always holds the lower slots, so "left wins
// ties" means ties go to the lowest slot. A climb stops as soon as it can no longer change
// the winners above it.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace wfsim::engine {

template <std::size_t Keys = 1>
class MinTree {
public:
    static constexpr double kAbsent = std::numeric_limits<double>::infinity();
    static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

    explicit MinTree(std::size_t slots) {
        while (leaves_ < slots) leaves_ *= 2;
        Node absent;
        for (Entry& e : absent.entry) e = Entry{kAbsent, 0};
        node_.assign(2 * leaves_, absent);
        for (std::size_t i = 0; i < leaves_; ++i) {
            for (Entry& e : node_[leaves_ + i].entry) e.slot = static_cast<std::uint32_t>(i);
        }
        for (std::size_t n = leaves_ - 1; n >= 1; --n) node_[n] = node_[2 * n];
    }

    // Sets one key of `slot`.
    void set(std::uint32_t slot, std::size_t k, double key) {
        std::size_t n = leaves_ + slot;
        node_[n].entry[k].key = key;
        for (n /= 2; n >= 1; n /= 2) {
            if (!update(n, k, slot)) return;
        }
    }

    // Sets every key of `slot` in one climb.
    void set_all(std::uint32_t slot, const std::array<double, Keys>& keys) {
        std::size_t n = leaves_ + slot;
        for (std::size_t k = 0; k < Keys; ++k) node_[n].entry[k].key = keys[k];
        for (n /= 2; n >= 1; n /= 2) {
            bool climbing = false;
            for (std::size_t k = 0; k < Keys; ++k) climbing |= update(n, k, slot);
            if (!climbing) return;
        }
    }

    double key(std::uint32_t slot, std::size_t k = 0) const {
        return node_[leaves_ + slot].entry[k].key;
    }

    // The slot with the smallest key k, or kNoSlot when every key k is kAbsent.
    std::uint32_t best(std::size_t k = 0) const {
        const Entry& e = node_[1].entry[k];
        return e.key == kAbsent ? kNoSlot : e.slot;
    }
    double best_key(std::size_t k = 0) const { return node_[1].entry[k].key; }

private:
    struct Entry {
        double key;
        std::uint32_t slot;
    };
    struct Node {
        std::array<Entry, Keys> entry;
    };

    // Recomputes key k's winner at node n after `slot` changed below it. False when the node
    // keeps another slot as winner, so nothing above can change.
    bool update(std::size_t n, std::size_t k, std::uint32_t slot) {
        const Entry& left = node_[2 * n].entry[k];
        const Entry& right = node_[2 * n + 1].entry[k];
        const Entry winner = right.key < left.key ? right : left;
        Entry& current = node_[n].entry[k];
        if (winner.slot == current.slot && winner.slot != slot) return false;
        current = winner;
        return true;
    }

    std::size_t leaves_ = 1;
    std::vector<Node> node_;  // [1, leaves_) internal nodes, [leaves_, 2 leaves_) leaves
};

}  // namespace wfsim::engine
