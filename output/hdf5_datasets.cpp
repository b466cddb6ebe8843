#include "output/hdf5_datasets.hpp"

#include <string_view>

#include "output/hdf5_error.hpp"
#include "output/hdf5_strings.hpp"
#include "output/hdf5_types.hpp"

namespace wfsim::output::hdf5 {

namespace {

std::string context(std::string_view verb, const char* name) {
    return std::string(verb) + " dataset '" + name + "'";
}

std::string shape_text(const std::vector<hsize_t>& dims) {
    std::string text = "[";
    for (std::size_t i = 0; i < dims.size(); ++i) {
        text += (i == 0 ? "" : ", ") + std::to_string(dims[i]);
    }
    return text + "]";
}

Handle create_and_write(hid_t location, const char* name, hid_t file_type, hid_t memory_type,
                        const std::vector<hsize_t>& dims, const void* buffer, hid_t creation) {
    const std::string what = context("writing", name);
    Handle space =
        own(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose, what);
    Handle dataset =
        own(H5Dcreate2(location, name, file_type, space.get(), H5P_DEFAULT, creation, H5P_DEFAULT),
            H5Dclose, what);
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer), what);
    return dataset;
}

void require_extent(hid_t dataset, const char* name, const std::vector<hsize_t>& dims) {
    const std::vector<hsize_t> actual = extent(dataset, name);
    if (actual != dims) {
        throw Error(context("reading", name) + ": shape is " + shape_text(actual) + ", expected " +
                    shape_text(dims));
    }
}

}  // namespace

Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const double> values, hid_t creation) {
    return create_and_write(location, name, NumberType<double>::file(),
                            NumberType<double>::memory(), dims, values.data(), creation);
}

Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const std::int64_t> values) {
    return create_and_write(location, name, NumberType<std::int64_t>::file(),
                            NumberType<std::int64_t>::memory(), dims, values.data(), H5P_DEFAULT);
}

Handle write_dataset(hid_t location, const char* name, const std::vector<hsize_t>& dims,
                     std::span<const std::uint8_t> values) {
    return create_and_write(location, name, NumberType<std::uint8_t>::file(),
                            NumberType<std::uint8_t>::memory(), dims, values.data(), H5P_DEFAULT);
}

Handle write_dataset(hid_t location, const char* name, const std::vector<std::string>& values) {
    const std::vector<const char*> pointers = c_strings(values, context("writing", name));
    Handle type = utf8_string_type();
    return create_and_write(location, name, type.get(), type.get(), {values.size()},
                            pointers.data(), H5P_DEFAULT);
}

Handle open_dataset(hid_t location, const char* name) {
    return own(H5Dopen2(location, name, H5P_DEFAULT), H5Dclose, context("opening", name));
}

std::vector<hsize_t> extent(hid_t dataset, const char* name) {
    const std::string what = context("reading", name);
    Handle space = own(H5Dget_space(dataset), H5Sclose, what);
    const int rank = check(H5Sget_simple_extent_ndims(space.get()), what);
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), what);
    return dims;
}

namespace {
template <class T>
std::vector<T> read_numbers(hid_t dataset, const char* name, const std::vector<hsize_t>& dims) {
    require_extent(dataset, name, dims);
    std::size_t count = 1;
    for (hsize_t dim : dims) {
        count *= static_cast<std::size_t>(dim);
    }
    std::vector<T> values(count);
    check(H5Dread(dataset, NumberType<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          context("reading", name));
    return values;
}
}  // namespace

std::vector<double> read_doubles(hid_t dataset, const char* name,
                                 const std::vector<hsize_t>& dims) {
    return read_numbers<double>(dataset, name, dims);
}

std::vector<std::uint8_t> read_uint8s(hid_t dataset, const char* name,
                                     const std::vector<hsize_t>& dims) {
    return read_numbers<std::uint8_t>(dataset, name, dims);
}

std::vector<std::string> read_strings(hid_t dataset, const char* name, hsize_t count) {
    require_extent(dataset, name, {count});
    Handle type = utf8_string_type();
    ReadStrings buffer(static_cast<std::size_t>(count));
    check(H5Dread(dataset, type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()),
          context("reading", name));
    return buffer.values();
}

}  // namespace wfsim::output::hdf5
