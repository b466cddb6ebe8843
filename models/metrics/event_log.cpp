#include "models/metrics/event_log.hpp"

#include <array>
#include <string_view>

namespace wfsim::model {

namespace {

constexpr std::uint16_t kNoDestination = kDestinationCount;  // the last label, "none"

std::vector<std::string> labels(auto names) {
    return std::vector<std::string>(names.begin(), names.end());
}

}  // namespace

std::vector<output::ColumnSpec> event_log_columns(const std::vector<std::string>& roles) {
    using output::ColumnKind;
    std::vector<std::string> destinations = labels(kDestinationNames);
    destinations.emplace_back("none");
    return {
        {"replication", "1", "Replication the row belongs to.", ColumnKind::uint32, {}},
        {"time", "days", "Days since the scenario's start.", ColumnKind::float64, {}},
        {"event", "1",
         "permanent_start, departure (permanent or agency: see contract and destination), "
         "agency_start, moved (within the service: the row has the new role and route), or the "
         "outcome of an ASYE assessment.",
         ColumnKind::enumeration,
         {"permanent_start", "departure", "agency_start", "moved", "asye_passed", "asye_extended",
          "asye_failed"}},
        {"person", "1",
         "The person, numbered from 0 in the order they joined this replication (a start and "
         "its departure share the number).",
         ColumnKind::uint32,
         {}},
        {"contract", "1", "permanent or agency.", ColumnKind::enumeration, {"permanent", "agency"}},
        {"role", "1", "The person's role.", ColumnKind::enumeration, roles},
        {"route", "1", "How a permanent worker came to the service (agency rows: initial).",
         ColumnKind::enumeration, labels(kRouteNames)},
        {"destination", "1", "Where a departing worker went; none on other rows.",
         ColumnKind::enumeration, destinations},
    };
}

EventLog::EventLog(const Staffing& staffing, output::RecordTable& table,
                   std::uint32_t replication)
    : staffing_(staffing), table_(table), replication_(replication) {}

void EventLog::permanent_started(WorkerId worker, engine::Simulator& sim) {
    joined(worker, LoggedEvent::PermanentStart, sim.now());
}

void EventLog::agency_started(WorkerId worker, engine::Simulator& sim) {
    joined(worker, LoggedEvent::AgencyStart, sim.now());
}

void EventLog::worker_leaving(WorkerId worker, Destination destination, engine::Simulator& sim) {
    append(LoggedEvent::Departure, worker, sim.now(), static_cast<std::uint16_t>(destination));
}

void EventLog::worker_moved(WorkerId worker, RoleId, engine::Simulator& sim) {
    append(LoggedEvent::Moved, worker, sim.now(), kNoDestination);
}

void EventLog::asye_completed(WorkerId worker, AsyeOutcome outcome, engine::Simulator& sim) {
    constexpr std::array<LoggedEvent, kAsyeOutcomeCount> kEvents = {
        LoggedEvent::AsyePassed, LoggedEvent::AsyeExtended, LoggedEvent::AsyeFailed};
    append(kEvents[index_of(outcome)], worker, sim.now(), kNoDestination);
}

void EventLog::joined(WorkerId worker, LoggedEvent event, double now) {
    if (worker >= person_.size()) person_.resize(staffing_.worker_capacity(), 0);
    person_[worker] = people_++;
    append(event, worker, now, kNoDestination);
}

void EventLog::append(LoggedEvent event, WorkerId worker, double now, std::uint16_t destination) {
    const Worker& w = staffing_.worker(worker);
    table_.append_row(replication_, now, event, person_[worker], w.contract,
                      output::EnumCode{w.role}, w.route, output::EnumCode{destination});
}

}  // namespace wfsim::model
