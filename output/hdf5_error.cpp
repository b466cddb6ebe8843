#include "output/hdf5_error.hpp"

#include <algorithm>
#include <string>

namespace wfsim::output::hdf5 {

namespace {

// Walking upward starts at the innermost frame, where HDF5 says what actually went wrong (for
// instance the errno text of a failed open) rather than which API call gave up.
herr_t keep_innermost(unsigned depth, const H5E_error2_t* error, void* out) {
    if (depth == 0 && error->desc != nullptr) {
        *static_cast<std::string*>(out) = error->desc;
    }
    return 0;
}

}  // namespace

void fail(std::string_view what) {
    std::string reason;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost, &reason);
    // Some high-level (H5DS) calls fail without pushing anything onto the stack.
    if (reason.empty()) {
        reason = "HDF5 call failed";
    }
    // Some descriptions embed ctime() output, newline included; OutputError is one line.
    std::replace(reason.begin(), reason.end(), '\n', ' ');
    throw Error(std::string(what) + ": " + reason);
}

QuietErrors::QuietErrors() {
    H5Eget_auto2(H5E_DEFAULT, &saved_func_, &saved_data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

QuietErrors::~QuietErrors() {
    H5Eset_auto2(H5E_DEFAULT, saved_func_, saved_data_);
}

herr_t check(herr_t status, std::string_view what) {
    if (status < 0) {
        fail(what);
    }
    return status;
}

Handle own(hid_t id, Handle::Closer closer, std::string_view what) {
    if (id < 0) {
        fail(what);
    }
    return Handle(id, closer);
}

}  // namespace wfsim::output::hdf5
