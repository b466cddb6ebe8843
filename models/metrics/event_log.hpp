// The audit trail of one replication, for users who must show how a figure came about: every
// permanent start (with its route), every departure (with its destination), every agency
// assignment starting, every move within the service (promotion, progression, a qualified
// apprentice: the row shows the new role and route) and every ASYE assessment. One row per
// occurrence, in time order; people are numbered in the order they joined the replication, so
// a person's rows match and an ASYE cohort is the NQSWs whose start rows share a month.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/workforce/staffing.hpp"
#include "output/record_table.hpp"

namespace wfsim::model {

enum class LoggedEvent : std::uint8_t {
    PermanentStart,
    Departure,
    AgencyStart,
    Moved,
    AsyePassed,
    AsyeExtended,
    AsyeFailed
};

// The columns of the log of a service with these roles.
std::vector<output::ColumnSpec> event_log_columns(const std::vector<std::string>& roles);

class EventLog final : public StaffingObserver {
public:
    // Appends to `table`, which must have event_log_columns() for the staffing's roles.
    EventLog(const Staffing& staffing, output::RecordTable& table, std::uint32_t replication);

    void permanent_started(WorkerId worker, engine::Simulator& sim) override;
    void agency_started(WorkerId worker, engine::Simulator& sim) override;
    void worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) override;
    void worker_moved(WorkerId worker, RoleId from_role, engine::Simulator& sim) override;
    void asye_completed(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim) override;

private:
    void joined(WorkerId worker, LoggedEvent event, double now);
    void append(LoggedEvent event, WorkerId worker, double now, std::uint16_t destination);

    const Staffing& staffing_;
    output::RecordTable& table_;
    std::uint32_t replication_;
    std::vector<std::uint32_t> person_;  // by worker slot: the person now in it
    std::uint32_t people_ = 0;
};

}  // namespace wfsim::model
