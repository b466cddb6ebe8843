#include "tools/report/number_format.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace wfsim::report {

namespace {

std::string with_separators(double value) {
    const long long whole = std::llround(std::abs(value));
    const std::string digits = std::to_string(whole);
    std::string text = value < 0 && whole != 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

}  // namespace

std::string format_value(double value) {
    if (std::isnan(value)) return "-";
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    // 999.5 and up would print as "1e+03" with three significant figures.
    if (std::abs(value) >= 999.5) return with_separators(value);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    std::string text = buffer;
    return text == "-0" ? "0" : text;
}

std::string format_percent(double share) {
    if (std::isnan(share)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f %%", share * 100.0);
    return buffer;
}

}  // namespace wfsim::report
