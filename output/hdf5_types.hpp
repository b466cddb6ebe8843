// The HDF5 numeric datatypes wfsim stores. Files always use explicit little-endian standard types,
// so a run file is byte-for-byte the same whichever machine wrote it; memory uses the native types
// and HDF5 converts (a no-op on little-endian hosts, which keeps NaN payloads and denormals
// intact).
#pragma once

#include <hdf5.h>

#include <cstdint>

namespace wfsim::output::hdf5 {

template <class T>
struct NumberType;

template <>
struct NumberType<double> {
    static hid_t memory() { return H5T_NATIVE_DOUBLE; }
    static hid_t file() { return H5T_IEEE_F64LE; }
};

template <>
struct NumberType<std::int64_t> {
    static hid_t memory() { return H5T_NATIVE_INT64; }
    static hid_t file() { return H5T_STD_I64LE; }
};

template <>
struct NumberType<std::uint64_t> {
    static hid_t memory() { return H5T_NATIVE_UINT64; }
    static hid_t file() { return H5T_STD_U64LE; }
};

template <>
struct NumberType<std::uint8_t> {
    static hid_t memory() { return H5T_NATIVE_UINT8; }
    static hid_t file() { return H5T_STD_U8LE; }
};

}  // namespace wfsim::output::hdf5
