// wfsim sweep and wfsim merge end to end: the same file whatever the threads and shards, shard
// indices from Slurm's environment, the refusals with their exact lines, resuming after kill -9
// at random moments, a point the scenario refuses, and the shipped example study.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "output/journal_part.hpp"
#include "output/sweep_file.hpp"
#include "tests/support/process.hpp"
#include "tests/support/text_files.hpp"

extern char** environ;

using wfsim::output::read_journal_part;
using wfsim::output::SweepHeader;
using wfsim::output::SweepPoint;
using wfsim::output::SweepReader;
using wfsim::test::run_process;
using wfsim::test::TempDir;

using wfsim::testing::read_text;

namespace {

namespace fs = std::filesystem;

const std::string kWfsim = WFSIM_BINARY;

// A small service over two years, with targets (so the file has /targets), an option (for the
// options axis) and a uniform notice period (whose min and max can be set apart).
const char kScenario[] = R"(name: sweep test
start: 2016-04-01
horizon: 2 years
output_interval: 1 month
seed: 11
replications: 5
roles:
  social_worker: { caseload_cap: 20 }
establishment:
  social_worker: 60
initial_staff:
  permanent: { social_worker: 50 }
  agency:    { social_worker: 5 }
turnover:
  social_worker: { annual_rate: 0.15 }
leaving:
  notice_period: { dist: uniform, min: 4 weeks, max: 3 months }
recruitment:
  vacancy_fill_time: { dist: lognormal, median: 3 months, sigma: 0.6 }
agency:
  cover_vacancies: true
  fill_time:  { dist: exponential, mean: 2 weeks }
  assignment: { dist: exponential, mean: 6 months }
demand:
  referrals_per_year: 2000
  initial_open_cases: 0
  case_duration: { dist: exponential, mean: 6 months }
allocation:
  policy: least_loaded
targets:
  - { name: permanent_95, metric: agency_share, op: "<=", value: 0.05, by: 2017-09-30 }
  - { metric: mean_caseload, op: "<=", value: 16, from: 2016-10-01, to: 2017-09-30, hold: average }
options:
  - { name: more_posts, set: { establishment.social_worker: 70 } }
)";

// 2 x 2 x 2 = 8 points: a number, durations with and without units, and the options axis.
const char kStudy[] = R"(name: small study
scenario: sweep.yaml
replications: 3
parameters:
  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.25] }
  - { path: recruitment.vacancy_fill_time.median, values: [1 month, 120] }
options: [base, more_posts]
)";

// 6 x 3 = 18 points, for runs long enough to be killed in the middle.
const char kLongerStudy[] = R"(name: longer study
scenario: sweep.yaml
replications: 3
parameters:
  - { path: turnover.social_worker.annual_rate, from: 0.05, to: 0.3, step: 0.05 }
  - { path: recruitment.vacancy_fill_time.median, values: [1 month, 60, 4 months] }
)";

const char kTwoPoints[] = R"(scenario: sweep.yaml
replications: 2
parameters:
  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.25] }
)";

std::string quoted(const std::string& path) {
    return "'" + path + "'";
}

// The study and its scenario in `dir`; returns the study's path.
std::string write_study(const TempDir& dir, const char* study = kStudy) {
    dir.write("sweep.yaml", kScenario);
    return dir.write("study.yaml", study);
}

wfsim::test::ProcessResult sweep(const std::string& study, const std::string& out,
                                 const std::string& flags = "") {
    return run_process(kWfsim + " sweep " + quoted(study) + " -o " + quoted(out) + " -q " + flags);
}

// h5diff's verdict: 0 identical (every dataset and attribute), 1 different, 2 trouble. h5diff -q
// exits 0 for objects it cannot compare (another type or shape), which h5diff -c lists: those
// count as different.
int h5diff(const std::string& a, const std::string& b) {
    const auto quick = run_process("h5diff -q " + quoted(a) + " " + quoted(b));
    if (quick.exit_code != 0) return quick.exit_code;
    const auto listed = run_process("h5diff -c " + quoted(a) + " " + quoted(b));
    return listed.out.find("Not comparable") == std::string::npos ? 0 : 1;
}

