#include "models/study/study.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <system_error>

#include "engine/calendar.hpp"
#include "models/config/document.hpp"
#include "models/config/names.hpp"
#include "models/config/numbers.hpp"
#include "models/study/designs.hpp"
#include "wfsim_version.hpp"

namespace wfsim::model {

namespace {

// What a study may not set at its points: what every point shares so that they are sampled
// alike and their replications pair.
constexpr std::string_view kFixedAtPoints[] = {"name",         "start",   "horizon",
                                               "output_interval", "seed", "replications",
                                               "targets",      "options"};

constexpr std::string_view kDesigns[] = {"grid", "latin_hypercube", "sobol"};
constexpr std::string_view kStreams[] = {"common", "independent"};

// The shortest text that reads back as the same double.
std::string shortest(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : config::format_number(value);
}

// An evenly spaced list's value as it would be written: from + i step in binary floating
// point drifts off the decimal grid (0.1 + 2 x 0.1 is 0.30000000000000004), so it is rounded to
// 12 significant digits, far finer than any step a study would take.
std::string decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.12g", value);
    return shortest(std::strtod(buffer, nullptr));
}

std::uint64_t fnv1a(std::uint64_t hash, std::string_view text) {
    for (const unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

std::string fingerprint_of(const std::string& study, const std::string& scenario) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    hash = fnv1a(hash, "wfsim-sweep-1");
    hash = fnv1a(hash, std::string_view("\0", 1));
    hash = fnv1a(hash, study);
    hash = fnv1a(hash, std::string_view("\0", 1));
    hash = fnv1a(hash, scenario);
    char text[17];
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        text[i] = kHex[hash & 0xF];
        hash >>= 4;
    }
    return std::string(text, 16);
}

// Problems the scenario reports with `value` set at `path`, as one line for the study: "".
std::string refusal(const Study& study, const std::string& path, const std::string& value) {
    const config::Override o{.path = path, .value = value, .origin = "the study"};
    try {
        (void)parse_scenario_without_option_runs(study.scenario_source,
                                                 std::span<const config::Override>(&o, 1));
    } catch (const config::InputError& e) {
        const config::Diagnostic& d = e.diagnostics().front();
        std::string message = "value " + value + " is refused by the scenario: ";
        message.append(d.path.empty() ? "" : d.path + ": ").append(d.message);
        return message;
    }
    return {};
}

// The base scenario: its own problems are reported in its own file.
void read_base(config::Document& document, config::Section root,
               const std::filesystem::path& directory, Study& study) {
    const std::string file = root.text(
        "scenario", {"The base scenario file, relative to the study file's directory."});
    if (root.reported("scenario") || file.empty()) return;
    const std::filesystem::path path =
        std::filesystem::path(file).is_absolute() ? std::filesystem::path(file) : directory / file;
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
        root.error("scenario", "no such file: " + path.string());
        return;
    }
    try {
        study.scenario_source = config::read_source(path);
        study.scenario = parse_scenario(study.scenario_source);
    } catch (const config::InputError& e) {
        for (const config::Diagnostic& d : e.diagnostics()) document.report(d);
    }
}

bool overlapping(const std::string& a, const std::string& b) {
    const auto covers = [](const std::string& outer, const std::string& inner) {
        return inner.starts_with(outer) &&
               (inner.size() == outer.size() || inner[outer.size()] == '.');
    };
    return covers(a, b) || covers(b, a);
}

// A dated intervention that sets what an axis varies would replace the axis's value from its
// date on, at every point, so the file would record values the run used only in part.
std::optional<std::string> intervention_setting(const Study& study, const std::string& path) {
    for (const Intervention& intervention : study.scenario.interventions) {
        for (const config::Override& o : intervention.set) {
            if (!overlapping(o.path, path)) continue;
            return "the scenario's intervention of " + engine::format_iso_date(intervention.at) +
                   " sets " + o.path + ", which would replace the study's value from then on (a "
                   "study may not vary what an intervention sets)";
        }
    }
    return std::nullopt;
}

