// The sweep's output, assembled while the points run rather than after: the process that
// assembles (the leader) writes each point it finishes straight into the output, from memory,
// overlapping that work with the other threads' simulation; once every point is in the journal
// it reads the rest (other ranks' points, points of an earlier run that is being resumed) from
// there and commits. The file is the one merge_sweeps makes of the journal.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "output/sweep_file.hpp"
#include "tools/wfsim/sweep_journal.hpp"

namespace wfsim::cli {

class SweepAssembly {
public:
    // The output will hold exactly `points` (none: a file of the header alone, for a shard
    // with no points); nothing is written before the first point. What a killed sweep left of
    // its output is cleared by the journal when resuming.
    SweepAssembly(std::filesystem::path out, output::SweepHeader header,
                  std::vector<std::int64_t> points);

    // A point finished in this process. Throws output::SweepError.
    void add(const output::SweepPoint& point);
    // Reads every point not added from `journal` and commits the output atomically. Throws
    // output::SweepError (then nothing is left at the output).
    void finish(const SweepJournal& journal);

private:
    output::SweepWriter& writer();

    std::filesystem::path out_;
    output::SweepHeader header_;
    std::vector<std::int64_t> points_;
    std::vector<bool> added_;  // per entry of points_ (ascending)
    std::optional<output::SweepWriter> writer_;
};

}  // namespace wfsim::cli