// The same points, values, series (bit for bit) and target outcomes, read back through the
// sweep reader: a second opinion beside h5diff's.
void expect_same_points(const std::string& a, const std::string& b) {
    const SweepReader x(a), y(b);
    EXPECT_EQ(x.header().fingerprint, y.header().fingerprint);
    EXPECT_EQ(x.header().axes, y.header().axes);
    ASSERT_EQ(x.points(), y.points()) << b;
    for (std::size_t slot = 0; slot < x.points().size(); ++slot) {
        const auto p = x.read(slot), q = y.read(slot);
        EXPECT_EQ(p.values, q.values) << b << " slot " << slot;
        for (std::size_t m = 0; m < p.series.metrics(); ++m) {
            for (std::size_t r = 0; r < p.series.replications(); ++r) {
                const auto u = p.series.row(m, r), v = q.series.row(m, r);
                EXPECT_EQ(std::memcmp(u.data(), v.data(), u.size_bytes()), 0)
                    << b << " slot " << slot << " metric " << p.series.specs()[m].name;
            }
        }
        for (std::size_t t = 0; t < p.targets.size(); ++t) {
            EXPECT_EQ(p.targets[t].met, q.targets[t].met) << b << " slot " << slot;
            EXPECT_EQ(p.targets[t].probability, q.targets[t].probability) << b << " slot " << slot;
        }
    }
}

std::set<std::string> names_in(const std::string& directory) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(directory)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

std::string last_line(const std::string& text) {
    std::string trimmed = text;
    while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
    const auto newline = trimmed.rfind('\n');
    return newline == std::string::npos ? trimmed : trimmed.substr(newline + 1);
}

// The wfsim program started in the background, its output to files, for killing.
pid_t start_wfsim(const std::vector<std::string>& args, const std::string& out,
                  const std::string& err) {
    std::vector<std::string> all{kWfsim};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    const int failed = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    return failed ? -1 : pid;
}

// Kills with SIGKILL (if still running) and reaps; true if it had already exited with 0.
bool kill_nine(pid_t pid, int* exit_code = nullptr) {
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (exit_code) *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return WIFEXITED(status);
}

TEST(SweepCli, ThreadsAndShardsMergedInAnyOrderGiveTheSameFile) {
    TempDir dir;
    const std::string study = write_study(dir);
    const auto one = sweep(study, dir.file("one.h5"), "--threads 1");
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(one.out, "small study: 8 points x 3 replications -> " + dir.file("one.h5") + "\n");
    const auto two = sweep(study, dir.file("two.h5"), "--threads 2");
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_EQ(h5diff(dir.file("one.h5"), dir.file("two.h5")), 0);
    for (int i = 0; i < 3; ++i) {
        const std::string part = dir.file("part" + std::to_string(i) + ".h5");
        const auto shard = sweep(study, part, "--threads 1 --shard " + std::to_string(i) + "/3");
        ASSERT_EQ(shard.exit_code, 0) << shard.err;
        EXPECT_NE(shard.err.find("(shard " + std::to_string(i) + "/3 of 8)"), std::string::npos)
            << shard.err;
    }
    // Every third point from the shard's index.
    EXPECT_EQ(SweepReader(dir.file("part1.h5")).points(), (std::vector<std::int64_t>{1, 4, 7}));
    const auto merged = run_process(
        kWfsim + " merge " + quoted(dir.file("part2.h5")) + " " + quoted(dir.file("part0.h5")) +
        " " + quoted(dir.file("part1.h5")) + " -o " + quoted(dir.file("merged.h5")));
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(merged.out, "merged 3 files -> " + dir.file("merged.h5") + "\n");
    EXPECT_EQ(h5diff(dir.file("one.h5"), dir.file("merged.h5")), 0);
    expect_same_points(dir.file("one.h5"), dir.file("two.h5"));
    expect_same_points(dir.file("one.h5"), dir.file("merged.h5"));
    // Not a comparison that always passes: another seed is another file.
    const std::string other = dir.write("other.yaml", std::string(kStudy) + "seed: 12\n");
    ASSERT_EQ(sweep(other, dir.file("other.h5")).exit_code, 0);
    EXPECT_EQ(h5diff(dir.file("one.h5"), dir.file("other.h5")), 1);
    // Nothing else is left beside the outputs: no journal, no temporary.
    EXPECT_EQ(names_in(dir.path()),
              (std::set<std::string>{"sweep.yaml", "study.yaml", "other.yaml", "one.h5", "two.h5",
                                     "part0.h5", "part1.h5", "part2.h5", "merged.h5", "other.h5"}));
    // Merging only some shards names the first missing point.
    const auto partial =
        run_process(kWfsim + " merge " + quoted(dir.file("part0.h5")) + " " +
                    quoted(dir.file("part2.h5")) + " -o " + quoted(dir.file("partial.h5")));
    EXPECT_EQ(partial.exit_code, 2);
    EXPECT_EQ(partial.err, "wfsim: error: cannot merge into " + dir.file("partial.h5") +
                               ": point 1 of 8 is in none of the files\n");
    EXPECT_FALSE(fs::exists(dir.file("partial.h5")));
}

