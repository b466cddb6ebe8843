#include "models/workforce/campaigns.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <string_view>

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kMaxApplicants = 1e6;
constexpr std::array<std::string_view, 2> kRoutes = {"experienced", "nqsw"};
}  // namespace

CampaignsParams CampaignsParams::read(config::Section recruitment, const RoleCatalog& roles,
                                      const engine::Date& start) {
    CampaignsParams params;
    params.attractiveness = recruitment.real(
        "attractiveness",
        {"Market attractiveness of the service (pay, reputation): multiplies every campaign's "
         "applicants.",
         "1"},
        {.min = 0.0, .max = 100.0}, 1.0);
    config::Section campaigns =
        recruitment.named_entries("campaigns", {"Recruitment campaigns, by name."}, "<campaign>");
    for (const std::string& name : campaigns.keys()) {
        config::Section c = campaigns.section(name, {"One recruitment campaign."}, true);
        CampaignParams p;
        p.name = name;
        const std::string role = c.text("role", {"The role recruited to."});
        if (!role.empty()) {
            if (auto id = roles.resolve(c, role, "role")) p.role = *id;
        }
        p.route = c.choice("route",
                           {"experienced: qualified social workers; nqsw: newly qualified, who "
                            "start their ASYE."},
                           kRoutes, std::string("experienced")) == "nqsw"
                      ? Route::Nqsw
                      : Route::Experienced;
        p.enabled = c.boolean("enabled",
                              {"Whether the campaign runs (interventions may switch "
                               "it on or off)."},
                              true);

        config::Section schedule =
            c.section("schedule", {"When the campaign runs on a timetable."});
        if (schedule.present()) {
            p.first_day =
                engine::days_between(start, schedule.date("first", {"Date of the first round."}));
            p.every_days = schedule.duration(
                "every", {"Time between rounds; absent for a single round.", "days"}, {.min = 1.0},
                0.0);
            if (schedule.has("until")) {
                p.until_day = engine::days_between(
                    start, schedule.date("until", {"No rounds after this date."}, start));
            }
        }
        schedule.finish();

        config::Section trigger =
            c.section("trigger", {"Run when the role's vacancy rate is above a threshold."});
        if (trigger.present()) {
            p.vacancy_rate_above = trigger.real(
                "vacancy_rate_above", {"Vacancy rate of the role that triggers a round.", "1"},
                {.min = 0.0, .max = 1.0});
            p.check_every_days =
                trigger.duration("check_every", {"How often the rate is checked.", "days"},
                                 {.min = 1.0}, engine::kDaysPerMonth);
            p.min_gap_days = trigger.duration(
                "min_gap", {"Least time between two rounds of this campaign.", "days"},
                {.min = 0.0}, 3 * engine::kDaysPerMonth);
        }
        trigger.finish();
        if (!schedule.present() && !trigger.present()) {
            campaigns.error(name, "needs a schedule or a trigger (or both)");
        }

        p.mean_applicants =
            c.real("applicants",
                   {"Mean applicants per round (Poisson), before market attractiveness.", "people"},
                   {.min = 0.0, .max = kMaxApplicants});
        p.appointable =
            c.real("appointable", {"Probability that an applicant is appointable.", "1"},
                   {.min = 0.0, .max = 1.0});
        p.acceptance = c.real("acceptance",
                              {"Probability that an appointable candidate accepts an offer.", "1"},
                              {.min = 0.0, .max = 1.0});
        p.checks = c.optional_distribution(
            "pre_employment_checks", {"From offer to cleared checks (DBS, references).", "days"},
            "none: no delay");
        p.notice = c.optional_distribution(
            "notice_period",
            {"Notice the candidate owes their current employer; they start when both checks "
             "and notice are done.",
             "days"},
            "none");
        p.cost = c.real("cost", {"Cost of one round (adverts, agency fees, staff time).", "GBP"},
                        {.min = 0.0}, 0.0);
        c.finish();
        params.campaigns.push_back(std::move(p));
    }
    campaigns.finish();
    return params;
}

bool CampaignParams::same_timing(const CampaignParams& other) const {
    return first_day == other.first_day && every_days == other.every_days &&
           until_day == other.until_day && vacancy_rate_above == other.vacancy_rate_above &&
           check_every_days == other.check_every_days;
}

CampaignProcess::CampaignProcess(const CampaignsParams& params,
                                 const std::vector<double>& applicant_multiplier, HiringDesk& desk,
                                 const Staffing& staffing, engine::Simulator& sim,
                                 std::uint64_t seed, std::uint64_t replication)
    : params_(&params),
      seed_(seed),
      replication_(replication),
      applicant_multiplier_(applicant_multiplier),
      desk_(desk),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      last_run_(params.campaigns.size(), -std::numeric_limits<double>::infinity()),
      stamps_(params.campaigns.size(), 0) {
    streams_.reserve(params.campaigns.size());
    for (const CampaignParams& c : params.campaigns) {
        streams_.emplace_back(seed, replication, "campaign." + c.name);
    }
}

