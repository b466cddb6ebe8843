#include "models/workforce/turnover_params.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/calendar.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxAnnualRate = 100.0;  // above this a "rate" is surely a typo for a share
constexpr double kMaxMultiplier = 1000.0;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

// Bands are found by comparing times, not tenures: the edge events are scheduled at
// started + under, and `now - started` can round to just below `under` at that very time
// (started is negative for initial staff with service), which would re-schedule the same edge
// for ever.
double RoleTurnover::multiplier_at(double started, double now) const {
    for (const TenureBand& band : tenure) {
        if (now < started + band.under_days) return band.multiplier;
    }
    return 1.0;
}

double RoleTurnover::next_band_edge(double started, double now) const {
    for (const TenureBand& band : tenure) {
        if (now < started + band.under_days) return started + band.under_days;
    }
    return kInfinity;
}

double CaseloadPressure::multiplier(double caseload_per_fte) const {
    if (!enabled || caseload_per_fte <= above) return 1.0;
    return std::min(max_multiplier, 1.0 + increase_per_case * (caseload_per_fte - above));
}

TurnoverParams TurnoverParams::read(config::Section root, const RoleCatalog& roles) {
    TurnoverParams params;
    params.roles.assign(roles.size(), RoleTurnover{});
    config::Section section = root.named_entries(
        "turnover", {"Leaving rates of permanent staff per role; roles not listed never leave."},
        "<role>");
    for (const std::string& name : section.keys()) {
        config::Section role = section.section(name, {"Turnover of one role."}, true);
        RoleTurnover t;
        t.annual_rate = role.real(
            "annual_rate",
            {"Leaving hazard of each permanent worker; the expected share leaving in a year at "
             "full establishment is about this rate (0.15 = 15 % a year).",
             "per year"},
            {.min = 0.0, .max = kMaxAnnualRate});
        if (role.has("asye_annual_rate")) {
            t.asye_annual_rate = role.real(
                "asye_annual_rate",
                {"Leaving hazard of NQSWs during their ASYE, instead of annual_rate.", "per year"},
                {.min = 0.0, .max = kMaxAnnualRate}, 0.0);
        }
        for (config::Section band :
             role.list("tenure", {"Hazard multipliers by length of service, in ascending bands: "
                                  "new starters leave more. Beyond the last band the multiplier "
                                  "is 1."})) {
            TenureBand b;
            b.under_days =
                band.duration("under", {"The band applies while tenure is below this.", "days"},
                              {.min = 0.0, .min_exclusive = true});
            b.multiplier = band.real("multiplier", {"Hazard multiplier in the band.", "1"},
                                     {.min = 0.0, .max = kMaxMultiplier});
            if (!t.tenure.empty() && b.under_days <= t.tenure.back().under_days) {
                band.error("under", "bands must be in ascending order of tenure");
            }
            band.finish();
            t.tenure.push_back(b);
        }
        role.finish();
        if (auto id = roles.resolve(section, name)) params.roles[*id] = t;
    }
    section.finish();
    return params;
}

