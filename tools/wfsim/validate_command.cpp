#include <cstdio>
#include <numeric>

#include "engine/calendar.hpp"
#include "models/config/diagnostics.hpp"
#include "models/config/document.hpp"
#include "models/config/source.hpp"
#include "models/scenario/scenario.hpp"
#include "models/study/study.hpp"
#include "models/study/sweep.hpp"
#include "tools/report/wording.hpp"
#include "tools/wfsim/commands.hpp"

namespace wfsim::cli {

namespace {

// A study names its base scenario; a scenario has no such key.
bool is_study(const std::string& file) {
    try {
        return config::Document::parse(config::read_source(file)).root().has("scenario");
    } catch (const config::InputError&) {
        return false;  // the scenario reader reports what is wrong with it
    }
}

int validate_study(const std::string& file) {
    const model::Study study = model::load_study(file);
    std::vector<std::int64_t> all(study.points.size());
    std::iota(all.begin(), all.end(), std::int64_t{0});
    model::check_points(study, all);
    std::printf("%s: valid study (%s x %s of %s)\n", file.c_str(),
                report::counted(static_cast<long>(study.points.size()), "point").c_str(),
                report::counted(study.replications, "replication").c_str(),
                study.scenario_source.file.c_str());
    return kExitOk;
}

}  // namespace

int validate_command(const std::string& file) {
    try {
        if (is_study(file)) return validate_study(file);
        const model::Scenario scenario = model::load_scenario(file);
        std::printf("%s: valid (%zu roles, %d posts, %.4g years, %u replications)\n",
                    file.c_str(), scenario.roles.size(),
                    std::accumulate(scenario.staffing.establishment.begin(),
                                    scenario.staffing.establishment.end(), 0),
                    scenario.horizon_days / engine::kDaysPerYear, scenario.replications);
        return kExitOk;
    } catch (const config::InputError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return kExitInvalidInput;
    }
}

}  // namespace wfsim::cli
