// What a run file records of each target (see models/scenario/targets.hpp for the judging
// rules): its definition, each replication's outcome, and the probability of meeting it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wfsim::output {

struct TargetResult {
    std::string name;    // the group /targets/<name>, so no '/'
    std::string metric;  // the series judged
    std::string op;      // ">=" or "<="
    double value = 0.0;
    std::string kind;  // "by", "throughout", "average" or "for"
    // ISO dates of the kind ("by"; "from" and "to"), empty otherwise; for_days for "for".
    std::string by, from, to;
    double for_days = 0.0;

    std::vector<std::uint8_t> met;        // per replication, 0 or 1
    std::vector<double> first_met_days;   // per replication, days since start; NaN if never
    double probability = 0.0;             // share of replications that met it
    double ci_low = 0.0, ci_high = 0.0;   // 95 % Wilson interval of the probability
};

}  // namespace wfsim::output
