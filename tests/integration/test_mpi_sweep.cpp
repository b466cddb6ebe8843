// wfsim sweep over MPI ranks (mpirun -n 2 --oversubscribe): the file bit-identical to threaded
// runs and to shards merged, resume from a journal, and failures that stop the whole job with one
// line and no output file. A small study (6 points x 2 replications of the core scenario cut to
// 3 years) keeps each run around a second.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "models/study/study.hpp"
#include "models/study/sweep.hpp"
#include "output/journal_part.hpp"
#include "tests/support/core_scenario.hpp"
#include "tests/support/process.hpp"
#include "tests/support/text_files.hpp"

using wfsim::test::ProcessResult;
using wfsim::test::run_process;
using wfsim::test::TempDir;

using wfsim::testing::read_text;
using wfsim::testing::count;

namespace {

const std::string kWfsim = WFSIM_BINARY;
// As root (CI, containers), Open MPI refuses to start without both.
const std::string kMpirun = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " +
                            std::string(WFSIM_MPIEXEC) + " -n 2 --oversubscribe ";

// A study of the core scenario cut to 3 years in `dir`, with the given parameter lines.
std::string write_study(const TempDir& dir, const std::string& name,
                        const std::string& parameters) {
    dir.write("short.yaml", wfsim::testing::core_text_over(3));
    return dir.write(name, "scenario: short.yaml\nreplications: 2\nparameters:\n" + parameters);
}

const std::string kSixPoints =
    "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.15, 0.2] }\n"
    "  - { path: establishment.social_worker, values: [300, 320] }\n";

// The same objects with the same values. h5diff exits 0 also for datasets of other shapes (it
// only warns that they are "not comparable"), so those warnings count as differences too.
bool identical(const std::string& a, const std::string& b) {
    const auto r = run_process("h5diff -c '" + a + "' '" + b + "'");
    return r.exit_code == 0 && r.out.find("comparable") == std::string::npos;
}

std::string describe(const ProcessResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

class MpiSweep : public ::testing::Test {
protected:
    TempDir dir;
    std::string study = write_study(dir, "study.yaml", kSixPoints);

    // The threaded sweep with one thread: what every other way must reproduce.
    std::string reference() {
        const std::string out = dir.file("threads1.h5");
        const auto r =
            run_process(kWfsim + " sweep '" + study + "' -o '" + out + "' --threads 1 -q");
        EXPECT_EQ(r.exit_code, 0) << describe(r);
        return out;
    }
};

TEST_F(MpiSweep, TwoRanksWriteTheFileThatThreadsAndShardsWrite) {
    const std::string one = reference();
    const std::string two = dir.file("threads2.h5");
    const auto threads =
        run_process(kWfsim + " sweep '" + study + "' -o '" + two + "' --threads 2 -q");
    ASSERT_EQ(threads.exit_code, 0) << describe(threads);

    const std::string ranks = dir.file("ranks2.h5");
    const auto mpi = run_process(kMpirun + kWfsim + " sweep '" + study + "' -o '" + ranks + "'");
    ASSERT_EQ(mpi.exit_code, 0) << describe(mpi);
    // Rank 0 alone speaks: one header, the points of both ranks counted, one closing line.
    EXPECT_EQ(count(mpi.err, "6 points x 2 replications"), 1u) << mpi.err;
    EXPECT_NE(mpi.err.find("6/6 points done"), std::string::npos) << mpi.err;
    EXPECT_EQ(count(mpi.out, "-> " + ranks), 1u) << mpi.out;
    EXPECT_FALSE(std::filesystem::exists(ranks + ".parts")) << "the journal is removed";

    for (const char* shard : {"0/2", "1/2"}) {
        const auto r = run_process(kWfsim + " sweep '" + study + "' -o '" +
                                   dir.file(std::string("shard") + shard[0] + ".h5") +
                                   "' --shard " + shard + " -q");
        ASSERT_EQ(r.exit_code, 0) << describe(r);
    }
    const std::string merged = dir.file("merged.h5");
    const auto merge = run_process(kWfsim + " merge '" + dir.file("shard0.h5") + "' '" +
                                   dir.file("shard1.h5") + "' -o '" + merged + "'");
    ASSERT_EQ(merge.exit_code, 0) << describe(merge);

    EXPECT_TRUE(identical(one, two));
    EXPECT_TRUE(identical(one, ranks));
    EXPECT_TRUE(identical(one, merged));
    // The comparison tells files apart: a shard holds half the points; another seed, other
    // values.
    EXPECT_FALSE(identical(one, dir.file("shard0.h5")));
    const std::string reseeded = dir.write("reseeded.yaml", read_text(study) + "seed: 7\n");
    const std::string other = dir.file("reseeded.h5");
    ASSERT_EQ(run_process(kWfsim + " sweep '" + reseeded + "' -o '" + other + "' -q").exit_code, 0);
    EXPECT_FALSE(identical(one, other));
}

// Over TCP with the point-to-point emulation of one-sided operations (no shared memory, no
// hardware atomics), three ranks of two threads each: every draw goes through rank 0's MPI
// progress, the path a cluster without RDMA takes.
TEST_F(MpiSweep, RanksOverTcpWithThreadsWriteTheSameFile) {
    const std::string one = reference();
    const std::string out = dir.file("tcp.h5");
    const std::string mpirun = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " +
                               std::string(WFSIM_MPIEXEC) +
                               " -n 3 --oversubscribe --mca btl tcp,self --mca pml ob1 "
                               "--mca osc pt2pt ";
    const auto r =
        run_process(mpirun + kWfsim + " sweep '" + study + "' -o '" + out + "' --threads 2 -q");
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_TRUE(identical(one, out));
}

TEST_F(MpiSweep, ResumesAJournalWithSomePointsDone) {
    const std::string one = reference();
    // A journal as a killed sweep leaves it: the study's fingerprint and points 1 and 4 done.
    const std::string out = dir.file("resumed.h5");
    const std::filesystem::path journal = out + ".parts";
    std::filesystem::create_directory(journal);
    const wfsim::model::Study loaded = wfsim::model::load_study(study);
    std::ofstream(journal / "fingerprint") << loaded.fingerprint << '\n';
    for (const int p : {1, 4}) {
        wfsim::output::write_journal_part(journal / ("point-" + std::to_string(p) + ".h5"),
                                          wfsim::model::sweep_header(loaded),
                                          wfsim::model::run_point(loaded, p));
    }
    // What a writer killed mid-point leaves is cleared, not read: a journal part, and the output
    // the killed sweep had open.
    std::ofstream(journal / "point-2.h5.tmp-12345") << "half a file";
    std::ofstream(out + ".tmp-12345") << "half an output";

    const auto r =
        run_process(kMpirun + kWfsim + " sweep '" + study + "' -o '" + out + "' --resume");
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_EQ(count(r.err, "resuming: 2 done"), 1u) << r.err;
    EXPECT_TRUE(identical(one, out));
    EXPECT_FALSE(std::filesystem::exists(journal));
    EXPECT_FALSE(std::filesystem::exists(out + ".tmp-12345"));

    // Without --resume, a journal left behind is refused, once, before anything runs.
    std::filesystem::create_directory(journal);
    std::ofstream(journal / "fingerprint") << wfsim::model::load_study(study).fingerprint << '\n';
    std::filesystem::remove(out);
    const auto refused = run_process(kMpirun + kWfsim + " sweep '" + study + "' -o '" + out + "'");
    EXPECT_EQ(refused.exit_code, 2) << describe(refused);
    EXPECT_EQ(count(refused.err, "wfsim: error: "), 1u) << refused.err;
    EXPECT_NE(refused.err.find("--resume"), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(MpiSweep, AnInvalidPointStopsTheJobWithOneLineAndNoOutput) {
    // Each value is valid alone; point 3 (295 posts, 290 permanent staff) leaves 5 vacancies
    // for the core scenario's 10 agency workers, which the scenario refuses.
    const std::string bad =
        write_study(dir, "bad.yaml",
                    "  - { path: establishment.social_worker, values: [300, 295] }\n"
                    "  - { path: initial_staff.permanent.social_worker, values: [280, 290] }\n");
    const std::string out = dir.file("bad.h5");
    const auto r = run_process(kMpirun + kWfsim + " sweep '" + bad + "' -o '" + out + "'");
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_EQ(count(r.err,
                    "error: point 3 (establishment.social_worker = 295, "
                    "initial_staff.permanent.social_worker = 290)"),
              1u)
        << r.err;
    EXPECT_NE(r.err.find("more agency staff than vacancies to cover"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << "no output, not even half of one";
    // The study must change, and with it its fingerprint: no point kept could be used again.
    EXPECT_FALSE(std::filesystem::exists(out + ".parts"));
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find("bad.h5.tmp"), std::string::npos)
            << entry.path();
    }

    // A study that does not read is reported once (by rank 0), not once per rank.
    const std::string typo = dir.write("typo.yaml", "scenario: short.yaml\nreplicatoins: 2\n");
    const auto t = run_process(kMpirun + kWfsim + " sweep '" + typo + "' -o '" + out + "'");
    EXPECT_EQ(t.exit_code, 2) << describe(t);
    EXPECT_EQ(count(t.err, "unknown key 'replicatoins'"), 1u) << t.err;
}

TEST_F(MpiSweep, OtherCommandsRefuseAJobOfSeveralRanksOnceAndWriteNothing) {
    // Each rank would run the whole scenario and write the same file.
    const std::string scenario = dir.write("core.yaml", wfsim::testing::core_text());
    const std::string out = dir.file("run.h5");
    const auto r = run_process(kMpirun + kWfsim + " run '" + scenario + "' -o '" + out + "' -q");
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_EQ(count(r.err, "wfsim: error: wfsim run runs in one process, but this is an MPI job "
                           "of 2 ranks"),
              1u)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
    // One rank is one process: that is allowed.
    const std::string one = "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " +
                            std::string(WFSIM_MPIEXEC) + " -n 1 ";
    const auto alone = run_process(one + kWfsim + " validate '" + scenario + "'");
    EXPECT_EQ(alone.exit_code, 0) << describe(alone);
}

}  // namespace
