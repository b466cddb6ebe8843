// Index types and small enumerations shared by the workforce and casework components.
// Entities live in flat arrays and refer to each other by index, so the hot paths never chase
// pointers or hash names.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string_view>

namespace wfsim::model {

using RoleId = std::uint16_t;
using PostId = std::uint32_t;
using WorkerId = std::uint32_t;
using CaseId = std::uint32_t;

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

enum class Contract : std::uint8_t { Permanent, Agency };

// How a permanent worker came to the service.
enum class Route : std::uint8_t {
    Initial,      // in post at the start
    Continuous,   // continuous recruitment (recruitment.vacancy_fill_time)
    Experienced,  // an experienced-hire campaign
    Nqsw,         // a newly qualified social worker: campaign or cohort intake
    GrowYourOwn,  // qualified through a grow-your-own programme
    Promotion,    // promoted from the role below
    Conversion,   // an agency worker who took a permanent contract
};
inline constexpr std::size_t kRouteCount = 7;
inline constexpr std::array<std::string_view, kRouteCount> kRouteNames = {
    "initial", "continuous", "experienced", "nqsw", "grow_your_own", "promotion", "conversion"};

// Why a worker left their post or the service.
enum class Destination : std::uint8_t {
    LeftSector,       // permanent leaver out of social work
    Agency,           // permanent leaver to agency work (may come back as agency staff)
    OtherAuthority,   // permanent leaver to another council
    AsyeFailed,       // did not pass the ASYE
    Promoted,         // left the post for one in the role above (stays in the service)
    AssignmentEnded,  // agency assignment over
    AgencyLeft,       // agency worker left before the end of the assignment
    Converted,        // agency worker turned permanent
    CoverEnded,       // agency cover ended by a permanent starter or a returning worker
};
inline constexpr std::size_t kDestinationCount = 9;
inline constexpr std::array<std::string_view, kDestinationCount> kDestinationNames = {
    "left_sector",      "agency",      "other_authority", "asye_failed", "promoted",
    "assignment_ended", "agency_left", "converted",       "cover_ended"};

// Permanent leavers' destinations that take them out of the service (counted as turnover):
// the three a resignation may go to, then a failed ASYE.
inline constexpr std::array<Destination, 4> kLeaverDestinations = {
    Destination::LeftSector, Destination::Agency, Destination::OtherAuthority,
    Destination::AsyeFailed};
inline constexpr std::size_t kResignationDestinations = 3;

enum class Absence : std::uint8_t { None, Sickness, Maternity };

// The result of an NQSW's ASYE assessment: passed (a qualified social worker from now),
// extended (assessed again after an extension) or failed (leaves the service).
enum class AsyeOutcome : std::uint8_t { Passed, Extended, Failed };
inline constexpr std::size_t kAsyeOutcomeCount = 3;
inline constexpr std::array<std::string_view, kAsyeOutcomeCount> kAsyeOutcomeNames = {
    "passed", "extended", "failed"};

template <class E>
constexpr std::size_t index_of(E e) {
    return static_cast<std::size_t>(e);
}

}  // namespace wfsim::model