TEST(SweepCli, AShardWithNoPointsWritesAnEmptyPartThatMerges) {
    TempDir dir;
    const std::string study = write_study(dir, kTwoPoints);
    ASSERT_EQ(sweep(study, dir.file("whole.h5")).exit_code, 0);
    std::string parts;
    for (int i = 0; i < 3; ++i) {  // 3 shards of 2 points: shard 2 has none
        const std::string part = dir.file("part" + std::to_string(i) + ".h5");
        const auto shard = sweep(study, part, "--shard " + std::to_string(i) + "/3");
        ASSERT_EQ(shard.exit_code, 0) << shard.err;
        parts.append(" ").append(quoted(part));
    }
    EXPECT_TRUE(SweepReader(dir.file("part2.h5")).points().empty());
    const auto merged =
        run_process(kWfsim + " merge" + parts + " -o " + quoted(dir.file("merged.h5")));
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(h5diff(dir.file("whole.h5"), dir.file("merged.h5")), 0);
}

// An output that cannot be written is a runtime failure (exit 1), not bad input (exit 2), and
// leaves nothing behind.
TEST(SweepCli, AnOutputThatCannotBeWrittenExitsOne) {
    TempDir dir;
    const std::string study = write_study(dir, kTwoPoints);
    const std::string missing = dir.file("missing/out.h5");
    const auto swept = sweep(study, missing);
    EXPECT_EQ(swept.exit_code, 1) << swept.err;
    EXPECT_EQ(swept.err, "wfsim: error: cannot create " + missing +
                             ".parts: No such file or directory\n");
    const std::string part = dir.file("part.h5");
    ASSERT_EQ(sweep(study, part).exit_code, 0);
    const auto merged = run_process(kWfsim + " merge " + quoted(part) + " -o " + quoted(missing));
    EXPECT_EQ(merged.exit_code, 1) << merged.err;
    EXPECT_EQ(merged.err.rfind("wfsim: error: cannot create " + missing, 0), 0u) << merged.err;
    EXPECT_EQ(std::count(merged.err.begin(), merged.err.end(), '\n'), 1) << merged.err;
    EXPECT_FALSE(fs::exists(dir.file("missing")));
}

