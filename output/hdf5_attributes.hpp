// Reading and writing the attributes of a file, group or dataset. Scalars are stored with a
// scalar dataspace and lists with a one-dimensional one, which is what h5py, netCDF and xarray
// present as plain values and arrays. Failures throw hdf5::Error naming the attribute.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wfsim::output::hdf5 {

void write_attribute(hid_t object, const char* name, double value);
void write_attribute(hid_t object, const char* name, std::int64_t value);
void write_attribute(hid_t object, const char* name, std::uint64_t value);
void write_attribute(hid_t object, const char* name, const std::string& value);
void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values);

bool has_attribute(hid_t object, const char* name);

// Each throws if the attribute is missing, is not a single value (lists excepted), or cannot be
// converted to the requested type (HDF5 converts between numeric types, never number <-> text).
double read_double_attribute(hid_t object, const char* name);
std::int64_t read_int64_attribute(hid_t object, const char* name);
std::uint64_t read_uint64_attribute(hid_t object, const char* name);
std::string read_string_attribute(hid_t object, const char* name);
std::vector<std::string> read_string_list_attribute(hid_t object, const char* name);

}  // namespace wfsim::output::hdf5
