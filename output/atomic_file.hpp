// The temporary file a run is written to before it replaces its target in one rename(), so a
// reader of the target sees either the previous file or the complete new one, never a partial
// one — also after a crash, since the data is synced to disk before the rename.
#pragma once

#include <filesystem>

namespace wfsim::output {

class AtomicFile {
public:
    // Creates an empty "<target>.tmp-<pid>" beside the target (same directory, hence same file
    // system, which rename() needs). Throws OutputError "cannot create <target>: <reason>".
    explicit AtomicFile(std::filesystem::path target);
    // Removes the temporary file unless commit() has moved it into place.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }

    // Syncs the (closed) temporary file and renames it over the target. Throws OutputError.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

}  // namespace wfsim::output
