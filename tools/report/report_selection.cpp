#include "tools/report/report_selection.hpp"

#include <algorithm>

#include "models/config/did_you_mean.hpp"
#include "tools/report/key_metrics.hpp"

namespace wfsim::report {

namespace {

void add_once(std::vector<std::string>& list, const std::string& name) {
    if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

std::vector<std::string> series_names(const output::RunData& run) {
    std::vector<std::string> names;
    names.reserve(run.series.metrics());
    for (const output::SeriesSpec& spec : run.series.specs()) names.push_back(spec.name);
    return names;
}

std::vector<std::string> select_metrics(const output::RunData& run,
                                        std::span<const std::string> asked) {
    const std::vector<std::string> known = series_names(run);
    const auto has = [&](const std::string& name) {
        return std::find(known.begin(), known.end(), name) != known.end();
    };
    std::vector<std::string> metrics;
    if (!asked.empty()) {
        for (const std::string& name : asked) {
            if (!has(name)) {
                throw SelectionError("--metrics: unknown metric '" + name + "' " +
                                     config::hint(name, known));
            }
            add_once(metrics, name);
        }
        return metrics;
    }
    for (const output::TargetResult& target : run.targets) {
        if (has(target.metric)) add_once(metrics, target.metric);
    }
    for (const std::string& name : kKeyMetrics) {
        if (has(name)) add_once(metrics, name);
    }
    return metrics;
}

// The last sample on or before `iso`: a sample counts from the calendar day it falls on (its
// date in the file), so the horizon's date gives the last sample. ISO dates sort as text.
std::size_t sample_on_or_before(const output::RunData& run, const std::string& iso) {
    std::size_t sample = 0;
    while (sample + 1 < run.date.size() && run.date[sample + 1] <= iso) ++sample;
    return sample;
}

std::vector<std::string> default_dates(const output::RunData& run) {
    std::vector<std::string> dates;
    for (const output::TargetResult& target : run.targets) {
        if (!target.by.empty()) dates.push_back(target.by);
        if (!target.to.empty()) dates.push_back(target.to);
    }
    dates.push_back(run.date.back());
    return dates;
}

std::vector<ReportDate> select_dates(const output::RunData& run,
                                     std::span<const std::string> asked) {
    const engine::Date start = run_start(run);
    const std::vector<std::string> texts =
        asked.empty() ? default_dates(run) : std::vector<std::string>(asked.begin(), asked.end());
    std::vector<std::pair<double, std::string>> dated;
    for (const std::string& text : texts) {
        const std::optional<engine::Date> date = engine::parse_iso_date(text);
        if (!date) {
            throw SelectionError("--at: '" + text + "' is not a date (expected YYYY-MM-DD)");
        }
        const double days = engine::days_between(start, *date);
        if (days < 0.0 || engine::format_iso_date(*date) > run.date.back()) {
            throw SelectionError("--at: " + text + " is outside the run (" + run.meta.start_date +
                                 " to " + run.date.back() + ")");
        }
        dated.emplace_back(days, engine::format_iso_date(*date));
    }
    std::sort(dated.begin(), dated.end());
    dated.erase(std::unique(dated.begin(), dated.end()), dated.end());
    std::vector<ReportDate> dates;
    for (const auto& [days, label] : dated) {
        dates.push_back({label, sample_on_or_before(run, label)});
    }
    return dates;
}

}  // namespace

engine::Date run_start(const output::RunData& run) {
    const std::optional<engine::Date> start = engine::parse_iso_date(run.meta.start_date);
    if (!start) {
        throw output::OutputError("the run file's start_date '" + run.meta.start_date +
                                  "' is not a date");
    }
    return *start;
}

ReportSelection select_report(const output::RunData& run, std::span<const std::string> at,
                              std::span<const std::string> metrics) {
    if (run.time.empty() || run.date.size() != run.time.size()) {
        throw output::OutputError("the run file has no samples");
    }
    return {select_metrics(run, metrics), select_dates(run, at)};
}

}  // namespace wfsim::report
