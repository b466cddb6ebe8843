// Everything a report shows, computed once from a run file: the quantiles of each key metric
// across replications at every sample (the fan charts and the key-metrics table read the same
// numbers), each target's outcome, and in a comparison the options' (comparison_model.hpp).
// The terminal table and the HTML sections only format it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "output/run_file.hpp"
#include "tools/report/comparison_model.hpp"
#include "tools/report/report_selection.hpp"
#include "tools/report/summaries.hpp"

namespace wfsim::report {

struct ReportModel {
    output::RunMetadata meta;
    std::string run_file;  // the file's name, for the title
    engine::Date start;    // meta.start_date, read
    std::size_t replications = 0;
    std::vector<double> time;       // days since the start, per sample
    std::vector<std::string> date;  // ISO date per sample
    std::vector<TargetSummary> targets;
    std::vector<MetricBands> metrics;  // the key metrics, in the selection's order
    std::vector<ReportDate> dates;     // of the key-metrics table
    // The options compared with this run, when the file is a comparison (`wfsim compare`):
    // the fields above are then the baseline's.
    std::optional<ComparisonModel> comparison;
};

ReportModel build_report_model(const output::RunData& run, const ReportSelection& selection,
                               std::string run_file);

}  // namespace wfsim::report
