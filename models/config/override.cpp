#include "models/config/override.hpp"

#include <algorithm>

namespace wfsim::config {

namespace {

// ASCII only, whatever the locale: paths name keys the scenario language declares.
bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::optional<std::string> parameter_path_problem(std::string_view path) {
    const bool valid =
        !path.empty() && !path.starts_with('.') && !path.ends_with('.') &&
        path.find("..") == std::string_view::npos &&
        std::ranges::all_of(path, [](char c) { return c == '.' || is_name_char(c); });
    if (valid) return std::nullopt;
    return "expected a parameter path, names of letters, digits and '_' joined by '.' (got '" +
           std::string(path) + "')";
}

}  // namespace wfsim::config
