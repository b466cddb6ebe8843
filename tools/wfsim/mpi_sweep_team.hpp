// wfsim sweep over MPI: the narrow door to the MPI code (tools/wfsim/mpi_*.cpp). Nothing here
// includes mpi.h, so the rest of the program neither sees nor initialises MPI.
#pragma once

#include <memory>

#include "tools/wfsim/sweep_team.hpp"

namespace wfsim::cli {

// Whether a launcher started this process as an MPI rank: Open MPI's mpirun sets
// OMPI_COMM_WORLD_SIZE, PMIx launchers (mpirun, srun --mpi=pmix) PMIX_RANK. Reads the
// environment only.
bool launched_as_mpi_rank();

// The size of the MPI job this process was launched into, from the environment: 1 when not
// launched as a rank (or when the launcher does not say and this is rank 0), and whether this
// process is its rank 0.
struct LaunchedRanks {
    unsigned count = 1;
    bool first = true;
};
LaunchedRanks launched_ranks();

// Initialises MPI (finalised when the team is destroyed) and joins the job's ranks. Throws
// std::runtime_error with one line if MPI cannot run the sweep's threads.
std::unique_ptr<SweepTeam> mpi_sweep_team();

}  // namespace wfsim::cli
