#include "tools/wfsim/mpi_session.hpp"

#include <chrono>
#include <exception>
#include <stdexcept>
#include <thread>

namespace wfsim::cli {

MpiSession::MpiSession() {
    int provided = MPI_THREAD_SINGLE;
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided) != MPI_SUCCESS) {
        throw std::runtime_error("MPI could not be initialised");
    }
    if (provided < MPI_THREAD_SERIALIZED) {
        MPI_Finalize();
        throw std::runtime_error(
            "this MPI library cannot take calls from several threads "
            "(MPI_THREAD_SERIALIZED), which wfsim sweep needs");
    }
    // A communicator of our own, so that nothing else on MPI_COMM_WORLD can match ours.
    MPI_Comm_dup(MPI_COMM_WORLD, &comm_);
    MPI_Comm_rank(comm_, &rank_);
    MPI_Comm_size(comm_, &size_);
}

MpiSession::~MpiSession() {
    if (std::uncaught_exceptions() > 0) return;
    MPI_Comm_free(&comm_);
    MPI_Finalize();
}

void MpiSession::wait(MPI_Request& request) {
    for (;;) {
        int done = 0;
        {
            std::lock_guard hold(mutex_);
            MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        }
        if (done) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

}  // namespace wfsim::cli
