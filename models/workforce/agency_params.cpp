#include "models/workforce/agency_params.hpp"

#include "engine/calendar.hpp"

namespace wfsim::model {

namespace {

constexpr double kMaxAnnualRate = 100.0;

std::optional<ExtraCapacityParams> read_extra_capacity(config::Section section,
                                                       const RoleCatalog& roles) {
    config::Section extra = section.section(
        "extra_capacity",
        {"Extra agency workers (on no post) booked while the casework is over a threshold. "
         "Every check_every, if a threshold is exceeded, enough are booked to bring it back "
         "(waiting cases above when_unallocated_above / the role's full caseload cap; "
         "allocated cases / when_mean_caseload_above - case-holding staff), counting those "
         "already on the way, up to max_extra in post and on the way. They are released at "
         "the end of their assignment, which is not renewed: the next check books again if "
         "the threshold is still exceeded."});
    if (!extra.present()) {
        extra.finish();
        return std::nullopt;
    }
    ExtraCapacityParams p;
    if (extra.has("when_unallocated_above")) {
        p.unallocated_above = extra.real(
            "when_unallocated_above",
            {"Book while more cases than this wait for a worker; not checked when absent.",
             "cases"},
            {.min = 0.0}, 0.0);
    }
    if (extra.has("when_mean_caseload_above")) {
        p.mean_caseload_above = extra.real(
            "when_mean_caseload_above",
            {"Book while the mean caseload (allocated cases / case-holding staff) is above "
             "this; not checked when absent.",
             "cases per worker"},
            {.min = 0.0, .min_exclusive = true}, 1.0);
    }
    p.check_days = extra.duration("check_every", {"How often the thresholds are checked.", "days"},
                                  {.min = 1.0}, engine::kDaysPerMonth);
    p.max_extra = static_cast<int>(
        extra.integer("max_extra", {"Most extra agency workers in post and on the way.", "workers"},
                      {.min = 1.0, .max = 100000.0}));
    const std::string role = extra.text("role", {"The role of the extra workers."});
    if (!role.empty()) {
        if (auto id = roles.resolve(extra, role, "role")) p.role = *id;
    }
    if (!p.unallocated_above && !p.mean_caseload_above) {
        section.error("extra_capacity", "give when_unallocated_above or when_mean_caseload_above");
    }
    extra.finish();
    return p;
}

std::optional<ReturnersParams> read_returners(config::Section section) {
    config::Section returners = section.section(
        "returners",
        {"Permanent leavers to agency work (leaving.destinations.agency) may come back as "
         "agency staff: each becomes available at their leaving (after rules_2024.cooling_off "
         "with the 2024 rules) and stays available for available_for. While any is available, "
         "each booking is filled by the one who became available first with probability "
         "share; a returner is taken at the booking and starts after the usual fill time."});
    if (!returners.present()) {
        returners.finish();
        return std::nullopt;
    }
    ReturnersParams p;
    p.share = returners.real("share", {"Probability that a booking goes to a returner.", "1"},
                             {.min = 0.0, .max = 1.0});
    p.available_days = returners.duration(
        "available_for", {"How long a former worker stays available to come back.", "days"},
        {.min = 0.0, .min_exclusive = true}, 2 * engine::kDaysPerYear);
    returners.finish();
    return p;
}

std::optional<AgencyRules2024> read_rules_2024(config::Section section) {
    config::Section rules = section.section(
        "rules_2024",
        {"The national rules for agency social workers from October 2024. Candidates put "
         "forward with less post-qualifying experience than min_experience are turned away "
         "and the agency puts forward another after a fresh fill_time draw, so the rule "
         "lengthens the time to fill a booking (returners, being former staff, are taken to "
         "meet it). Leavers to agency work cannot come back as agency staff within "
         "cooling_off."});
    if (!rules.present()) {
        rules.finish();
        return std::nullopt;
    }
    AgencyRules2024 r;
    r.min_experience_days = rules.duration(
        "min_experience", {"Post-qualifying experience an agency worker needs.", "days"},
        {.min = 0.0}, 3 * engine::kDaysPerYear);
    const auto experience = rules.optional_distribution(
        "candidate_experience",
        {"Post-qualifying experience of the candidates agencies put forward.", "days"},
        "none; required when min_experience is above 0");
    if (experience) {
        r.candidate_experience = *experience;
    } else if (r.min_experience_days > 0.0) {
        rules.error("candidate_experience", "required when min_experience is above 0");
    }
    r.cooling_off_days = rules.duration(
        "cooling_off",
        {"Leavers to agency work cannot return as agency staff within this.", "days"}, {.min = 0.0},
        3 * engine::kDaysPerMonth);
    rules.finish();
    return r;
}

}  // namespace

AgencyParams AgencyParams::read(config::Section root, const RoleCatalog& roles) {
    AgencyParams params;
    config::Section section = root.section("agency", {"Agency (locum) staff."});
    params.cover_vacancies =
        section.boolean("cover_vacancies",
                        {"Book an agency worker for every vacancy until a permanent starter "
                         "arrives."},
                        false);
    params.cover_share = section.real(
        "cover_share",
        {"With cover_vacancies: the probability that a vacancy is covered by agency at all, "
         "decided once when it opens (a covered vacancy books again when an assignment ends; "
         "one not covered stays open until a permanent starter). Vacancies found when vacancy "
         "cover is switched on by an intervention decide the same way. At the start, the "
         "vacancies initial_staff.agency covers count towards the share: each other initial "
         "vacancy of a role is booked with the probability that makes the expected covered "
         "share of the role's initial vacancies cover_share (none if the initial agency "
         "staff cover that share already), so a service starting at its census cover rate "
         "stays near it. 1: every vacancy is covered (no draw).",
         "1"},
        {.min = 0.0, .max = 1.0}, 1.0);
    params.cover_long_absence = section.boolean(
        "cover_long_absence",
        {"Book an agency worker for each long absence that absence.cover could not cover from "
         "the pool; the cover ends when the absent worker returns, and is booked again if an "
         "assignment ends first."},
        false);
    params.fill_time = section.optional_distribution(
        "fill_time", {"Time from booking to the agency worker starting.", "days"},
        "none; required with cover_vacancies, cover_long_absence or extra_capacity");
    params.assignment = section.optional_distribution(
        "assignment",
        {"Length of one agency assignment; the post books again when it ends if still vacant.",
         "days"},
        "none; required with any bookings or initial agency staff");
    params.extra_capacity = read_extra_capacity(section, roles);
    if (section.has("max_share")) {
        params.max_share = section.real(
            "max_share",
            {"Cap on the agency share of staff, agency / (permanent + agency) headcount, as the "
             "agency_share series. An agency worker starts only if the share with them is "
             "within the cap; otherwise the booking is refused (counted in agency_refused) "
             "and what it was for stays uncovered: a vacancy until a permanent starter, an "
             "absence until the return. Permanent leavers can take the share above the cap; "
             "nobody is let go for that. When absent, no cap.",
             "1"},
            {.min = 0.0, .max = 1.0}, 1.0);
    }
    config::Section conversion = section.section(
        "conversion",
        {"Agency workers covering a vacancy may take the post permanently at the end of an "
         "assignment (not if a recruit is on the way): they keep their cases and start a "
         "permanent contract (route conversion)."});
    params.conversion_probability =
        conversion.real("probability", {"Probability per assignment that ends.", "1"},
                        {.min = 0.0, .max = 1.0}, 0.0);
    conversion.finish();
    params.early_leave_rate = section.real(
        "early_leave_rate",
        {"Hazard of an agency worker leaving before the end of their assignment; what they "
         "covered books again.",
         "per year"},
        {.min = 0.0, .max = kMaxAnnualRate}, 0.0);
    params.returners = read_returners(section);
    params.rules_2024 = read_rules_2024(section);

    if (params.books()) {
        const char* when = params.cover_vacancies      ? "cover_vacancies is yes"
                           : params.cover_long_absence ? "cover_long_absence is yes"
                                                       : "extra_capacity is given";
        if (!params.fill_time) section.error("fill_time", std::string("required when ") + when);
        if (!params.assignment) section.error("assignment", std::string("required when ") + when);
    }
    if (params.returners && !params.books()) {
        section.error("returners",
                      "nothing is booked for them to fill: give cover_vacancies, "
                      "cover_long_absence or extra_capacity");
    }
    section.finish();
    return params;
}

}  // namespace wfsim::model