// --shard N takes the index from Slurm's array task id, counted from the array's first task.
TEST(SweepCli, ShardCountAloneTakesTheIndexFromSlurmArrayTaskId) {
    TempDir dir;
    const std::string study = write_study(dir);
    ASSERT_EQ(sweep(study, dir.file("explicit.h5"), "--shard 1/3").exit_code, 0);
    const auto from_min =
        run_process("env SLURM_ARRAY_TASK_ID=5 SLURM_ARRAY_TASK_MIN=4 " + kWfsim + " sweep " +
                    quoted(study) + " -q --shard 3 -o " + quoted(dir.file("slurm.h5")));
    ASSERT_EQ(from_min.exit_code, 0) << from_min.err;
    EXPECT_NE(from_min.err.find("(shard 1/3 of 8)"), std::string::npos) << from_min.err;
    EXPECT_EQ(h5diff(dir.file("explicit.h5"), dir.file("slurm.h5")), 0);
    const auto from_zero =
        run_process("env -u SLURM_ARRAY_TASK_MIN SLURM_ARRAY_TASK_ID=1 " + kWfsim + " sweep " +
                    quoted(study) + " -q --shard 3 -o " + quoted(dir.file("zero.h5")));
    ASSERT_EQ(from_zero.exit_code, 0) << from_zero.err;
    EXPECT_EQ(h5diff(dir.file("explicit.h5"), dir.file("zero.h5")), 0);
}

struct BadShard {
    const char* environment;  // for env(1)
    const char* shard;
    const char* message;  // after "wfsim: error: "
};

TEST(SweepCli, BadShardsExitTwoWithTheirLineAndLeaveNothing) {
    TempDir dir;
    const std::string study = write_study(dir);
    const BadShard cases[] = {
        {"", "3/3", "--shard 3/3: the shard index must be below the count (0-based: 0/3 to 2/3)"},
        {"", "0/0", "--shard 0/0: the shard count must be at least 1"},
        {"", "1/x", "--shard 1/x: the shard count 'x' is not a whole number"},
        {"", "/3", "--shard /3: the shard index '' is not a whole number"},
        {"", "1.5/3", "--shard 1.5/3: the shard index '1.5' is not a whole number"},
        {"", "+1/3", "--shard +1/3: the shard index '+1' is not a whole number"},
        {"", "1/3/4", "--shard 1/3/4: the shard count '3/4' is not a whole number"},
        {"-u SLURM_ARRAY_TASK_ID", "3",
         "--shard 3: no shard index given and SLURM_ARRAY_TASK_ID is not set (give I/N, e.g. "
         "3/16)"},
        {"SLURM_ARRAY_TASK_ID=x", "3", "--shard 3: SLURM_ARRAY_TASK_ID 'x' is not a whole number"},
        {"SLURM_ARRAY_TASK_ID=7 SLURM_ARRAY_TASK_MIN=4", "3",
         "--shard 3: array task 7 is shard 3 (counted from the array's first task, 4), but there "
         "are 3 shards (give the array 3 tasks, e.g. --array=0-2)"},
        {"SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=4", "3",
         "--shard 3: SLURM_ARRAY_TASK_ID 2 is below SLURM_ARRAY_TASK_MIN 4"},
    };
    for (const BadShard& c : cases) {
        const auto result = run_process(std::string("env ") + c.environment + " " + kWfsim +
                                        " sweep " + quoted(study) + " -q --shard=" + c.shard +
                                        " -o " + quoted(dir.file("out.h5")));
        EXPECT_EQ(result.exit_code, 2) << c.shard;
        EXPECT_EQ(result.err, std::string("wfsim: error: ") + c.message + "\n") << c.shard;
    }
    EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"sweep.yaml", "study.yaml"}));
}

