#include "output/hdf5_slabs.hpp"

#include <algorithm>
#include <string>

#include "output/hdf5_compression.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"

namespace wfsim::output::hdf5 {

namespace {

hsize_t slab_size(const std::vector<hsize_t>& dims) {
    hsize_t size = 1;
    for (std::size_t i = 1; i < dims.size(); ++i) size *= dims[i];
    return size;
}

// The dataspace selection of slab `index`, and the memory space of one slab.
struct Selection {
    Handle file_space;
    Handle memory_space;
};

Selection select_slab(hid_t dataset, const char* name, hsize_t index, std::size_t length,
                      const std::string& what) {
    std::vector<hsize_t> dims = extent(dataset, name);
    if (dims.empty() || index >= dims[0] || slab_size(dims) != length) {
        throw Error(what + ": slab " + std::to_string(index) + " does not fit the dataset");
    }
    Handle file_space = own(H5Dget_space(dataset), H5Sclose, what);
    std::vector<hsize_t> start(dims.size(), 0), count = dims;
    start[0] = index;
    count[0] = 1;
    check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                              count.data(), nullptr),
          what);
    const hsize_t flat = length;
    Handle memory_space = own(H5Screate_simple(1, &flat, nullptr), H5Sclose, what);
    return {std::move(file_space), std::move(memory_space)};
}

template <class T>
void write_any(hid_t dataset, const char* name, hsize_t index, std::span<const T> values,
               hid_t memory_type) {
    const std::string what = std::string("writing dataset '") + name + "'";
    const Selection s = select_slab(dataset, name, index, values.size(), what);
    check(H5Dwrite(dataset, memory_type, s.memory_space.get(), s.file_space.get(), H5P_DEFAULT,
                   values.data()),
          what);
}

template <class T>
void read_any(hid_t dataset, const char* name, hsize_t index, std::span<T> values,
              hid_t memory_type) {
    const std::string what = std::string("reading dataset '") + name + "'";
    const Selection s = select_slab(dataset, name, index, values.size(), what);
    check(H5Dread(dataset, memory_type, s.memory_space.get(), s.file_space.get(), H5P_DEFAULT,
                  values.data()),
          what);
}

}  // namespace

Handle create_slabbed(hid_t location, const char* name, hid_t file_type,
                      const std::vector<hsize_t>& dims) {
    const std::string what = std::string("creating dataset '") + name + "'";
    Handle space =
        own(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose, what);
    Handle creation = own(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, what);
    if (slab_size(dims) > 0 && dims[0] > 0) {
        // One slab per chunk, cut along the second axis if a slab exceeds the chunk limit.
        std::vector<hsize_t> chunk = dims;
        chunk[0] = 1;
        const hsize_t element = H5Tget_size(file_type);
        const hsize_t inner = slab_size(dims) / std::max<hsize_t>(1, dims.size() > 1 ? dims[1] : 1);
        if (dims.size() > 1) {
            chunk[1] = std::clamp<hsize_t>(kMaxChunkBytes / std::max<hsize_t>(1, inner * element),
                                           1, dims[1]);
        }
        creation = compressed_creation(chunk);
    }
    return own(H5Dcreate2(location, name, file_type, space.get(), H5P_DEFAULT, creation.get(),
                          H5P_DEFAULT),
               H5Dclose, what);
}

void write_slab(hid_t dataset, const char* name, hsize_t index, std::span<const double> values) {
    write_any(dataset, name, index, values, H5T_NATIVE_DOUBLE);
}

void write_slab(hid_t dataset, const char* name, hsize_t index,
                std::span<const std::uint8_t> values) {
    write_any(dataset, name, index, values, H5T_NATIVE_UINT8);
}

void read_slab(hid_t dataset, const char* name, hsize_t index, std::span<double> values) {
    read_any(dataset, name, index, values, H5T_NATIVE_DOUBLE);
}

void read_slab(hid_t dataset, const char* name, hsize_t index, std::span<std::uint8_t> values) {
    read_any(dataset, name, index, values, H5T_NATIVE_UINT8);
}

}  // namespace wfsim::output::hdf5
