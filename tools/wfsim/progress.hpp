// Progress of a batch of replications on stderr: a redrawn bar on a terminal, plain periodic
// lines otherwise (logs of cluster jobs, CI), nothing when quiet.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace wfsim::cli {

class Progress {
public:
    Progress(std::FILE* stream, bool quiet);

    void update(std::uint32_t done, std::uint32_t total);
    // A sweep: points done of the total (those already done when it resumed included) and the
    // replications they hold; the rate counts this run's replications only.
    void update_points(std::uint64_t done, std::uint64_t total, std::uint64_t resumed,
                       std::uint64_t replications_per_point);
    void finish();

private:
    using Clock = std::chrono::steady_clock;

    std::FILE* stream_;
    bool quiet_;
    bool terminal_;
    Clock::time_point started_ = Clock::now();
    Clock::time_point last_line_ = Clock::now();
    bool drew_ = false;
};

}  // namespace wfsim::cli
