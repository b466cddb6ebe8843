// Scaffolding shared by the tests of output/: scratch directories, owned HDF5 identifiers,
// leak counting, bit-exact comparison and one-line error checks.
#pragma once

#include <gtest/gtest.h>
#include <hdf5.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <system_error>
#include <vector>

namespace wfsim::testing {

// A fresh directory per test, removed with everything in it afterwards.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& prefix) {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        path_ = std::filesystem::temp_directory_path() /
                (prefix + "_" + std::to_string(::getpid()) + "_" + test->name());
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const char* name) const { return path_ / name; }

    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(path_)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

private:
    std::filesystem::path path_;
};

// An owned HDF5 identifier for the tests' own writing and inspection of files.
struct Id {
    hid_t id;
    herr_t (*close)(hid_t);
    ~Id() {
        if (id >= 0) close(id);
    }
};

// Identifiers of every kind still open anywhere in the library: the output layer must leave
// none behind, on success or failure.
inline ssize_t open_hdf5_objects() {
    return H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL);
}

inline bool same_bits(std::span<const double> a, std::span<const double> b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size_bytes()) == 0;
}

// Runs `action`, expecting an exception of type E with a one-line message containing every
// one of `parts`.
template <class E, class Action>
void expect_error(Action action, const std::vector<std::string>& parts) {
    try {
        action();
        ADD_FAILURE() << "no exception thrown";
    } catch (const E& error) {
        const std::string message = error.what();
        for (const std::string& part : parts) {
            EXPECT_NE(message.find(part), std::string::npos)
                << "'" << message << "' lacks '" << part << "'";
        }
        EXPECT_EQ(message.find('\n'), std::string::npos) << "not one line: " << message;
    }
}

}  // namespace wfsim::testing
