#include "models/workforce/agency.hpp"

#include "models/phases.hpp"

namespace wfsim::model {

AgencyParams AgencyParams::read(config::Section root) {
    AgencyParams params;
    config::Section section = root.section("agency", {"Agency (locum) staff."});
    params.cover_vacancies =
        section.boolean("cover_vacancies",
                        {"Book an agency worker for every vacancy until a permanent starter "
                         "arrives."},
                        false);
    params.fill_time = section.optional_distribution(
        "fill_time", {"Time from booking to the agency worker starting.", "days"},
        "none; required with cover_vacancies");
    params.assignment = section.optional_distribution(
        "assignment",
        {"Length of one agency assignment; the post books again when it ends if still vacant.",
         "days"},
        "none; required with cover_vacancies or initial agency staff");
    if (params.cover_vacancies) {
        if (!params.fill_time) section.error("fill_time", "required when cover_vacancies is yes");
        if (!params.assignment) {
            section.error("assignment", "required when cover_vacancies is yes");
        }
    }
    section.finish();
    return params;
}

AgencyProcess::AgencyProcess(const AgencyParams& params, Staffing& staffing, engine::Simulator& sim,
                             std::uint64_t seed, std::uint64_t replication)
    : params_(&params),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      fill_time_stream_(seed, replication, "agency.fill_time"),
      assignment_stream_(seed, replication, "agency.assignment") {}

void AgencyProcess::vacancy_opened(PostId post, engine::Simulator& sim) {
    if (params_->cover_vacancies && staffing_.post(post).cover == kNone) book(post, sim);
}

void AgencyProcess::reconfigure(const AgencyParams& params, engine::Simulator& sim) {
    const bool was_covering = params_->cover_vacancies;
    params_ = &params;
    if (was_covering || !params.cover_vacancies) return;
    for (PostId p = 0; p < staffing_.post_count(); ++p) {
        const Post& post = staffing_.post(p);
        if (!post.abolished && post.vacant() && post.cover == kNone) book(p, sim);
    }
}

void AgencyProcess::agency_started(WorkerId worker, engine::Simulator& sim) {
    const double stay = params_->assignment->sample(assignment_stream_);
    sim.schedule(sim.now() + stay, handler_, worker, staffing_.worker(worker).generation,
                 kAssignmentEnd, phase::kDeparture);
}

void AgencyProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    if (event.kind == kArrival) {
        const Post& post = staffing_.post(event.target);
        if (!post.vacant() || post.cover != kNone || post.vacancy_spell != event.stamp ||
            post.abolished) {
            return;
        }
        staffing_.start_agency(event.target, sim);
        return;
    }
    const Worker& worker = staffing_.worker(event.target);
    if (!worker.active || worker.generation != event.stamp) return;  // ended by a starter
    const PostId post = worker.post;
    staffing_.agency_leaves(event.target, Destination::AssignmentEnded, sim);
    if (params_->cover_vacancies) book(post, sim);
}

void AgencyProcess::book(PostId post, engine::Simulator& sim) {
    const double delay = params_->fill_time->sample(fill_time_stream_);
    sim.schedule(sim.now() + delay, handler_, post, staffing_.post(post).vacancy_spell, kArrival,
                 phase::kStart);
}

}  // namespace wfsim::model
