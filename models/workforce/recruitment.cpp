#include "models/workforce/recruitment.hpp"

#include "models/phases.hpp"

namespace wfsim::model {

RecruitmentParams RecruitmentParams::read(config::Section root) {
    RecruitmentParams params;
    config::Section section = root.section("recruitment", {"How vacancies are filled."});
    params.vacancy_fill_time = section.optional_distribution(
        "vacancy_fill_time",
        {"Continuous recruitment: time from a post falling vacant to a permanent starter taking "
         "it, drawn independently for each vacancy.",
         "days"},
        "none: vacancies are never filled");
    section.finish();
    return params;
}

RecruitmentProcess::RecruitmentProcess(const RecruitmentParams& params, Staffing& staffing,
                                       engine::Simulator& sim, std::uint64_t seed,
                                       std::uint64_t replication)
    : params_(params),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      fill_time_stream_(seed, replication, "recruitment.vacancy_fill_time") {}

void RecruitmentProcess::replacement_needed(PostId post, engine::Simulator& sim) {
    if (!params_.vacancy_fill_time) return;
    const double delay = params_.vacancy_fill_time->sample(fill_time_stream_);
    sim.schedule(sim.now() + delay, handler_, post, staffing_.post(post).vacancy_spell, 0,
                 phase::kStart);
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
