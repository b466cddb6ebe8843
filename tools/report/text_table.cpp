#include "tools/report/text_table.hpp"

#include <algorithm>
#include <stdexcept>

namespace wfsim::report {

std::size_t display_width(const std::string& text) {
    // Count every byte that does not continue a multi-byte sequence (10xxxxxx).
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
    if (align_.size() != headers_.size()) {
        throw std::invalid_argument("TextTable: one alignment per column");
    }
}

void TextTable::add_row(std::vector<std::string> cells) {
    if (cells.size() != headers_.size()) {
        throw std::invalid_argument("TextTable: a row needs one cell per column");
    }
    rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> width(headers_.size());
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        width[c] = display_width(headers_[c]);
        for (const auto& row : rows_) width[c] = std::max(width[c], display_width(row[c]));
    }
    const auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(width[c] - display_width(cells[c]), ' ');
            if (c > 0) out += "  ";
            out += align_[c] == Align::Right ? pad + cells[c] : cells[c] + pad;
        }
        out.erase(out.find_last_not_of(' ') + 1);  // an empty last cell leaves blanks
        return out + "\n";
    };
    std::string out = line(headers_);
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace wfsim::report
