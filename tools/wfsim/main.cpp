// wfsim: workforce-planning simulator for children's social care.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "tools/wfsim/commands.hpp"
#include "tools/wfsim/mpi_sweep_team.hpp"
#include "wfsim_version.hpp"

namespace {

// What run and compare share: how many replications of the scenario, from which seed, on how
// many threads, and whether to show progress.
template <class Options>
void add_batch_options(CLI::App* command, Options& options) {
    command->add_option("--replications", options.replications,
                        "Override the scenario's replications")
        ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000}));
    command->add_option("--seed", options.seed, "Override the scenario's seed")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{9007199254740992}));
    command->add_option("--threads", options.threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(0u, 4096u));
    command->add_flag("-q,--quiet", options.quiet, "No progress output");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace wfsim::cli;
    CLI::App app{
        "wfsim: simulate a social work service's workforce over years, with many "
        "stochastic replications."};
    app.set_version_flag("--version", std::string("wfsim ") + wfsim::kVersion);
    app.require_subcommand(1);

    RunOptions run;
    CLI::App* run_cmd =
        app.add_subcommand("run", "Run a scenario and write its time series to HDF5");
    run_cmd->add_option("scenario", run.scenario, "Scenario YAML file")->required();
    run_cmd->add_option("-o,--output", run.output, "Output HDF5 file (default: <scenario>.h5)");
    add_batch_options(run_cmd, run);
    run_cmd->add_flag("--events", run.events,
                      "Also write the event log (every start and departure, with route and "
                      "destination) as the /events table, for audit");

    CompareOptions compare;
    CLI::App* compare_cmd = app.add_subcommand(
        "compare",
        "Run a scenario's policy options beside the scenario as written, with common random "
        "numbers, and compare them replication by replication");
    compare_cmd->add_option("scenario", compare.scenario, "Scenario YAML file with options:")
        ->required();
    compare_cmd->add_option("-o,--output", compare.output,
                            "Output HDF5 file (default: <scenario>_compare.h5)");
    compare_cmd->add_option("--options", compare.options,
                            "Only these options (comma-separated); the scenario as written, "
                            "'base', is always run")
        ->delimiter(',');
    add_batch_options(compare_cmd, compare);
    compare_cmd->add_flag("--independent", compare.independent,
                          "Give each option its own seed instead of common random numbers (to "
                          "see how much wider the intervals are without pairing)");

    SweepOptions sweep;
    CLI::App* sweep_cmd = app.add_subcommand(
        "sweep", "Run every point of a study (a scenario and axes of parameter values) and write "
                 "one sweep file");
    sweep_cmd->add_option("study", sweep.study, "Study YAML file")->required();
    sweep_cmd->add_option("-o,--output", sweep.output, "Output HDF5 file")->required();
    sweep_cmd->add_option("--threads", sweep.threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(0u, 4096u));
    sweep_cmd->add_option("--shard", sweep.shard,
                          "Run only shard I of N (I/N, 0-based; or N with I from "
                          "SLURM_ARRAY_TASK_ID); merge the shards with wfsim merge");
    sweep_cmd->add_flag("--resume", sweep.resume,
                        "Finish an interrupted sweep to the same output, redoing only the points "
                        "it had not finished");
    sweep_cmd->add_flag("-q,--quiet", sweep.quiet, "No progress output");

    MergeOptions merge;
    CLI::App* merge_cmd =
        app.add_subcommand("merge", "Join the shards of one study's sweep into one sweep file");
    merge_cmd->add_option("parts", merge.inputs, "Sweep files written with --shard")->required();
    merge_cmd->add_option("-o,--output", merge.output, "Output HDF5 file")->required();

    std::string validate_file;
    CLI::App* validate_cmd = app.add_subcommand(
        "validate", "Check a scenario, or a study and each of its points; report every problem");
    validate_cmd->add_option("file", validate_file, "Scenario or study YAML file")->required();

    ReportOptions report;
    CLI::App* report_cmd = app.add_subcommand(
        "report", "Report a run file: targets and key metrics on the terminal, and as a "
                  "self-contained HTML page with fan charts (--html)");
    report_cmd->add_option("run_file", report.run_file, "Run file written by wfsim run (HDF5)")
        ->required();
    // One value per flag (comma-separated), so a run file after --at is not taken for a date.
    report_cmd
        ->add_option("--at", report.at,
                     "Dates of the key-metrics table, ISO, comma-separated (default: each "
                     "target's date and the horizon)")
        ->delimiter(',')
        ->allow_extra_args(false);
    report_cmd
        ->add_option("--metrics", report.metrics,
                     "Key metrics, comma-separated (default: the targets' metrics, then "
                     "staffing, caseload and stability metrics)")
        ->delimiter(',')
        ->allow_extra_args(false);
    report_cmd->add_option("--html", report.html,
                           "Also write the report as one self-contained HTML page");

    bool study_reference = false;
    CLI::App* reference_cmd =
        app.add_subcommand("reference", "Print the scenario language reference (Markdown)");
    reference_cmd->add_flag("--study", study_reference,
                            "Print the study language reference instead (wfsim sweep's input)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitInvalidInput;
    }

    // Only a sweep shares its work among MPI ranks: any other command under mpirun -n K would
    // run K times over and write the same output from every rank.
    if (!*sweep_cmd) {
        if (const LaunchedRanks ranks = launched_ranks(); ranks.count > 1) {
            if (ranks.first) {
                const std::string name = app.get_subcommands().front()->get_name();
                std::fprintf(stderr,
                             "wfsim: error: wfsim %s runs in one process, but this is an MPI job "
                             "of %u ranks, each of which would run it and write the same output; "
                             "run it without mpirun (only wfsim sweep shares its work among "
                             "ranks)\n",
                             name.c_str(), ranks.count);
            }
            return kExitInvalidInput;
        }
    }

    try {
        if (*run_cmd) return run_command(run);
        if (*compare_cmd) return compare_command(compare);
        if (*sweep_cmd) return sweep_command(sweep);
        if (*merge_cmd) return merge_command(merge);
        if (*validate_cmd) return validate_command(validate_file);
        if (*report_cmd) return report_command(report);
        if (*reference_cmd) return reference_command(study_reference);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitFailure;
    }
    return kExitInvalidInput;
}
