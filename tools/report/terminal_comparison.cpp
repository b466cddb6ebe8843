#include "tools/report/terminal_comparison.hpp"

#include <cmath>

#include "tools/report/difference_format.hpp"
#include "tools/report/number_format.hpp"
#include "tools/report/text_table.hpp"

namespace wfsim::report {

namespace {

using Align = TextTable::Align;

std::string random_numbers_note(const ComparisonModel& c) {
    if (c.common_random_numbers) {
        return "The options share random numbers: replication i of every option drew the same "
               "numbers\nwherever the policies do not differ (common random numbers), so each "
               "difference from " +
               c.baseline +
               "\nis the mean of the differences replication by replication, with its 95 % "
               "interval.\n";
    }
    return "The options do not share random numbers (wfsim compare --independent): each had its\n"
           "own seed, so the differences from " +
           c.baseline +
           ", paired replication by replication, carry the whole\nof chance's spread and their "
           "95 % intervals are wider than common random numbers would give.\n";
}

std::string options_table(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    std::string out = "\nOptions compared with " + c.baseline + " (the scenario as written), " +
                      std::to_string(model.replications) + " replications each:\n";
    if (c.options.empty()) return out + "none: the file holds " + c.baseline + " alone.\n";
    TextTable table({"option", "description and settings"}, {Align::Left, Align::Left});
    for (const OptionSummary& option : c.options) {
        table.add_row({option.name, option.description});
        for (const std::string& setting : option.settings) table.add_row({"", "set " + setting});
    }
    return out + table.render() + random_numbers_note(c);
}

std::string met_date(const TargetSummary& t) {
    return t.median_date_met.empty() ? "never" : t.median_date_met;
}

std::string targets_table(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    if (model.targets.empty() || c.options.empty()) return "";
    TextTable table({"target", "option", "P(met)", "95% interval", "median date met",
                     "vs " + c.baseline, "95% interval"},
                    {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right,
                     Align::Right, Align::Right});
    for (std::size_t t = 0; t < model.targets.size(); ++t) {
        const TargetSummary& base = model.targets[t];
        table.add_row(
            {base.result.name, c.baseline, format_percent(base.result.probability),
             format_percent(base.result.ci_low) + " - " + format_percent(base.result.ci_high),
             met_date(base), "", ""});
        for (std::size_t o = 0; o < c.options.size(); ++o) {
            const TargetSummary& under = c.options[o].targets[t];
            const output::TargetDifference& d = c.targets[t][o];
            table.add_row(
                {"", c.options[o].name, format_percent(under.result.probability),
                 format_percent(under.result.ci_low) + " - " + format_percent(under.result.ci_high),
                 met_date(under), format_points(d.difference),
                 points_interval(d.ci_low, d.ci_high)});
        }
    }
    return "\nTargets by option, across " + std::to_string(model.replications) +
           " replications each; vs " + c.baseline +
           ": the paired difference in percentage points (pp):\n" + table.render();
}

std::string partial(std::size_t count, std::size_t replications) {
    if (count >= replications) return "";
    // Appended to a char rather than "(" + std::string: GCC 12 warns falsely (-Wrestrict) on
    // a literal prepended to a temporary string.
    std::string note(1, '(');
    return note + std::to_string(count) + " of " + std::to_string(replications) + " replications)";
}

std::string metrics_at(const ReportModel& model, std::size_t d) {
    const ComparisonModel& c = *model.comparison;
    const ReportDate& date = model.dates[d];
    const std::size_t s = date.sample;
    TextTable table(
        {"metric", "option", "median", "5%", "95%", "vs " + c.baseline, "95% interval", ""},
        {Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right,
         Align::Right, Align::Left});
    for (std::size_t m = 0; m < model.metrics.size(); ++m) {
        const MetricBands& base = model.metrics[m];
        table.add_row({base.metric, c.baseline, format_value(base.p50[s]), format_value(base.p5[s]),
                       format_value(base.p95[s]), "", "",
                       partial(base.count[s], model.replications)});
        const DifferencesAt& differences = c.metrics[m].at_report_dates[d];
        for (std::size_t o = 0; o < c.options.size(); ++o) {
            const MetricBands& bands = c.options[o].metrics[m];
            const output::MetricDifference& diff = differences.options[o];
            table.add_row({"", c.options[o].name, format_value(bands.p50[s]),
                           format_value(bands.p5[s]), format_value(bands.p95[s]),
                           format_signed(diff.difference),
                           value_interval(diff.ci_low, diff.ci_high),
                           partial(bands.count[s], model.replications)});
        }
    }
    const std::string& sample = model.date[s];
    return "\nKey metrics by option at " + date.label +
           (sample == date.label ? "" : " (the sample of " + sample + ")") + "; vs " + c.baseline +
           ": the paired mean difference:\n" + table.render();
}

std::string cost_table(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    if (!c.cost) return "";
    const DifferencesAt& at = c.cost->at_horizon;
    const std::string heading = "\nTotal cost to " + at.date + " (" + kTotalCostMetric + ", " +
                                c.cost->units + "), mean across replications";
    bool any = at.options.front().baseline_mean != 0.0;
    for (const output::MetricDifference& d : at.options) any = any || d.option_mean != 0.0;
    if (!any) return heading + ": 0 in every option (the scenario sets no costs).\n";
    TextTable table({"option", "mean", "vs " + c.baseline, "95% interval"},
                    {Align::Left, Align::Right, Align::Right, Align::Right});
    table.add_row({c.baseline, format_value(at.options.front().baseline_mean), "", ""});
    for (const output::MetricDifference& d : at.options) {
        table.add_row({d.option, format_value(d.option_mean), format_signed(d.difference),
                       value_interval(d.ci_low, d.ci_high)});
    }
    return heading + "; vs " + c.baseline + ": the paired mean difference:\n" + table.render();
}

}  // namespace

std::string terminal_comparison(const ReportModel& model) {
    std::string out = options_table(model);
    if (model.comparison->options.empty()) return out;
    out += targets_table(model);
    for (std::size_t d = 0; d < model.dates.size(); ++d) out += metrics_at(model, d);
    return out + cost_table(model);
}

}  // namespace wfsim::report
