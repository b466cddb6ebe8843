#include "tools/wfsim/run_data.hpp"

#include <cstdio>

#include "engine/calendar.hpp"
#include "models/config/diagnostics.hpp"
#include "models/metrics/target_judging.hpp"
#include "wfsim_version.hpp"

namespace wfsim::cli {

std::optional<model::Scenario> load_command_scenario(const std::string& file,
                                                     std::optional<std::int64_t> replications,
                                                     std::optional<std::int64_t> seed) {
    model::Scenario scenario;
    try {
        scenario = model::load_scenario(file);
    } catch (const config::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return std::nullopt;
    }
    if (replications) scenario.replications = static_cast<std::uint32_t>(*replications);
    if (seed) scenario.seed = static_cast<std::uint64_t>(*seed);
    return scenario;
}

output::RunData to_run_data(const model::Scenario& s, model::BatchResult&& batch) {
    output::RunData run{{}, std::move(batch.times), {}, std::move(batch.series),
                        std::move(batch.event_log)};
    run.meta.wfsim_version = kVersion;
    run.meta.seed = s.seed;
    run.meta.scenario_name = s.name;
    run.meta.scenario_yaml = s.source.text;
    run.meta.start_date = engine::format_iso_date(s.start);
    run.meta.horizon_days = s.horizon_days;
    run.meta.interval_days = s.interval_days;
    run.targets = model::judge_targets(s.targets, run.time, run.series);
    run.date.reserve(run.time.size());
    for (const double t : run.time) {
        run.date.push_back(engine::format_iso_date(engine::date_at(s.start, t)));
    }
    return run;
}

bool results_fit_in_memory(const model::Scenario& scenario, const std::string& file,
                           std::size_t runs) {
    constexpr double kMaxTableBytes = 8.0 * (1u << 30);
    const double table_bytes =
        static_cast<double>(runs) * static_cast<double>(scenario.replications) *
        (scenario.horizon_days / scenario.interval_days + 2) *
        static_cast<double>(model::scenario_series(scenario).size()) * sizeof(double);
    if (table_bytes <= kMaxTableBytes) return true;
    std::fprintf(stderr,
                 "%s: error: replications x samples too large: the results would take "
                 "%.1f GiB (limit 8 GiB); use fewer replications or a longer "
                 "output_interval\n",
                 file.c_str(), table_bytes / (1u << 30));
    return false;
}

}  // namespace wfsim::cli
