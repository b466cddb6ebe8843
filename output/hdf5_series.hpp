// A table of series as one dataset per metric in a `series` group (layout in
// output/run_layout.hpp): the run's own at the root, and each compared option's under
// /options/<name>.
#pragma once

#include <hdf5.h>

#include <string>
#include <vector>

#include "output/series_table.hpp"

namespace wfsim::output::hdf5 {

// Creates `series` under `location`, a dataset [R, T] per metric with `units` and `description`,
// and the group's own copies of the /replication and /time dimension scales, attached to each.
void write_series(hid_t location, const SeriesTable& table, hid_t replication, hid_t time);

// The table stored under `location`, in the order of `names` (the file's `metrics` attribute;
// HDF5 itself would list the datasets alphabetically).
SeriesTable read_series(hid_t location, std::vector<std::string> names, std::size_t replications,
                        hsize_t samples);

}  // namespace wfsim::output::hdf5
