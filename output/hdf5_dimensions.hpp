// netCDF's "dimension but not a variable": a dimension scale for an axis that has no coordinate
// values to offer (the rows of /events, of the comparison tables). netCDF readers need a scale
// on every axis of every dataset: h5netcdf refuses a group with an axis lacking one, and
// netCDF-C invents a "phony_dim_N" for it.
#pragma once

#include <hdf5.h>

#include <string>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// Creates the dataset `name` of `length` elements under `location` as such a dimension (no data
// is ever written to it) and returns it open, for attaching to the datasets along it.
Handle write_bare_dimension(hid_t location, const char* name, hsize_t length);

// Attaches the dimension `scale` (named `scale_name`) to axis `axis` of `dataset` (named
// `dataset_name`); the names are for the error message.
void attach_dimension(hid_t dataset, const std::string& dataset_name, hid_t scale,
                      const std::string& scale_name, unsigned axis = 0);

}  // namespace wfsim::output::hdf5
