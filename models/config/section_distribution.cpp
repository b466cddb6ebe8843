// Section::distribution: the scenario language's distributions,
//   { dist: KIND, ...parameters }   or a bare duration (or number) meaning a fixed value.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "models/config/did_you_mean.hpp"
#include "models/config/document_state.hpp"
#include "models/config/section_read.hpp"
#include "models/config/values.hpp"
#include "models/config/yaml_nodes.hpp"

namespace wfsim::config {

namespace {

using engine::Distribution;

constexpr Bounds kNonNegative{.min = 0.0};
constexpr Bounds kPositive{.min = 0.0, .min_exclusive = true};

struct Parameter {
    std::string_view name;
    bool is_quantity = false;  // a duration when the distribution is of durations
    Bounds bounds;
    bool at_least_previous = false;  // uniform's max may not be below its min
};

struct Form {
    Distribution::Kind kind;
    std::vector<Parameter> parameters;  // one or two, in the order `make` takes them
    Distribution (*make)(double, double);
};

const std::vector<Form>& forms() {
    static const std::vector<Form> kForms = {
        {Distribution::Kind::Fixed,
         {{"value", true, kNonNegative}},
         [](double value, double) { return Distribution::fixed(value); }},
        {Distribution::Kind::Exponential,
         {{"mean", true, kPositive}},
         [](double mean, double) { return Distribution::exponential(mean); }},
        {Distribution::Kind::Lognormal,
         {{"median", true, kPositive}, {"sigma", false, kPositive}},
         Distribution::lognormal},
        {Distribution::Kind::Gamma,
         {{"mean", true, kPositive}, {"shape", false, kPositive}},
         Distribution::gamma},
        {Distribution::Kind::Uniform,
         {{"min", true, kNonNegative}, {"max", true, kNonNegative, true}},
         Distribution::uniform},
    };
    return kForms;
}

const std::vector<std::string>& kind_names() {
    static const std::vector<std::string> kNames = [] {
        std::vector<std::string> names;
        for (const Form& form : forms()) names.emplace_back(engine::kind_name(form.kind));
        return names;
    }();
    return kNames;
}

Parsed<double> to_amount(const YAML::Node& value, bool is_duration, const Bounds& bounds) {
    return is_duration ? to_duration(value, bounds) : to_real(value, bounds);
}

// The value of the bare form, a fixed distribution.
Parsed<double> to_fixed_value(const YAML::Node& value, bool is_duration) {
    if (!value.IsScalar()) return Problem{"expected a distribution (got " + shown(value) + ")"};
    return to_amount(value, is_duration, kNonNegative);
}

}  // namespace

Distribution Section::distribution(std::string_view key, FieldDoc doc,
                                   std::optional<Distribution> fallback, Quantity quantity) {
    const bool of_durations = quantity == Quantity::Duration;
    const Declaration declaration{"distribution", of_durations ? in_days(doc) : doc,
                                  default_text(fallback, &Distribution::describe), !fallback};
    return read_distribution(key, declaration, fallback.value_or(Distribution::fixed(1.0)),
                             quantity);
}

std::optional<Distribution> Section::optional_distribution(std::string_view key, FieldDoc doc,
                                                           std::string_view when_absent,
                                                           Quantity quantity) {
    const bool of_durations = quantity == Quantity::Duration;
    const Declaration declaration{"distribution", of_durations ? in_days(doc) : doc,
                                  std::string(when_absent), false};
    const auto entry = find_entry(state_->mapping, key);
    if (!entry || entry->value.IsNull()) {
        declare(key, declaration);
        return std::nullopt;
    }
    return read_distribution(key, declaration, Distribution::fixed(1.0), quantity);
}

Distribution Section::read_distribution(std::string_view key, const Declaration& declaration,
                                        const Distribution& neutral, Quantity quantity) {
    // The mapping form reports its own problems, at its own keys.
    if (const auto entry = find_entry(state_->mapping, key); entry && entry->value.IsMap()) {
        declare(key, declaration);
        return child(key, entry->value).distribution_mapping(quantity).value_or(neutral);
    }
    const bool of_durations = quantity == Quantity::Duration;
    const auto value = read<double>(key, declaration, [&](const YAML::Node& node) {
        return to_fixed_value(node, of_durations);
    });
    return value ? Distribution::fixed(*value) : neutral;
}

std::optional<Distribution> Section::distribution_mapping(Quantity quantity) {
    // Only reached when reading a file, so these declarations never reach the reference: the
    // distribution is documented as one field.
    const Declaration required{"", {}, "", true};
    const auto kind = read<std::string>(
        "dist", required, [](const YAML::Node& value) { return to_choice(value, kind_names()); });
    if (!kind) return std::nullopt;
    const Form& form = *std::ranges::find(forms(), *kind, [](const Form& candidate) {
        return std::string_view(engine::kind_name(candidate.kind));
    });

    std::array<std::optional<double>, 2> arguments;
    bool complete = true;
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < form.parameters.size(); ++i) {
        const Parameter& parameter = form.parameters[i];
        Bounds bounds = parameter.bounds;
        if (parameter.at_least_previous && arguments[i - 1]) bounds.min = arguments[i - 1];
        arguments[i] = read<double>(parameter.name, required, [&](const YAML::Node& value) {
            return to_amount(value, parameter.is_quantity && quantity == Quantity::Duration,
                             bounds);
        });
        complete = complete && arguments[i].has_value();
        expected.emplace_back(parameter.name);
    }
    report_unknown_keys([&](const std::string& key) {
        return "unknown key '" + key + "' for dist " + *kind + " (expects: " + join(expected) + ")";
    });

    if (!complete) return std::nullopt;
    return form.make(arguments[0].value_or(0.0), arguments[1].value_or(0.0));
}

}  // namespace wfsim::config
