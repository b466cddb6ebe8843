// Reading the referral rate's profile from the demand section: demand.seasonality, demand.trend
// and demand.steps, each declared (documentation, unit, bounds) and checked here.
#pragma once

#include "engine/calendar.hpp"
#include "models/casework/referral_profile.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

// `demand`: the demand section; `start`: the scenario's start date, from which steps and the
// trend are counted. Problems are reported through the section; the profile read is then flat
// where a key was wrong.
ReferralProfile read_referral_profile(config::Section& demand, const engine::Date& start);

}  // namespace wfsim::model
