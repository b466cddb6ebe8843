// One finished point of a sweep as its journal keeps it (wfsim sweep's OUT.parts/point-N.h5):
// only what the sweep file cannot recompute, in as few datasets as possible, since one is
// written for every point while the sweep runs and read back once by the assembly. A sweep file
// of one point held some 450 datasets (a series and four summaries per metric, with dimension
// scales); a journal part holds four, whatever the number of metrics:
//
//   /series          float64 [M, R, T]  every metric's replications, in the header's order
//   /met             uint8   [K, R]     per target, whether each replication met it
//   /first_met_days  float64 [K, R]     and when (NaN if never)
//   /target_outcome  float64 [K, 3]     probability, ci_low, ci_high
//   / attributes     format ("wfsim-sweep-point-1"), fingerprint, point, values (per axis)
//
// The header (study, metrics, targets' definitions) is the sweep's own and is not repeated:
// the reader is given it, and refuses a part whose fingerprint, point or shape differs.
#pragma once

#include <cstdint>
#include <filesystem>

#include "output/sweep_file.hpp"

namespace wfsim::output {

inline constexpr char kJournalPartFormatName[] = "wfsim-sweep-point-1";

// Writes `point` to `file` atomically (a temporary name, then rename). Throws SweepWriteError.
void write_journal_part(const std::filesystem::path& file, const SweepHeader& header,
                        const SweepPoint& point);

// Reads point `index` of the sweep that `header` describes from `file`. Throws SweepError (one
// line naming the file) if it cannot be read or is not that point of that study.
SweepPoint read_journal_part(const std::filesystem::path& file, const SweepHeader& header,
                             std::int64_t index);

}  // namespace wfsim::output
