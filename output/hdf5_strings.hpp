// Moving std::string values in and out of HDF5 variable-length string buffers, which are arrays
// of NUL-terminated char pointers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// Variable-length UTF-8 strings, used both in memory and in the file. This is netCDF-4's
// NC_STRING, and h5py returns such attributes as str (fixed-length ones come back as bytes).
Handle utf8_string_type();
// A variable-length memory string type in the character set of `stored_type`, for reading.
Handle memory_string_type_like(hid_t stored_type);

// Pointers into `value(s)` for writing. Throw Error naming `what` if a value contains a NUL
// byte, which a variable-length HDF5 string cannot hold (it would be silently truncated).
const char* c_string(const std::string& value, std::string_view what);
std::vector<const char*> c_strings(const std::vector<std::string>& values, std::string_view what);

// A buffer HDF5 fills when reading variable-length strings: the library allocates each string,
// and this frees them, even if copying them out throws.
class ReadStrings {
public:
    explicit ReadStrings(std::size_t count) : pointers_(count, nullptr) {}
    ~ReadStrings();
    ReadStrings(const ReadStrings&) = delete;
    ReadStrings& operator=(const ReadStrings&) = delete;

    char** data() { return pointers_.data(); }
    std::vector<std::string> values() const;  // a null pointer (never written) reads as ""

private:
    std::vector<char*> pointers_;
};

}  // namespace wfsim::output::hdf5
