// The shipped core scenario on one thread: time per replication, events per second and peak
// memory. Usage: bench_core_scenario [scenario.yaml] [replications]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <sys/resource.h>

#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"

int main(int argc, char** argv) {
    const std::string file = argc > 1 ? argv[1] : WFSIM_SOURCE_DIR "/scenarios/core.yaml";
    wfsim::model::Scenario scenario = wfsim::model::load_scenario(file);
    if (argc > 2) scenario.replications = static_cast<std::uint32_t>(std::atoi(argv[2]));

    const auto t0 = std::chrono::steady_clock::now();
    const wfsim::model::BatchResult result = wfsim::model::run_batch(scenario, 1);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double reps = scenario.replications;
    std::printf("scenario            %s\n", file.c_str());
    std::printf("replications        %u (1 thread)\n", scenario.replications);
    std::printf("events per rep      %.0f\n", result.events / reps);
    std::printf("ms per replication  %.2f\n", 1e3 * seconds / reps);
    std::printf("events per second   %.3e\n", result.events / seconds);
    std::printf("ns per event        %.1f\n", 1e9 * seconds / result.events);
    std::printf("peak RSS (MiB)      %.1f\n", usage.ru_maxrss / 1024.0);
    return 0;
}
