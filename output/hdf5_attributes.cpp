#include "output/hdf5_attributes.hpp"

#include "output/hdf5_error.hpp"
#include "output/hdf5_strings.hpp"
#include "output/hdf5_types.hpp"

namespace wfsim::output::hdf5 {

namespace {

std::string context(std::string_view verb, const char* name) {
    return std::string(verb) + " attribute '" + name + "'";
}

// Creates the attribute with the given file type and shape and writes `buffer` (in `memory_type`)
// into it. An empty `dims` means a scalar.
void write_raw(hid_t object, const char* name, hid_t file_type, hid_t memory_type,
               const std::vector<hsize_t>& dims, const void* buffer) {
    const std::string what = context("writing", name);
    Handle space = dims.empty()
                       ? own(H5Screate(H5S_SCALAR), H5Sclose, what)
                       : own(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                             H5Sclose, what);
    Handle attribute = own(
        H5Acreate2(object, name, file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose, what);
    check(H5Awrite(attribute.get(), memory_type, buffer), what);
}

template <class T>
void write_number(hid_t object, const char* name, T value) {
    write_raw(object, name, NumberType<T>::file(), NumberType<T>::memory(), {}, &value);
}

Handle open_attribute(hid_t object, const char* name) {
    return own(H5Aopen(object, name, H5P_DEFAULT), H5Aclose, context("opening", name));
}

hssize_t element_count(hid_t attribute, const char* name) {
    Handle space = own(H5Aget_space(attribute), H5Sclose, context("reading", name));
    const hssize_t count = H5Sget_simple_extent_npoints(space.get());
    if (count < 0) {
        fail(context("reading", name));
    }
    return count;
}

// A scalar read into a one-value buffer: anything with more elements would overrun it.
void require_single(hid_t attribute, const char* name) {
    if (element_count(attribute, name) != 1) {
        throw Error(context("reading", name) + ": expected a single value");
    }
}

template <class T>
T read_number(hid_t object, const char* name) {
    Handle attribute = open_attribute(object, name);
    require_single(attribute.get(), name);
    T value{};
    check(H5Aread(attribute.get(), NumberType<T>::memory(), &value), context("reading", name));
    return value;
}

}  // namespace

void write_attribute(hid_t object, const char* name, double value) {
    write_number(object, name, value);
}

void write_attribute(hid_t object, const char* name, std::int64_t value) {
    write_number(object, name, value);
}

void write_attribute(hid_t object, const char* name, std::uint64_t value) {
    write_number(object, name, value);
}

void write_attribute(hid_t object, const char* name, const std::string& value) {
    const char* pointer = c_string(value, context("writing", name));
    Handle type = utf8_string_type();
    write_raw(object, name, type.get(), type.get(), {}, &pointer);
}

void write_attribute(hid_t object, const char* name, const std::vector<std::string>& values) {
    const std::vector<const char*> pointers = c_strings(values, context("writing", name));
    Handle type = utf8_string_type();
    write_raw(object, name, type.get(), type.get(), {values.size()}, pointers.data());
}

bool has_attribute(hid_t object, const char* name) {
    return check(H5Aexists(object, name), context("looking for", name)) > 0;
}

double read_double_attribute(hid_t object, const char* name) {
    return read_number<double>(object, name);
}

std::int64_t read_int64_attribute(hid_t object, const char* name) {
    return read_number<std::int64_t>(object, name);
}

std::uint64_t read_uint64_attribute(hid_t object, const char* name) {
    return read_number<std::uint64_t>(object, name);
}

std::string read_string_attribute(hid_t object, const char* name) {
    Handle attribute = open_attribute(object, name);
    require_single(attribute.get(), name);
    Handle stored = own(H5Aget_type(attribute.get()), H5Tclose, "reading an attribute type");
    Handle type = memory_string_type_like(stored.get());
    ReadStrings buffer(1);
    check(H5Aread(attribute.get(), type.get(), buffer.data()), context("reading", name));
    return buffer.values().front();
}

std::vector<std::string> read_string_list_attribute(hid_t object, const char* name) {
    Handle attribute = open_attribute(object, name);
    ReadStrings buffer(static_cast<std::size_t>(element_count(attribute.get(), name)));
    Handle stored = own(H5Aget_type(attribute.get()), H5Tclose, "reading an attribute type");
    Handle type = memory_string_type_like(stored.get());
    check(H5Aread(attribute.get(), type.get(), buffer.data()), context("reading", name));
    return buffer.values();
}

}  // namespace wfsim::output::hdf5
