#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "engine/calendar.hpp"
#include "models/batch.hpp"
#include "models/config/diagnostics.hpp"
#include "models/metrics/metric_catalog.hpp"
#include "models/metrics/target_judging.hpp"
#include "models/scenario/scenario.hpp"
#include "output/run_file.hpp"
#include "tools/report/key_metrics.hpp"
#include "tools/report/wording.hpp"
#include "tools/wfsim/commands.hpp"
#include "tools/wfsim/progress.hpp"
#include "tools/wfsim/run_data.hpp"
#include "tools/wfsim/summary.hpp"
#include "wfsim_version.hpp"

namespace wfsim::cli {

namespace {

std::filesystem::path default_output(const std::string& scenario) {
    return std::filesystem::path(scenario).stem().string() + ".h5";
}

}  // namespace

int run_command(const RunOptions& options) {
    std::optional<model::Scenario> loaded =
        load_command_scenario(options.scenario, options.replications, options.seed);
    if (!loaded) return kExitInvalidInput;
    model::Scenario& scenario = *loaded;
    if (!results_fit_in_memory(scenario, options.scenario)) return kExitInvalidInput;
    const std::filesystem::path out = options.output.empty()
                                          ? default_output(options.scenario)
                                          : std::filesystem::path(options.output);

    std::fprintf(stderr, "wfsim %s: %s, %s of %.4g years, seed %llu\n", kVersion,
                 scenario.name.empty() ? options.scenario.c_str() : scenario.name.c_str(),
                 report::counted(scenario.replications, "replication").c_str(),
                 scenario.horizon_days / engine::kDaysPerYear,
                 static_cast<unsigned long long>(scenario.seed));
    Progress progress(stderr, options.quiet);
    const auto started = std::chrono::steady_clock::now();
    model::BatchResult batch = model::run_batch(
        scenario, options.threads,
        [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); },
        options.events);
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::uint64_t events = batch.events;

    output::RunData run = to_run_data(scenario, std::move(batch));
    try {
        output::write_run(out, run);
    } catch (const output::OutputError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    }

    const std::size_t last = run.time.size() - 1;
    std::printf("%s: %u replications, %zu samples, %.3g s (%.3g events/s) -> %s\n",
                scenario.name.empty() ? options.scenario.c_str() : scenario.name.c_str(),
                scenario.replications, run.time.size(), seconds,
                seconds > 0 ? static_cast<double>(events) / seconds : 0.0, out.c_str());
    std::printf("At the horizon (%s), across replications:\n", run.date[last].c_str());
    print_summary(stdout, run.series, report::kKeyMetrics, last);
    print_targets(stdout, run.targets);
    return kExitOk;
}

}  // namespace wfsim::cli
