// Text helpers the end-to-end tests share: a file's whole text, and how often a part occurs.
#pragma once

#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>

namespace wfsim::testing {

// The file's text, or "" if it cannot be read (the comparisons that follow then fail).
inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Occurrences of `part` in `text`, overlapping ones included.
inline std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++n;
    }
    return n;
}

}  // namespace wfsim::testing
