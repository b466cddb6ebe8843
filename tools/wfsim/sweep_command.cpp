// wfsim sweep: every point of a study (or one shard of them), each point's replications on the
// threads of this process, finished points kept in a journal so that a killed sweep resumes,
// and the sweep file assembled from them at the end.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>
#include <string>

#include "models/config/diagnostics.hpp"
#include "models/study/study.hpp"
#include "models/study/sweep.hpp"
#include "output/journal_part.hpp"
#include "output/sweep_file.hpp"
#include "tools/report/wording.hpp"
#include "tools/wfsim/commands.hpp"
#include "tools/wfsim/progress.hpp"
#include "tools/wfsim/sweep_assembly.hpp"
#include "tools/wfsim/sweep_journal.hpp"
#include "tools/wfsim/sweep_team.hpp"
#include "wfsim_version.hpp"

namespace wfsim::cli {

namespace {

struct Shard {
    std::uint32_t index = 0, count = 1;
};

// "I/N", or "N" with I from Slurm's array task id (counted from the array's first task);
// throws std::invalid_argument with a one-line message.
Shard parse_shard(const std::string& text) {
    const auto number = [](const std::string& part, const std::string& what) {
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (part.empty() || part.size() > 7 || !std::all_of(part.begin(), part.end(), digit)) {
            throw std::invalid_argument(what + " '" + part + "' is not a whole number");
        }
        return static_cast<std::uint32_t>(std::stoul(part));
    };
    Shard shard;
    const auto slash = text.find('/');
    const std::string where = "--shard " + text + ": ";
    try {
        if (slash == std::string::npos) {
            shard.count = number(text, "the shard count");
            const char* task = std::getenv("SLURM_ARRAY_TASK_ID");
            if (!task) {
                throw std::invalid_argument("no shard index given and SLURM_ARRAY_TASK_ID is "
                                            "not set (give I/N, e.g. 3/16)");
            }
            const std::uint32_t id = number(task, "SLURM_ARRAY_TASK_ID");
            std::uint32_t first = 0;
            if (const char* min = std::getenv("SLURM_ARRAY_TASK_MIN")) {
                first = number(min, "SLURM_ARRAY_TASK_MIN");
            }
            if (id < first) {
                throw std::invalid_argument("SLURM_ARRAY_TASK_ID " + std::to_string(id) +
                                            " is below SLURM_ARRAY_TASK_MIN " +
                                            std::to_string(first));
            }
            shard.index = id - first;
            if (shard.count > 0 && shard.index >= shard.count) {
                throw std::invalid_argument(
                    "array task " + std::to_string(id) + " is shard " +
                    std::to_string(shard.index) + " (counted from the array's first task, " +
                    std::to_string(first) + "), but there are " + std::to_string(shard.count) +
                    " shards (give the array " + std::to_string(shard.count) + " tasks, e.g. " +
                    "--array=0-" + std::to_string(shard.count - 1) + ")");
            }
        } else {
            shard.index = number(text.substr(0, slash), "the shard index");
            shard.count = number(text.substr(slash + 1), "the shard count");
        }
        if (shard.count == 0) throw std::invalid_argument("the shard count must be at least 1");
        if (shard.index >= shard.count) {
            throw std::invalid_argument("the shard index must be below the count (0-based: 0/" +
                                        std::to_string(shard.count) + " to " +
                                        std::to_string(shard.count - 1) + "/" +
                                        std::to_string(shard.count) + ")");
        }
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(where + e.what());
    }
    return shard;
}

}  // namespace

int sweep_command(const SweepOptions& options) {
    // This process alone, or the ranks of an MPI job: then rank 0, the leader, opens the
    // journal, prints and assembles, and every rank runs points from one shared hand-out.
    const std::unique_ptr<SweepTeam> team = join_sweep_team();
    const bool leader = team->leader();
    model::Study study;
    try {
        study = model::load_study(options.study);
    } catch (const config::InputError& e) {
        if (leader) std::fprintf(stderr, "%s\n", e.what());
        return kExitInvalidInput;
    }
    Shard shard;
    try {
        if (!options.shard.empty()) shard = parse_shard(options.shard);
    } catch (const std::invalid_argument& e) {
        if (leader) std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    }
    const std::filesystem::path out = options.output;
    const auto total = static_cast<std::int64_t>(study.points.size());
    const std::vector<std::int64_t> mine = model::shard_points(total, shard.index, shard.count);

    std::optional<SweepJournal> journal;
    int opened = kExitOk;
    if (leader) {
        try {
            journal.emplace(out, study.fingerprint, options.resume);
        } catch (const SweepJournal::Refused& e) {
            std::fprintf(stderr, "wfsim: error: %s\n", e.what());
            opened = kExitInvalidInput;
        } catch (const std::runtime_error& e) {
            std::fprintf(stderr, "wfsim: error: %s\n", e.what());
            opened = kExitFailure;
        }
    }
    if (const int code = team->share(opened); code != kExitOk) return code;
    if (!leader) journal.emplace(out);
    std::vector<std::int64_t> to_run;
    if (leader) {
        const std::set<std::int64_t> finished = journal->finished();
        for (const std::int64_t p : mine) {
            if (!finished.contains(p)) to_run.push_back(p);
        }
    }
    to_run = team->share(std::move(to_run));
    const std::uint64_t already = mine.size() - to_run.size();

    if (leader) {
        std::fprintf(stderr, "wfsim %s: %s: %s%s x %s%s\n", kVersion,
                     study.name.empty() ? options.study.c_str() : study.name.c_str(),
                     report::counted(static_cast<long>(mine.size()), "point").c_str(),
                     shard.count > 1 ? (" (shard " + std::to_string(shard.index) + "/" +
                                        std::to_string(shard.count) + " of " + std::to_string(total) + ")")
                                           .c_str()
                                     : "",
                     report::counted(study.replications, "replication").c_str(),
                     already ? (", resuming: " + std::to_string(already) + " done").c_str() : "");
    }
    const output::SweepHeader header = model::sweep_header(study);
    std::optional<SweepAssembly> assembly;
    if (leader) {
        assembly.emplace(out, header, mine);
        // An earlier run's points, read in as this run goes.
        std::vector<std::int64_t> earlier;
        std::set_difference(mine.begin(), mine.end(), to_run.begin(), to_run.end(),
                            std::back_inserter(earlier));
        assembly->expect(earlier);
    }
    Progress progress(stderr, options.quiet || !leader);
    progress.update_points(already, mine.size(), already, study.replications);
    model::PointSource& source = team->points(to_run);
    const unsigned threads = options.threads ? options.threads : team->default_threads();
    std::uint64_t counted = already;  // points done by the team, as last shown
    std::size_t caught_up = 0;        // to_run[0, caught_up) are expected by the assembly
    int code = kExitOk;
    try {
        model::run_points(study, source, threads, [&](output::SweepPoint&& point) {
            output::write_journal_part(journal->point_file(point.index), header, point);
            if (assembly) {
                assembly->add(point);
                // Points handed out since: other ranks' ones are read in once journaled.
                const std::size_t handed = source.handed_out();
                assembly->expect(std::span(to_run).subspan(caught_up, handed - caught_up));
                caught_up = handed;
                assembly->catch_up(*journal);
            }
            counted = already + team->finished_point();
            progress.update_points(counted, mine.size(), already, study.replications);
        });
    } catch (const config::InputError& e) {
        progress.finish();
        std::fprintf(stderr, "%s\n", e.what());
        code = kExitInvalidInput;
    } catch (const std::exception& e) {
        // Output that cannot be written, a journal part that is not this study's: every rank
        // must still hear of it below, or the others would wait for this one for ever.
        progress.finish();
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        code = kExitFailure;
    }
    // A failure anywhere stops the hand-out everywhere; nothing is assembled unless every
    // process finished its points.
    if (code != kExitOk) team->stop();
    code = team->agree(code);
    // The last points may have been other ranks'.
    if (code == kExitOk && counted < mine.size()) {
        progress.update_points(mine.size(), mine.size(), already, study.replications);
    }
    progress.finish();
    // A point the scenario refuses: the study must change, and with it its fingerprint, so no
    // point kept here could be used again; leave nothing behind.
    if (code == kExitInvalidInput && leader) journal->remove();
    if (code != kExitOk || !leader) return code;
    try {
        assembly->finish(*journal);
    } catch (const output::SweepError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    }
    journal->remove();
    std::printf("%s: %s x %s -> %s\n",
                study.name.empty() ? options.study.c_str() : study.name.c_str(),
                report::counted(static_cast<long>(mine.size()), "point").c_str(),
                report::counted(study.replications, "replication").c_str(), out.c_str());
    return kExitOk;
}

int merge_command(const MergeOptions& options) {
    std::vector<std::filesystem::path> inputs(options.inputs.begin(), options.inputs.end());
    try {
        output::merge_sweeps(inputs, options.output);
    } catch (const output::SweepWriteError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    } catch (const output::SweepError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    }
    std::printf("merged %zu files -> %s\n", inputs.size(), options.output.c_str());
    return kExitOk;
}

}  // namespace wfsim::cli
