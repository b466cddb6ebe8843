// Runs all replications of a scenario on a pool of threads. Replication r always uses the
// streams of (seed, r) and writes only its own rows, so the table is bit-identical for any
// thread count.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/scenario/scenario.hpp"
#include "output/record_table.hpp"
#include "output/series_table.hpp"

namespace wfsim::model {

struct BatchResult {
    std::vector<double> times;  // sample times, days since start
    output::SeriesTable series;
    std::uint64_t events = 0;  // over all replications
    // The event log of every replication, in replication order, when asked for.
    std::optional<output::RecordTable> event_log;
};

// Called after each finished replication with the number done so far; calls are serialised.
using ProgressCallback = std::function<void(std::uint32_t done, std::uint32_t total)>;

// threads = 0 means one per hardware thread. Exceptions from a replication are rethrown.
// `log_events` keeps the event log, identical for any thread count.
BatchResult run_batch(const Scenario& scenario, unsigned threads,
                      const ProgressCallback& progress = {}, bool log_events = false);

}  // namespace wfsim::model
