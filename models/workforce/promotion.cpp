#include "models/workforce/promotion.hpp"

#include <algorithm>

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

bool PromotionParams::any() const {
    return std::ranges::any_of(by_role, [](const auto& r) { return r.has_value(); });
}

PromotionParams PromotionParams::read(config::Section root, const RoleCatalog& roles) {
    PromotionParams params;
    params.by_role.assign(roles.size(), std::nullopt);
    config::Section section = root.named_entries(
        "promotion",
        {"Internal promotion, by senior role: when one of its posts needs a new holder, with "
         "probability share the longest-serving eligible worker of the role below (tenure at "
         "least min_tenure, not working notice, not in their ASYE, not absent) moves up as soon as "
         "the "
         "post is free; their own post then falls vacant. They count in hires_promotion."},
        "<role>");
    for (const std::string& name : section.keys()) {
        config::Section entry = section.section(name, {"Promotion into one role."}, true);
        PromotionRule rule;
        const std::string from = entry.text("from", {"The role below, promoted from."});
        rule.share = entry.real(
            "share", {"Probability that a post needing a holder is filled by promotion.", "1"},
            {.min = 0.0, .max = 1.0});
        rule.min_tenure_days =
            entry.duration("min_tenure", {"Least length of service of those promoted.", "days"},
                           {.min = 0.0}, 2 * engine::kDaysPerYear);
        entry.finish();
        const auto to = roles.resolve(section, name);
        std::optional<RoleId> below;
        if (!from.empty()) below = roles.resolve(entry, from, "from");
        if (to && below && *to == *below) {
            entry.error("from", "a role cannot be promoted into itself");
        } else if (to && below) {
            rule.from = *below;
            params.by_role[*to] = rule;
        }
    }
    section.finish();
    return params;
}

PromotionProcess::PromotionProcess(const PromotionParams& params, Staffing& staffing,
                                   engine::Simulator& sim, std::uint64_t seed,
                                   std::uint64_t replication)
    : params_(&params), staffing_(staffing), handler_(sim.add_handler(*this)) {
    streams_.reserve(staffing.roles().size());
    for (const Role& role : staffing.roles().all()) {
        streams_.emplace_back(seed, replication, "promotion." + role.name);
    }
}

void PromotionProcess::reconfigure(const PromotionParams& next, engine::Simulator&) {
    params_ = &next;
}

void PromotionProcess::replacement_needed(PostId post, engine::Simulator& sim) {
    const Post& p = staffing_.post(post);
    const std::optional<PromotionRule>& rule = params_->by_role[p.role];
    if (!rule || p.incoming) return;  // no promotion here, or a reserve-list starter is coming
    if (!streams_[p.role].bernoulli(rule->share)) return;
    const double at = p.vacant() ? sim.now() : staffing_.worker(p.holder).leaves_at;
    sim.schedule(at, handler_, post, p.vacancy_spell, 0, phase::kStart);
}

void PromotionProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    const PostId post = event.target;
    const Post& p = staffing_.post(post);
    // Filled, cut or with a starter on the way since the decision: nothing to do.
    if (p.vacancy_spell != event.stamp || p.abolished || p.incoming) return;
    if (!p.vacant()) {  // the leaver is still working notice
        sim.schedule(staffing_.worker(p.holder).leaves_at, handler_, post, event.stamp, 0,
                     phase::kStart);
        return;
    }
    const std::optional<PromotionRule>& rule = params_->by_role[p.role];
    if (!rule) return;
    const WorkerId worker = candidate(*rule, sim.now());
    if (worker == kNone) return;  // nobody eligible: recruitment carries on
    ++promotions_;
    staffing_.move_to_post(worker, post, sim);
}

WorkerId PromotionProcess::candidate(const PromotionRule& rule, double now) const {
    WorkerId best = kNone;
    double earliest = now - rule.min_tenure_days;
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active || w.contract != Contract::Permanent || w.role != rule.from || w.on_notice ||
            w.in_asye || w.absence != Absence::None) {
            continue;
        }
        // Longest-serving first; ties to the lowest slot.
        if (w.started < earliest || (w.started == earliest && best == kNone)) {
            best = id;
            earliest = w.started;
        }
    }
    return best;
}

}  // namespace wfsim::model