StudyAxis read_parameter(config::Section item, const Study& study, bool base_ok, bool grid) {
    StudyAxis axis;
    axis.path = item.text("path", {"The parameter's path in the scenario, as interventions "
                                   "and options name it: turnover.social_worker.annual_rate."});
    const bool has_values = item.has("values");
    const bool has_range = item.has("from") || item.has("to") || item.has("step");
    const bool has_bounds = item.has("min") || item.has("max");
    const std::vector<std::string> values = item.texts(
        "values", {"The values, as they would be written in the scenario (10, 3 months, yes)."},
        std::vector<std::string>{});
    const double from = item.real("from", {"First value of an evenly spaced list (with to, step)."}, {}, 0.0);
    const double to = item.real("to", {"Last value of the list (included when a step lands on it)."}, {}, 0.0);
    const double step = item.real("step", {"Spacing of the list."}, {.min = 0.0, .min_exclusive = true}, 1.0);
    axis.min = item.real("min", {"Low end of a continuous range, sampled by latin_hypercube and sobol."}, {}, 0.0);
    axis.max = item.real("max", {"High end of the range."}, {}, 0.0);
    axis.log = item.boolean("log", {"Sample the range log-uniformly (min > 0)."}, false);
    axis.integer = item.boolean("integer", {"Sample the whole numbers min..max, each equally likely (not with log)."}, false);
    if (!item.present()) return axis;
    bool ok = item.has("path") && !item.reported("path");
    const auto problem = [&](std::string_view key, std::string message) {
        item.error(key, std::move(message));
        ok = false;
    };
    if (ok) {
        if (const auto bad_path = config::parameter_path_problem(axis.path)) {
            problem("path", *bad_path);
        } else {
            for (std::string_view fixed : kFixedAtPoints) {
                if (axis.path == fixed || axis.path.starts_with(std::string(fixed) + ".")) {
                    problem("path", "a study cannot vary " + std::string(fixed) +
                                        " (every point shares it)");
                }
            }
            if (ok && base_ok) {
                if (const auto set = intervention_setting(study, axis.path)) problem("path", *set);
            }
        }
    }
    if (has_values + has_range + has_bounds != 1) {
        problem(has_values ? "values" : "path",
                "give exactly one of values, from/to/step, or min/max");
        return axis;
    }
    // log and integer shape how a range is sampled; said of a list they would be ignored.
    for (const char* key : {"log", "integer"}) {
        if (item.has(key) && !has_bounds) problem(key, "only applies to a min/max range");
    }
    if (has_values) {
        axis.values = values;
        if (values.empty() && !item.reported("values")) problem("values", "no values");
        if (item.reported("values")) ok = false;
    } else if (has_range) {
        bool complete = true;
        for (const char* key : {"from", "to", "step"}) {
            if (!item.has(key)) problem(key, "required with from/to/step");
            if (!item.has(key) || item.reported(key)) complete = false;
        }
        const double count = complete ? std::floor((to - from) / step + 1e-9) + 1 : 0;
        if (!complete) {
            ok = false;
        } else if (to < from) {
            problem("to", "must not be below from (" + shortest(from) + ")");
        } else if (count > kMaxStudyPoints) {
            problem("step", "makes more than " + std::to_string(kMaxStudyPoints) + " values");
        } else {
            for (double i = 0; i < count; ++i) axis.values.push_back(decimal(from + i * step));
        }
    } else {
        axis.range = true;
        bool complete = true;
        for (const char* key : {"min", "max"}) {
            if (!item.has(key)) problem(key, "required with min/max");
            if (!item.has(key) || item.reported(key)) complete = false;
        }
        if (grid) {
            problem("min", "a grid needs values or from/to/step; min/max ranges are sampled by "
                           "design: latin_hypercube or sobol");
        } else if (!complete) {
            ok = false;
        } else if (!(axis.min < axis.max)) {
            problem("max", "must be above min (" + shortest(axis.min) + ")");
        } else if (axis.log && axis.integer) {
            problem("integer", "a range is either log or integer, not both");
        } else if (axis.log && axis.min <= 0.0) {
            problem("min", "must be above 0 for a log range (got " + shortest(axis.min) + ")");
        } else if (axis.integer) {
            for (const auto& [key, end] : {std::pair{"min", axis.min}, std::pair{"max", axis.max}}) {
                if (end != std::floor(end)) {
                    problem(key, "an integer range needs whole-number ends (got " +
                                     shortest(end) + ")");
                }
            }
        }
    }
    // Each value, alone, must be one the scenario accepts; a range's ends stand for the range.
    if (ok && base_ok) {
        const std::vector<std::string> probes =
            axis.range ? std::vector<std::string>{shortest(axis.min), shortest(axis.max)}
                       : axis.values;
        const char* key = has_values ? "values" : has_range ? "from" : "min";
        for (const std::string& value : probes) {
            const std::string refused = refusal(study, axis.path, value);
            if (!refused.empty()) {
                item.error(key, refused);
                break;
            }
        }
    }
    return axis;
}

