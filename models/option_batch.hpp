// Runs the scenario as written and some of its policy options, for `wfsim compare`.
//
// Common random numbers come for free from how streams are named: every component draws from
// its own stream of (seed, replication, component), so replication r of every option sees the
// same referrals, the same absences and the same leaving clocks wherever the policies do not
// differ, and an option's difference from the baseline is the policy's effect, not chance's.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {

// How each option's replications get their streams.
enum class OptionStreams {
    Common,       // the scenario's seed for every option: paired replications
    Independent,  // a seed of its own for each option, to show what pairing gains
};

// The seed the option at `position` in run_options' list runs with: the scenario's, or under
// Independent one derived from it and the position (the first keeps the scenario's).
std::uint64_t option_seed(std::uint64_t seed, std::size_t position, OptionStreams streams);

// Runs each of `options` (kBaselineOption or the names of scenario.options) with the
// scenario's replication count, in the order given. `progress` counts replications over all of
// them. Throws std::out_of_range for an unknown option name.
std::vector<BatchResult> run_options(const Scenario& scenario,
                                     std::span<const std::string> options, unsigned threads,
                                     OptionStreams streams, const ProgressCallback& progress = {});

}  // namespace wfsim::model
