#include "models/workforce/hiring.hpp"

#include <algorithm>
#include <cmath>

#include "models/phases.hpp"

namespace wfsim::model {

HiringDesk::HiringDesk(const ReserveListParams& reserve,
                       const std::vector<double>& over_recruitment, bool nqsw_in_asye,
                       Staffing& staffing, engine::Simulator& sim, std::uint64_t seed,
                       std::uint64_t replication)
    : reserve_params_(reserve),
      nqsw_in_asye_(nqsw_in_asye),
      over_recruitment_(over_recruitment),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      needs_(staffing.roles().size()),
      reserve_(staffing.roles().size()),
      pool_offers_(staffing.roles().size(), 0),
      reserve_stream_(seed, replication, "recruitment.reserve_list") {}

bool HiringDesk::still_needed(const Need& need) const {
    const Post& p = staffing_.post(need.post);
    if (p.abolished || p.incoming || p.vacancy_spell != need.spell) return false;
    return p.vacant() || staffing_.worker(p.holder).on_notice;
}

std::optional<PostId> HiringDesk::next_post(RoleId role) {
    if (!has_needed_post(role)) return std::nullopt;
    const PostId post = needs_[role].front().post;
    needs_[role].pop_front();
    return post;
}

bool HiringDesk::has_needed_post(RoleId role) {
    std::deque<Need>& needs = needs_[role];
    while (!needs.empty() && !still_needed(needs.front())) needs.pop_front();
    return !needs.empty();
}

int HiringDesk::room_above_establishment(RoleId role) const {
    const int allowed =
        static_cast<int>(std::floor(over_recruitment_[role] * staffing_.establishment(role)));
    return std::max(0, allowed - staffing_.pool_count(role) - pool_offers_[role]);
}

int HiringDesk::open_places(RoleId role) {
    std::deque<Need>& needs = needs_[role];
    std::erase_if(needs, [&](const Need& n) { return !still_needed(n); });
    return static_cast<int>(needs.size()) + room_above_establishment(role);
}

bool HiringDesk::offer(const Candidate& candidate, engine::RandomStream& stream, double now,
                       engine::Simulator& sim) {
    ++offers_;
    if (!stream.bernoulli(candidate.acceptance)) return false;
    ++acceptances_;
    Pending p{kNone, candidate.role, candidate.route};
    if (const auto post = next_post(candidate.role)) {
        p.post = *post;
        staffing_.set_incoming(*post, true);
    } else {
        ++pool_offers_[candidate.role];
    }
    double delay = 0.0;
    if (candidate.checks) delay += candidate.checks->sample(stream);
    if (candidate.notice) delay = std::max(delay, candidate.notice->sample(stream));
    std::uint32_t id;
    if (free_pending_.empty()) {
        id = static_cast<std::uint32_t>(pending_.size());
        pending_.push_back(p);
    } else {
        id = free_pending_.back();
        free_pending_.pop_back();
        pending_[id] = p;
    }
    sim.schedule(now + delay, handler_, id, 0, 0, phase::kStart);
    return true;
}

void HiringDesk::reserve(Candidate candidate, double now) {
    if (reserve_params_.max_size <= 0) return;
    std::deque<Candidate>& list = reserve_[candidate.role];
    drop_expired(candidate.role, now);
    if (static_cast<int>(list.size()) >= reserve_params_.max_size) return;
    candidate.expires = now + reserve_params_.expiry_days;
    list.push_back(candidate);
}

int HiringDesk::reserve_size(double now) const {
    int size = 0;
    for (const std::deque<Candidate>& list : reserve_) {
        for (const Candidate& c : list) size += c.expires > now ? 1 : 0;
    }
    return size;
}

void HiringDesk::drop_expired(RoleId role, double now) {
    std::deque<Candidate>& list = reserve_[role];
    while (!list.empty() && list.front().expires <= now) list.pop_front();
}

void HiringDesk::replacement_needed(PostId post, engine::Simulator& sim) {
    const Post& p = staffing_.post(post);
    needs_[p.role].push_back(Need{post, p.vacancy_spell});
    // The reserve list is drawn on first: candidates are offered the post in turn.
    std::deque<Candidate>& list = reserve_[p.role];
    drop_expired(p.role, sim.now());
    while (!list.empty() && has_needed_post(p.role)) {
        const Candidate c = list.front();
        list.pop_front();
        offer(c, reserve_stream_, sim.now(), sim);
    }
}

void HiringDesk::handle(const engine::Event& event, engine::Simulator& sim) {
    arrive(event.target, sim);
}

void HiringDesk::arrive(std::uint32_t id, engine::Simulator& sim) {
    const Pending p = pending_[id];
    const Hire hire{.route = p.route, .in_asye = nqsw_in_asye_ && p.route == Route::Nqsw};
    if (p.post == kNone) {
        --pool_offers_[p.role];
        free_pending_.push_back(id);
        staffing_.start_permanent(kNone, p.role, hire, sim);
        return;
    }
    const Post& post = staffing_.post(p.post);
    if (!post.abolished && !post.vacant() && staffing_.worker(post.holder).on_notice) {
        // Their predecessor is still working notice: start the day they go.
        sim.schedule(staffing_.worker(post.holder).leaves_at, handler_, id, 0, 0, phase::kStart);
        return;
    }
    free_pending_.push_back(id);
    staffing_.set_incoming(p.post, false);
    // A post filled meanwhile (from the pool) or cut: the starter joins above establishment.
    const bool takes_post = !post.abolished && post.vacant();
    staffing_.start_permanent(takes_post ? p.post : kNone, p.role, hire, sim);
}

}  // namespace wfsim::model
