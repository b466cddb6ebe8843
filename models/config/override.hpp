// Parameters set by dotted path over a scenario file. Dated interventions, policy options and
// the points of a parameter sweep all change a base scenario this way, and every message about a
// value so set points at where it was set and says who set it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace wfsim::config {

// One parameter set by its path: "turnover.social_worker.annual_rate",
// "recruitment.campaigns.spring.enabled". Read from a file with Section::overrides, or made by a
// program; applied with Document::parse_with_overrides.
struct Override {
    // A value written in the scenario file as the value of a `path: value` entry (an
    // intervention's `set:`). It is found again, by the offset of its key, in every fresh parse
    // of the same text, so that its line and column survive into messages.
    struct InFile {
        std::string file{};
        int key_offset = 0;  // in bytes from the start of the text

        friend bool operator==(const InFile&, const InFile&) = default;
    };

    std::string path{};
    // A scalar a program supplies ("0.13", "3 months"), read as if written in the file but with
    // no line to point at; or an entry of the file.
    std::variant<std::string, InFile> value{};
    // Who set it, named in messages: "(set by interventions[0])".
    std::string origin{};

    friend bool operator==(const Override&, const Override&) = default;
};

// What is wrong with `path` as a parameter path, if anything: it must be names of letters,
// digits and '_' joined by '.'.
std::optional<std::string> parameter_path_problem(std::string_view path);

}  // namespace wfsim::config
