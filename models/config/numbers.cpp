#include "models/config/numbers.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace wfsim::config {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// [0-9]+(\.[0-9]*)? | \.[0-9]+, then an optional exponent [eE][-+]?[0-9]+.
bool is_decimal(std::string_view text) {
    std::size_t i = 0;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        const std::size_t exponent_start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == exponent_start) return false;
    }
    return i == text.size();
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& spellings) {
    for (const std::string_view spelling : spellings) {
        if (text == spelling) return true;
    }
    return false;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
    static constexpr std::array<std::string_view, 3> kNan = {".nan", ".NaN", ".NAN"};
    static constexpr std::array<std::string_view, 3> kInf = {".inf", ".Inf", ".INF"};
    if (is_one_of(text, kNan)) return std::numeric_limits<double>::quiet_NaN();

    const bool negative = text.starts_with('-');
    if (negative || text.starts_with('+')) text.remove_prefix(1);
    if (is_one_of(text, kInf)) {
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    }
    if (!is_decimal(text)) return std::nullopt;

    // A magnitude beyond double's range (1e400) is an error, reported as "not a number": no
    // scenario means it, and the nearest double would silently change what was written.
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return negative ? -value : value;
}

std::string format_number(double value) {
    std::array<char, 32> buffer{};  // the longest shortest form, "-2.2250738585072014e-308", fits
    // Whole numbers a user could type print in full ("100000", not the shortest form "1e+05").
    const bool whole = std::abs(value) <= 9007199254740992.0 && value == std::trunc(value);
    char* end = whole ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed)
                            .ptr
                      : std::to_chars(buffer.data(), buffer.data() + buffer.size(), value).ptr;
    return std::string(buffer.data(), end);
}

}  // namespace wfsim::config
