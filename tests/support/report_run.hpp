// A small run made by hand for the report's tests: 4 replications, monthly for a year from
// 2016-04-01 (13 samples), series whose quantiles are easy to work out, and two targets.
#pragma once

#include <cmath>
#include <limits>
#include <string>

#include "engine/calendar.hpp"
#include "output/run_file.hpp"

namespace wfsim::testing {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// staff_permanent = 100 + 20 r + t; agency_share = 0.40 - 0.02 t - 0.04 r; turnover_rate_12m
// NaN before the last sample, then 0.1 + 0.01 r except NaN in replication 3; vacancies 0.
inline output::RunData report_run() {
    const engine::Date start{2016, 4, 1};
    output::SeriesTable series({{"staff_permanent", "workers", "Permanent workers in post."},
                                {"agency_share", "1", "Agency share of staff."},
                                {"turnover_rate_12m", "per year", "Leavers in 12 months."},
                                {"vacancies", "posts", "Vacant posts."}},
                               4, 13);
    output::RunData run{{}, {}, {}, std::move(series)};
    run.meta.wfsim_version = "0.1.0";
    run.meta.seed = 7;
    run.meta.scenario_name = "hand-made <service> & \"friends\"";
    run.meta.scenario_yaml = "name: x\n# <script>alert('x')</script> & more\n";
    run.meta.start_date = "2016-04-01";
    run.meta.horizon_days = 365.25;
    run.meta.interval_days = engine::kDaysPerMonth;
    for (int t = 0; t < 13; ++t) {
        run.time.push_back(t * engine::kDaysPerMonth);
        run.date.push_back(engine::format_iso_date(engine::date_at(start, run.time.back())));
    }
    for (std::size_t r = 0; r < 4; ++r) {
        for (std::size_t t = 0; t < 13; ++t) {
            const double rd = static_cast<double>(r), td = static_cast<double>(t);
            run.series.at(0, r, t) = 100 + 20 * rd + td;
            run.series.at(1, r, t) = 0.40 - 0.02 * td - 0.04 * rd;
            run.series.at(2, r, t) = t == 12 && r != 3 ? 0.1 + 0.01 * rd : kNaN;
            run.series.at(3, r, t) = 0.0;
        }
    }
    output::TargetResult permanent;
    permanent.name = "permanent_80";
    permanent.metric = "agency_share";
    permanent.op = "<=";
    permanent.value = 0.2;
    permanent.kind = "by";
    permanent.by = "2017-03-31";
    permanent.met = {1, 1, 0, 1};
    // Days 244, 183, 214 are 2016-12-01, 2016-10-01, 2016-11-01. Replication 2 reached the
    // value early (day 100) but missed the date, so it must not count towards the median.
    permanent.first_met_days = {244, 183, 100, 214};
    permanent.probability = 0.75;
    permanent.ci_low = 0.3006;
    permanent.ci_high = 0.9544;
    output::TargetResult never;
    never.name = "few staff";
    never.metric = "staff_permanent";
    never.op = "<=";
    never.value = 50;
    never.kind = "throughout";
    never.from = "2016-10-01";
    never.to = "2017-01-31";
    never.met = {0, 0, 0, 0};
    never.first_met_days = {kNaN, kNaN, kNaN, kNaN};
    never.probability = 0.0;
    never.ci_low = 0.0;
    never.ci_high = 0.4899;
    run.targets = {permanent, never};
    return run;
}

}  // namespace wfsim::testing
