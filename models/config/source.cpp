#include "models/config/source.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

#include "models/config/diagnostics.hpp"

namespace wfsim::config {

namespace {

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned char low = 0x80;  // allowed range of the second byte
        unsigned char high = 0xBF;
        if (lead < 0x80) {
            length = 1;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) low = 0xA0;   // overlong
            if (lead == 0xED) high = 0x9F;  // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) low = 0x90;   // overlong
            if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
        } else {
            return false;
        }
        if (text.size() - i < length) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            const unsigned char min = k == 1 ? low : 0x80;
            const unsigned char max = k == 1 ? high : 0xBF;
            if (byte < min || byte > max) return false;
        }
        i += length;
    }
    return true;
}

// True when every line is blank or a comment, so the YAML would hold no settings at all.
bool has_no_content(std::string_view text) {
    bool in_comment = false;
    for (const char c : text) {
        if (c == '\n') {
            in_comment = false;
        } else if (c == '#') {
            in_comment = true;
        } else if (!in_comment && c != ' ' && c != '\t' && c != '\r') {
            return false;
        }
    }
    return true;
}

}  // namespace

SourceText read_source(const std::filesystem::path& path) {
    const std::string file = path.string();
    const auto fail = [&](std::string message) {
        throw InputError({Diagnostic{.file = file, .message = std::move(message)}});
    };

    // Opening a directory succeeds on POSIX; only reading it fails, so check first.
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        fail(std::string("cannot read: ") + std::strerror(EISDIR));
    }

    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(std::string("cannot read: ") + std::strerror(errno != 0 ? errno : EIO));
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) fail(std::string("cannot read: ") + std::strerror(EIO));

    if (text.find('\0') != std::string::npos || !is_utf8(text)) fail("not a text file");
    if (has_no_content(text)) fail("file is empty");
    return SourceText{file, std::move(text)};
}

}  // namespace wfsim::config
