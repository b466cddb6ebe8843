#include "models/casework/demand.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/calendar.hpp"
#include "models/config/numbers.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxReferralsPerYear = 1e8;
constexpr double kMaxInitialCases = 1e7;
// An initial case's remaining work is a duration drawn until it exceeds the case's age; a
// duration that (almost) never does leaves the case this little work.
constexpr int kMaxAgeDraws = 1000;
constexpr std::uint16_t kReferral = 0;
constexpr std::uint16_t kReReferral = 1;
// The referral timer's targets: an arrival, or a point where a bounded walk carries on.
constexpr std::uint32_t kArrival = 0;
constexpr std::uint32_t kWalkOn = 1;

void read_referral_mix(config::Section& section, const CaseTypeCatalog& types,
                       DemandParams& params) {
    config::Section mix = section.named_entries(
        "referral_mix",
        {"With case_types: the share of referrals of each type (they add up to 1). Absent: "
         "every referral is of the first declared type."},
        "<type>");
    double total = 0.0;
    for (const std::string& name : mix.keys()) {
        const double share =
            mix.real(name, {"Share of referrals of this type.", "1"}, {.min = 0.0, .max = 1.0});
        total += share;
        if (auto type = types.resolve(mix, name, name)) {
            params.referral_mix.push_back({*type, total});
        }
    }
    if (!mix.keys().empty() && std::abs(total - 1.0) > 1e-9 && mix.present()) {
        section.error("referral_mix",
                      "shares must add up to 1 (got " + config::format_number(total) + ")");
    }
    mix.finish();
    if (mix.present() && !types.declared()) {
        section.error("referral_mix", "a referral mix needs case_types: to be declared");
    }
}

void read_initial_cases(config::Section& section, const CaseTypeCatalog& types,
                        DemandParams& params) {
    config::Section initial = section.named_entries(
        "initial_cases",
        {"With case_types: the cases open at the start, by type: a count and, optionally, "
         "how long they have been open (their age). A case's remaining work is its type's "
         "duration drawn longer than its age, less the age; its stage counts from the age "
         "back."},
        "<type>");
    for (const std::string& name : initial.keys()) {
        config::Section entry = initial.section(name, {"Open cases of one type."}, true);
        DemandParams::InitialCases cases;
        cases.count = entry.integer("count", {"Cases of this type open at the start.", "cases"},
                                    {.min = 0.0, .max = kMaxInitialCases});
        cases.age = entry.optional_distribution(
            "age", {"How long each had been open at the start.", "days"}, "opened at the start");
        config::Section earlier = entry.named_entries(
            "earlier_workers",
            {"How many workers each child had before the one who holds the case at the start: "
             "probabilities by number (0, 1, 2, ...), adding up to 1. They took the case at "
             "times spread evenly over its age and count towards its number of workers and the "
             "12-month indicator (e.g. Trafford: a third of children with 3 or more). Absent: "
             "none."},
            "<number>");
        double total = 0.0;
        for (const std::string& key : earlier.keys()) {
            const double p = earlier.real(key, {"Probability of this many earlier workers.", "1"},
                                          {.min = 0.0, .max = 1.0});
            const bool digits =
                !key.empty() && key.size() <= 2 &&
                key.find_first_not_of("0123456789") == std::string::npos;
            if (!digits) {
                earlier.error(key, "expected a number of workers from 0 to 99");
                continue;
            }
            const auto n = static_cast<std::size_t>(std::stoi(key));
            if (cases.earlier_workers.size() <= n) cases.earlier_workers.resize(n + 1, 0.0);
            cases.earlier_workers[n] += p;
            total += p;
        }
        if (!earlier.keys().empty() && earlier.present() && std::abs(total - 1.0) > 1e-9) {
            entry.error("earlier_workers", "probabilities must add up to 1 (got " +
                                               config::format_number(total) + ")");
        }
        earlier.finish();
        for (std::size_t n = 1; n < cases.earlier_workers.size(); ++n) {
            cases.earlier_workers[n] += cases.earlier_workers[n - 1];
        }
        entry.finish();
        if (auto type = types.resolve(initial, name, name)) {
            cases.type = *type;
            params.initial_cases.push_back(cases);
        }
    }
    initial.finish();
    if (initial.present() && !types.declared()) {
        section.error("initial_cases",
                      "initial cases by type need case_types: (without them use "
                      "initial_open_cases)");
    }
}
}  // namespace

