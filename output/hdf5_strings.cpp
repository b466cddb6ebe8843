#include "output/hdf5_strings.hpp"

#include <hdf5.h>

#include "output/hdf5_error.hpp"

namespace wfsim::output::hdf5 {

Handle utf8_string_type() {
    Handle type = own(H5Tcopy(H5T_C_S1), H5Tclose, "copying the string type");
    check(H5Tset_size(type.get(), H5T_VARIABLE), "making the string type variable-length");
    check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "making the string type UTF-8");
    return type;
}

Handle memory_string_type_like(hid_t stored_type) {
    Handle type = utf8_string_type();
    // HDF5 will not convert between ASCII and UTF-8 strings, and other tools write both, so
    // read with the character set the file used (ASCII is a subset of UTF-8 anyway).
    const H5T_cset_t cset = H5Tget_cset(stored_type);
    if (cset == H5T_CSET_ERROR) throw Error("reading a string's character set");
    check(H5Tset_cset(type.get(), cset), "choosing the string character set");
    return type;
}

const char* c_string(const std::string& value, std::string_view what) {
    if (value.find('\0') != std::string::npos) {
        throw Error(std::string(what) + ": string contains a NUL byte");
    }
    return value.c_str();
}

std::vector<const char*> c_strings(const std::vector<std::string>& values, std::string_view what) {
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const std::string& value : values) {
        pointers.push_back(c_string(value, what));
    }
    return pointers;
}

ReadStrings::~ReadStrings() {
    for (char* pointer : pointers_) {
        H5free_memory(pointer);
    }
}

std::vector<std::string> ReadStrings::values() const {
    std::vector<std::string> out;
    out.reserve(pointers_.size());
    for (const char* pointer : pointers_) {
        out.emplace_back(pointer == nullptr ? "" : pointer);
    }
    return out;
}

}  // namespace wfsim::output::hdf5
