// run_points: the threads of one process share out a study's points replication by
// replication. Each replication writes its own row of its point's table with the streams of
// (point, replication), so who runs it, and when, changes nothing in the results.
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

#include "models/metrics/sampling.hpp"
#include "models/metrics/target_judging.hpp"
#include "models/service.hpp"
#include "models/study/sweep.hpp"

namespace wfsim::model {

namespace {

// A drawn point whose replications are being run.
struct OpenPoint {
    Scenario scenario;
    std::vector<double> times;
    output::SweepPoint result;
    std::uint32_t started = 0;   // replications handed to a thread
    std::uint32_t finished = 0;  // replications whose rows are written

    bool has_unstarted() const { return started < scenario.replications; }
};

std::unique_ptr<OpenPoint> open_point(const Study& study, std::int64_t index) {
    auto point = std::make_unique<OpenPoint>();
    point->scenario = point_scenario(study, static_cast<std::size_t>(index));
    point->times = sample_times(point->scenario.horizon_days, point->scenario.interval_days);
    point->result.index = index;
    point->result.values = study.points[static_cast<std::size_t>(index)];
    point->result.series = output::SeriesTable(scenario_series(point->scenario),
                                               point->scenario.replications, point->times.size());
    return point;
}

class PointScheduler {
public:
    PointScheduler(const Study& study, PointSource& source, const PointDone& done)
        : study_(study), source_(source), done_(done) {}

    void work() {
        for (;;) {
            OpenPoint* point = nullptr;
            std::uint32_t replication = 0;
            if (!next_replication(point, replication)) return;
            try {
                run_replication(point->scenario, replication, point->times, point->result.series);
                finish_replication(point);
            } catch (...) {
                fail(std::current_exception());
                return;
            }
        }
    }

    void rethrow_failure() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    // The next replication to run: of the oldest open point with one unstarted, else the first
    // of a newly drawn point. False when there is no more work (or a failure stopped it).
    bool next_replication(OpenPoint*& point, std::uint32_t& replication) {
        std::unique_lock lock(mutex_);
        for (;;) {
            if (failure_) return false;
            const auto open = std::find_if(open_.begin(), open_.end(),
                                           [](const auto& p) { return p->has_unstarted(); });
            if (open != open_.end()) {
                point = open->get();
                replication = point->started++;
                return true;
            }
            if (exhausted_) {
                // Another thread may be opening a point this one can help with.
                if (drawing_ == 0) return false;
                changed_.wait(lock);
                continue;
            }
            // Draw and open a point outside the lock: drawing may wait on other ranks, and
            // building its scenario takes a while.
            ++drawing_;
            lock.unlock();
            std::unique_ptr<OpenPoint> drawn;
            std::exception_ptr failure;
            try {
                if (const std::optional<std::int64_t> index = source_.next()) {
                    drawn = open_point(study_, *index);
                }
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            --drawing_;
            changed_.notify_all();
            if (failure && !failure_) failure_ = failure;
            if (!failure && !drawn) exhausted_ = true;
            if (drawn && !failure_) open_.push_back(std::move(drawn));
        }
    }

    void finish_replication(OpenPoint* point) {
        std::unique_ptr<OpenPoint> complete;
        {
            std::lock_guard lock(mutex_);
            if (++point->finished < point->scenario.replications) return;
            const auto at = std::find_if(open_.begin(), open_.end(),
                                         [&](const auto& open) { return open.get() == point; });
            complete = std::move(*at);
            open_.erase(at);
        }
        complete->result.targets =
            judge_targets(complete->scenario.targets, complete->times, complete->result.series);
        std::lock_guard lock(done_mutex_);
        {
            std::lock_guard state(mutex_);
            if (failure_) return;
        }
        done_(std::move(complete->result));
    }

    void fail(std::exception_ptr failure) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = failure;
        changed_.notify_all();
    }

    const Study& study_;
    PointSource& source_;
    const PointDone& done_;

    std::mutex mutex_;  // guards everything below
    std::condition_variable changed_;
    std::list<std::unique_ptr<OpenPoint>> open_;  // oldest first
    unsigned drawing_ = 0;   // threads between drawing a point and opening it
    bool exhausted_ = false;  // the source has no more points
    std::exception_ptr failure_;

    std::mutex done_mutex_;  // serialises done_
};

}  // namespace

void run_points(const Study& study, PointSource& source, unsigned threads, const PointDone& done) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    PointScheduler scheduler(study, source, done);
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back([&] { scheduler.work(); });
    scheduler.work();
    for (std::thread& t : pool) t.join();
    scheduler.rethrow_failure();
}

}  // namespace wfsim::model