DemandParams DemandParams::read(config::Section root, const CaseTypeCatalog& types,
                                const engine::Date& start) {
    DemandParams params;
    config::Section section = root.section("demand", {"Referrals and the work they bring."}, true);
    params.referrals_per_year = section.real(
        "referrals_per_year",
        {"Mean referrals a year, arriving as a Poisson process; seasonality, trend and steps "
         "shape its rate over time.",
         "per year"},
        {.min = 0.0, .max = kMaxReferralsPerYear});
    params.profile = read_referral_profile(section, start);
    params.initial_open_cases = section.integer(
        "initial_open_cases",
        {"Without case_types: cases open at the start; each gets a fresh case_duration draw of "
         "work.",
         "cases"},
        {.min = 0.0, .max = kMaxInitialCases}, 0);
    if (types.declared() && section.present() && section.has("initial_open_cases")) {
        section.error("initial_open_cases",
                      "with case_types, give the open cases by type in initial_cases");
    }
    if (!types.declared()) {
        params.case_duration = section.distribution(
            "case_duration",
            {"Without case_types: work in a case, days of allocated time until it closes "
             "(unallocated time does not count).",
             "days"});
    } else if (section.optional_distribution(
                   "case_duration", {"Without case_types: work in a case.", "days"},
                   "each case type's duration")) {
        section.error("case_duration",
                      "with case_types, each type has its own duration (case_types.<type>."
                      "duration)");
    }
    read_referral_mix(section, types, params);
    read_initial_cases(section, types, params);

    config::Section again = section.section(
        "re_referral",
        {"Closed cases that come back: with this probability a closing case is referred again "
         "after a delay, as a new referral (of the referral mix). Absent: none."});
    params.re_referral.probability =
        again.real("probability", {"Probability that a closed case is referred again.", "1"},
                   {.min = 0.0, .max = 1.0}, 0.0);
    params.re_referral.after = again.distribution(
        "after", {"Time from closing to the re-referral.", "days"},
        engine::Distribution::fixed(engine::kDaysPerYear / 2));
    again.finish();
    section.finish();
    return params;
}

DemandProcess::DemandProcess(const DemandParams& params, const CaseTypeCatalog& types,
                             Caseload& caseload, engine::Simulator& sim, std::uint64_t seed,
                             std::uint64_t replication)
    : params_(&params),
      types_(&types),
      caseload_(caseload),
      mean_gap_days_(
          params.referrals_per_year > 0.0 ? engine::kDaysPerYear / params.referrals_per_year : 0.0),
      arrival_stream_(seed, replication, "demand.arrivals"),
      duration_stream_(seed, replication, "demand.case_duration"),
      mix_stream_(seed, replication, "demand.referral_mix"),
      initial_age_stream_(seed, replication, "demand.initial_age"),
      re_referral_stream_(seed, replication, "demand.re_referral"),
      history_stream_(seed, replication, "demand.initial_history") {
    const engine::HandlerId handler = sim.add_handler(*this);
    next_referral_ = sim.add_timer(handler, kReferral, phase::kReferral);
    next_re_referral_ = sim.add_timer(handler, kReReferral, phase::kReferral);
}

void DemandProcess::start(engine::Simulator& sim) {
    for (std::int64_t i = 0; i < params_->initial_open_cases; ++i) {
        caseload_.open_case((*types_)[0].duration.sample(duration_stream_), sim);
    }
    for (const DemandParams::InitialCases& cases : params_->initial_cases) {
        for (std::int64_t i = 0; i < cases.count; ++i) {
            const double age = cases.age ? cases.age->sample(initial_age_stream_) : 0.0;
            history_.clear();
            if (!cases.earlier_workers.empty()) {
                const double u = history_stream_.uniform01();
                std::size_t n = 0;
                while (n + 1 < cases.earlier_workers.size() && u >= cases.earlier_workers[n]) ++n;
                for (std::size_t k = 0; k < n; ++k) {
                    history_.push_back(sim.now() - age * history_stream_.uniform01());
                }
                std::sort(history_.begin(), history_.end());
            }
            caseload_.open_case(remaining_work(cases.type, age), sim, cases.type, age, history_);
        }
    }
    schedule_next(sim);
}