// A sweep to an output whose journal exists, running or killed, is refused without --resume;
// a changed study is refused with it; the same study resumes to the file of an uninterrupted
// run.
TEST(SweepCli, ASecondSweepToTheSameOutputNeedsResumeAndTheSameStudy) {
    TempDir dir, logs;
    const std::string study = write_study(dir);
    ASSERT_EQ(sweep(study, dir.file("reference.h5")).exit_code, 0);
    const std::string out = dir.file("out.h5");
    const pid_t first = start_wfsim({"sweep", study, "-o", out, "-q", "--threads", "1"},
                                    logs.file("out"), logs.file("err"));
    ASSERT_GT(first, 0);
    for (int i = 0; i < 3000 && !fs::exists(out + ".parts/fingerprint"); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(fs::exists(out + ".parts/fingerprint"));
    const std::string refusal = "wfsim: error: " + out +
                                ".parts exists: an earlier sweep to this output did not finish; "
                                "finish it with --resume, or remove it\n";
    const auto while_running = sweep(study, out);  // the first is very likely still running
    int first_exit = -1;
    const bool first_finished = kill_nine(first, &first_exit);
    EXPECT_EQ(while_running.exit_code, 2);
    EXPECT_EQ(while_running.err, refusal);
    if (first_finished) {
        // It finished before the second started (a very slow machine): nothing to refuse now.
        ASSERT_EQ(first_exit, 0);
        GTEST_SKIP() << "the first sweep ended before it could be killed";
    }
    const auto after_kill = sweep(study, out);
    EXPECT_EQ(after_kill.exit_code, 2);
    EXPECT_EQ(after_kill.err, refusal);
    EXPECT_FALSE(fs::exists(out));
    // The study changed (another seed): its points are not these.
    const std::string changed = dir.write("changed.yaml", std::string(kStudy) + "seed: 99\n");
    const auto other = sweep(changed, out, "--resume");
    EXPECT_EQ(other.exit_code, 2);
    EXPECT_TRUE(other.err.starts_with("wfsim: error: " + out +
                                      ".parts holds the points of another study (fingerprint "))
        << other.err;
    EXPECT_NE(other.err.find("); remove it or choose another output\n"), std::string::npos)
        << other.err;
    const auto resumed = sweep(study, out, "--resume");
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    EXPECT_EQ(h5diff(dir.file("reference.h5"), out), 0);
    EXPECT_FALSE(fs::exists(out + ".parts"));
}

// kill -9 at moments drawn from a seeded generator (so the same delays every run; where they
// land in the sweep depends on the machine's speed): after each kill the output does not
// exist half-written and every point file in the journal is whole and this study's; after the
// last, --resume finishes the file of an uninterrupted run and leaves nothing else.
TEST(SweepCli, ResumesAfterKillNineAtRandomMomentsToTheSameFile) {
    TempDir dir, logs;
    const std::string study = write_study(dir, kLongerStudy);
    const std::string reference = dir.file("reference.h5");
    const auto started = std::chrono::steady_clock::now();
    ASSERT_EQ(sweep(study, reference, "--threads 2").exit_code, 0);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const SweepHeader header = SweepReader(reference).header();
    const std::string& fingerprint = header.fingerprint;

    const std::string out = dir.file("killed.h5");
    const fs::path parts = out + ".parts";
    std::mt19937 generator(20240607);
    std::uniform_real_distribution<double> moment(0.0, 0.8);
    int interrupted = 0;
    std::string kills;     // what each kill left, for the log
    std::size_t kept = 0;  // point files in the journal after the last kill
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::vector<std::string> args{"sweep", study, "-o", out, "-q", "--threads", "2"};
        if (attempt > 0) args.push_back("--resume");
        const pid_t pid = start_wfsim(args, logs.file("out"), logs.file("err"));
        ASSERT_GT(pid, 0);
        // Within about the time the points still to run take (and at least some of the
        // assembly's), so that later kills still land in the run.
        const double left = std::max(0.15, 1.0 - static_cast<double>(kept) / 18.0);
        std::this_thread::sleep_for(
            std::chrono::duration<double>(moment(generator) * left * seconds));
        int exit_code = -1;
        const bool finished = kill_nine(pid, &exit_code);
        const std::string err = read_text(logs.file("err"));
        // A resumed run counts the points the journal held.
        if (const auto at = err.find("resuming: "); at != std::string::npos) {
            EXPECT_EQ(std::stoul(err.substr(at + 10)), kept) << "attempt " << attempt;
        }
        if (finished) {
            ASSERT_EQ(exit_code, 0) << err;
            break;
        }
        ++interrupted;
        kills += (fs::exists(out) ? "output whole, " : "") + std::string();
        // Absent, or complete (killed while the journal was being removed).
        if (fs::exists(out)) {
            EXPECT_EQ(h5diff(reference, out), 0) << "attempt " << attempt;
        }
        kept = 0;
        if (!fs::exists(parts)) continue;
        for (const auto& entry : fs::directory_iterator(parts)) {
            const std::string name = entry.path().filename().string();
            if (name == "fingerprint") {
                EXPECT_EQ(read_text(entry.path().string()), fingerprint + "\n");
                continue;
            }
            if (name.find(".tmp") != std::string::npos) continue;  // a killed writer's
            ASSERT_TRUE(name.starts_with("point-") && name.ends_with(".h5")) << name;
            const std::int64_t p = std::stoll(name.substr(6));
            // Throws if not whole, or not point p of this study.
            const SweepPoint point = read_journal_part(entry.path(), header, p);
            EXPECT_EQ(point.series.replications(), 3u) << name;
            ++kept;
        }
        kills += std::to_string(kept) + " ";
    }
    std::cout << "killed " << interrupted << " times; the journal held " << kills
              << "points (the sweep takes " << seconds << " s uninterrupted)\n";
    EXPECT_GE(interrupted, 3) << "the sweep took " << seconds << " s uninterrupted";
    const auto last = sweep(study, out, "--resume --threads 2");
    ASSERT_EQ(last.exit_code, 0) << last.err;
    EXPECT_EQ(h5diff(reference, out), 0);
    EXPECT_EQ(names_in(dir.path()),
              (std::set<std::string>{"sweep.yaml", "study.yaml", "reference.h5", "killed.h5"}));
}

