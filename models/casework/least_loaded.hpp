// Which worker takes the next case: the lowest caseload relative to cap among workers under
// their cap, ties to the lowest slot. O(1) updates and a few word scans per query.
//
// Caseloads are small integers, so workers are kept in buckets by load, one set of buckets per
// distinct cap (usually one or a few: one per role). A bucket is a bitset over worker slots, so
// its lowest slot is one find-first-set; a bitmask of non-empty buckets gives the lowest load.
// Across cap classes the smallest load/cap wins (exact: equal ratios of small integers divide
// to equal doubles), then the lowest slot. A worker at their cap sits in no bucket.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>
#include <vector>

namespace wfsim::model {

class LeastLoaded {
public:
    static constexpr std::uint32_t kNoSlot = std::numeric_limits<std::uint32_t>::max();

    explicit LeastLoaded(std::size_t slots)
        : words_((slots + 63) / 64), class_of_(slots, kNoClass), load_(slots, 0) {}

    // A worker who can hold up to `cap` cases (> 0) joins, holding `load` cases.
    void add(std::uint32_t slot, int cap, int load = 0) {
        class_of_[slot] = class_for(cap);
        load_[slot] = load;
        insert(slot);
    }

    // More slots, keeping every worker where they are. Rare (staffing above establishment), so
    // it simply rebuilds the buckets.
    void resize(std::size_t slots) {
        const std::vector<std::uint16_t> class_of = class_of_;
        const std::vector<int> load = load_;
        words_ = (slots + 63) / 64;
        class_of_.assign(slots, kNoClass);
        load_.assign(slots, 0);
        std::vector<int> caps;
        for (const CapClass& c : classes_) caps.push_back(c.cap);
        classes_.clear();
        for (std::size_t slot = 0; slot < class_of.size(); ++slot) {
            if (class_of[slot] == kNoClass) continue;
            add(static_cast<std::uint32_t>(slot), caps[class_of[slot]], load[slot]);
        }
    }

    void remove(std::uint32_t slot) {
        erase(slot);
        class_of_[slot] = kNoClass;
    }

    // A slot that has not joined (an absent worker, cap 0, whose cases close) only records
    // the load; it is no candidate.
    void set_load(std::uint32_t slot, int load) {
        if (class_of_[slot] == kNoClass) {
            load_[slot] = load;
            return;
        }
        erase(slot);
        load_[slot] = load;
        insert(slot);
    }

    std::uint32_t best() const {
        std::uint32_t best_slot = kNoSlot;
        double best_ratio = std::numeric_limits<double>::infinity();
        for (const CapClass& c : classes_) {
            const int level = lowest_set(c.nonempty_levels);
            if (level < 0) continue;
            const std::uint64_t* bucket = &c.buckets[static_cast<std::size_t>(level) * words_];
            const std::uint32_t slot = static_cast<std::uint32_t>(lowest_set_in(bucket, words_));
            const double ratio = static_cast<double>(level) / c.cap;
            if (ratio < best_ratio || (ratio == best_ratio && slot < best_slot)) {
                best_ratio = ratio;
                best_slot = slot;
            }
        }
        return best_slot;
    }

private:
    static constexpr std::uint16_t kNoClass = std::numeric_limits<std::uint16_t>::max();

    struct CapClass {
        int cap;
        std::vector<std::uint64_t> buckets;          // cap levels x words_ bitsets
        std::vector<std::uint64_t> nonempty_levels;  // bit L set when bucket L has a worker
        std::vector<int> count;                      // workers per level
    };

    std::uint16_t class_for(int cap) {
        for (std::size_t i = 0; i < classes_.size(); ++i) {
            if (classes_[i].cap == cap) return static_cast<std::uint16_t>(i);
        }
        const std::size_t levels = static_cast<std::size_t>(cap);
        classes_.push_back(CapClass{cap, std::vector<std::uint64_t>(levels * words_, 0),
                                    std::vector<std::uint64_t>((levels + 63) / 64, 0),
                                    std::vector<int>(levels, 0)});
        return static_cast<std::uint16_t>(classes_.size() - 1);
    }

    void insert(std::uint32_t slot) {
        CapClass& c = classes_[class_of_[slot]];
        const int level = load_[slot];
        if (level >= c.cap) return;  // full: not a candidate
        c.buckets[static_cast<std::size_t>(level) * words_ + slot / 64] |= bit(slot);
        if (c.count[level]++ == 0) c.nonempty_levels[level / 64] |= bit(level);
    }

    void erase(std::uint32_t slot) {
        if (class_of_[slot] == kNoClass) return;
        CapClass& c = classes_[class_of_[slot]];
        const int level = load_[slot];
        if (level >= c.cap) return;
        c.buckets[static_cast<std::size_t>(level) * words_ + slot / 64] &= ~bit(slot);
        if (--c.count[level] == 0) c.nonempty_levels[level / 64] &= ~bit(level);
    }

    static std::uint64_t bit(std::uint32_t i) { return std::uint64_t{1} << (i % 64); }
    static std::uint64_t bit(int i) { return bit(static_cast<std::uint32_t>(i)); }

    static int lowest_set(const std::vector<std::uint64_t>& words) {
        return lowest_set_in(words.data(), words.size());
    }
    static int lowest_set_in(const std::uint64_t* words, std::size_t n) {
        for (std::size_t w = 0; w < n; ++w) {
            if (words[w] != 0) return static_cast<int>(w * 64) + std::countr_zero(words[w]);
        }
        return -1;
    }

    std::size_t words_;
    std::vector<CapClass> classes_;
    std::vector<std::uint16_t> class_of_;
    std::vector<int> load_;
};

}  // namespace wfsim::model
