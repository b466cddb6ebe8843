#include "tools/wfsim/sweep_journal.hpp"

#include <fstream>
#include <stdexcept>
#include <system_error>

namespace wfsim::cli {

namespace {

constexpr char kFingerprintFile[] = "fingerprint";
constexpr char kPrefix[] = "point-";
constexpr char kSuffix[] = ".h5";

std::string read_fingerprint(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    return text;
}

// Removes the files in `directory` named "<stem>.tmp..." (with an empty stem, every name
// holding ".tmp"): what AtomicFile and the fingerprint's writer leave when killed.
void clear_temporaries(const std::filesystem::path& directory, const std::string& stem) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        const std::string name = entry.path().filename().string();
        const bool temporary = stem.empty() ? name.find(".tmp") != std::string::npos
                                            : name.starts_with(stem + ".tmp-");
        if (temporary && entry.is_regular_file(error)) std::filesystem::remove(entry.path(), error);
    }
}

}  // namespace

SweepJournal::SweepJournal(const std::filesystem::path& out, const std::string& fingerprint,
                           bool resume)
    : directory_(out.string() + ".parts") {
    std::error_code error;
    const bool exists = std::filesystem::exists(directory_, error);
    if (exists && !resume) {
        throw Refused(directory_.string() +
                                 " exists: an earlier sweep to this output did not finish; "
                                 "finish it with --resume, or remove it");
    }
    if (exists) {
        // What a killed writer left half-written is never used; clear it away: temporaries of
        // point files and of the fingerprint here, and of the output beside the journal.
        clear_temporaries(directory_, "");
        clear_temporaries(out.parent_path().empty() ? "." : out.parent_path(),
                          out.filename().string());
        if (std::filesystem::exists(directory_ / kFingerprintFile)) {
            const std::string recorded = read_fingerprint(directory_ / kFingerprintFile);
            if (recorded != fingerprint) {
                throw Refused(directory_.string() + " holds the points of another "
                                         "study (fingerprint " + recorded + ", this study's is " +
                                         fingerprint + "); remove it or choose another output");
            }
            return;
        }
        // Killed between creating the directory and recording the fingerprint: no point can
        // have been written (points come after the fingerprint, and remove() takes them away
        // before it), so the journal is this study's to take.
        if (!finished().empty()) {
            throw Refused(directory_.string() + " holds points but no fingerprint "
                                     "saying whose; remove it or choose another output");
        }
    } else if (!std::filesystem::create_directory(directory_, error)) {
        throw std::runtime_error("cannot create " + directory_.string() + ": " + error.message());
    }
    // Written before any point, through a temporary name, so that a journal always says whose
    // points it holds.
    const std::filesystem::path temp = directory_ / (std::string(kFingerprintFile) + ".tmp");
    {
        std::ofstream file(temp);
        file << fingerprint << '\n';
        if (!file.flush()) {
            throw std::runtime_error("cannot write " + temp.string());
        }
    }
    std::filesystem::rename(temp, directory_ / kFingerprintFile, error);
    if (error) throw std::runtime_error("cannot write " + temp.string() + ": " + error.message());
}

SweepJournal::SweepJournal(const std::filesystem::path& out) : directory_(out.string() + ".parts") {}

std::filesystem::path SweepJournal::point_file(std::int64_t point) const {
    return directory_ / (kPrefix + std::to_string(point) + kSuffix);
}

std::set<std::int64_t> SweepJournal::finished() const {
    std::set<std::int64_t> points;
    for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
        const std::string name = entry.path().filename().string();
        // Only whole files: temporaries of a killed writer end in ".tmp-<pid>".
        if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) continue;
        const std::string number = name.substr(sizeof kPrefix - 1,
                                               name.size() - (sizeof kPrefix - 1) - (sizeof kSuffix - 1));
        try {
            std::size_t used = 0;
            const long long p = std::stoll(number, &used);
            if (used == number.size() && p >= 0) points.insert(p);
        } catch (const std::exception&) {
        }
    }
    return points;
}

void SweepJournal::remove() {
    // The points before the fingerprint, so that a journal killed while being removed still
    // says whose points it holds, or holds none.
    std::error_code error;
    for (const std::int64_t p : finished()) std::filesystem::remove(point_file(p), error);
    std::filesystem::remove_all(directory_, error);
}

}  // namespace wfsim::cli
