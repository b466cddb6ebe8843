// wfsim compare: the scenario as written and its policy options, run with common random
// numbers and compared replication by replication.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "models/config/diagnostics.hpp"
#include "models/metrics/option_comparison.hpp"
#include "models/metrics/target_judging.hpp"
#include "models/option_batch.hpp"
#include "models/scenario/scenario.hpp"
#include "tools/wfsim/commands.hpp"
#include "tools/wfsim/comparison_summary.hpp"
#include "tools/wfsim/progress.hpp"
#include "tools/wfsim/run_data.hpp"
#include "wfsim_version.hpp"

namespace wfsim::cli {

namespace {

// The baseline first, then the options asked for (all, by default) in the scenario's order.
std::vector<std::string> options_to_run(const model::Scenario& scenario,
                                        const std::vector<std::string>& asked) {
    std::vector<std::string> names{model::kBaselineOption};
    for (const model::PolicyOption& option : scenario.options) {
        if (asked.empty() || std::find(asked.begin(), asked.end(), option.name) != asked.end()) {
            names.push_back(option.name);
        }
    }
    return names;
}

output::OptionRun option_run(const model::Scenario& scenario, const std::string& name,
                             model::BatchResult&& batch) {
    const auto& options = scenario.options;
    const auto at = std::find_if(options.begin(), options.end(),
                                 [&](const model::PolicyOption& o) { return o.name == name; });
    const auto index = static_cast<std::size_t>(at - options.begin());
    output::OptionRun run{name, at->description,
                          model::option_settings_text(scenario.source.text, index),
                          std::move(batch.series), {}};
    run.targets = model::judge_targets(scenario.targets, batch.times, run.series);
    return run;
}

}  // namespace

int compare_command(const CompareOptions& options) {
    std::optional<model::Scenario> loaded =
        load_command_scenario(options.scenario, options.replications, options.seed);
    if (!loaded) return kExitInvalidInput;
    model::Scenario& scenario = *loaded;
    if (scenario.options.empty()) {
        std::fprintf(stderr,
                     "%s: error: options: the scenario declares no policy options to compare\n",
                     options.scenario.c_str());
        return kExitInvalidInput;
    }
    for (const std::string& name : options.options) {
        try {
            if (name == model::kBaselineOption) throw std::out_of_range("");
            (void)model::scenario_under(scenario, name);
        } catch (const std::out_of_range& e) {
            std::fprintf(stderr, "%s: error: --options: %s\n", options.scenario.c_str(),
                         name == model::kBaselineOption
                             ? "'base' (the scenario as written) is always compared"
                             : e.what());
            return kExitInvalidInput;
        }
    }
    const std::vector<std::string> names = options_to_run(scenario, options.options);
    if (!results_fit_in_memory(scenario, options.scenario, names.size())) return kExitInvalidInput;
    const std::filesystem::path out =
        options.output.empty()
            ? std::filesystem::path(std::filesystem::path(options.scenario).stem().string() +
                                    "_compare.h5")
            : std::filesystem::path(options.output);
    const model::OptionStreams streams =
        options.independent ? model::OptionStreams::Independent : model::OptionStreams::Common;

    std::fprintf(stderr, "wfsim %s: %s, %zu options x %u replications, seed %llu%s\n", kVersion,
                 scenario.name.empty() ? options.scenario.c_str() : scenario.name.c_str(),
                 names.size(), scenario.replications,
                 static_cast<unsigned long long>(scenario.seed),
                 options.independent ? ", independent streams" : ", common random numbers");
    Progress progress(stderr, options.quiet);
    const auto started = std::chrono::steady_clock::now();
    std::vector<model::BatchResult> batches = model::run_options(
        scenario, names, options.threads, streams,
        [&](std::uint32_t done, std::uint32_t total) { progress.update(done, total); });
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    output::RunData run = to_run_data(scenario, std::move(batches.front()));
    output::Comparison comparison;
    comparison.baseline = model::kBaselineOption;
    comparison.common_random_numbers = !options.independent;
    for (std::size_t i = 1; i < names.size(); ++i) {
        comparison.options.push_back(option_run(scenario, names[i], std::move(batches[i])));
    }
    model::compare_with_baseline(comparison, run.series, run.targets, run.time, run.date,
                                 model::comparison_samples(scenario.targets, run.time));
    run.comparison = std::move(comparison);
    try {
        output::write_run(out, run);
    } catch (const output::OutputError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    }

    std::printf("%s: %zu options x %u replications, %.3g s -> %s\n",
                scenario.name.empty() ? options.scenario.c_str() : scenario.name.c_str(),
                names.size(), scenario.replications, seconds, out.c_str());
    print_target_comparison(stdout, run);
    print_metric_comparison(stdout, run, comparison_metrics(run));
    return kExitOk;
}

}  // namespace wfsim::cli
