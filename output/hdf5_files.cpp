#include "output/hdf5_files.hpp"

#include <hdf5.h>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_error.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

Handle open_formatted(const std::filesystem::path& path, const std::string& format,
                      const std::string& otherwise) {
    if (check(H5Fis_hdf5(path.c_str()), "checking the file signature") == 0) {
        throw Error("not an HDF5 file");
    }
    Handle file = own(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose,
                      "opening the file");
    if (!has_attribute(file.get(), layout::kFormat) ||
        read_string_attribute(file.get(), layout::kFormat) != format) {
        throw Error(otherwise);
    }
    return file;
}

}  // namespace wfsim::output::hdf5
