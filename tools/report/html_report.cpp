#include "tools/report/html_report.hpp"

#include "tools/report/html_options_section.hpp"
#include "tools/report/html_sections.hpp"

namespace wfsim::report {

std::vector<HtmlSection> run_report_sections(const ReportModel& model) {
    std::vector<HtmlSection> sections{title_section(model)};
    // A comparison is what its reader came for: it comes first, and the baseline's own
    // sections follow it.
    if (model.comparison) sections.push_back(options_section(model));
    for (auto section : {targets_section, charts_section, key_metrics_section, scenario_section}) {
        sections.push_back(section(model));
    }
    return sections;
}

std::string html_report(const ReportModel& model) {
    const std::string title =
        (model.meta.scenario_name.empty() ? model.run_file : model.meta.scenario_name) +
        " - wfsim report";
    return render_page(title, run_report_sections(model));
}

}  // namespace wfsim::report
