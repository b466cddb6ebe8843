// Running a study's points: threads (and, through a shared PointSource, MPI ranks) draw point
// indices until none are left; each point's replications run with the streams of
// (point_seed, replication), so a point's results are the same whichever thread, rank or shard
// runs it, and in whatever order.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/study/study.hpp"
#include "output/sweep_file.hpp"

namespace wfsim::model {

// Where workers get their next point. Implementations must be safe to call from many threads.
class PointSource {
public:
    virtual ~PointSource() = default;
    virtual std::optional<std::int64_t> next() = 0;
    // How many of the list have been handed out so far, to any worker (at most the list's
    // size): the points before that index are running or finished somewhere.
    virtual std::size_t handed_out() = 0;
};

// Hands out the given points in order, once each.
class ListedPoints final : public PointSource {
public:
    explicit ListedPoints(std::vector<std::int64_t> points) : points_(std::move(points)) {}
    std::optional<std::int64_t> next() override;
    std::size_t handed_out() override { return std::min(next_.load(), points_.size()); }

private:
    std::vector<std::int64_t> points_;
    std::atomic<std::size_t> next_{0};
};

// Shard `index` of `count` (0-based): every count-th point from `index`, so that shards of a
// study whose cost varies along an axis still get similar mixes.
std::vector<std::int64_t> shard_points(std::int64_t total, std::uint32_t index, std::uint32_t count);

// Builds the scenario of each of `points` (each value alone was checked when the study was
// read; combinations only here), for wfsim validate: a sweep meets a refused combination only
// when it reaches the point, since building every scenario first would double the reading a
// large study does. Throws config::InputError naming each refused point, at most
// kMaxPointsReported of them and then how many more.
inline constexpr std::size_t kMaxPointsReported = 10;
void check_points(const Study& study, const std::vector<std::int64_t>& points);

// What every sweep file of the study says before its points.
output::SweepHeader sweep_header(const Study& study);

// One point, all its replications, judged against the scenario's targets.
output::SweepPoint run_point(const Study& study, std::int64_t point);

// Called once per finished point, never concurrently; `replications` is that point's count.
using PointDone = std::function<void(output::SweepPoint&& point)>;

// Runs every point `source` yields on `threads` threads (0: one per core). The threads share
// out replications, not just points: an idle thread joins the oldest point that still has
// replications to start before it draws a new point, so a study of fewer points than threads
// uses them all and the last point does not leave threads idle. Points finish roughly in the
// order drawn, and few are open at once. Exceptions from a point (a combination of values the
// scenario refuses, a failing sink) stop the hand-out and are rethrown once the running
// replications finish.
void run_points(const Study& study, PointSource& source, unsigned threads, const PointDone& done);

}  // namespace wfsim::model
