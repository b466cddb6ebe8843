// The sweep's output, assembled while the points run rather than after: the process that
// assembles (the leader) writes each point it finishes straight into the output, from memory,
// and, each time, catches up with the points that other ranks (or an earlier run being
// resumed) have put in the journal since, so that this work overlaps the simulation too rather
// than piling up at the end. Once every point is in the journal it reads what is left from
// there and commits. The file is the one merge_sweeps makes of the journal.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
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
    // Points that may reach the journal from elsewhere (other ranks' points, an earlier run's);
    // each is read from the journal by a later catch_up or by finish.
    void expect(std::span<const std::int64_t> points);
    // Reads every expected point already whole in the journal into the output. Throws
    // output::SweepError.
    void catch_up(const SweepJournal& journal);
    // Reads every point not added from `journal` and commits the output atomically. Throws
    // output::SweepError (then nothing is left at the output).
    void finish(const SweepJournal& journal);

private:
    output::SweepWriter& writer();
    std::size_t slot(std::int64_t point) const;  // its entry in points_
    void read_from_journal(const SweepJournal& journal, std::size_t slot);

    std::filesystem::path out_;
    output::SweepHeader header_;
    std::vector<std::int64_t> points_;
    std::vector<bool> added_;  // per entry of points_ (ascending)
    std::vector<std::int64_t> expected_;  // not yet added; a few per worker in flight
    std::optional<output::SweepWriter> writer_;
};

}  // namespace wfsim::cli
