// Index types shared by the workforce and casework components. Entities live in flat arrays
// and refer to each other by index, so the hot paths never chase pointers or hash names.
#pragma once

#include <cstdint>
#include <limits>

namespace wfsim::model {

using RoleId = std::uint16_t;
using PostId = std::uint32_t;
using WorkerId = std::uint32_t;
using CaseId = std::uint32_t;

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class Contract : std::uint8_t { Permanent, Agency };

}  // namespace wfsim::model
