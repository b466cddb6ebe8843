// Numbers as YAML writes them, without the leniency of stream extraction ("0.15abc" is not
// 0.15) and with the YAML spellings of infinity and not-a-number.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wfsim::config {

// YAML 1.2 core-schema decimal integers and floats ("10000", "-2", "1e4", "0.15", ".5"), plus
// ".inf", "-.inf" and ".nan" in any of YAML's capitalisations; nullopt for anything else.
std::optional<double> parse_number(std::string_view text);

// The shortest text that reads back as `value`: "0.15", "30.4375", "1e+30".
std::string format_number(double value);

}  // namespace wfsim::config
