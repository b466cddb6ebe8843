#include "models/workforce/progression.hpp"

#include <algorithm>
#include <limits>

#include "models/phases.hpp"
#include "models/workforce/placement.hpp"

namespace wfsim::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}

ProgressionParams ProgressionParams::read(config::Section root, const RoleCatalog& roles,
                                          const engine::Date& start) {
    ProgressionParams params;
    config::Section section = root.named_entries(
        "progression",
        {"Grade progression, by role: at each review every permanent worker of the role (not "
         "working notice, not in their ASYE) moves up to the role `to` with a probability, "
         "into a vacant post of it or else above its establishment; their old post falls "
         "vacant. Moves count in hires_promotion and progressions."},
        "<role>");
    for (const std::string& name : section.keys()) {
        config::Section entry = section.section(name, {"Progression out of one role."}, true);
        ProgressionRule rule;
        const std::string to = entry.text("to", {"The grade above, progressed to."});
        rule.annual_probability = entry.real(
            "annual_probability",
            {"Probability that an eligible worker moves up at a review (at yearly reviews, a "
             "yearly probability).",
             "1"},
            {.min = 0.0, .max = 1.0});
        config::Section review = entry.section("review", {"When staff are reviewed."}, true);
        rule.review =
            Recurrence::read(review, start, "first", "review", 12 * engine::kDaysPerMonth);
        review.finish();
        entry.finish();
        const auto from = roles.resolve(section, name);
        std::optional<RoleId> above;
        if (!to.empty()) above = roles.resolve(entry, to, "to");
        if (from && above && *from == *above) {
            entry.error("to", "a role cannot progress into itself");
        } else if (from && above) {
            rule.from = *from;
            rule.to = *above;
            params.rules.push_back(rule);
        }
    }
    section.finish();
    return params;
}

ProgressionProcess::ProgressionProcess(const ProgressionParams& params, Staffing& staffing,
                                       engine::Simulator& sim, std::uint64_t seed,
                                       std::uint64_t replication)
    : params_(&params),
      staffing_(staffing),
      handler_(sim.add_handler(*this)),
      seed_(seed),
      replication_(replication),
      streams_(staffing.roles().size()) {}

engine::RandomStream& ProgressionProcess::stream(RoleId from) {
    if (!streams_[from]) {
        streams_[from].emplace(seed_, replication_, "progression." + staffing_.roles()[from].name);
    }
    return *streams_[from];
}

void ProgressionProcess::start(engine::Simulator& sim) {
    schedule(sim.now(), true, sim);
}

void ProgressionProcess::schedule(double after, bool inclusive, engine::Simulator& sim) {
    for (std::uint32_t i = 0; i < params_->rules.size(); ++i) {
        const double at = params_->rules[i].review.next(after, inclusive);
        if (at < kInfinity) sim.schedule(at, handler_, i, generation_, 0, phase::kStart);
    }
}

void ProgressionProcess::reconfigure(const ProgressionParams& next, engine::Simulator& sim) {
    const ProgressionParams& before = *params_;
    params_ = &next;
    // Pending reviews stand when the timetable is unchanged (an intervention changing only a
    // probability re-times nothing).
    const bool same_timetable =
        next.rules.size() == before.rules.size() &&
        std::equal(next.rules.begin(), next.rules.end(), before.rules.begin(),
                   [](const ProgressionRule& a, const ProgressionRule& b) {
                       return a.review == b.review;
                   });
    if (same_timetable) return;
    ++generation_;
    schedule(sim.now(), false, sim);
}

void ProgressionProcess::handle(const engine::Event& event, engine::Simulator& sim) {
    if (event.stamp != generation_) return;
    review(event.target, sim);
    const double next = params_->rules[event.target].review.next(sim.now(), false);
    if (next < kInfinity) sim.schedule(next, handler_, event.target, generation_, 0, phase::kStart);
}

void ProgressionProcess::review(std::uint32_t index, engine::Simulator& sim) {
    const ProgressionRule& rule = params_->rules[index];
    const double now = sim.now();
    if (moved_at_.size() < staffing_.worker_capacity()) {
        moved_at_.resize(staffing_.worker_capacity(), -kInfinity);
    }
    // Decide for everyone first, in slot order, then move: a move cannot change who is
    // eligible. Those who moved up at this instant (another rule's review) wait a round.
    movers_.clear();
    engine::RandomStream& draws = stream(rule.from);
    for (WorkerId id = 0; id < staffing_.worker_capacity(); ++id) {
        const Worker& w = staffing_.worker(id);
        if (!w.active || w.contract != Contract::Permanent || w.role != rule.from || w.on_notice ||
            w.in_asye || moved_at_[id] == now) {
            continue;
        }
        if (draws.bernoulli(rule.annual_probability)) movers_.push_back(id);
    }
    Placement places(staffing_, rule.to);
    for (const WorkerId id : movers_) {
        staffing_.move_to(id, rule.to, places.next(), Hire{.route = Route::Promotion}, sim);
        if (id >= moved_at_.size()) moved_at_.resize(id + 1, -kInfinity);
        moved_at_[id] = now;
        ++progressions_;
    }
}

}  // namespace wfsim::model
