// The mean difference between two runs replication by replication. With common random numbers
// replication i of both runs saw the same demand and the same draws wherever the policies do
// not differ, so the pairs' differences vary far less than the runs themselves do, and the
// interval is correspondingly narrower than that of two independent means.
#pragma once

#include <cstdint>
#include <span>

#include "output/target_results.hpp"

namespace wfsim::model {

struct PairedDifference {
    double baseline_mean = 0.0;  // over the pairs used
    double option_mean = 0.0;
    double difference = 0.0;  // mean of option - baseline
    double sd = 0.0;          // sample standard deviation of the differences (n - 1)
    double ci_low = 0.0, ci_high = 0.0;
    std::int64_t pairs = 0;
};

// Pairs where either value is NaN are left out. The interval is the Student-t interval of the
// mean difference at `confidence`: difference -/+ t(n-1) sd / sqrt(n). With no pairs everything
// is NaN; with one, the sd and interval are.
PairedDifference paired_difference(std::span<const double> baseline,
                                   std::span<const double> option, double confidence = 0.95);

// A target's outcomes paired the same way (met 1, not met 0): the difference is the change in
// the probability of meeting it.
PairedDifference paired_difference(const output::TargetResult& baseline,
                                   const output::TargetResult& option, double confidence = 0.95);

}  // namespace wfsim::model
