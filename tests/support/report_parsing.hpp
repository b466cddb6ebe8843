// Reading a report back in tests: the terminal text's lines and table cells, and the page's
// elements and SVG path points, found by regular expressions.
#pragma once

#include <gtest/gtest.h>

#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/text_files.hpp"

namespace wfsim::testing {

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A table row's cells: columns are separated by two or more blanks (leading blanks, where a
// row leaves its first cells empty, give no cell).
inline std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    const std::regex gap(" {2,}");
    for (std::sregex_token_iterator it(line.begin(), line.end(), gap, -1), end; it != end; ++it) {
        if (!it->str().empty()) out.push_back(*it);
    }
    return out;
}

// The line `offset` lines after the first that starts with `heading`.
inline std::string line_after(const std::vector<std::string>& lines, const std::string& heading,
                              std::size_t offset) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind(heading, 0) == 0 && i + offset < lines.size()) {
            return lines[i + offset];
        }
    }
    ADD_FAILURE() << "no line starts with '" << heading << "'";
    return "";
}

// The first capture of `pattern` in `text`, or "" (and a failure).
inline std::string capture(const std::string& text, const std::string& pattern) {
    std::smatch match;
    if (!std::regex_search(text, match, std::regex(pattern))) {
        ADD_FAILURE() << "no match for " << pattern;
        return "";
    }
    return match[1];
}

// Every first capture of `pattern` in `text`, in order.
inline std::vector<std::string> captures(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    const std::regex re(pattern);
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        out.push_back((*it)[1]);
    }
    return out;
}

struct Point {
    double x, y;
};

// The points of an SVG path's M and L commands.
inline std::vector<Point> points(const std::string& d) {
    std::vector<Point> out;
    const std::regex point("[ML](-?[0-9.]+),(-?[0-9.]+)");
    for (std::sregex_iterator it(d.begin(), d.end(), point), end; it != end; ++it) {
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
    }
    return out;
}

// The text from the first `open` at or after `from` to the end of the next `close`.
inline std::string element(const std::string& html, const std::string& open,
                           const std::string& close, std::size_t from = 0) {
    const std::size_t start = html.find(open, from);
    if (start == std::string::npos) {
        ADD_FAILURE() << "no " << open;
        return "";
    }
    return html.substr(start, html.find(close, start) + close.size() - start);
}

}  // namespace wfsim::testing
