// The sections of a run's HTML report, one function each: the title block, the targets table,
// the fan charts, the key-metrics table and the scenario text (a comparison's own section is in
// html_options_section.hpp). Each reads only the report model; render_page (html_document.hpp)
// puts them in a page.
#pragma once

#include "tools/report/html_document.hpp"
#include "tools/report/report_model.hpp"

namespace wfsim::report {

// The scenario's name, the run's dates, replications, seed, wfsim version and run file; for a
// comparison, a line saying how many options it compares and that the later sections are the
// baseline's.
HtmlSection title_section(const ReportModel& model);

// Each target: its condition in words, the probability of meeting it with its 95 % interval,
// how many replications met it and their median date.
HtmlSection targets_section(const ReportModel& model);

// A fan chart per key metric, with its targets marked, under a legend.
HtmlSection charts_section(const ReportModel& model);

// The key metrics at the report's dates: median and 5-95 % band.
HtmlSection key_metrics_section(const ReportModel& model);

// The scenario file as the run read it.
HtmlSection scenario_section(const ReportModel& model);

}  // namespace wfsim::report
