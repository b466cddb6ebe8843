#include "output/hdf5_compression.hpp"

#include "output/hdf5_error.hpp"

namespace wfsim::output::hdf5 {

namespace {

bool deflate_available() {
    if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) {
        return false;
    }
    unsigned config = 0;
    return H5Zget_filter_info(H5Z_FILTER_DEFLATE, &config) >= 0 &&
           (config & H5Z_FILTER_CONFIG_ENCODE_ENABLED) != 0;
}

}  // namespace

Handle compressed_creation(const std::vector<hsize_t>& chunk, unsigned level) {
    const char* what = "setting up compression";
    Handle creation = own(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, what);
    check(H5Pset_chunk(creation.get(), static_cast<int>(chunk.size()), chunk.data()), what);
    if (deflate_available()) {
        check(H5Pset_shuffle(creation.get()), what);
        check(H5Pset_deflate(creation.get(), level), what);
    }
    return creation;
}

}  // namespace wfsim::output::hdf5
