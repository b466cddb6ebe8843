#include "tools/report/html_sections.hpp"

#include "tools/report/chart_style.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/html_parts.hpp"
#include "tools/report/number_format.hpp"
#include "tools/report/svg_fan_chart.hpp"
#include "tools/report/wording.hpp"

namespace wfsim::report {

namespace {

std::string legend() {
    using namespace colour;
    return "<ul class=\"legend\">" +
           swatch(std::string("border-top: 3px solid ") + kMedian + "; height: 0", "median") +
           swatch(std::string("background: ") + kBand50, "middle 50 % of replications") +
           swatch(std::string("background: ") + kBand90, "middle 90 %") +
           swatch(std::string("border-top: 3px dashed ") + kTarget + "; height: 0",
                  "target value") +
           swatch(
               std::string("border-left: 3px dashed ") + kTargetDate + "; width: 0; height: 1.2em",
               "target date") +
           swatch(std::string("background: ") + kTargetPeriod, "target period") + "</ul>";
}

std::string period_text(const ReportModel& model) {
    return model.meta.start_date + " to " + model.date.back() + ", sampled " +
           interval_text(model.meta.interval_days);
}

}  // namespace

HtmlSection title_section(const ReportModel& model) {
    const std::string name =
        model.meta.scenario_name.empty() ? model.run_file : model.meta.scenario_name;
    std::string body = "<h1>" + html_escape(name) + "</h1>\n<p class=\"run-facts\">" +
                       html_escape(period_text(model)) + " &middot; " +
                       std::to_string(model.replications) + " replications &middot; seed " +
                       std::to_string(model.meta.seed) + " &middot; wfsim " +
                       html_escape(model.meta.wfsim_version) + " &middot; run file <code>" +
                       html_escape(model.run_file) + "</code></p>";
    if (model.comparison) {
        const ComparisonModel& c = *model.comparison;
        const std::size_t n = c.options.size();
        body += "\n<p class=\"run-facts comparison-facts\">A comparison of " + std::to_string(n) +
                " policy option" + (n == 1 ? "" : "s") + " with " + html_escape(c.baseline) +
                " (the scenario as written), " +
                (c.common_random_numbers ? "sharing random numbers"
                                         : "each with its own random numbers") +
                ". The sections after Options compared are " + html_escape(c.baseline) +
                "'s alone.</p>";
    }
    return {"run", "", body};
}

HtmlSection targets_section(const ReportModel& model) {
    if (model.targets.empty()) {
        return {"targets", "Targets", "<p>The scenario sets no targets.</p>"};
    }
    const std::string head =
        header("Target") + header("Condition") +
        header("Probability met<span class=\"band\">95 % interval</span>", true) +
        header("Met in", true) + header("Median date met", true);
    std::string rows;
    for (const TargetSummary& t : model.targets) {
        const output::TargetResult& r = t.result;
        rows +=
            "<tr data-target=\"" + html_escape(r.name) + "\">" + cell(html_escape(r.name)) +
            cell("<code>" + html_escape(t.condition) + "</code>") +
            cell(format_percent(r.probability) + "<span class=\"band\">" +
                     format_percent(r.ci_low) + " &ndash; " + format_percent(r.ci_high) + "</span>",
                 true) +
            cell(std::to_string(t.met) + " of " + std::to_string(model.replications), true) +
            cell(t.median_date_met.empty() ? "never" : t.median_date_met, true) + "</tr>";
    }
    return {"targets", "Targets",
            "<p class=\"note\">Each replication is judged against each target; the probability "
            "is the share of replications that met it, with its 95 % (Wilson) interval beneath. "
            "The median date met is the middle one, among the replications that met the target, "
            "of the first sample date at which the metric met the condition.</p>" +
                scrolling_table("targets", head, rows)};
}

HtmlSection charts_section(const ReportModel& model) {
    std::string body =
        "<p class=\"note\">Each chart shows a metric over time across the " +
        std::to_string(model.replications) +
        " replications: the line is the median, the bands hold the middle 50 % and 90 % of "
        "replications (25th to 75th and 5th to 95th percentiles) at each sample.</p>" +
        legend() + "<div class=\"charts\">";
    for (const MetricBands& bands : model.metrics) {
        const std::vector<TargetMarker> markers =
            target_markers(model.targets, bands.metric, model.start);
        std::string caption = "<strong>" + html_escape(bands.metric) + "</strong>";
        if (!bands.description.empty()) caption += " &ndash; " + html_escape(bands.description);
        for (const TargetSummary& t : model.targets) {
            if (t.result.metric != bands.metric) continue;
            caption += "<br>Target " + html_escape(t.result.name) + ": <code>" +
                       html_escape(t.condition) + "</code>";
        }
        body += "<figure class=\"chart\" id=\"chart-" + html_escape(bands.metric) +
                "\"><figcaption>" + caption + "</figcaption>" +
                svg_fan_chart(bands, model.time, model.start, markers) + "</figure>\n";
    }
    return {"charts", "Key metrics over time", body + "</div>"};
}

HtmlSection key_metrics_section(const ReportModel& model) {
    std::string head = header("Metric") + header("Units");
    for (const ReportDate& date : model.dates) {
        std::string label = html_escape(date.label);
        if (model.date[date.sample] != date.label) {
            label +=
                "<span class=\"band\">sample " + html_escape(model.date[date.sample]) + "</span>";
        }
        head += header(label, true);
    }
    std::string rows;
    for (const MetricBands& bands : model.metrics) {
        rows += "<tr data-metric=\"" + html_escape(bands.metric) + "\">" +
                cell(html_escape(bands.metric)) + cell(html_escape(units_text(bands.units)));
        for (const ReportDate& date : model.dates) {
            const std::size_t s = date.sample;
            if (bands.count[s] == 0) {  // undefined in every replication then
                rows += cell("-", true);
                continue;
            }
            rows += cell(format_value(bands.p50[s]) + "<span class=\"band\">" +
                             format_value(bands.p5[s]) + " &ndash; " + format_value(bands.p95[s]) +
                             "</span>",
                         true);
        }
        rows += "</tr>";
    }
    return {"key-metrics", "Key metrics at chosen dates",
            "<p class=\"note\">Median across replications, with the 5&ndash;95 % band beneath, "
            "at the last sample on or before each date.</p>" +
                scrolling_table("key-metrics", head, rows)};
}

HtmlSection scenario_section(const ReportModel& model) {
    return {"scenario", "Scenario",
            "<p class=\"note\">The scenario file as the run read it.</p><pre class=\"scenario\">" +
                html_escape(model.meta.scenario_yaml) + "</pre>"};
}

}  // namespace wfsim::report
