// Reading a scenario file into memory, rejecting what cannot be a YAML scenario before the
// parser sees it: the parser's own messages for such files would be confusing.
#pragma once

#include <filesystem>
#include <string>

namespace wfsim::config {

struct SourceText {
    std::string file;  // the path as the user gave it, so messages point where they looked
    std::string text;
};

// Throws InputError (one diagnostic, no line) for a missing or unreadable file ("cannot read:
// No such file or directory"), a directory, a file with nothing but blanks and comments
// ("file is empty") and binary content, i.e. NUL bytes or invalid UTF-8 ("not a text file").
SourceText read_source(const std::filesystem::path& path);

}  // namespace wfsim::config
