// How waiting cases are matched to workers: the rule for choosing among candidates, which
// workers are candidates for a case (its type's team first, then perhaps anyone), whether a
// child keeps their worker when their case steps to another type, what a caseload counts
// (cases or their weights) and whether the cap is a hard limit or a guideline.
#pragma once

#include "models/config/section.hpp"

namespace wfsim::model {

struct AllocationParams {
    enum class Policy { LeastLoaded };
    // Which workers may take a case whose type is held by a team.
    enum class Scope {
        Team,             // only that team's workers (and staff outside teams)
        TeamThenService,  // them first; when all are full, any case holder in the service
    };
    Policy policy = Policy::LeastLoaded;
    Scope scope = Scope::Team;
    bool continuity = false;  // a child keeps their worker across a step the worker can hold
    bool weighted = false;    // caseloads count case types' weights rather than cases
    // Guideline caps: a worker may take cases up to guideline_limit x their cap rather than
    // leave a child unallocated (each allocation above the cap is recorded). 1 = hard cap.
    double guideline_limit = 1.0;

    static AllocationParams read(config::Section root);
};

}  // namespace wfsim::model
