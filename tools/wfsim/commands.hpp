// The wfsim subcommands. Each returns the process exit code:
// 0 success, 2 invalid input or usage, 1 runtime failure (e.g. cannot write the output).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wfsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitInvalidInput = 2;

struct RunOptions {
    std::string scenario;
    std::string output;  // empty: <scenario stem>.h5 in the current directory
    std::optional<std::int64_t> replications;
    std::optional<std::int64_t> seed;
    unsigned threads = 0;  // 0: all cores
    bool quiet = false;
    bool events = false;  // write the event log as /events
};

struct ReportOptions {
    std::string run_file;
    std::vector<std::string> at;       // ISO dates of the key-metrics table; empty: default
    std::vector<std::string> metrics;  // key metrics; empty: default
    std::string html;                  // also write the HTML page here; empty: none
};

struct CompareOptions {
    std::string scenario;
    std::string output;                // empty: <scenario stem>_compare.h5
    std::vector<std::string> options;  // empty: every option the scenario declares
    std::optional<std::int64_t> replications;
    std::optional<std::int64_t> seed;
    unsigned threads = 0;
    bool quiet = false;
    bool independent = false;  // a seed per option instead of common random numbers
};

struct SweepOptions {
    std::string study;
    std::string output;
    unsigned threads = 0;
    std::string shard;  // "I/N", "N" (I from SLURM_ARRAY_TASK_ID), or empty: every point
    bool resume = false;
    bool quiet = false;
};

struct MergeOptions {
    std::vector<std::string> inputs;
    std::string output;
};

int run_command(const RunOptions& options);
int sweep_command(const SweepOptions& options);
int merge_command(const MergeOptions& options);
int compare_command(const CompareOptions& options);
int report_command(const ReportOptions& options);
int validate_command(const std::string& scenario);
// The scenario language, or with `study` the study language, as Markdown.
int reference_command(bool study = false);

}  // namespace wfsim::cli
