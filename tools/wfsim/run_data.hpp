// A finished batch as the run file stores it: metadata, dates and the targets judged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "models/batch.hpp"
#include "models/scenario/scenario.hpp"
#include "output/run_file.hpp"

namespace wfsim::cli {

// The scenario in `file` with the command line's --replications and --seed set into it; on bad
// input, prints the error lines and returns nothing.
std::optional<model::Scenario> load_command_scenario(const std::string& file,
                                                     std::optional<std::int64_t> replications,
                                                     std::optional<std::int64_t> seed);

output::RunData to_run_data(const model::Scenario& scenario, model::BatchResult&& batch);

// Refuses (one line on stderr naming `file`, false) a run whose tables would not fit in memory
// rather than fail halfway with an allocation error; `runs` batches are held at once.
bool results_fit_in_memory(const model::Scenario& scenario, const std::string& file,
                           std::size_t runs = 1);

}  // namespace wfsim::cli
