#include "models/casework/allocation.hpp"

#include <array>
#include <string_view>

namespace wfsim::model {

AllocationParams AllocationParams::read(config::Section root) {
    AllocationParams params;
    config::Section section = root.section("allocation", {"How cases are allocated to workers."});
    static constexpr std::array<std::string_view, 1> kPolicies = {"least_loaded"};
    section.choice("policy",
                   {"least_loaded: a case goes to the worker with the lowest caseload relative to "
                    "their cap, among those under it (ties to the longest-standing slot); "
                    "otherwise it waits, first in first out."},
                   kPolicies, std::string("least_loaded"));
    section.finish();
    return params;
}

}  // namespace wfsim::model
