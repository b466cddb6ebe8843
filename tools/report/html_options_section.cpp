#include "tools/report/html_options_section.hpp"

#include "tools/report/chart_style.hpp"
#include "tools/report/difference_format.hpp"
#include "tools/report/html_escape.hpp"
#include "tools/report/html_parts.hpp"
#include "tools/report/number_format.hpp"
#include "tools/report/option_style.hpp"
#include "tools/report/page_style.hpp"
#include "tools/report/svg_difference_chart.hpp"
#include "tools/report/svg_option_chart.hpp"

namespace wfsim::report {

namespace {

std::string random_numbers_note(const ComparisonModel& c) {
    const std::string base = html_escape(c.baseline);
    if (c.common_random_numbers) {
        return "<p class=\"note random-numbers\" data-common-random-numbers=\"1\">The options "
               "share random numbers (common random numbers): replication <em>i</em> of every "
               "option drew the same numbers wherever the policies do not differ, so each "
               "difference from " +
               base +
               " is the mean of the differences replication by replication, which leaves out "
               "most of chance's spread, with its 95 % interval.</p>";
    }
    return "<p class=\"note random-numbers\" data-common-random-numbers=\"0\">The options do "
           "<strong>not</strong> share random numbers (<code>wfsim compare --independent</code>): "
           "each had its own seed, so the differences from " +
           base +
           ", paired replication by replication, carry the whole of chance's spread and their "
           "95 % intervals are wider than common random numbers would give.</p>";
}

std::string option_name(std::size_t index, const std::string& name) {
    return option_key(index, name) + "<code>" + html_escape(name) + "</code>";
}

std::string options_table(const ComparisonModel& c) {
    std::string rows = "<tr data-option=\"" + html_escape(c.baseline) + "\">" +
                       cell(option_name(0, c.baseline)) + cell("the scenario as written") + "</tr>";
    for (std::size_t o = 0; o < c.options.size(); ++o) {
        const OptionSummary& option = c.options[o];
        std::string what = html_escape(option.description);
        if (!option.settings.empty()) {
            what += "<ul class=\"settings\">";
            for (const std::string& setting : option.settings) {
                what += "<li><code>" + html_escape(setting) + "</code></li>";
            }
            what += "</ul>";
        }
        rows += "<tr data-option=\"" + html_escape(option.name) + "\">" +
                cell(option_name(o + 1, option.name)) + cell(what) + "</tr>";
    }
    return scrolling_table("options", header("Option") + header("What it changes"), rows);
}

std::string probability(const TargetSummary& t) {
    return format_percent(t.result.probability) + "<span class=\"band\">" +
           format_percent(t.result.ci_low) + " &ndash; " + format_percent(t.result.ci_high) +
           "</span>";
}

const char* direction_class(Direction d) {
    switch (d) {
        case Direction::Higher:
            return "diff-higher";
        case Direction::Lower:
            return "diff-lower";
        default:
            return "diff-none";
    }
}

std::string targets_table(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    if (model.targets.empty()) return "<p>The scenario sets no targets.</p>";
    std::string head = header("Target") + header(html_escape(c.baseline), true);
    for (const OptionSummary& option : c.options) head += header(html_escape(option.name), true);
    std::string rows;
    for (std::size_t t = 0; t < model.targets.size(); ++t) {
        const TargetSummary& base = model.targets[t];
        rows += "<tr data-target=\"" + html_escape(base.result.name) + "\">" +
                cell(html_escape(base.result.name) + "<span class=\"band\"><code>" +
                     html_escape(base.condition) + "</code></span>") +
                cell(probability(base), true);
        for (std::size_t o = 0; o < c.options.size(); ++o) {
            const output::TargetDifference& d = c.targets[t][o];
            const Direction way = direction(d.difference, d.ci_low, d.ci_high, d.pairs);
            rows += "<td class=\"num " + std::string(direction_class(way)) + "\" data-option=\"" +
                    html_escape(c.options[o].name) + "\">" + probability(c.options[o].targets[t]) +
                    "<span class=\"difference\">" + format_points(d.difference) +
                    "</span><span class=\"band\">" + points_interval(d.ci_low, d.ci_high) +
                    "</span><span class=\"verdict\">" + direction_words(way) + "</span></td>";
        }
        rows += "</tr>";
    }
    return "<p class=\"note\">Each column is an option: the share of its replications that met "
           "the target, with its 95 % (Wilson) interval beneath; then its difference from " +
           html_escape(c.baseline) +
           " in percentage points (pp), paired replication by replication, with its 95 % "
           "interval, and what that interval says: <em>higher</em> or <em>lower</em> when it "
           "lies wholly above or below zero. The shading (green higher, red lower) only repeats "
           "the words.</p>" +
           scrolling_table("option-targets", head, rows);
}

std::string cost_table(const ComparisonModel& c) {
    if (!c.cost) return "";
    const DifferencesAt& at = c.cost->at_horizon;
    bool any = at.options.front().baseline_mean != 0.0;
    for (const output::MetricDifference& d : at.options) any = any || d.option_mean != 0.0;
    std::string html = "<h3>Total cost</h3>";
    if (!any) return html + "<p>The scenario sets no costs: the total is 0 under every option.</p>";
    const std::string units = html_escape(c.cost->units);
    std::string rows =
        "<tr data-option=\"" + html_escape(c.baseline) + "\">" + cell(option_name(0, c.baseline)) +
        cell(format_value(at.options.front().baseline_mean), true) + cell("", true) + "</tr>";
    for (std::size_t o = 0; o < at.options.size(); ++o) {
        const output::MetricDifference& d = at.options[o];
        rows += "<tr data-option=\"" + html_escape(d.option) + "\">" +
                cell(option_name(o + 1, d.option)) + cell(format_value(d.option_mean), true) +
                cell(format_signed(d.difference) + "<span class=\"band\">" +
                         value_interval(d.ci_low, d.ci_high) + "</span>",
                     true) +
                "</tr>";
    }
    return html + "<p class=\"note\">What each option costs from the start to " +
           html_escape(at.date) + " (<code>" + kTotalCostMetric +
           "</code>), the mean across replications, and its paired difference from " +
           html_escape(c.baseline) + " with its 95 % interval beneath.</p>" +
           scrolling_table("option-cost",
                           header("Option") + header("Mean total, " + units, true) +
                               header("vs " + html_escape(c.baseline) +
                                          "<span class=\"band\">95 % interval</span>",
                                      true),
                           rows);
}

std::string legend(const ComparisonModel& c) {
    std::string html = "<ul class=\"legend\"><li>" + option_name(0, c.baseline) + "</li>";
    for (std::size_t o = 0; o < c.options.size(); ++o) {
        html += "<li>" + option_name(o + 1, c.options[o].name) + "</li>";
    }
    using namespace colour;
    return html +
           swatch(std::string("border-top: 3px dashed ") + kTarget + "; height: 0",
                  "target value") +
           swatch(
               std::string("border-left: 3px dashed ") + kTargetDate + "; width: 0; height: 1.2em",
               "target date") +
           swatch(std::string("background: ") + kTargetPeriod, "target period") + "</ul>";
}

std::string metric_charts(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    std::string html =
        "<h3>Key metrics by option</h3><p class=\"note\">Left: each option's median across "
        "replications over time (the line) and the middle 50 % of its replications (the shading "
        "in its colour). Right: at each compared date (each target's date and the end of the "
        "run), each option's mean difference from " +
        html_escape(c.baseline) +
        ", replication by replication (the marker), with its 95 % interval (the whiskers); the "
        "line at zero is " +
        html_escape(c.baseline) + ".</p>" + legend(c) + "<div class=\"option-metrics\">";
    for (std::size_t m = 0; m < model.metrics.size(); ++m) {
        const MetricBands& base = model.metrics[m];
        std::vector<OptionBands> lines{{c.baseline, &base}};
        for (const OptionSummary& option : c.options) {
            lines.push_back({option.name, &option.metrics[m]});
        }
        std::string title = "<strong>" + html_escape(base.metric) + "</strong>";
        if (!base.description.empty()) title += " &ndash; " + html_escape(base.description);
        for (const TargetSummary& t : model.targets) {
            if (t.result.metric != base.metric) continue;
            title += "<br>Target " + html_escape(t.result.name) + ": <code>" +
                     html_escape(t.condition) + "</code>";
        }
        const std::string metric = html_escape(base.metric);
        html += "<div class=\"option-metric\" id=\"options-" + metric + "\" data-metric=\"" +
                metric + "\"><p class=\"note\">" + title +
                "</p><div class=\"option-metric-charts\"><figure class=\"chart\"><figcaption>"
                "Over time, by option</figcaption>" +
                svg_option_chart(lines, model.time, model.start,
                                 target_markers(model.targets, base.metric, model.start)) +
                "</figure><figure class=\"chart\"><figcaption>Paired difference from " +
                html_escape(c.baseline) + "</figcaption>" +
                svg_difference_chart(base.metric, base.units, c.baseline,
                                     c.metrics[m].at_compared_dates) +
                "</figure></div></div>\n";
    }
    return html + "</div>";
}

}  // namespace

HtmlSection options_section(const ReportModel& model) {
    const ComparisonModel& c = *model.comparison;
    std::string body = random_numbers_note(c) + options_table(c);
    if (!c.options.empty()) {
        body += "<h3>Targets</h3>" + targets_table(model) + cost_table(c) + metric_charts(model);
    }
    return {"options", "Options compared", body, options_style()};
}

}  // namespace wfsim::report