void CampaignProcess::start(engine::Simulator& sim) {
    for (std::uint32_t i = 0; i < params_->campaigns.size(); ++i) {
        const CampaignParams& c = params_->campaigns[i];
        if (c.first_day && *c.first_day >= sim.now()) {
            sim.schedule(*c.first_day, handler_, i, 0, kScheduled, phase::kStart);
        }
        if (c.vacancy_rate_above) {
            sim.schedule(sim.now() + c.check_every_days, handler_, i, 0, kCheck, phase::kStart);
        }
    }
}

void CampaignProcess::reconfigure(const CampaignsParams& params,
                                  const std::vector<double>& applicant_multiplier,
                                  engine::Simulator& sim) {
    const CampaignsParams& old = *params_;
    params_ = &params;
    applicant_multiplier_ = applicant_multiplier;
    for (std::uint32_t i = 0; i < params.campaigns.size(); ++i) {
        const CampaignParams& c = params.campaigns[i];
        if (i < old.campaigns.size() && old.campaigns[i].same_timing(c)) continue;
        if (i >= old.campaigns.size()) {  // added: overrides only append names
            streams_.emplace_back(seed_, replication_, "campaign." + c.name);
            last_run_.push_back(-std::numeric_limits<double>::infinity());
            stamps_.push_back(0);
        }
        ++stamps_[i];
        schedule_from_now(i, sim);
    }
}

void CampaignProcess::schedule_from_now(std::uint32_t i, engine::Simulator& sim) {
    const CampaignParams& c = params_->campaigns[i];
    const double now = sim.now();
    if (c.first_day) {
        double next = *c.first_day;
        if (next < now && c.every_days > 0.0) {
            next += std::ceil((now - next) / c.every_days) * c.every_days;
        }
        if (next >= now && (!c.until_day || next <= *c.until_day)) {
            sim.schedule(next, handler_, i, stamps_[i], kScheduled, phase::kStart);
        }
    }
    if (c.vacancy_rate_above) {
        sim.schedule(now + c.check_every_days, handler_, i, stamps_[i], kCheck, phase::kStart);
    }
}

void CampaignProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const std::size_t i = event.target;
    if (event.stamp != stamps_[i]) return;  // re-timed by an intervention
    const CampaignParams& c = params_->campaigns[i];
    const double now = sim.now();
    if (event.kind == kScheduled) {
        if (c.enabled) run(i, sim);
        const double next = now + c.every_days;
        if (c.every_days > 0.0 && (!c.until_day || next <= *c.until_day)) {
            sim.schedule(next, handler_, event.target, event.stamp, kScheduled, phase::kStart);
        }
        return;
    }
    const int posts = staffing_.establishment(c.role);
    const double rate =
        posts > 0 ? static_cast<double>(staffing_.vacancy_count(c.role)) / posts : 0.0;
    if (c.enabled && rate > *c.vacancy_rate_above && now - last_run_[i] >= c.min_gap_days) {
        run(i, sim);
    }
    sim.schedule(now + c.check_every_days, handler_, event.target, event.stamp, kCheck,
                 phase::kStart);
}

void CampaignProcess::run(std::size_t i, engine::Simulator& sim) {
    const CampaignParams& c = params_->campaigns[i];
    engine::RandomStream& stream = streams_[i];
    const double now = sim.now();
    last_run_[i] = now;
    ++runs_;
    cost_ += c.cost;

    const double mean = c.mean_applicants * params_->attractiveness * applicant_multiplier_[c.role];
    int applicants = 0;
    if (mean > 0.0) applicants = boost::random::poisson_distribution<int>(mean)(stream.engine());
    int appointable = 0;
    if (applicants > 0 && c.appointable > 0.0) {
        appointable =
            boost::random::binomial_distribution<int>(applicants, c.appointable)(stream.engine());
    }
    applicants_ += static_cast<std::uint64_t>(applicants);
    appointable_ += static_cast<std::uint64_t>(appointable);

    const Candidate candidate{c.role,
                              c.route,
                              c.acceptance,
                              c.checks ? &*c.checks : nullptr,
                              c.notice ? &*c.notice : nullptr,
                              0.0};
    // Each accepted offer takes exactly one place; declined ones take none.
    int places = desk_.open_places(c.role);
    for (int k = 0; k < appointable; ++k) {
        if (places == 0) {
            desk_.reserve(candidate, now);
        } else if (desk_.offer(candidate, stream, now, sim)) {
            --places;
        }
    }
}

}  // namespace wfsim::model
