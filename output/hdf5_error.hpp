// Turning HDF5 failures into exceptions. HDF5 reports failure by return value and, by default,
// prints its whole error stack to stderr; a library must do neither, so calls go through check()
// while a QuietErrors is alive, and the most specific line of the stack becomes the message.
#pragma once

#include <hdf5.h>

#include <stdexcept>
#include <string_view>

#include "output/hdf5_handle.hpp"

namespace wfsim::output::hdf5 {

// what(): "<what we were doing>: <HDF5's most specific reason>". Callers add the file's path.
class Error : public std::runtime_error {
public:
    using runtime_error::runtime_error;
};

// Silences HDF5's automatic error printing for the current thread while alive, then restores
// whatever handler the application had installed.
class QuietErrors {
public:
    QuietErrors();
    ~QuietErrors();
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;

private:
    H5E_auto2_t saved_func_ = nullptr;
    void* saved_data_ = nullptr;
};

// Throws Error describing `what`, with the reason HDF5 left on its error stack.
[[noreturn]] void fail(std::string_view what);

// Throws Error if `status` is negative; returns it otherwise (htri_t shares herr_t's type, so
// this also passes through true/false answers).
herr_t check(herr_t status, std::string_view what);

// Takes ownership of a freshly returned identifier, or throws Error if the call failed.
Handle own(hid_t id, Handle::Closer closer, std::string_view what);

}  // namespace wfsim::output::hdf5
