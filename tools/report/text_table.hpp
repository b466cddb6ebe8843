// A plain-text table for the terminal: columns as wide as their widest cell, two spaces apart,
// text left-aligned and numbers right-aligned, so it reads in any monospaced terminal or log.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace wfsim::report {

class TextTable {
public:
    enum class Align { Left, Right };

    explicit TextTable(std::vector<std::string> headers, std::vector<Align> align);

    void add_row(std::vector<std::string> cells);
    std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

// Display width of UTF-8 text: its code points (what a terminal shows for the text here).
std::size_t display_width(const std::string& text);

}  // namespace wfsim::report
