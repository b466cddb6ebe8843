#include "tools/wfsim/mpi_point_source.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

namespace wfsim::cli {

namespace {

constexpr MPI_Aint kNext = 0, kFinished = 1;
// Added to the next index by stop(): past the end of any list (a study has at most a million
// points), however many draws follow.
constexpr std::int64_t kStopped = std::int64_t{1} << 40;

}  // namespace

MpiPointSource::MpiPointSource(MpiSession& session, std::vector<std::int64_t> points)
    : session_(session), points_(std::move(points)) {
    const bool root = session_.rank() == 0;
    {
        std::lock_guard hold(session_.lock());
        MPI_Win_allocate(root ? 2 * sizeof(std::int64_t) : 0, sizeof(std::int64_t), MPI_INFO_NULL,
                         session_.comm(), &counters_, &window_);
        if (root) counters_[kNext] = counters_[kFinished] = 0;
        MPI_Barrier(session_.comm());  // the counters are zero before anyone draws
        MPI_Win_lock_all(MPI_MODE_NOCHECK, window_);
    }
    // Where the network has no atomics of its own (TCP), MPI carries out a rank's
    // Fetch_and_op on rank 0's window only when rank 0 is inside MPI; rank 0's threads are
    // busy simulating, so a draw would wait for rank 0's point to finish. Rank 0 therefore
    // enters MPI every millisecond. (Shared memory and RDMA networks do not need it; it costs
    // next to nothing there.)
    if (root) {
        ticking_ = true;
        ticker_ = std::thread([this] {
            while (ticking_) {
                {
                    std::lock_guard hold(session_.lock());
                    int flag = 0;
                    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, session_.comm(), &flag,
                               MPI_STATUS_IGNORE);
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
    }
}

MpiPointSource::~MpiPointSource() {
    if (ticker_.joinable()) {
        ticking_ = false;
        ticker_.join();
    }
    // Unwinding an exception, this rank leaves without the collective free (see MpiSession).
    if (std::uncaught_exceptions() > 0) return;
    std::lock_guard hold(session_.lock());
    MPI_Win_unlock_all(window_);
    MPI_Win_free(&window_);
}

std::int64_t MpiPointSource::fetch_add(MPI_Aint slot, std::int64_t value) {
    std::lock_guard hold(session_.lock());
    std::int64_t before = 0;
    MPI_Fetch_and_op(&value, &before, MPI_INT64_T, 0, slot, MPI_SUM, window_);
    MPI_Win_flush(0, window_);
    return before;
}

std::optional<std::int64_t> MpiPointSource::next() {
    const std::int64_t i = fetch_add(kNext, 1);
    if (i >= static_cast<std::int64_t>(points_.size())) return std::nullopt;
    return points_[static_cast<std::size_t>(i)];
}

std::size_t MpiPointSource::handed_out() {
    const std::int64_t drawn = fetch_add(kNext, 0);
    return static_cast<std::size_t>(std::min<std::int64_t>(drawn, static_cast<std::int64_t>(points_.size())));
}

std::uint64_t MpiPointSource::finished_one() {
    return static_cast<std::uint64_t>(fetch_add(kFinished, 1) + 1);
}

void MpiPointSource::stop() {
    fetch_add(kNext, kStopped);
}

}  // namespace wfsim::cli
