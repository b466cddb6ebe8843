#include <cstdio>
#include <numeric>

#include "engine/calendar.hpp"
#include "models/config/diagnostics.hpp"
#include "models/scenario/scenario.hpp"
#include "tools/wfsim/commands.hpp"

namespace wfsim::cli {

int validate_command(const std::string& scenario_file) {
    try {
        const model::Scenario scenario = model::load_scenario(scenario_file);
        std::printf("%s: valid (%zu roles, %d posts, %.4g years, %u replications)\n",
                    scenario_file.c_str(), scenario.roles.size(),
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
