// Owns one HDF5 identifier (file, group, dataset, attribute, dataspace, datatype or property
// list) and closes it exactly once, so an exception part-way through writing or reading a file
// leaks nothing and leaves the library with no stray open objects.
#pragma once

#include <hdf5.h>

#include <utility>

namespace wfsim::output::hdf5 {

class Handle {
public:
    // The H5?close function matching the kind of identifier.
    using Closer = herr_t (*)(hid_t);

    Handle() noexcept : id_(H5I_INVALID_HID), closer_(nullptr) {}  // empty
    Handle(hid_t id, Closer closer) noexcept : id_(id), closer_(closer) {}
    ~Handle() { reset(); }

    Handle(Handle&& other) noexcept
        : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
            closer_ = other.closer_;
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    hid_t get() const noexcept { return id_; }

    // Closes now and returns the closer's status, for callers that must know the close
    // succeeded (closing a file is where HDF5 flushes it). Afterwards the handle is empty.
    herr_t close() noexcept {
        const hid_t id = std::exchange(id_, H5I_INVALID_HID);
        return id < 0 ? 0 : closer_(id);
    }

private:
    // Destructors cannot report failure; a failed close on an error path changes nothing.
    void reset() noexcept { static_cast<void>(close()); }

    hid_t id_;
    Closer closer_;
};

}  // namespace wfsim::output::hdf5
