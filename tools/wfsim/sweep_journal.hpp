// The directory beside a sweep's output where each finished point is kept as a journal part
// (output/journal_part.hpp), "<out>.parts/point-<index>.h5", written atomically. It is what makes a sweep
// resumable after being killed at any moment (a point is there whole or not at all), and the
// final file is assembled from it only when every point is in. It records the study's
// fingerprint, so a sweep never resumes another study's points.
#pragma once

#include <cstdint>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>

namespace wfsim::cli {

class SweepJournal {
public:
    // The journal there is not this sweep's to take (an unfinished sweep without --resume,
    // another study's): the user must choose, as against failing to create or write it.
    class Refused : public std::runtime_error {
    public:
        using runtime_error::runtime_error;
    };

    // Opens the journal of `out` for `fingerprint`. Without `resume`, an existing journal is an
    // error (an interrupted sweep: resume it or remove it); with it, one of another study is,
    // and the temporaries a killed process left (in the journal, and `out`'s beside it) are
    // removed. A journal killed before its fingerprint was recorded holds no point and is
    // taken over. Throws Refused, or std::runtime_error when the journal cannot be created or
    // written, with a one-line message.
    SweepJournal(const std::filesystem::path& out, const std::string& fingerprint, bool resume);
    // The journal of `out` that another process of the same sweep has opened (rank 0 of an MPI
    // job), for writing points into: no checks.
    explicit SweepJournal(const std::filesystem::path& out);

    const std::filesystem::path& directory() const { return directory_; }
    std::filesystem::path point_file(std::int64_t point) const;
    // The points whose files are in the journal.
    std::set<std::int64_t> finished() const;
    // Removes the journal, once the output holds every point: the points first and the
    // fingerprint last, so that a journal killed meanwhile still says whose points it holds.
    void remove();

private:
    std::filesystem::path directory_;
};

}  // namespace wfsim::cli
