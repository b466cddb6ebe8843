#include "models/workforce/absence_params.hpp"

#include "engine/calendar.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxAnnualRate = 100.0;
}

double SicknessParams::mean_spell_days() const {
    return (1.0 - long_share) * short_spell.mean() + long_share * long_spell.mean();
}

double SicknessParams::start_rate_per_day() const {
    const double mean = mean_spell_days();
    if (days_lost_rate <= 0.0 || mean <= 0.0) return 0.0;
    return days_lost_rate / ((1.0 - days_lost_rate) * mean);
}

AbsenceParams AbsenceParams::read(config::Section root) {
    AbsenceParams params;
    config::Section section = root.section(
        "absence",
        {"Sickness and maternity absence of permanent staff (agency staff are not modelled as "
         "absent). Absence days are calendar days: a spell of 14 days keeps the worker away "
         "for 14 days of the simulation clock, weekends included. An absent worker takes no "
         "new cases; they keep the cases they hold (colleagues cover them informally, and the "
         "work goes on) until hand_over_after. Off when absent."});
    params.enabled = section.present();

    config::Section sickness = section.section(
        "sickness",
        {"Sickness spells. Each worker at work starts a spell at rate days_lost_rate / ((1 - "
         "days_lost_rate) x mean spell length), the mean spell length being (1 - long_share) x "
         "mean short_spell + long_share x mean long_spell; so each worker is off sick a share "
         "days_lost_rate of the time, the DfE absence rate (days lost / (FTE x working days)) "
         "when sickness falls on working and other days alike. Time on maternity leave is not "
         "at work, so with maternity leave the sickness share is days_lost_rate x (1 - the "
         "share on maternity leave)."});
    if (sickness.present()) {
        SicknessParams& s = params.sickness;
        s.days_lost_rate =
            sickness.real("days_lost_rate",
                          {"Share of days lost to sickness (0.048 = 4.8 %, Manchester 2015; "
                           "England 3.1-3.5 %).",
                           "1"},
                          {.min = 0.0, .max = 0.5});
        s.short_spell = sickness.distribution("short_spell",
                                              {"Length of a short spell (calendar days).", "days"});
        s.long_spell =
            sickness.distribution("long_spell", {"Length of a long spell (calendar days).", "days"},
                                  engine::Distribution::fixed(0.0));
        s.long_share = sickness.real("long_share", {"Share of spells that are long.", "1"},
                                     {.min = 0.0, .max = 1.0}, 0.0);
        if (s.long_share > 0.0 && !sickness.has("long_spell")) {
            sickness.error("long_spell", "required when long_share is above 0");
        }
        if (s.days_lost_rate > 0.0 && s.mean_spell_days() <= 0.0) {
            sickness.error("short_spell", "spells must have a positive mean length");
        }
    }
    sickness.finish();

    config::Section maternity = section.section(
        "maternity",
        {"Maternity (and other parental) leave: each permanent worker at work starts one at "
         "annual_rate a year; staff on leave are then about N x annual_rate x mean duration / "
         "(1 + annual_rate x mean duration) (Little's law)."});
    if (maternity.present()) {
        params.maternity.annual_rate = maternity.real(
            "annual_rate", {"Leaves starting per permanent worker per year.", "per year"},
            {.min = 0.0, .max = kMaxAnnualRate});
        params.maternity.duration =
            maternity.distribution("duration", {"Length of a leave (calendar days).", "days"});
    }
    maternity.finish();

    if (section.has("hand_over_after")) {
        params.hand_over_after_days = section.duration(
            "hand_over_after",
            {"A spell still running after this hands the absent worker's cases on to others at "
             "once, each a change of worker; shorter spells keep their cases. When absent, cases "
             "are never handed on for an absence.",
             "days"},
            {.min = 0.0}, 0.0);
    }

    config::Section cover = section.section(
        "cover",
        {"Cover of long absences (maternity leave and sickness alike): once a spell has lasted "
         "`after`, a worker of the role's over-recruitment pool covers it if one is free (pool "
         "staff already hold cases, so their cover adds no capacity: it means no agency worker "
         "is booked; a pool worker covers one absence at a time, counted when the cover "
         "starts, until the absent worker returns), else an agency worker is booked if "
         "agency.cover_long_absence is yes. The cover ends at the return."});
    if (cover.present()) {
        AbsenceCover c;
        c.from_pool = cover.boolean(
            "from_pool", {"Over-recruited (pool) staff of the role cover first."}, false);
        c.after_days =
            cover.duration("after", {"Cover is sought once a spell has lasted this long.", "days"},
                           {.min = 0.0}, 4 * engine::kDaysPerWeek);
        params.cover = c;
    }
    cover.finish();
    if (params.enabled && !sickness.present() && !maternity.present()) {
        root.error("absence", "give sickness or maternity");
    }
    section.finish();
    return params;
}

}  // namespace wfsim::model
