// Opening a file that wfsim wrote, for reading: an HDF5 file whose root `format` attribute names
// what it is, so that a file of another kind is refused with one line rather than misread.
#pragma once

#include <filesystem>
#include <string>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// Opens `path` read-only. Throws hdf5::Error "not an HDF5 file", or `otherwise` when its
// `format` attribute is missing or not `format`.
Handle open_formatted(const std::filesystem::path& path, const std::string& format,
                      const std::string& otherwise);

}  // namespace wfsim::output::hdf5
