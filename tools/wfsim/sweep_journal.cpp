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

}  // namespace

SweepJournal::SweepJournal(const std::filesystem::path& out, const std::string& fingerprint,
                           bool resume)
    : directory_(out.string() + ".parts") {
    std::error_code error;
    const bool exists = std::filesystem::exists(directory_, error);
    if (exists && !resume) {
        throw std::runtime_error(directory_.string() +
                                 " exists: an earlier sweep to this output did not finish; "
                                 "finish it with --resume, or remove it");
    }
    if (exists) {
        const std::string recorded = read_fingerprint(directory_ / kFingerprintFile);
        if (recorded != fingerprint) {
            throw std::runtime_error(directory_.string() + " holds the points of another study "
                                     "(fingerprint " + recorded + ", this study's is " +
                                     fingerprint + "); remove it or choose another output");
        }
        // What a killed writer left half-written is never used; clear it away.
        for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
            if (entry.path().filename().string().find(".tmp") != std::string::npos) {
                std::filesystem::remove(entry.path(), error);
            }
        }
        return;
    }
    if (!std::filesystem::create_directory(directory_, error)) {
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
    std::error_code error;
    std::filesystem::remove_all(directory_, error);
}

}  // namespace wfsim::cli
