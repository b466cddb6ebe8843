// A run's HTML report: its sections in reading order, rendered as one self-contained page.
#pragma once

#include <string>
#include <vector>

#include "tools/report/html_document.hpp"
#include "tools/report/report_model.hpp"

namespace wfsim::report {

// Title, targets, fan charts, key metrics, scenario: the list a page is rendered from, so a
// caller can add sections before rendering. A comparison file's page has its options compared
// (html_options_section.hpp) straight after the title.
std::vector<HtmlSection> run_report_sections(const ReportModel& model);

std::string html_report(const ReportModel& model);

}  // namespace wfsim::report
