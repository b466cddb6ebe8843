// How waiting cases are matched to workers.
#pragma once

#include "models/config/section.hpp"

namespace wfsim::model {

struct AllocationParams {
    enum class Policy { LeastLoaded };
    Policy policy = Policy::LeastLoaded;

    static AllocationParams read(config::Section root);
};

}  // namespace wfsim::model
