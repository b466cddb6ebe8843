#include "models/config/diagnostics.hpp"

namespace wfsim::config {

namespace {

std::string format_all(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (!text.empty()) text += '\n';
        text += diagnostic.format();
    }
    return text;
}

// Control characters from the input (a stray carriage return, a tab, binary junk) are shown
// escaped, so that every problem stays one printable line on any terminal or log.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7f) {
            out += c;
            continue;
        }
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\x";
                out += kHex[byte >> 4];
                out += kHex[byte & 0xf];
            }
        }
    }
    return out;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string text = file;
    if (line > 0) text += ':' + std::to_string(line) + ':' + std::to_string(column);
    text += ": error: ";
    if (!path.empty()) text += path + ": ";
    return printable(text + message);
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(format_all(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace wfsim::config
