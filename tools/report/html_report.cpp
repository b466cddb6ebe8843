#include "tools/report/html_report.hpp"

#include "tools/report/html_sections.hpp"

namespace wfsim::report {

std::vector<HtmlSection> run_report_sections(const ReportModel& model) {
    return {title_section(model), targets_section(model), charts_section(model),
            key_metrics_section(model), scenario_section(model)};
}

std::string html_report(const ReportModel& model) {
    const std::string title =
        (model.meta.scenario_name.empty() ? model.run_file : model.meta.scenario_name) +
        " - wfsim report";
    return render_page(title, run_report_sections(model));
}

}  // namespace wfsim::report