// Each value alone is one the scenario accepts, the combination is not: the sweep stops with
// exit code 2, one line naming the point, and leaves neither output nor journal.
TEST(SweepCli, APointTheScenarioRefusesExitsTwoNamingItAndLeavesNothing) {
    TempDir dir;
    dir.write("sweep.yaml", kScenario);
    const std::string study =
        dir.write("notice.yaml",
                  "scenario: sweep.yaml\n"
                  "replications: 1\n"
                  "parameters:\n"
                  "  - { path: leaving.notice_period.min, values: [4 weeks, 2 months] }\n"
                  "  - { path: leaving.notice_period.max, values: [3 months, 6 weeks] }\n");
    const std::string line = study +
                             ": error: point 3 (leaving.notice_period.min = 2 months, "
                             "leaving.notice_period.max = 6 weeks): "
                             "leaving.notice_period.max: must be at least 60.875 days "
                             "(got 6 weeks) (set by the study)";
    const auto result = sweep(study, dir.file("out.h5"), "--threads 2");
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(last_line(result.err), line) << result.err;
    EXPECT_EQ(names_in(dir.path()), (std::set<std::string>{"sweep.yaml", "notice.yaml"}));
    // wfsim validate finds it before anything runs.
    const auto validate = run_process(kWfsim + " validate " + quoted(study));
    EXPECT_EQ(validate.exit_code, 2);
    EXPECT_EQ(validate.err, line + "\n");
}

TEST(SweepCli, ValidateChecksAStudyAndEachOfItsPoints) {
    TempDir dir;
    const std::string study = write_study(dir);
    const auto valid = run_process(kWfsim + " validate " + quoted(study));
    EXPECT_EQ(valid.exit_code, 0) << valid.err;
    EXPECT_EQ(valid.out, study + ": valid study (8 points x 3 replications of " +
                             dir.file("sweep.yaml") + ")\n");
    const std::string bad = dir.write("bad.yaml", "scenario: sweep.yaml\nreplicatoins: 3\n");
    const auto invalid = run_process(kWfsim + " validate " + quoted(bad));
    EXPECT_EQ(invalid.exit_code, 2);
    EXPECT_EQ(invalid.err, bad +
                               ":2:1: error: replicatoins: unknown key 'replicatoins' (did you "
                               "mean 'replications'?)\n");
}

