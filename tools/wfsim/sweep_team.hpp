// The processes that share one sweep: this process alone (threads only), or the ranks of an MPI
// job launched by mpirun. wfsim sweep is written once against this interface; every MPI call
// stays behind it, in tools/wfsim/mpi_*.cpp.
//
// The leader (rank 0, or the process alone) reads the journal, prints, and assembles the output
// once every process has agreed that all points are in. Every process runs points, drawn from
// one shared hand-out so that ranks that get cheap points take more of them.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "models/study/sweep.hpp"

namespace wfsim::cli {

class SweepTeam {
public:
    virtual ~SweepTeam() = default;

    virtual bool leader() const = 0;
    // Worker threads per process when --threads is not given (0: one per core).
    virtual unsigned default_threads() const = 0;

    // The leader's value, on every process (the others' argument is ignored).
    virtual int share(int leaders) = 0;
    virtual std::vector<std::int64_t> share(std::vector<std::int64_t> leaders) = 0;

    // The hand-out of `points` (the same list on every process), once each across the team.
    // Lives as long as the team.
    virtual model::PointSource& points(const std::vector<std::int64_t>& points) = 0;
    // This process has journaled one more point; returns the team's count so far.
    virtual std::uint64_t finished_point() = 0;
    // This process failed: the hand-out stops for every process (running points finish).
    virtual void stop() = 0;
    // Waits for every process and returns the worst (largest) of their exit codes, so that all
    // agree whether the sweep is complete before the leader assembles anything.
    virtual int agree(int code) = 0;
};

// The ranks of an MPI job when this process was launched as one (mpirun, or srun with PMIx),
// else this process alone. MPI is initialised only in the first case.
std::unique_ptr<SweepTeam> join_sweep_team();

}  // namespace wfsim::cli
