// The documented order of simultaneous events (the engine runs equal times in phase order).
// Interventions change parameters before anything else happens at their instant.
// Departures free posts before starters take them; completions free capacity before new
// referrals look for it; recording sees everything that happened at its instant.
#pragma once

#include "engine/event.hpp"

namespace wfsim::model::phase {

inline constexpr engine::Phase kIntervention = 5;  // parameter changes, before all else
inline constexpr engine::Phase kDeparture = 10;   // turnover leavers, agency assignments ending
inline constexpr engine::Phase kStart = 20;       // permanent starters, agency arrivals
inline constexpr engine::Phase kCompletion = 30;  // cases closing
inline constexpr engine::Phase kReferral = 40;    // new referrals
inline constexpr engine::Phase kRecord = 250;     // samples and window checkpoints

}  // namespace wfsim::model::phase
