// MPI's lifetime in a wfsim process, and the lock that serialises MPI calls from its threads.
// Only the mpi_*.cpp files include this (and so mpi.h).
#pragma once

#include <mpi.h>

#include <mutex>

namespace wfsim::cli {

class MpiSession {
public:
    // MPI_Init_thread asking for MPI_THREAD_SERIALIZED (worker threads draw points, one at a
    // time under lock()), and a communicator of the job's own. Throws std::runtime_error.
    MpiSession();
    // MPI_Finalize; but not while an exception unwinds: a rank that leaves that way must not
    // wait in Finalize for ranks that wait for it, so it exits without, and mpirun ends the job.
    ~MpiSession();
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }
    MPI_Comm comm() const { return comm_; }
    // Held around every MPI call.
    std::mutex& lock() { return mutex_; }
    // Completes a nonblocking request by testing it every millisecond, taking the lock only to
    // test: a rank that is done early neither spins a core (as Open MPI's blocking collectives
    // do) that other ranks' threads need, nor keeps its own threads out of MPI.
    void wait(MPI_Request& request);

private:
    int rank_ = 0, size_ = 1;
    MPI_Comm comm_ = MPI_COMM_NULL;
    std::mutex mutex_;
};

}  // namespace wfsim::cli
