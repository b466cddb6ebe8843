#include "models/workforce/recruitment.hpp"

#include <array>
#include <string_view>

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

RecruitmentParams RecruitmentParams::read(config::Section root, const RoleCatalog& roles,
                                          const engine::Date& start) {
    RecruitmentParams params;
    config::Section section = root.section("recruitment", {"How vacancies are filled."});
    params.vacancy_fill_time = section.optional_distribution(
        "vacancy_fill_time",
        {"Continuous recruitment: time from a post needing a holder (a resignation, or a post "
         "falling or created vacant) to a permanent starter taking it, drawn independently "
         "for each vacancy; never before the leaver has gone, and not for posts with a "
         "campaign or reserve-list starter on the way.",
         "days"},
        "none: only campaigns fill vacancies");
    static constexpr std::array<std::string_view, 2> kInitial = {"fresh", "residual"};
    params.initial_residual =
        section.choice(
            "initial_vacancies",
            {"How long the vacancies open at the start take to fill (continuous recruitment). "
             "fresh: a vacancy_fill_time draw, as if each had just opened. residual: each is "
             "part-way through its fill, as in a service in equilibrium observed on a census "
             "date, so its remaining time is drawn from the residual (forward recurrence) "
             "distribution of vacancy_fill_time, density (1 - F(x)) / mean, whose mean is "
             "E[X^2] / (2 E[X]): long fills are more likely to be the ones under way. Sampled "
             "exactly as U x L, L a length-biased fill time. Vacancies opening later, and "
             "those found when recruitment is switched on by an intervention, draw afresh."},
            kInitial, std::string("fresh")) == "residual";

    config::Section reserve = section.section(
        "reserve_list",
        {"Appointable campaign candidates who could not be offered a place wait on a reserve "
         "list, per role, and are offered posts as they need a holder."});
    params.reserve_list.max_size = static_cast<int>(
        reserve.integer("max_size", {"Most candidates on the list of one role.", "people"},
                        {.min = 0.0, .max = 100000.0}, 0));
    params.reserve_list.expiry_days =
        reserve.duration("expiry", {"How long a candidate stays on the list.", "days"},
                         {.min = 0.0}, 6 * engine::kDaysPerMonth);
    reserve.finish();

    config::Section over = section.named_entries(
        "over_recruitment",
        {"Campaigns may hire above establishment by this share of the role's posts, to cover "
         "absence and turnover; the extra staff take posts as they fall vacant."},
        "<role>");
    params.over_recruitment.assign(roles.size(), 0.0);
    for (const std::string& name : over.keys()) {
        const double share =
            over.real(name, {"Share of the role's posts.", "1"}, {.min = 0.0, .max = 1.0});
        if (auto id = roles.resolve(over, name)) params.over_recruitment[*id] = share;
    }
    over.finish();

    params.campaigns = CampaignsParams::read(section, roles, start);
    section.finish();
    return params;
}

RecruitmentProcess::RecruitmentProcess(const RecruitmentParams& params, Staffing& staffing,
                                       engine::Simulator& sim, std::uint64_t seed,
                                       std::uint64_t replication)
    : params_(&params),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      fill_time_stream_(seed, replication, "recruitment.vacancy_fill_time"),
      initial_stream_(seed, replication, "recruitment.initial_vacancies") {}

void RecruitmentProcess::replacement_needed(PostId post, engine::Simulator& sim) {
    if (!params_->vacancy_fill_time) return;
    // At the start, the residual draw comes from its own stream, so fresh fills later see the
    // same numbers either way.
    const double delay = params_->initial_residual && staffing_.initialising()
                             ? params_->vacancy_fill_time->sample_residual(initial_stream_)
                             : params_->vacancy_fill_time->sample(fill_time_stream_);
    sim.schedule(sim.now() + delay, handler_, post, staffing_.post(post).vacancy_spell, 0,
                 phase::kStart);
}

void RecruitmentProcess::reconfigure(const RecruitmentParams& params, engine::Simulator& sim) {
    const bool was_on = params_->vacancy_fill_time.has_value();
    params_ = &params;
    if (was_on || !params.vacancy_fill_time) return;
    for (PostId p = 0; p < staffing_.post_count(); ++p) {
        const Post& post = staffing_.post(p);
        if (post.abolished || post.incoming) continue;
        if (post.vacant() || staffing_.worker(post.holder).on_notice) replacement_needed(p, sim);
    }
}

void RecruitmentProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const Post& post = staffing_.post(event.target);
    if (post.vacancy_spell != event.stamp || post.incoming) return;  // filled, cut, or hired
    if (!post.vacant()) {
        // The starter cannot arrive before the leaver they replace has gone.
        const Worker& leaver = staffing_.worker(post.holder);
        sim.schedule(leaver.leaves_at, handler_, event.target, event.stamp, 0, phase::kStart);
        return;
    }
    staffing_.start_permanent(event.target, post.role, Hire{.route = Route::Continuous}, sim);
}

}  // namespace wfsim::model
