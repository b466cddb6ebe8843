#include "models/batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

#include "models/metrics/event_log.hpp"
#include "models/metrics/metric_catalog.hpp"
#include "models/metrics/sampling.hpp"
#include "models/service.hpp"

namespace wfsim::model {

BatchResult run_batch(const Scenario& scenario, unsigned threads,
                      const ProgressCallback& progress, bool log_events) {
    const std::uint32_t total = scenario.replications;
    std::vector<double> times = sample_times(scenario.horizon_days, scenario.interval_days);
    output::SeriesTable series(scenario_series(scenario), total, times.size());
    // One log per replication, joined in replication order at the end.
    std::vector<std::optional<output::RecordTable>> logs(log_events ? total : 0);

    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>(threads, total);

    std::atomic<std::uint32_t> next{0};
    std::atomic<std::uint64_t> events{0};
    std::mutex mutex;  // guards done, failure and progress calls
    std::uint32_t done = 0;
    std::exception_ptr failure;

    auto worker = [&] {
        for (;;) {
            const std::uint32_t rep = next.fetch_add(1);
            if (rep >= total) return;
            try {
                output::RecordTable* log = nullptr;
                if (log_events) log = &logs[rep].emplace(event_log_columns(scenario.roles.names()));
                const ReplicationStats stats = run_replication(scenario, rep, times, series, log);
                events += stats.events;
                std::lock_guard lock(mutex);
                ++done;
                if (progress) progress(done, total);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                next = total;  // stop handing out work
                return;
            }
        }
    };

    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned i = 1; i < threads; ++i) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    BatchResult result{std::move(times), std::move(series), events.load(), std::nullopt};
    if (log_events) {
        result.event_log.emplace(event_log_columns(scenario.roles.names()));
        for (const auto& log : logs) result.event_log->append(*log);
    }
    return result;
}

}  // namespace wfsim::model
