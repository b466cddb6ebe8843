#include "tools/report/report_model.hpp"

namespace wfsim::report {

ReportModel build_report_model(const output::RunData& run, const ReportSelection& selection,
                               std::string run_file) {
    const engine::Date start = run_start(run);
    ReportModel model;
    model.meta = run.meta;
    model.run_file = std::move(run_file);
    model.start = start;
    model.replications = run.series.replications();
    model.time = run.time;
    model.date = run.date;
    for (const output::TargetResult& target : run.targets) {
        model.targets.push_back(summarise_target(target, start));
    }
    for (const std::string& metric : selection.metrics) {
        model.metrics.push_back(metric_bands(run.series, run.series.index_of(metric)));
    }
    model.dates = selection.dates;
    if (run.comparison) model.comparison = build_comparison_model(run, selection, start);
    return model;
}

}  // namespace wfsim::report
