// Targets a plan is judged against: a condition on one output series ("agency_share <= 0.1"),
// judged at a date, over a period, or as a sustained run anywhere in the horizon. Read and
// validated here; judged per replication by models/metrics/targets.hpp.
#pragma once

#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

enum class TargetOp { AtLeast, AtMost };  // ">=", "<="

// by: the last sample at or before the date; throughout / average: the samples in [from, to],
// each or on average; sustained: every sample over some span at least `for` long.
enum class TargetKind { By, Throughout, Average, Sustained };

struct Target {
    std::string name;  // unique; the group name in the run file
    std::string metric;
    TargetOp op = TargetOp::AtLeast;
    double value = 0.0;
    TargetKind kind = TargetKind::By;
    engine::Date by, from, to;  // those of the kind, the rest unset
    double by_days = 0.0, from_days = 0.0, to_days = 0.0, for_days = 0.0;  // since the start
};

const char* op_text(TargetOp op);
const char* kind_text(TargetKind kind);

// Whether `value` meets the target's comparison; NaN never does.
bool meets(const Target& target, double value);

// The `targets:` list. `series` are the names of the scenario's output series; `samples` its
// sample times (days since the start), against which dates and spans are checked.
std::vector<Target> read_targets(config::Section root, const engine::Date& start,
                                 double horizon_days, const std::vector<std::string>& series,
                                 const std::vector<double>& samples);

}  // namespace wfsim::model
