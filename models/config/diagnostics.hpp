// Problems found in a user's input, reported one line each in the compiler style that editors
// and CI logs already understand: "FILE:LINE:COL: error: KEY.PATH: what is wrong (got X)".
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace wfsim::config {

struct Diagnostic {
    std::string file{};  // initializers let Diagnostic{.file = f, .message = m} pass -Wextra
    int line = 0;        // 1-based; 0 = unknown (whole-file problems)
    int column = 0;      // 1-based
    std::string path{};  // dotted key path "agency.fill_time.mean"; empty for whole-file problems
    std::string message{};  // "must be greater than 0 (got -2)"

    // "FILE:LINE:COL: error: PATH: MESSAGE", without ":LINE:COL" when the line is unknown and
    // without "PATH: " when there is no path.
    std::string format() const;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Every problem found in an input, so the user can fix them all in one go.
class InputError : public std::runtime_error {
public:
    // what() is every diagnostic formatted, one per line.
    explicit InputError(std::vector<Diagnostic> diagnostics);
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace wfsim::config
