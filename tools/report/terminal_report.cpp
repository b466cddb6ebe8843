#include "tools/report/terminal_report.hpp"

#include "tools/report/number_format.hpp"
#include "tools/report/svg_canvas.hpp"
#include "tools/report/terminal_comparison.hpp"
#include "tools/report/text_table.hpp"
#include "tools/report/wording.hpp"

namespace wfsim::report {

namespace {

using Align = TextTable::Align;

// In a comparison the first tables are the baseline's alone; the reader is told so up front.
std::string comparison_line(const ReportModel& model) {
    if (!model.comparison) return "";
    const ComparisonModel& c = *model.comparison;
    const std::size_t n = c.options.size();
    return "A comparison of " + std::to_string(n) + " policy option" + (n == 1 ? "" : "s") +
           " with " + c.baseline + " (the scenario as written): the tables up to \"Options " +
           "compared\" are " + c.baseline + "'s.\n";
}

std::string heading(const ReportModel& model) {
    const std::string name =
        model.meta.scenario_name.empty() ? model.run_file : model.meta.scenario_name;
    return name + "\n" + model.meta.start_date + " to " + model.date.back() + ", sampled " +
           interval_text(model.meta.interval_days) + "; " + std::to_string(model.replications) +
           " replications, seed " + std::to_string(model.meta.seed) + ", wfsim " +
           model.meta.wfsim_version + " (" + model.run_file + ")\n" + comparison_line(model);
}

std::string targets_table(const ReportModel& model) {
    if (model.targets.empty()) return "\nThe scenario sets no targets.\n";
    TextTable table(
        {"target", "condition", "P(met)", "95% interval", "met in", "median date met"},
        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
    for (const TargetSummary& t : model.targets) {
        table.add_row({t.result.name, t.condition, format_percent(t.result.probability),
                       format_percent(t.result.ci_low) + " - " + format_percent(t.result.ci_high),
                       std::to_string(t.met) + " of " + std::to_string(model.replications),
                       t.median_date_met.empty() ? "never" : t.median_date_met});
    }
    return "\nTargets, across " + std::to_string(model.replications) + " replications:\n" +
           table.render();
}

std::string metrics_at(const ReportModel& model, const ReportDate& date) {
    TextTable table(
        {"metric", "units", "median", "5%", "95%", ""},
        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Left});
    for (const MetricBands& bands : model.metrics) {
        const std::size_t s = date.sample;
        // A metric undefined in some replications (NaN) is summarised over the others.
        std::string partial;
        if (bands.count[s] < model.replications) {
            partial += '(';
            partial += std::to_string(bands.count[s]) + " of " +
                       std::to_string(model.replications) + " replications)";
        }
        table.add_row({bands.metric, units_text(bands.units), format_value(bands.p50[s]),
                       format_value(bands.p5[s]), format_value(bands.p95[s]), partial});
    }
    const std::string& sample = model.date[date.sample];
    return "\nKey metrics at " + date.label +
           (sample == date.label ? "" : " (the sample of " + sample + ")") +
           ", across replications:\n" + table.render();
}

}  // namespace

std::string terminal_report(const ReportModel& model) {
    std::string out = heading(model) + targets_table(model);
    for (const ReportDate& date : model.dates) out += metrics_at(model, date);
    if (model.comparison) out += terminal_comparison(model);
    return out;
}

}  // namespace wfsim::report
