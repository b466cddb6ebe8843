#include "tools/report/text_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "output/atomic_file.hpp"
#include "output/run_file.hpp"

namespace wfsim::report {

void write_text_atomically(const std::filesystem::path& path, std::string_view text) {
    output::AtomicFile file(path);
    std::FILE* out = std::fopen(file.temp_path().c_str(), "wb");
    if (out == nullptr) {
        throw output::OutputError("cannot write " + path.string() + ": " + std::strerror(errno));
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    const int write_error = errno;
    // fclose flushes what is buffered, so it can fail too (a full disk shows up here).
    const bool closed = std::fclose(out) == 0;
    if (!written || !closed) {
        throw output::OutputError("cannot write " + path.string() + ": " +
                                  std::strerror(written ? errno : write_error));
    }
    file.commit();
}

}  // namespace wfsim::report
