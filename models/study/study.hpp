// A study: a base scenario and axes of parameter values to run it at, read from YAML and
// validated like a scenario. Its points are the grid of the axes' values, or samples of their
// ranges (Latin hypercube, Sobol); each point is the scenario with the point's values set by
// path, run for the study's replications.
//
//   scenario: strategy.yaml            # relative to the study file
//   seed: 7
//   replications: 50
//   design: grid                        # grid | latin_hypercube | sobol
//   parameters:
//     - { path: recruitment.campaigns.experienced.applicants, values: [10, 20, 30] }
//     - { path: retention.payments.two_year.amount, from: 0, to: 6000, step: 1000 }
//   options: [base, recruitment_drive]  # the scenario's named options, as one more axis
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "models/config/override.hpp"
#include "models/config/source.hpp"
#include "models/scenario/scenario.hpp"

namespace wfsim::model {

enum class StudyDesign { Grid, LatinHypercube, Sobol };

// Whose random streams a point's replications use.
enum class StudyStreams {
    Common,       // replication r of every point: (seed, r), so points differ by their values only
    Independent,  // (seed derived from the point, r)
};

struct StudyAxis {
    std::string path;      // a parameter path, or "option" for the options axis
    bool option = false;   // the scenario's named options (values are their names)
    // A list (a grid's from/to/step is made one); empty for a continuous range.
    std::vector<std::string> values;
    // A continuous range, for the sampled designs: min + u (max - min), or log-uniform, or the
    // integers min..max.
    double min = 0.0, max = 0.0;
    bool log = false;
    bool integer = false;
    bool range = false;  // min/max given, rather than values

    bool continuous() const { return range; }
    // The value at u in [0, 1): the range's, or the list's entry floor(u n).
    std::string value_at(double u) const;
};

struct Study {
    config::SourceText source;  // the study file
    std::string name;
    config::SourceText scenario_source;
    Scenario scenario;  // the base, as written
    std::uint64_t seed = 0;
    std::uint32_t replications = 1;
    StudyDesign design = StudyDesign::Grid;
    std::uint32_t samples = 0;  // of the sampled designs
    StudyStreams streams = StudyStreams::Common;
    std::vector<StudyAxis> axes;
    // Each point's value on each axis, as set into the scenario (numbers in shortest form).
    std::vector<std::vector<std::string>> points;
    // Identifies the study's results: a hash of the study's and the scenario's text and of the
    // format version, as 16 hex digits. Shards of different studies refuse to merge.
    std::string fingerprint;
};

inline constexpr std::uint32_t kMaxStudyPoints = 1000000;

// Throws config::InputError listing every problem, each at its place in the study file.
Study parse_study(config::SourceText source, const std::filesystem::path& directory);
Study load_study(const std::filesystem::path& file);

// The point's overrides ("set by point 12"), and its scenario validated; throws
// config::InputError naming the point and its values for a combination the scenario refuses.
std::vector<config::Override> point_overrides(const Study& study, std::size_t point);
Scenario point_scenario(const Study& study, std::size_t point);

// The seed of the point's streams.
std::uint64_t point_seed(const Study& study, std::size_t point);

// Every key of the study language.
config::Reference study_reference();

}  // namespace wfsim::model
