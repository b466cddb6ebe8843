// Datasets written and read one leading-index slab at a time: a sweep file's [point, ...]
// datasets get one point's block per call, so that no more than one point is ever in memory.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <span>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// An empty dataset of `dims` (the first is the slab index), chunked one slab (or less, for big
// slabs) at a time and compressed.
Handle create_slabbed(hid_t location, const char* name, hid_t file_type,
                      const std::vector<hsize_t>& dims);

// Writes `values` (the product of dims[1..] long) as slab `index` of the dataset.
void write_slab(hid_t dataset, const char* name, hsize_t index, std::span<const double> values);
void write_slab(hid_t dataset, const char* name, hsize_t index,
                std::span<const std::uint8_t> values);

// Reads slab `index` into `values`, which must be one slab long.
void read_slab(hid_t dataset, const char* name, hsize_t index, std::span<double> values);
void read_slab(hid_t dataset, const char* name, hsize_t index, std::span<std::uint8_t> values);

}  // namespace wfsim::output::hdf5
