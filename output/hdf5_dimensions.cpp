#include "output/hdf5_dimensions.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <string>

#include "output/hdf5_error.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

Handle write_bare_dimension(hid_t location, const char* name, hsize_t length) {
    const std::string what = std::string("writing dimension '") + name + "'";
    Handle space = own(H5Screate_simple(1, &length, nullptr), H5Sclose, what);
    // netCDF-C makes these float32; the type does not matter, as nothing is stored.
    Handle scale = own(H5Dcreate2(location, name, H5T_IEEE_F32LE, space.get(), H5P_DEFAULT,
                                  H5P_DEFAULT, H5P_DEFAULT),
                       H5Dclose, what);
    // The scale's NAME is what makes it such a dimension: the phrase, then the length
    // right-aligned in 10 characters as netCDF-C writes it.
    const std::string digits = std::to_string(length);
    const std::string scale_name = std::string(layout::kNotAVariable) +
                                   std::string(10 - std::min<std::size_t>(10, digits.size()), ' ') +
                                   digits;
    check(H5DSset_scale(scale.get(), scale_name.c_str()), what);
    return scale;
}

void attach_dimension(hid_t dataset, const std::string& dataset_name, hid_t scale,
                      const std::string& scale_name, unsigned axis) {
    check(H5DSattach_scale(dataset, scale, axis),
          "attaching dimension '" + scale_name + "' to '" + dataset_name + "'");
}

}  // namespace wfsim::output::hdf5
