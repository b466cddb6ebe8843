#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "output/run_file.hpp"

namespace wfsim::output {

namespace {

[[noreturn]] void fail(const std::string& what, int error) {
    throw OutputError(what + ": " + std::strerror(error));
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), temp_(target_.string() + ".tmp-" + std::to_string(::getpid())) {
    // Created here rather than by HDF5 so that a bad directory or permission is reported with
    // the system's own reason instead of a line from HDF5's error stack. No O_EXCL: a leftover
    // with our pid can only come from a dead process, and truncating it is what we want.
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        fail("cannot create " + target_.string(), errno);
    }
    ::close(fd);
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ignored;  // nothing useful to do if even the clean-up fails
        std::filesystem::remove(temp_, ignored);
    }
}

void AtomicFile::commit() {
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fail("cannot reopen " + temp_.string(), errno);
    }
    // Without this, a crash soon after the rename can leave the target empty on some file
    // systems: the rename reaches the disk before the data does.
    const int synced = ::fsync(fd);
    const int sync_error = errno;
    ::close(fd);
    if (synced != 0) {
        fail("cannot sync " + temp_.string(), sync_error);
    }
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        fail("cannot rename " + temp_.string() + " to " + target_.string(), errno);
    }
    committed_ = true;
}

}  // namespace wfsim::output
