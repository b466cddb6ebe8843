// Converting one YAML value to what a field expects, with the message the user sees when it
// cannot be. Values are never null here: absent and empty values are handled by the caller.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <yaml-cpp/yaml.h>

#include "engine/calendar.hpp"
#include "models/config/bounds.hpp"
#include "models/config/parsed.hpp"

namespace wfsim::config {

Parsed<double> to_real(const YAML::Node& value, const Bounds& bounds);  // finite
Parsed<std::int64_t> to_integer(const YAML::Node& value, const Bounds& bounds);
Parsed<bool> to_boolean(const YAML::Node& value);  // yes/no, true/false
Parsed<std::string> to_text(const YAML::Node& value);
Parsed<std::string> to_choice(const YAML::Node& value, std::span<const std::string> allowed);
Parsed<engine::Date> to_date(const YAML::Node& value);  // YYYY-MM-DD
Parsed<double> to_duration(const YAML::Node& value,
                           const Bounds& bounds);  // days; see duration.hpp

}  // namespace wfsim::config
