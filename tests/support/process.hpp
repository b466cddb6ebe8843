// Runs a command line through the shell and captures its exit status, stdout and stderr,
// for end-to-end tests of the wfsim program.
#pragma once

#include <string>

namespace wfsim::test {

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

ProcessResult run_process(const std::string& command_line);

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    // Writes `text` to `name` in the directory and returns the full path.
    std::string write(const std::string& name, const std::string& text) const;

private:
    std::string path_;
};

}  // namespace wfsim::test
