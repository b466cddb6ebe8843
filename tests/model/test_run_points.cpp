// run_points: threads share a study's points replication by replication. Whatever the number of
// threads (fewer or more than the points), every point is done exactly once with the rows that
// one thread running it alone gives; a failing sink stops the sweep and is rethrown.
#include <atomic>
#include <cmath>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "models/study/study.hpp"
#include "models/study/sweep.hpp"

namespace wfsim::model {
namespace {

// The core scenario (10 years), with a target so that judging is covered too.
Study three_points() {
    return parse_study({"study.yaml",
                        "scenario: core.yaml\n"
                        "replications: 5\n"
                        "parameters:\n"
                        "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.15, 0.2] }\n"},
                       WFSIM_SOURCE_DIR "/scenarios");
}

std::map<std::int64_t, output::SweepPoint> run_all(const Study& study, unsigned threads) {
    std::vector<std::int64_t> all;
    for (std::size_t p = 0; p < study.points.size(); ++p) all.push_back(static_cast<std::int64_t>(p));
    ListedPoints source(all);
    std::map<std::int64_t, output::SweepPoint> done;
    run_points(study, source, threads, [&](output::SweepPoint&& point) {
        const std::int64_t index = point.index;
        EXPECT_TRUE(done.emplace(index, std::move(point)).second) << "point " << index << " twice";
    });
    return done;
}

// Bit for bit, NaN included (a sample never written).
bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

void expect_same_point(const output::SweepPoint& a, const output::SweepPoint& b) {
    EXPECT_EQ(a.values, b.values);
    ASSERT_EQ(a.series.metrics(), b.series.metrics());
    ASSERT_EQ(a.series.replications(), b.series.replications());
    ASSERT_EQ(a.series.samples(), b.series.samples());
    std::size_t differing = 0;
    for (std::size_t m = 0; m < a.series.metrics(); ++m)
        for (std::size_t r = 0; r < a.series.replications(); ++r)
            for (std::size_t t = 0; t < a.series.samples(); ++t)
                differing += !same_bits(a.series.at(m, r, t), b.series.at(m, r, t));
    EXPECT_EQ(differing, 0u) << "point " << a.index;
    ASSERT_EQ(a.targets.size(), b.targets.size());
    for (std::size_t k = 0; k < a.targets.size(); ++k) {
        EXPECT_EQ(a.targets[k].met, b.targets[k].met);
        EXPECT_EQ(a.targets[k].probability, b.targets[k].probability);
    }
}

TEST(RunPoints, AnyNumberOfThreadsDoesEachPointOnceWithTheRowsOfOneThread) {
    const Study study = three_points();
    const auto alone = run_all(study, 1);
    ASSERT_EQ(alone.size(), 3u);
    // Each point as run_point runs it, replications in order on one thread.
    expect_same_point(alone.at(1), run_point(study, 1));
    for (const unsigned threads : {2u, 3u, 8u}) {  // fewer and more threads than points
        SCOPED_TRACE(std::to_string(threads) + " threads");
        const auto shared = run_all(study, threads);
        ASSERT_EQ(shared.size(), 3u);
        for (const auto& [index, point] : shared) expect_same_point(point, alone.at(index));
    }
}

TEST(RunPoints, AFailingSinkStopsTheSweepAndIsRethrown) {
    const Study study = three_points();
    ListedPoints source({0, 1, 2});
    int calls = 0;
    const auto fail = [&](output::SweepPoint&&) {
        ++calls;
        throw std::runtime_error("disk full");
    };
    EXPECT_THROW(run_points(study, source, 4, fail), std::runtime_error);
    EXPECT_EQ(calls, 1);  // no point is handed over after the failure
}

}  // namespace
}  // namespace wfsim::model