// The example study shipped beside the strategy: valid, and swept (with 2 replications instead
// of its 50) into a file with its 32 points, axes and the strategy's targets. The payment's size
// changes only what the council pays, so with common random numbers the staffing is the same
// at every size, to the bit, while the retention cost grows with it.
TEST(SweepCli, TheShippedStudyValidatesAndSweeps) {
    const std::string shipped =
        std::string(WFSIM_SOURCE_DIR) + "/scenarios/study_applicants_retention.yaml";
    const auto validate = run_process(kWfsim + " validate " + quoted(shipped));
    ASSERT_EQ(validate.exit_code, 0) << validate.err;
    EXPECT_NE(validate.out.find("valid study (32 points x 50 replications"), std::string::npos)
        << validate.out;

    TempDir dir;
    std::string text = read_text(shipped);
    text.replace(text.find("replications: 50"), 16, "replications: 2");
    text.replace(text.find("scenario: strategy.yaml"), 23,
                 "scenario: " + std::string(WFSIM_SOURCE_DIR) + "/scenarios/strategy.yaml");
    const std::string study = dir.write("study.yaml", text);
    const auto result = sweep(study, dir.file("study.h5"), "--threads 2");
    ASSERT_EQ(result.exit_code, 0) << result.err;

    const SweepReader reader(dir.file("study.h5"));
    const auto& h = reader.header();
    EXPECT_EQ(h.study_name, "applicants and retention payment");
    EXPECT_EQ(h.total_points, 32);
    EXPECT_EQ(h.replications, 2u);
    EXPECT_EQ(h.axes, (std::vector<std::string>{"recruitment.campaigns.experienced.applicants",
                                                "retention.payments.two_year.amount", "option"}));
    ASSERT_EQ(h.targets.size(), 4u);
    EXPECT_EQ(h.targets[0].name, "permanent_80");
    ASSERT_EQ(reader.points().size(), 32u);
    EXPECT_EQ(reader.read(0).values, (std::vector<std::string>{"10", "0", "base"}));
    EXPECT_EQ(reader.read(31).values,
              (std::vector<std::string>{"40", "6000", "recruitment_drive"}));
    // Points 8 q + 2 a + o: applicants q, amount a (0, 2000, 4000, 6000), option o.
    std::size_t compared = 0;
    for (std::size_t q = 0; q < 4; ++q) {
        for (std::size_t o = 0; o < 2; ++o) {
            const auto none = reader.read(8 * q + o), most = reader.read(8 * q + 6 + o);
            for (std::size_t m = 0; m < h.metrics.size(); ++m) {
                const std::string& name = h.metrics[m].name;
                const bool money = name.starts_with("cost") || name.starts_with("retention_paid");
                if (money) continue;
                for (std::size_t r = 0; r < 2; ++r) {
                    const auto a = none.series.row(m, r), b = most.series.row(m, r);
                    ASSERT_EQ(std::memcmp(a.data(), b.data(), a.size_bytes()), 0)
                        << name << " at applicants point " << q << ", option " << o;
                }
                ++compared;
            }
            for (std::size_t t = 0; t < 4; ++t) {
                EXPECT_EQ(none.targets[t].probability, most.targets[t].probability);
            }
            const std::size_t cost = none.series.index_of("cost_retention");
            double paid_none = 0, paid_most = 0;
            for (std::size_t r = 0; r < 2; ++r) {
                for (const double v : none.series.row(cost, r)) paid_none += v;
                for (const double v : most.series.row(cost, r)) paid_most += v;
            }
            EXPECT_EQ(paid_none, 0.0);
            EXPECT_GT(paid_most, 0.0);
        }
    }
    EXPECT_GT(compared, 8u * 50u);
}

}  // namespace
