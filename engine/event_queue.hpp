// Pending-event set: an implicit 4-ary min-heap of Event values ordered by (time, order).
//
// Why 4-ary: a pop (the most frequent operation) walks log4(N) levels instead of log2(N),
// and the four children of a node share one or two cache lines, so the heap stays close to
// a bare binary std::priority_queue on small sets and is faster on large ones (measured in
// tests/bench/bench_event_queue). Sift operations move a hole rather than swapping.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/event.hpp"

namespace wfsim::engine {

class EventQueue {
public:
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const Event& top() const { return heap_.front(); }

    void reserve(std::size_t n) { heap_.reserve(n); }
    void clear() { heap_.clear(); }

    void push(const Event& event) {
        std::size_t hole = heap_.size();
        heap_.push_back(event);
        while (hole > 0) {
            const std::size_t parent = (hole - 1) / kArity;
            if (!fires_before(event, heap_[parent])) break;
            heap_[hole] = heap_[parent];
            hole = parent;
        }
        heap_[hole] = event;
    }

    // Removes and returns the earliest event. Precondition: !empty().
    Event pop() {
        const Event earliest = heap_.front();
        const Event last = heap_.back();
        heap_.pop_back();
        const std::size_t n = heap_.size();
        if (n == 0) return earliest;
        std::size_t hole = 0;
        for (;;) {
            const std::size_t first = hole * kArity + 1;
            if (first >= n) break;
            std::size_t best = first;
            const std::size_t end = first + kArity < n ? first + kArity : n;
            for (std::size_t child = first + 1; child < end; ++child) {
                if (fires_before(heap_[child], heap_[best])) best = child;
            }
            if (!fires_before(heap_[best], last)) break;
            heap_[hole] = heap_[best];
            hole = best;
        }
        heap_[hole] = last;
        return earliest;
    }

private:
    static constexpr std::size_t kArity = 4;
    std::vector<Event> heap_;
};

}  // namespace wfsim::engine