StudyAxis read_options_axis(config::Section root, const Study& study, bool base_ok) {
    StudyAxis axis;
    axis.path = "option";
    axis.option = true;
    axis.values = root.texts(
        "options", {"The scenario's named options to run at every point, as one more axis "
                    "('base' is the scenario as written)."},
        std::vector<std::string>{});
    if (!base_ok) return axis;
    std::vector<std::string> known{kBaselineOption};
    for (const PolicyOption& o : study.scenario.options) known.push_back(o.name);
    for (const std::string& name : axis.values) {
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            root.error("options", config::not_declared("option", name, "the scenario's options", known));
        }
    }
    if (std::set<std::string>(axis.values.begin(), axis.values.end()).size() != axis.values.size()) {
        root.error("options", "an option is named twice");
    }
    return axis;
}



// An option that sets what an axis varies would override the axis's value at every point of
// that option, so the file would record values the run never used; so would an intervention the
// option brings.
void check_options_against_axes(config::Section root, const Study& study) {
    const StudyAxis* options = nullptr;
    for (const StudyAxis& axis : study.axes) {
        if (axis.option) options = &axis;
    }
    if (!options) return;
    // The base scenario's interventions are checked at each parameter; these are the option's.
    const auto in_base = [&](const Intervention& i) {
        return std::ranges::any_of(study.scenario.interventions, [&](const Intervention& b) {
            return b.at_days == i.at_days &&
                   std::ranges::equal(b.set, i.set, [](const auto& x, const auto& y) {
                       return x.path == y.path && x.value == y.value;
                   });
        });
    };
    for (const std::string& name : options->values) {
        for (const PolicyOption& option : study.scenario.options) {
            if (option.name != name) continue;
            for (const StudyAxis& axis : study.axes) {
                if (axis.option) continue;
                for (const config::Override& o : option.set) {
                    if (!overlapping(o.path, axis.path)) continue;
                    root.error("options", "option '" + name + "' sets " + o.path +
                                              ", which overlaps the parameter " + axis.path +
                                              " (an option may not set what the study varies)");
                }
                for (const Intervention& i : option.scenario->interventions) {
                    if (in_base(i)) continue;
                    for (const config::Override& o : i.set) {
                        if (!overlapping(o.path, axis.path)) continue;
                        root.error("options", "option '" + name + "' has an intervention of " +
                                                  engine::format_iso_date(i.at) + " that sets " +
                                                  o.path + ", which overlaps the parameter " +
                                                  axis.path + " (an option may not set what the "
                                                  "study varies)");
                    }
                }
            }
        }
    }
}

