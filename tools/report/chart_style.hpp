// The fan charts' colours, in one place for the SVG and the page's legend. Opaque fills, each
// distinct from the others, so a band reads the same on screen, in print and in a screenshot.
#pragma once

namespace wfsim::report::colour {

inline constexpr char kBand90[] = "#bcd7ee";  // 5-95 % of replications
inline constexpr char kBand50[] = "#6fa6d6";  // 25-75 %
inline constexpr char kMedian[] = "#0b3c74";
inline constexpr char kTarget[] = "#d1006b";      // the target's value
inline constexpr char kTargetDate[] = "#e07000";  // its date, or the edges of its period
inline constexpr char kTargetPeriod[] = "#fbe6cc";
inline constexpr char kGrid[] = "#dddddd";
inline constexpr char kAxis[] = "#444444";

}  // namespace wfsim::report::colour
