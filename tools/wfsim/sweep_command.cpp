// wfsim sweep: every point of a study (or one shard of them), each point's replications on the
// threads of this process, finished points kept in a journal so that a killed sweep resumes,
// and the sweep file assembled from them at the end.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>

#include "models/config/diagnostics.hpp"
#include "models/study/study.hpp"
#include "models/study/sweep.hpp"
#include "output/sweep_file.hpp"
#include "tools/wfsim/commands.hpp"
#include "tools/wfsim/progress.hpp"
#include "tools/wfsim/sweep_journal.hpp"
#include "wfsim_version.hpp"

namespace wfsim::cli {

namespace {

struct Shard {
    std::uint32_t index = 0, count = 1;
};

// "I/N", or "N" with I from Slurm's array task id; throws std::invalid_argument.
Shard parse_shard(const std::string& text) {
    const auto number = [&](const std::string& part, const char* what) {
        std::size_t used = 0;
        long long value = -1;
        try {
            value = std::stoll(part, &used);
        } catch (const std::exception&) {
        }
        if (used != part.size() || value < 0 || value > 1000000) {
            throw std::invalid_argument("--shard: " + std::string(what) + " '" + part +
                                        "' is not a whole number (expected I/N, e.g. 3/16)");
        }
        return static_cast<std::uint32_t>(value);
    };
    Shard shard;
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
        shard.count = number(text, "count");
        const char* task = std::getenv("SLURM_ARRAY_TASK_ID");
        if (!task) {
            throw std::invalid_argument("--shard " + text + ": no shard index given and "
                                        "SLURM_ARRAY_TASK_ID is not set (use I/N)");
        }
        shard.index = number(task, "SLURM_ARRAY_TASK_ID");
        if (const char* min = std::getenv("SLURM_ARRAY_TASK_MIN")) {
            shard.index -= std::min(shard.index, number(min, "SLURM_ARRAY_TASK_MIN"));
        }
    } else {
        shard.index = number(text.substr(0, slash), "index");
        shard.count = number(text.substr(slash + 1), "count");
    }
    if (shard.count == 0 || shard.index >= shard.count) {
        throw std::invalid_argument("--shard " + text + ": the index must be below the count "
                                    "(0-based: 0/4 to 3/4)");
    }
    return shard;
}

}  // namespace

int sweep_command(const SweepOptions& options) {
    model::Study study;
    try {
        study = model::load_study(options.study);
    } catch (const config::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kExitInvalidInput;
    }
    Shard shard;
    try {
        if (!options.shard.empty()) shard = parse_shard(options.shard);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    }
    const std::filesystem::path out = options.output;
    const auto total = static_cast<std::int64_t>(study.points.size());
    const std::vector<std::int64_t> mine = model::shard_points(total, shard.index, shard.count);

    std::optional<SweepJournal> journal;
    try {
        journal.emplace(out, study.fingerprint, options.resume);
    } catch (const std::runtime_error& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    }
    const std::set<std::int64_t> finished = journal->finished();
    std::vector<std::int64_t> to_run;
    for (const std::int64_t p : mine) {
        if (!finished.contains(p)) to_run.push_back(p);
    }
    const std::uint64_t already = mine.size() - to_run.size();

    std::fprintf(stderr, "wfsim %s: %s: %zu points%s x %u replications%s\n", kVersion,
                 study.name.empty() ? options.study.c_str() : study.name.c_str(), mine.size(),
                 shard.count > 1 ? (" (shard " + std::to_string(shard.index) + "/" +
                                    std::to_string(shard.count) + " of " + std::to_string(total) + ")")
                                       .c_str()
                                 : "",
                 study.replications,
                 already ? (", resuming: " + std::to_string(already) + " done").c_str() : "");
    const output::SweepHeader header = model::sweep_header(study);
    Progress progress(stderr, options.quiet);
    std::uint64_t done = already;
    progress.update_points(done, mine.size(), already, study.replications);
    model::ListedPoints source(to_run);
    try {
        model::run_points(study, source, options.threads, [&](output::SweepPoint&& point) {
            output::SweepWriter writer(journal->point_file(point.index), header, {point.index});
            writer.write(point);
            writer.commit();
            progress.update_points(++done, mine.size(), already, study.replications);
        });
        progress.finish();
        std::vector<std::filesystem::path> parts;
        for (const std::int64_t p : mine) parts.push_back(journal->point_file(p));
        output::merge_sweeps(parts, out, /*allow_missing=*/shard.count > 1);
    } catch (const config::InputError& e) {
        progress.finish();
        std::fprintf(stderr, "%s\n", e.what());
        return kExitInvalidInput;
    } catch (const output::SweepError& e) {
        progress.finish();
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    }
    journal->remove();
    std::printf("%s: %zu points x %u replications -> %s\n",
                study.name.empty() ? options.study.c_str() : study.name.c_str(), mine.size(),
                study.replications, out.c_str());
    return kExitOk;
}

int merge_command(const MergeOptions& options) {
    std::vector<std::filesystem::path> inputs(options.inputs.begin(), options.inputs.end());
    try {
        output::merge_sweeps(inputs, options.output);
    } catch (const output::SweepError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    }
    std::printf("merged %zu files -> %s\n", inputs.size(), options.output.c_str());
    return kExitOk;
}

}  // namespace wfsim::cli
