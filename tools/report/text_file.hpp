// Writing a text file whole or not at all: to a temporary file beside the target, renamed into
// place once complete (output/atomic_file.hpp), so a failed or interrupted write leaves no
// half-written report where a reader would open it.
#pragma once

#include <filesystem>
#include <string_view>

namespace wfsim::report {

// Throws output::OutputError naming the path and the reason; nothing is then left at `path`
// (a file already there stays as it was) and no temporary file remains.
void write_text_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace wfsim::report
