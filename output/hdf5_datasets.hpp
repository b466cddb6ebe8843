// Whole-dataset writes and reads. Run files are written once and read whole, so there is no
// partial (hyperslab) I/O here. Names are paths from `location`, such as "series/headcount",
// so error messages (hdf5::Error) say exactly which dataset failed.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// Creates a dataset of shape `dims`, writes `values` (row-major, product of dims long) and
// returns it open so callers can add attributes and dimension scales. `creation` is a dataset
// creation property list (chunking, compression) or H5P_DEFAULT.
Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const double> values, hid_t creation = H5P_DEFAULT);
Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const std::int64_t> values);
Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const std::uint8_t> values);
Handle write_dataset(hid_t location, const char* name, const std::vector<std::string>& values);

Handle open_dataset(hid_t location, const char* name);

// The dataset's shape, one entry per dimension.
std::vector<hsize_t> extent(hid_t dataset, const char* name);

// Read everything, after checking the shape is `dims`; a mismatch throws rather than reading
// past or short of the caller's buffer.
std::vector<double> read_doubles(hid_t dataset, const char* name, const std::vector<hsize_t>& dims);
std::vector<std::uint8_t> read_uint8s(hid_t dataset, const char* name,
                                     const std::vector<hsize_t>& dims);
std::vector<std::string> read_strings(hid_t dataset, const char* name, hsize_t count);

}  // namespace wfsim::output::hdf5
