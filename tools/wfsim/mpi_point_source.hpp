// The points of a sweep handed out to every thread of every rank, once each, by an atomic
// counter in an MPI window at rank 0 (MPI_Fetch_and_op): a rank that draws cheap points simply
// draws more, with no dispatcher. The same window counts finished points, for rank 0's progress.
#pragma once

#include <mpi.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <thread>
#include <vector>

#include "models/study/sweep.hpp"
#include "tools/wfsim/mpi_session.hpp"

namespace wfsim::cli {

class MpiPointSource final : public model::PointSource {
public:
    // Collective: every rank passes the same list.
    MpiPointSource(MpiSession& session, std::vector<std::int64_t> points);
    // Collective (frees the window): only once every rank has drawn its last point.
    ~MpiPointSource() override;
    MpiPointSource(const MpiPointSource&) = delete;
    MpiPointSource& operator=(const MpiPointSource&) = delete;

    std::optional<std::int64_t> next() override;
    std::size_t handed_out() override;
    // Counts one more finished point; returns the count over all ranks.
    std::uint64_t finished_one();
    // Ends the hand-out for every rank: their next draw finds nothing left.
    void stop();

private:
    std::int64_t fetch_add(MPI_Aint slot, std::int64_t value);

    MpiSession& session_;
    std::vector<std::int64_t> points_;
    MPI_Win window_ = MPI_WIN_NULL;
    std::int64_t* counters_ = nullptr;  // at rank 0: next index, finished points
    std::atomic<bool> ticking_{false};
    std::thread ticker_;
};

}  // namespace wfsim::cli
