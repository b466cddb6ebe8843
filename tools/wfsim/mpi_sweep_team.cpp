// The ranks of an MPI job as a SweepTeam: broadcasts from rank 0, the shared hand-out of
// points (MpiPointSource), and the closing agreement on the outcome.
#include "tools/wfsim/mpi_sweep_team.hpp"

#include <cstdlib>

#include "tools/wfsim/mpi_point_source.hpp"
#include "tools/wfsim/mpi_session.hpp"

namespace wfsim::cli {

namespace {

class MpiSweepTeam final : public SweepTeam {
public:
    bool leader() const override { return session_.rank() == 0; }
    // Ranks are the unit of parallelism under mpirun (one per core, as the launcher places
    // them); a job of one rank has the machine to itself.
    unsigned default_threads() const override { return session_.size() > 1 ? 1 : 0; }

    int share(int leaders) override {
        std::lock_guard hold(session_.lock());
        MPI_Bcast(&leaders, 1, MPI_INT, 0, session_.comm());
        return leaders;
    }

    std::vector<std::int64_t> share(std::vector<std::int64_t> leaders) override {
        std::lock_guard hold(session_.lock());
        std::int64_t count = static_cast<std::int64_t>(leaders.size());
        MPI_Bcast(&count, 1, MPI_INT64_T, 0, session_.comm());
        leaders.resize(static_cast<std::size_t>(count));
        MPI_Bcast(leaders.data(), static_cast<int>(count), MPI_INT64_T, 0, session_.comm());
        return leaders;
    }

    model::PointSource& points(const std::vector<std::int64_t>& points) override {
        source_ = std::make_unique<MpiPointSource>(session_, points);
        return *source_;
    }

    std::uint64_t finished_point() override { return source_->finished_one(); }

    void stop() override {
        if (source_) source_->stop();
    }

    int agree(int code) override {
        int worst = code;
        MPI_Request request = MPI_REQUEST_NULL;
        {
            std::lock_guard hold(session_.lock());
            MPI_Iallreduce(&code, &worst, 1, MPI_INT, MPI_MAX, session_.comm(), &request);
        }
        session_.wait(request);
        // Every rank is past its last draw: the window can go.
        source_.reset();
        return worst;
    }

private:
    MpiSession session_;
    // Declared after the session: destroyed before it.
    std::unique_ptr<MpiPointSource> source_;
};

}  // namespace

bool launched_as_mpi_rank() {
    return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr;
}

LaunchedRanks launched_ranks() {
    const auto number = [](const char* name) -> long {
        const char* text = std::getenv(name);
        if (!text) return -1;
        char* end = nullptr;
        const long value = std::strtol(text, &end, 10);
        return end != text && *end == '\0' && value >= 0 ? value : -1;
    };
    LaunchedRanks ranks;
    if (const long size = number("OMPI_COMM_WORLD_SIZE"); size > 0) {
        ranks.count = static_cast<unsigned>(size);
        ranks.first = number("OMPI_COMM_WORLD_RANK") <= 0;
    } else if (const long rank = number("PMIX_RANK"); rank >= 0) {
        // srun sets the job's task count; another PMIx launcher may not say.
        const long tasks = number("SLURM_NTASKS");
        ranks.first = rank == 0;
        ranks.count = tasks > 0 ? static_cast<unsigned>(tasks) : rank > 0 ? 2u : 1u;
    }
    return ranks;
}

std::unique_ptr<SweepTeam> mpi_sweep_team() {
    return std::make_unique<MpiSweepTeam>();
}

}  // namespace wfsim::cli
