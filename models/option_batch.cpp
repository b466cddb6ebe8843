#include "models/option_batch.hpp"

namespace wfsim::model {

std::uint64_t option_seed(std::uint64_t seed, std::size_t position, OptionStreams streams) {
    if (streams == OptionStreams::Common) return seed;
    // A Weyl step: distinct for every position, and every stream hashes its seed anyway. The
    // first keeps the scenario's seed, so that a baseline run first matches `wfsim run`.
    return seed + 0x9E3779B97F4A7C15ULL * position;
}

std::vector<BatchResult> run_options(const Scenario& scenario,
                                     std::span<const std::string> options, unsigned threads,
                                     OptionStreams streams, const ProgressCallback& progress) {
    std::vector<const Scenario*> runs;
    for (const std::string& name : options) runs.push_back(&scenario_under(scenario, name));
    const std::uint32_t per_option = scenario.replications;
    const auto total = static_cast<std::uint32_t>(per_option * runs.size());
    std::vector<BatchResult> results;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        Scenario run = *runs[i];
        // The command line may have changed these on the scenario as written.
        run.replications = scenario.replications;
        run.seed = option_seed(scenario.seed, i, streams);
        const auto done_before = static_cast<std::uint32_t>(i * per_option);
        results.push_back(run_batch(run, threads, [&](std::uint32_t done, std::uint32_t) {
            if (progress) progress(done_before + done, total);
        }));
    }
    return results;
}

}  // namespace wfsim::model
