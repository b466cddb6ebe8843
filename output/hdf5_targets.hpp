// The /targets group of a run file (layout in output/run_layout.hpp): one subgroup per target.
#pragma once

#include <hdf5.h>

#include <vector>

#include "output/target_results.hpp"

namespace wfsim::output::hdf5 {

// A target's definition as attributes of its group (name, metric, op, value, kind, and only the
// dates of its kind, so a reader sees which form it had), shared by run and sweep files; the
// outcomes are each file's own.
void write_target_definition(hid_t group, const TargetResult& target);
// The definition, with empty outcomes.
TargetResult read_target_definition(hid_t group);

// `replication` is the /replication dimension scale, attached to each per-replication dataset.
void write_targets(hid_t file, const std::vector<TargetResult>& targets, hid_t replication,
                   const std::string& start_date);

// Empty when the file has no /targets group. `replications` is the expected dataset length.
std::vector<TargetResult> read_targets(hid_t file, hsize_t replications);

}  // namespace wfsim::output::hdf5
