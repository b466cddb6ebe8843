// Absence of permanent staff, as read from the scenario's `absence:` section (off when absent):
// sickness spells (a days-lost rate and short and long spell lengths), maternity leave, when a
// long absence's cases are handed on, and how a long absence is covered. See absence.hpp.
#pragma once

#include <optional>

#include "engine/distribution.hpp"
#include "models/config/section.hpp"

namespace wfsim::model {

struct SicknessParams {
    double days_lost_rate = 0.0;  // long-run share of a worker's days lost to sickness
    engine::Distribution short_spell = engine::Distribution::fixed(0.0);
    engine::Distribution long_spell = engine::Distribution::fixed(0.0);
    double long_share = 0.0;  // share of spells drawn from long_spell

    double mean_spell_days() const;
    // Spell starts per calendar day at work, d / ((1 - d) x mean spell): a worker alternating
    // between present (exponential, this rate) and sick (mean spell) is then sick a share d of
    // the time, by renewal-reward. 0 with no sickness.
    double start_rate_per_day() const;
};

struct MaternityParams {
    double annual_rate = 0.0;  // leaves starting per permanent worker per year at work
    engine::Distribution duration = engine::Distribution::fixed(0.0);
};

struct AbsenceCover {
    bool from_pool = false;   // over-recruited staff of the role cover first
    double after_days = 0.0;  // cover is sought once a spell has lasted this long
};

struct AbsenceParams {
    bool enabled = false;
    SicknessParams sickness;
    MaternityParams maternity;
    std::optional<double> hand_over_after_days;  // none: cases stay with the absent worker
    std::optional<AbsenceCover> cover;           // none: absences are not covered

    static AbsenceParams read(config::Section root);
};

}  // namespace wfsim::model
