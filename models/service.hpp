// One replication of a scenario: builds the simulator and the components, wires them
// together, runs to the horizon and leaves the results in the replication's rows of the table.
#pragma once

#include <cstdint>
#include <span>

#include "models/scenario/scenario.hpp"
#include "output/record_table.hpp"
#include "output/series_table.hpp"

namespace wfsim::model {

struct ReplicationStats {
    std::uint64_t events = 0;
};

// `events`, if given, receives the replication's event log (see metrics/event_log.hpp).
ReplicationStats run_replication(const Scenario& scenario, std::uint32_t replication,
                                 std::span<const double> sample_times, output::SeriesTable& table,
                                 output::RecordTable* events = nullptr);

}  // namespace wfsim::model