LeavingParams LeavingParams::read(config::Section root) {
    LeavingParams params;
    config::Section section =
        root.section("leaving", {"How permanent staff leave: notice, destinations, pressure."});
    params.notice_period = section.optional_distribution(
        "notice_period",
        {"Notice a leaver works after resigning; recruitment starts at the resignation, and "
         "their cases are handed on when they go.",
         "days"},
        "none: leavers go at once");

    config::Section destinations = section.section(
        "destinations",
        {"Shares of permanent leavers by destination; they must add up to 1. Leavers to agency "
         "work may come back as agency staff (see agency.returners)."});
    if (destinations.present()) {
        params.destinations_given = true;
        const config::FieldDoc doc{"Share of leavers going there.", "1"};
        params.destination_shares = {
            destinations.real("left_sector", doc, {.min = 0.0, .max = 1.0}, 0.0),
            destinations.real("agency", doc, {.min = 0.0, .max = 1.0}, 0.0),
            destinations.real("other_authority", doc, {.min = 0.0, .max = 1.0}, 0.0)};
        const double total = params.destination_shares[0] + params.destination_shares[1] +
                             params.destination_shares[2];
        if (std::abs(total - 1.0) > 1e-9) {
            section.error("destinations",
                          "shares must add up to 1 (got " + std::to_string(total) + ")");
        }
    }
    destinations.finish();

    config::Section pressure = section.section(
        "caseload_pressure",
        {"Feedback from caseload to turnover: a worker's hazard is multiplied by 1 + "
         "increase_per_case x (caseload per FTE - above), up to max_multiplier, as reviewed "
         "every review_every."});
    if (pressure.present()) {
        CaseloadPressure& p = params.pressure;
        p.enabled = true;
        p.above = pressure.real(
            "above", {"Caseload per FTE above which the hazard rises.", "cases"}, {.min = 0.0});
        p.increase_per_case = pressure.real("increase_per_case",
                                            {"Rise of the hazard multiplier per case above.", "1"},
                                            {.min = 0.0, .max = kMaxMultiplier});
        p.max_multiplier = pressure.real("max_multiplier", {"Largest multiplier.", "1"},
                                         {.min = 1.0, .max = kMaxMultiplier}, 3.0);
        p.review_days = pressure.duration(
            "review_every", {"How often each worker's caseload is looked at.", "days"},
            {.min = 1.0}, engine::kDaysPerMonth);
    }
    pressure.finish();
    section.finish();
    return params;
}

RetentionParams RetentionParams::read(config::Section root, const RoleCatalog& roles) {
    RetentionParams params;
    params.supplements.assign(roles.size(), MarketSupplement{});
    config::Section section =
        root.section("retention", {"Retention payments and market supplements, per role."});

    config::Section payments = section.named_entries(
        "payments",
        {"Retention payments at a tenure milestone. Leavers who would go in the hold window "
         "before it wait for it, and (to avoid the clawback) until the clawback period ends; "
         "a share of them then stay. So leaving bunches just after the clawback."},
        "<payment>");
    for (const std::string& name : payments.keys()) {
        config::Section entry = payments.section(name, {"One retention payment."}, true);
        RetentionPayment p;
        p.name = name;
        p.roles.assign(roles.size(), false);
        const std::string role = entry.text("role", {"The role whose staff are paid."});
        p.after_days = entry.duration("after", {"Tenure at which it is paid.", "days"},
                                      {.min = 0.0, .min_exclusive = true});
        p.amount = entry.real("amount", {"Payment per worker.", "GBP"}, {.min = 0.0});
        p.clawback_days = entry.duration(
            "clawback", {"Repaid by those leaving within this after the payment.", "days"},
            {.min = 0.0}, 0.0);
        p.hold_days = entry.duration(
            "hold_window", {"Before the payment, leavers wait for it within this window.", "days"},
            {.min = 0.0}, 0.0);
        p.retained_share = entry.real(
            "retained_share",
            {"Share of those who waited who then stay (their leaving clock starts afresh).", "1"},
            {.min = 0.0, .max = 1.0}, 0.0);
        entry.finish();
        if (!role.empty()) {
            if (auto id = roles.resolve(entry, role, "role")) p.roles[*id] = true;
        }
        params.payments.push_back(std::move(p));
    }
    payments.finish();

    config::Section supplements = section.named_entries(
        "supplements",
        {"Market supplements paid on top of salary, per role: they cost money, reduce turnover "
         "and attract applicants."},
        "<role>");
    for (const std::string& name : supplements.keys()) {
        config::Section entry = supplements.section(name, {"The supplement of one role."}, true);
        MarketSupplement m;
        m.amount = entry.real("amount", {"Per FTE per year.", "GBP per year"}, {.min = 0.0}, 0.0);
        m.hazard_multiplier =
            entry.real("hazard_multiplier", {"Multiplier on the leaving hazard of the role.", "1"},
                       {.min = 0.0, .max = kMaxMultiplier}, 1.0);
        m.applicant_multiplier = entry.real(
            "applicant_multiplier", {"Multiplier on campaign applicants for the role.", "1"},
            {.min = 0.0, .max = kMaxMultiplier}, 1.0);
        entry.finish();
        if (auto id = roles.resolve(supplements, name)) params.supplements[*id] = m;
    }
    supplements.finish();
    section.finish();
    return params;
}

}  // namespace wfsim::model
