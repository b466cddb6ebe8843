#include "tools/wfsim/sweep_team.hpp"

#include "tools/wfsim/mpi_sweep_team.hpp"

namespace wfsim::cli {

namespace {

// This process alone: what the leader has is what everyone has.
class SoloTeam final : public SweepTeam {
public:
    bool leader() const override { return true; }
    unsigned default_threads() const override { return 0; }
    int share(int leaders) override { return leaders; }
    std::vector<std::int64_t> share(std::vector<std::int64_t> leaders) override { return leaders; }
    model::PointSource& points(const std::vector<std::int64_t>& points) override {
        source_ = std::make_unique<model::ListedPoints>(points);
        return *source_;
    }
    // Called by one thread at a time (run_points serialises its `done`).
    std::uint64_t finished_point() override { return ++finished_; }
    void stop() override {}
    int agree(int code) override { return code; }

private:
    std::unique_ptr<model::ListedPoints> source_;
    std::uint64_t finished_ = 0;
};

}  // namespace

std::unique_ptr<SweepTeam> join_sweep_team() {
    if (launched_as_mpi_rank()) return mpi_sweep_team();
    return std::make_unique<SoloTeam>();
}

}  // namespace wfsim::cli