void make_points(Study& study, config::Section root) {
    if (study.axes.empty()) {
        study.points.assign(1, {});
        return;
    }
    if (study.design == StudyDesign::Grid) {
        std::vector<std::size_t> sizes;
        double total = 1;
        for (const StudyAxis& axis : study.axes) {
            sizes.push_back(axis.values.size());
            total *= static_cast<double>(axis.values.size());
        }
        if (total > kMaxStudyPoints) {
            root.error("parameters", "the grid has " + shortest(total) + " points (at most " +
                                         std::to_string(kMaxStudyPoints) + ")");
            return;
        }
        for (const auto& index : grid_indices(sizes)) {
            std::vector<std::string> point;
            for (std::size_t k = 0; k < index.size(); ++k) point.push_back(study.axes[k].values[index[k]]);
            study.points.push_back(std::move(point));
        }
        return;
    }
    const auto unit = study.design == StudyDesign::LatinHypercube
                          ? latin_hypercube(study.samples, study.axes.size(), study.seed)
                          : sobol_points(study.samples, study.axes.size(), study.seed);
    for (const auto& u : unit) {
        std::vector<std::string> point;
        for (std::size_t k = 0; k < u.size(); ++k) point.push_back(study.axes[k].value_at(u[k]));
        study.points.push_back(std::move(point));
    }
}

void read_study(config::Document& document, const std::filesystem::path& directory, Study& s) {
    config::Section root = document.root();
    s.name = root.text("name", {"A name for the study, shown in reports."}, std::string());
    read_base(document, root, directory, s);
    const bool base_ok = !s.scenario_source.text.empty() && !document.has_errors();
    s.seed = static_cast<std::uint64_t>(root.integer(
        "seed", {"Seed of the sampled designs and of every point's streams."},
        {.min = 0.0, .max = 9007199254740992.0}, static_cast<std::int64_t>(s.scenario.seed)));
    s.replications = static_cast<std::uint32_t>(root.integer(
        "replications", {"Replications at every point."},
        {.min = 1.0, .max = static_cast<double>(kMaxReplications)},
        static_cast<std::int64_t>(s.scenario.replications)));
    const std::string design = root.choice(
        "design", {"How points are chosen: every combination of the axes' values (grid), or "
                   "`samples` points of their ranges (latin_hypercube, sobol)."},
        kDesigns, std::string("grid"));
    s.design = design == "latin_hypercube" ? StudyDesign::LatinHypercube
               : design == "sobol"         ? StudyDesign::Sobol
                                           : StudyDesign::Grid;
    s.samples = static_cast<std::uint32_t>(root.integer(
        "samples", {"Points of a latin_hypercube or sobol design (required by them; not with a grid)."},
        {.min = 1.0, .max = static_cast<double>(kMaxStudyPoints)}, 0));
    s.streams = root.choice("streams",
                            {"common: replication r of every point uses the streams of (seed, r), "
                             "so points differ only by their values (common random numbers); "
                             "independent: each point has streams of its own."},
                            kStreams, std::string("common")) == "independent"
                    ? StudyStreams::Independent
                    : StudyStreams::Common;
    std::vector<config::Section> items = root.list(
        "parameters", {"The axes: each a parameter path and its values, an evenly spaced "
                       "list, or a continuous range."});
    std::set<std::string> paths;
    for (config::Section item : items) {
        StudyAxis axis = read_parameter(item, s, base_ok, s.design == StudyDesign::Grid);
        item.finish();
        if (!item.present()) continue;
        for (const std::string& earlier : paths) {
            const auto covers = [](const std::string& a, const std::string& b) {
                return b.starts_with(a) && (b.size() == a.size() || b[a.size()] == '.');
            };
            if (covers(earlier, axis.path) || covers(axis.path, earlier)) {
                item.error("path", earlier == axis.path ? "varied twice"
                                                        : "overlaps '" + earlier + "'");
            }
        }
        paths.insert(axis.path);
        s.axes.push_back(std::move(axis));
    }
    StudyAxis options = read_options_axis(root, s, base_ok);
    if (!options.values.empty()) s.axes.push_back(std::move(options));
    if (s.design != StudyDesign::Grid && !root.has("samples")) {
        root.error("design", "needs samples: the number of points to draw");
    } else if (s.design == StudyDesign::Grid && root.has("samples") && !root.reported("design")) {
        root.error("samples", "only applies to design latin_hypercube or sobol (a grid runs "
                              "every combination)");
    }
    check_options_against_axes(root, s);
    root.finish();
    if (document.has_errors()) return;
    make_points(s, root);
    s.fingerprint = fingerprint_of(s.source.text, s.scenario_source.text);
}

}  // namespace

