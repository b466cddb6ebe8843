// The /options and /comparison groups of a run file written by `wfsim compare` (layout in
// output/run_layout.hpp).
#pragma once

#include <hdf5.h>

#include <optional>
#include <string>
#include <vector>

#include "output/comparison_results.hpp"

namespace wfsim::output::hdf5 {

// `replication` and `time` are the file's dimension scales; `start_date` the run's (ISO).
void write_comparison(hid_t file, const Comparison& comparison, hid_t replication, hid_t time,
                      const std::string& start_date);

// Nothing when the file has no /options group. `metrics` are the file's metric names, which
// every option records too.
std::optional<Comparison> read_comparison(hid_t file, const std::vector<std::string>& metrics,
                                          std::size_t replications, hsize_t samples);

}  // namespace wfsim::output::hdf5
