// The journal beside a sweep's output (tools/wfsim/sweep_journal.hpp): its fingerprint is there
// before any point, it refuses to be reused without --resume or by another study, and what a
// killed writer left half-written is ignored and cleared.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "tests/support/hdf5_testing.hpp"
#include "tools/wfsim/sweep_journal.hpp"

namespace wfsim::cli {
namespace {

namespace fs = std::filesystem;

struct ScratchDir : testing::ScratchDir {
    ScratchDir() : testing::ScratchDir("wfsim_test_journal") {}
};

std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string error_of(const fs::path& out, const std::string& fingerprint, bool resume) {
    try {
        SweepJournal journal(out, fingerprint, resume);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "opened";
}

std::set<std::string> names(const fs::path& directory) {
    std::set<std::string> found;
    for (const auto& entry : fs::directory_iterator(directory)) {
        found.insert(entry.path().filename().string());
    }
    return found;
}

TEST(SweepJournal, RecordsTheFingerprintBeforeAnyPoint) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    const SweepJournal journal(out, "0123456789abcdef", /*resume=*/false);
    EXPECT_EQ(journal.directory(), fs::path(out.string() + ".parts"));
    EXPECT_EQ(names(journal.directory()), std::set<std::string>{"fingerprint"});
    EXPECT_EQ(read_text(journal.directory() / "fingerprint"), "0123456789abcdef\n");
    EXPECT_TRUE(journal.finished().empty());
    EXPECT_EQ(journal.point_file(12), journal.directory() / "point-12.h5");
}

TEST(SweepJournal, AnExistingJournalNeedsResume) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    { SweepJournal first(out, "0123456789abcdef", false); }
    EXPECT_EQ(error_of(out, "0123456789abcdef", false),
              out.string() +
                  ".parts exists: an earlier sweep to this output did not finish; "
                  "finish it with --resume, or remove it");
    EXPECT_EQ(error_of(out, "0123456789abcdef", true), "opened");
}

TEST(SweepJournal, ResumeRefusesAnotherStudysJournal) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    { SweepJournal first(out, "0123456789abcdef", false); }
    std::ofstream(out.string() + ".parts/point-3.h5") << "a point";
    EXPECT_EQ(error_of(out, "fedcba9876543210", true),
              out.string() +
                  ".parts holds the points of another study (fingerprint "
                  "0123456789abcdef, this study's is fedcba9876543210); remove it or "
                  "choose another output");
    // Nothing of it was touched.
    EXPECT_EQ(names(out.string() + ".parts"), (std::set<std::string>{"fingerprint", "point-3.h5"}));
}

TEST(SweepJournal, TemporariesOfAKilledWriterAreIgnoredAndCleared) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    const fs::path parts = out.string() + ".parts";
    { SweepJournal first(out, "0123456789abcdef", false); }
    // Two whole points, a point's temporary (AtomicFile's name), a fingerprint being rewritten,
    // and beside the output the temporary of an assembly that was killed.
    for (const char* name :
         {"point-0.h5", "point-7.h5", "point-3.h5.tmp-4242", "fingerprint.tmp"}) {
        std::ofstream(parts / name) << "x";
    }
    std::ofstream(dir / "study.h5.tmp-4242") << "half a file";
    // Not the journal's: other files beside the output stay.
    std::ofstream(dir / "study.h5.txt") << "notes";
    std::ofstream(dir / "other.h5.tmp-4242") << "another program's";
    const SweepJournal journal(out, "0123456789abcdef", /*resume=*/true);
    EXPECT_EQ(journal.finished(), (std::set<std::int64_t>{0, 7}));
    EXPECT_EQ(names(parts), (std::set<std::string>{"fingerprint", "point-0.h5", "point-7.h5"}));
    EXPECT_EQ(names(dir.path()),
              (std::set<std::string>{"study.h5.parts", "study.h5.txt", "other.h5.tmp-4242"}));
}

TEST(SweepJournal, FinishedListsOnlyWholePointFiles) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    const SweepJournal journal(out, "0123456789abcdef", false);
    for (const char* name : {"point-5.h5", "point-12.h5", "point-5.h5.tmp-1", "point-x.h5",
                             "point--1.h5", "point-.h5", "notes.txt"}) {
        std::ofstream(journal.directory() / name) << "x";
    }
    EXPECT_EQ(journal.finished(), (std::set<std::int64_t>{5, 12}));
}

// Killed between creating the directory and recording the fingerprint: the journal has no
// points, so resuming takes it; one with points but no fingerprint is refused.
TEST(SweepJournal, AJournalKilledBeforeItsFingerprintResumes) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    const fs::path parts = out.string() + ".parts";
    fs::create_directory(parts);
    std::ofstream(parts / "fingerprint.tmp") << "0123";
    EXPECT_EQ(error_of(out, "0123456789abcdef", false),
              parts.string() +
                  " exists: an earlier sweep to this output did not finish; finish "
                  "it with --resume, or remove it");
    EXPECT_EQ(error_of(out, "0123456789abcdef", true), "opened");
    EXPECT_EQ(read_text(parts / "fingerprint"), "0123456789abcdef\n");
    EXPECT_EQ(names(parts), std::set<std::string>{"fingerprint"});

    fs::remove(parts / "fingerprint");
    std::ofstream(parts / "point-2.h5") << "x";
    EXPECT_EQ(error_of(out, "0123456789abcdef", true),
              parts.string() +
                  " holds points but no fingerprint saying whose; remove it or "
                  "choose another output");
}

TEST(SweepJournal, RemoveTakesItAway) {
    ScratchDir dir;
    const fs::path out = dir / "study.h5";
    SweepJournal journal(out, "0123456789abcdef", false);
    std::ofstream(journal.point_file(0)) << "x";
    std::ofstream(journal.point_file(1)) << "x";
    journal.remove();
    EXPECT_FALSE(fs::exists(journal.directory()));
    EXPECT_TRUE(dir.entries().empty());
}

TEST(SweepJournal, ADirectoryThatCannotBeCreatedIsReported) {
    ScratchDir dir;
    const fs::path out = dir / "missing" / "study.h5";
    EXPECT_EQ(error_of(out, "0123456789abcdef", false),
              "cannot create " + out.string() + ".parts: No such file or directory");
}

}  // namespace
}  // namespace wfsim::cli