std::string StudyAxis::value_at(double u) const {
    if (!range) {
        const auto n = static_cast<double>(values.size());
        return values[std::min(values.size() - 1, static_cast<std::size_t>(u * n))];
    }
    if (integer) {
        const double v = std::floor(min + u * (max - min + 1.0));
        return shortest(std::min(v, max));
    }
    if (log) return shortest(std::exp(std::log(min) + u * (std::log(max) - std::log(min))));
    return shortest(min + u * (max - min));
}

Study parse_study(config::SourceText source, const std::filesystem::path& directory) {
    Study study;
    study.source = source;
    config::Document document = config::Document::parse(std::move(source));
    read_study(document, directory, study);
    document.throw_if_errors();
    return study;
}

Study load_study(const std::filesystem::path& file) {
    return parse_study(config::read_source(file), file.parent_path());
}

std::vector<config::Override> point_overrides(const Study& study, std::size_t point) {
    std::vector<config::Override> overrides;
    const std::string origin = "the study";
    for (std::size_t k = 0; k < study.axes.size(); ++k) {
        const StudyAxis& axis = study.axes[k];
        const std::string& value = study.points[point][k];
        if (!axis.option) {
            overrides.push_back({.path = axis.path, .value = value, .origin = origin});
        } else if (value != kBaselineOption) {
            for (const PolicyOption& o : study.scenario.options) {
                if (o.name == value) overrides.insert(overrides.end(), o.set.begin(), o.set.end());
            }
        }
    }
    return overrides;
}

Scenario point_scenario(const Study& study, std::size_t point) {
    Scenario scenario;
    try {
        scenario = parse_scenario_without_option_runs(study.scenario_source,
                                                      point_overrides(study, point));
    } catch (const config::InputError& e) {
        std::string values;
        for (std::size_t k = 0; k < study.axes.size(); ++k) {
            values.append(k ? ", " : "").append(study.axes[k].path + " = " + study.points[point][k]);
        }
        // One line per problem, in the study file: the point, its values, and the scenario's
        // complaint, with its place in the scenario file when it has one there.
        std::vector<config::Diagnostic> problems;
        for (const config::Diagnostic& d : e.diagnostics()) {
            std::string message = "point " + std::to_string(point) + " (" + values + "): ";
            message.append(d.path.empty() ? "" : d.path + ": ").append(d.message);
            if (d.line > 0) {
                message += " (at " + d.file + ":" + std::to_string(d.line) + ":" +
                           std::to_string(d.column) + ")";
            }
            problems.push_back({.file = study.source.file, .message = std::move(message)});
        }
        throw config::InputError(std::move(problems));
    }
    scenario.replications = study.replications;
    scenario.seed = point_seed(study, point);
    scenario.options.clear();
    return scenario;
}

std::uint64_t point_seed(const Study& study, std::size_t point) {
    if (study.streams == StudyStreams::Common) return study.seed;
    // splitmix64 of (seed, point): distinct, well-mixed seeds; every stream hashes them again.
    std::uint64_t z = study.seed + 0x9E3779B97F4A7C15ULL * (point + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

config::Reference study_reference() {
    config::Reference declared;
    config::Document document = config::Document::documenting(declared);
    Study ignored;
    read_study(document, {}, ignored);
    // Documenting reads no scenario, so the defaults it saw for what comes from the scenario
    // are placeholders; and a list's or range's ends have no default, each form needing all
    // of its keys.
    config::Reference reference;
    for (config::ReferenceEntry entry : declared.entries()) {
        if (entry.path == "seed" || entry.path == "replications") {
            entry.default_text = "the scenario's";
        }
        for (const char* key : {"samples", "parameters[].from", "parameters[].to",
                                "parameters[].step", "parameters[].min", "parameters[].max"}) {
            if (entry.path == key) entry.default_text.clear();
        }
        reference.add(std::move(entry));
    }
    return reference;
}

}  // namespace wfsim::model
