// Names users give things (roles, teams, case types) that end up in series names and HDF5
// paths, and the message when a reference to one does not match.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace wfsim::config {

// Letters, digits and '_' only, and not empty.
bool is_identifier(std::string_view name);

// "<kind> '<name>' is not declared in <where>", with "(did you mean 'x'?)" when one of `known`
// is close.
std::string not_declared(std::string_view kind, std::string_view name, std::string_view where,
                         std::span<const std::string> known);

}  // namespace wfsim::config
