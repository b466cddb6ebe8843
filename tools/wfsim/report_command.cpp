// wfsim report: reads a run file and shows what a committee needs from it, on the terminal and
// optionally as one HTML page. Input problems (a missing or foreign file, an unknown metric, a
// date outside the run) are exit 2 with one line; failing to write the page is exit 1, and
// leaves no page behind.
#include <cstdio>
#include <filesystem>

#include "output/run_file.hpp"
#include "tools/report/html_report.hpp"
#include "tools/report/report_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/terminal_report.hpp"
#include "tools/report/text_file.hpp"
#include "tools/wfsim/commands.hpp"

namespace wfsim::cli {

int report_command(const ReportOptions& options) {
    const std::filesystem::path in(options.run_file);
    report::ReportModel model;
    try {
        const output::RunData run = output::read_run(in);
        const report::ReportSelection selection =
            report::select_report(run, options.at, options.metrics);
        model = report::build_report_model(run, selection, in.filename().string());
    } catch (const report::SelectionError& e) {
        std::fprintf(stderr, "wfsim: error: %s\n", e.what());
        return kExitInvalidInput;
    } catch (const output::OutputError& e) {
        // read_run's messages name the file; the model's (a bad start date) do not.
        const std::string message = e.what();
        std::fprintf(stderr, "wfsim: error: %s%s\n",
                     message.find(options.run_file) == std::string::npos
                         ? (options.run_file + ": ").c_str()
                         : "",
                     message.c_str());
        return kExitInvalidInput;
    }

    if (!options.html.empty()) {
        try {
            report::write_text_atomically(options.html, report::html_report(model));
        } catch (const output::OutputError& e) {
            std::fprintf(stderr, "wfsim: error: %s\n", e.what());
            return kExitFailure;
        }
    }
    std::fputs(report::terminal_report(model).c_str(), stdout);
    if (!options.html.empty()) std::fprintf(stderr, "wfsim: wrote %s\n", options.html.c_str());
    return kExitOk;
}

}  // namespace wfsim::cli
