// What a report shows: its key metrics and the dates of its key-metrics table, as the user
// asked for them (--metrics, --at) or by default, checked against the run file.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "output/run_file.hpp"

namespace wfsim::report {

// A request the run file cannot answer (an unknown metric, a date outside the run): the user's
// mistake, so a usage error, with a one-line message naming the option.
class SelectionError : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

struct ReportDate {
    std::string label;   // the date asked for, ISO
    std::size_t sample;  // the last sample whose date is on or before it
};

struct ReportSelection {
    std::vector<std::string> metrics;
    std::vector<ReportDate> dates;  // in date order
};

// The run's start date; throws output::OutputError if the file's start_date is not a date.
engine::Date run_start(const output::RunData& run);

// `metrics` empty: the targets' metrics, then kKeyMetrics (those the file has), each once.
// Otherwise those named, in that order, each once; an unknown one throws SelectionError
// "--metrics: unknown metric 'X' (did you mean 'Y'?)".
// `at` empty: each target's judging date (by, or the end of its period) and the run's last
// sample date. Otherwise the ISO dates given; one that is not a date or falls outside the run
// throws SelectionError. Dates are sorted and each kept once.
ReportSelection select_report(const output::RunData& run, std::span<const std::string> at,
                              std::span<const std::string> metrics);

}  // namespace wfsim::report
