#include "models/workforce/asye_params.hpp"

#include <cmath>
#include <string>

#include "models/config/numbers.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxCap = 1000.0;
constexpr double kMaxIntake = 100000.0;

// Reports at `key` of `section` unless the shares add up to 1.
void check_total(config::Section& section, std::string_view key, double total) {
    if (std::abs(total - 1.0) > 1e-9) {
        section.error(key, "shares must add up to 1 (got " + config::format_number(total) + ")");
    }
}
}  // namespace

AsyeParams AsyeParams::read(config::Section root, const RoleCatalog& roles,
                            const engine::Date& start) {
    AsyeParams params;
    config::Section asye = root.section(
        "asye",
        {"The ASYE (Assessed and Supported Year in Employment) of newly qualified social "
         "workers. Its presence turns the programme on: NQSWs (campaigns with route nqsw, "
         "intakes, qualified grow-your-own trainees) start their ASYE with a protected "
         "caseload and development time, leave at turnover.<role>.asye_annual_rate, and are "
         "assessed at its end: a pass makes them social workers with the full cap, an "
         "extension assesses them again later, a failure makes them leave (leavers_asye_failed)."});
    params.enabled = asye.present();

    const std::string role =
        asye.text("role", {"The role NQSWs hold posts in (e.g. social_worker)."});
    if (asye.present() && !role.empty()) {
        if (auto id = roles.resolve(asye, role, "role")) params.role = *id;
    }
    params.length_days =
        asye.duration("length", {"Length of the ASYE, to the first assessment.", "days"},
                      {.min = 1.0}, 12 * engine::kDaysPerMonth);

    config::Section cap = asye.section(
        "protected_caseload",
        {"The caseload protection of NQSWs in their ASYE. Their cap is min(floor(full cap x "
         "share_of_cap x (1 - development_time)), max), the full cap being the role's "
         "caseload_cap scaled by FTE."});
    params.protection.share_of_cap =
        cap.real("share_of_cap", {"Share of the full cap NQSWs may hold.", "1"},
                 {.min = 0.0, .max = 1.0}, 0.9);
    params.protection.max = static_cast<int>(cap.integer(
        "max", {"Most cases an NQSW may hold.", "cases"}, {.min = 0.0, .max = kMaxCap}, 14));
    cap.finish();
    params.protection.development_time = asye.real(
        "development_time",
        {"Share of an NQSW's working time protected for development (training, reflective "
         "supervision). It reduces their cap (see protected_caseload) and their case-holding "
         "FTE (case_holding_fte) in proportion.",
         "1"},
        {.min = 0.0, .max = 1.0, .max_exclusive = true}, 0.1);

    config::Section outcomes = asye.section(
        "outcomes",
        {"Probabilities of the outcomes of the assessment at the end of the ASYE; they must "
         "add up to 1. Absent: every NQSW passes."});
    if (outcomes.present()) {
        const config::FieldDoc doc{"Probability of this outcome.", "1"};
        params.pass = outcomes.real("pass", doc, {.min = 0.0, .max = 1.0}, 0.0);
        params.extend = outcomes.real("extend", doc, {.min = 0.0, .max = 1.0}, 0.0);
        params.fail = outcomes.real("fail", doc, {.min = 0.0, .max = 1.0}, 0.0);
        check_total(asye, "outcomes", params.pass + params.extend + params.fail);
    }
    outcomes.finish();

    config::Section extension = asye.section(
        "extension",
        {"An extended ASYE: the NQSW stays in it (protected, at the ASYE turnover) for its "
         "length and is then assessed again, passing or failing. Required when "
         "outcomes.extend is above 0."});
    params.extension_days = extension.duration("length", {"Length of the extension.", "days"},
                                               {.min = 1.0}, 6 * engine::kDaysPerMonth);
    if (extension.present()) {
        const config::FieldDoc doc{"Probability of this outcome after the extension.", "1"};
        params.extension_pass = extension.real("pass", doc, {.min = 0.0, .max = 1.0}, 0.0);
        const double fail = extension.real("fail", doc, {.min = 0.0, .max = 1.0}, 0.0);
        check_total(asye, "extension", params.extension_pass + fail);
    } else if (params.extend > 0.0) {
        asye.error("outcomes", "extend is above 0 but there is no extension: section");
    }
    extension.finish();

    for (config::Section item :
         asye.list("intakes", {"Cohorts of NQSWs joining on a date (and every so often after "
                               "it, if every is given) into vacant posts of the role with no "
                               "starter on the way, or above establishment if there are none. "
                               "They come by the nqsw route."})) {
        AsyeIntake intake;
        intake.when = Recurrence::read(item, start, "date", "intake");
        intake.count =
            static_cast<int>(item.integer("count", {"NQSWs joining at each intake.", "workers"},
                                          {.min = 0.0, .max = kMaxIntake}));
        item.finish();
        params.intakes.push_back(intake);
    }
    asye.finish();
    return params;
}

}  // namespace wfsim::model