double DemandProcess::remaining_work(CaseTypeId type, double age) {
    const engine::Distribution& duration = (*types_)[type].duration;
    double d = duration.sample(duration_stream_);
    for (int tries = 1; d <= age && tries < kMaxAgeDraws; ++tries) {
        d = duration.sample(duration_stream_);
    }
    return d > age ? d - age : 1.0;
}

void DemandProcess::reconfigure(const DemandParams& params, const CaseTypeCatalog& types,
                                engine::Simulator& sim) {
    const bool rate_changed = params.referrals_per_year != params_->referrals_per_year ||
                              params.profile != params_->profile;
    params_ = &params;
    types_ = &types;
    if (!rate_changed) return;
    mean_gap_days_ =
        params.referrals_per_year > 0.0 ? engine::kDaysPerYear / params.referrals_per_year : 0.0;
    piece_ = {};
    sim.disarm(next_referral_);
    schedule_next(sim);
}

void DemandProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    if (event.kind == kReReferral) {
        std::pop_heap(re_referral_times_.begin(), re_referral_times_.end(), std::greater<>{});
        re_referral_times_.pop_back();
        ++re_referrals_;
        refer(sim);
        if (!re_referral_times_.empty()) sim.arm(next_re_referral_, re_referral_times_.front());
        return;
    }
    if (event.target == kWalkOn) {
        walk_on(sim);
        return;
    }
    refer(sim);
    schedule_next(sim);
}

void DemandProcess::refer(engine::Simulator& sim) {
    CaseTypeId type = 0;
    if (params_->referral_mix.size() > 1) {
        const double u = mix_stream_.uniform01();
        type = params_->referral_mix.back().type;
        for (const DemandParams::ReferralShare& share : params_->referral_mix) {
            if (u < share.cumulative) {
                type = share.type;
                break;
            }
        }
    } else if (!params_->referral_mix.empty()) {
        type = params_->referral_mix.front().type;
    }
    caseload_.open_case((*types_)[type].duration.sample(duration_stream_), sim, type);
}

void DemandProcess::case_closed(CaseTypeId, engine::Simulator& sim) {
    const DemandParams::ReReferral& again = params_->re_referral;
    if (again.probability <= 0.0 || !re_referral_stream_.bernoulli(again.probability)) return;
    const double at = sim.now() + again.after.sample(re_referral_stream_);
    re_referral_times_.push_back(at);
    std::push_heap(re_referral_times_.begin(), re_referral_times_.end(), std::greater<>{});
    sim.arm(next_re_referral_, re_referral_times_.front());
}

double DemandProcess::referral_rate(double t) const {
    return params_->referrals_per_year * params_->profile.multiplier(t);
}

void DemandProcess::schedule_next(engine::Simulator& sim) {
    if (mean_gap_days_ <= 0.0) return;
    if (params_->profile.flat()) {
        // A constant rate: exponential gaps, drawn exactly as before profiles existed.
        sim.arm(next_referral_, sim.now() + arrival_stream_.exponential(mean_gap_days_), kArrival);
        return;
    }
    remaining_mass_ = arrival_stream_.exponential(1.0);
    walk_on(sim);
}

void DemandProcess::walk_on(engine::Simulator& sim) {
    const ReferralProfile::Walk walk =
        params_->profile.walk(params_->referrals_per_year / engine::kDaysPerYear, sim.now(),
                              remaining_mass_, sim.now() + engine::kDaysPerYear, piece_);
    if (walk.never) return;
    remaining_mass_ = walk.remaining;
    sim.arm(next_referral_, walk.time, walk.arrived ? kArrival : kWalkOn);
}

}  // namespace wfsim::model
