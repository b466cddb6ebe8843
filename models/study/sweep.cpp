#include "models/study/sweep.hpp"

#include <algorithm>

#include "engine/calendar.hpp"
#include "models/config/diagnostics.hpp"
#include "models/metrics/sampling.hpp"
#include "models/metrics/target_judging.hpp"
#include "models/service.hpp"
#include "wfsim_version.hpp"

namespace wfsim::model {

std::optional<std::int64_t> ListedPoints::next() {
    const std::size_t i = next_.fetch_add(1);
    if (i >= points_.size()) return std::nullopt;
    return points_[i];
}

std::vector<std::int64_t> shard_points(std::int64_t total, std::uint32_t index,
                                       std::uint32_t count) {
    std::vector<std::int64_t> points;
    for (std::int64_t p = index; p < total; p += count) points.push_back(p);
    return points;
}

void check_points(const Study& study, const std::vector<std::int64_t>& points) {
    std::vector<config::Diagnostic> problems;
    std::size_t refused = 0;
    for (const std::int64_t p : points) {
        try {
            (void)point_scenario(study, static_cast<std::size_t>(p));
        } catch (const config::InputError& e) {
            if (++refused <= kMaxPointsReported) {
                problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
            }
        }
    }
    if (refused > kMaxPointsReported) {
        problems.push_back({.file = study.source.file,
                            .message = std::to_string(refused - kMaxPointsReported) +
                                       " more points are refused by the scenario"});
    }
    if (!problems.empty()) throw config::InputError(std::move(problems));
}

output::SweepHeader sweep_header(const Study& study) {
    const Scenario& s = study.scenario;
    output::SweepHeader h;
    h.fingerprint = study.fingerprint;
    h.wfsim_version = kVersion;
    h.study_name = study.name;
    h.study_yaml = study.source.text;
    h.scenario_yaml = study.scenario_source.text;
    h.design = study.design == StudyDesign::Grid             ? "grid"
               : study.design == StudyDesign::LatinHypercube ? "latin_hypercube"
                                                             : "sobol";
    h.streams = study.streams == StudyStreams::Common ? "common" : "independent";
    h.seed = study.seed;
    h.total_points = static_cast<std::int64_t>(study.points.size());
    h.replications = study.replications;
    h.start_date = engine::format_iso_date(s.start);
    h.horizon_days = s.horizon_days;
    h.interval_days = s.interval_days;
    for (const StudyAxis& axis : study.axes) h.axes.push_back(axis.path);
    h.metrics = scenario_series(s);
    h.time = sample_times(s.horizon_days, s.interval_days);
    for (const double t : h.time) h.date.push_back(engine::format_iso_date(engine::date_at(s.start, t)));
    // The definitions: judging no replication gives each target's fields with empty outcomes.
    output::SeriesTable none(h.metrics, 0, h.time.size());
    h.targets = judge_targets(s.targets, h.time, none);
    return h;
}

output::SweepPoint run_point(const Study& study, std::int64_t point) {
    const Scenario scenario = point_scenario(study, static_cast<std::size_t>(point));
    const std::vector<double> times = sample_times(scenario.horizon_days, scenario.interval_days);
    output::SweepPoint result;
    result.index = point;
    result.values = study.points[static_cast<std::size_t>(point)];
    result.series = output::SeriesTable(scenario_series(scenario), scenario.replications, times.size());
    for (std::uint32_t r = 0; r < scenario.replications; ++r) {
        run_replication(scenario, r, times, result.series);
    }
    result.targets = judge_targets(scenario.targets, times, result.series);
    return result;
}

}  // namespace wfsim::model
