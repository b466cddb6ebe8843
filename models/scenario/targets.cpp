#include "models/scenario/targets.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>

#include "models/config/did_you_mean.hpp"
#include "models/config/numbers.hpp"

namespace wfsim::model {

namespace {

constexpr std::array<std::string_view, 2> kOps = {">=", "<="};
constexpr std::array<std::string_view, 2> kHolds = {"throughout", "average"};

struct Horizon {
    engine::Date start;
    double days;
    const std::vector<double>& samples;
};

// Reports a date outside [first sample, horizon]; returns its days since the start.
double read_date(config::Section item, std::string_view key, config::FieldDoc doc,
                 const Horizon& h, engine::Date& date) {
    date = item.date(key, doc);
    const double days = engine::days_between(h.start, date);
    if (!item.present() || !item.has(key) || item.reported(key)) return days;
    if (days < 0.0) {
        item.error(key, "before the first sample (" + engine::format_iso_date(h.start) + ")");
    } else if (days > h.days) {
        item.error(key, "after the end of the horizon (" +
                            engine::format_iso_date(engine::date_at(h.start, h.days)) + ")");
    }
    return days;
}

void read_period(config::Section item, const Horizon& h, Target& t) {
    t.from_days = read_date(item, "from", {"One of by, from + to, or for is required. Start of the period judged."}, h, t.from);
    t.to_days = read_date(item, "to", {"End of the period judged, included; required with from."}, h, t.to);
    const std::string hold = item.choice(
        "hold",
        {"With from/to: throughout = every sample in the period meets the condition; average = "
         "the mean of the period's samples (NaN samples left out) does."},
        kHolds, std::string("throughout"));
    t.kind = hold == "average" ? TargetKind::Average : TargetKind::Throughout;
    if (!item.present() || item.reported("from") || item.reported("to")) return;
    if (!item.has("from") || !item.has("to")) return;
    if (t.to_days <= t.from_days) {
        item.error("to", "must be after from (" + engine::format_iso_date(t.from) + ")");
    } else if (!h.samples.empty() &&
               std::none_of(h.samples.begin(), h.samples.end(),
                            [&](double s) { return s >= t.from_days && s <= t.to_days; })) {
        item.error("to", "the period holds no output sample (make it longer than "
                         "output_interval)");
    }
}

// Exactly one of the three forms (when documenting, has() is true for all, so all are documented).
void read_form(config::Section item, const Horizon& h, Target& t) {
    const bool by = item.has("by");
    const bool period = item.has("from") || item.has("to");
    const bool sustained = item.has("for");
    if (by) {
        t.kind = TargetKind::By;
        t.by_days = read_date(item, "by",
                              {"One of by, from + to, or for is required. Judged at the last sample at or before this date (the date "
                               "itself when a sample falls on it)."},
                              h, t.by);
    }
    if (period) read_period(item, h, t);
    if (!period && item.has("hold")) {
        item.choice("hold", {""}, kHolds, std::string("throughout"));
        item.error("hold", "only applies to a period (from and to)");
    }
    if (sustained) {
        t.kind = TargetKind::Sustained;
        t.for_days = item.duration(
            "for",
            {"One of by, from + to, or for is required. Sustained: met once the condition holds at every sample over a span at least this "
             "long, anywhere in the run.",
             "days"},
            {.min = 0.0, .max = h.days, .min_exclusive = true});
    }
    const int forms = int(by) + int(period) + int(sustained);
    if (forms == 0) {
        item.error("by", "give one of by, from and to, or for");
    } else if (forms > 1) {
        item.error(sustained ? "for" : "from", "give only one of by, from and to, or for");
    }
}

}  // namespace

const char* op_text(TargetOp op) { return op == TargetOp::AtLeast ? ">=" : "<="; }

const char* kind_text(TargetKind kind) {
    switch (kind) {
        case TargetKind::By: return "by";
        case TargetKind::Throughout: return "throughout";
        case TargetKind::Average: return "average";
        case TargetKind::Sustained: return "for";
    }
    return "by";
}

bool meets(const Target& target, double value) {
    // Comparisons with NaN are false, so a missing sample never meets a target.
    return target.op == TargetOp::AtLeast ? value >= target.value : value <= target.value;
}

std::vector<Target> read_targets(config::Section root, const engine::Date& start,
                                 double horizon_days, const std::vector<std::string>& series,
                                 const std::vector<double>& samples) {
    const std::vector<config::Section> items = root.list(
        "targets",
        {"Targets each replication is judged against: a metric (any output series), op (>= or "
         "<=), a value, and one of by: DATE, from: DATE + to: DATE (with hold), or for: "
         "DURATION. A NaN sample never meets a condition; an average leaves NaN samples out and "
         "is unmet when all are NaN. Each replication's outcome, the first sample date at which "
         "the metric met the condition, and the probability of meeting the target with its 95 % "
         "Wilson interval are written to /targets."});
    const Horizon h{start, horizon_days, samples};
    std::vector<Target> targets;
    std::set<std::string> names;
    for (config::Section item : items) {
        Target t;
        t.metric = item.text("metric", {"The output series judged, e.g. agency_share, "
                                        "nqsw_mean_caseload, within_timescale_share.assessment."});
        if (item.present() && item.has("metric") && !item.reported("metric") &&
            std::find(series.begin(), series.end(), t.metric) == series.end()) {
            item.error("metric", "unknown metric '" + t.metric + "' " +
                                     config::hint(t.metric, series));
        }
        t.op = item.choice("op", {"The comparison the metric must meet."}, kOps) == "<="
                   ? TargetOp::AtMost
                   : TargetOp::AtLeast;
        t.value = item.real("value", {"The value compared against, in the metric's units."});
        read_form(item, h, t);
        t.name = item.text("name",
                           {"A name for reports and the run file's group /targets/NAME; empty "
                            "means 'METRIC OP VALUE', e.g. 'agency_share <= 0.1'."},
                           std::string());
        if (t.name.empty()) {
            t.name = t.metric + " " + op_text(t.op) + " " + config::format_number(t.value);
        }
        if (item.present()) {
            if (t.name == "." || t.name.find('/') != std::string::npos) {
                item.error("name", "cannot contain '/' or be '.' (it names an HDF5 group)");
            } else if (!names.insert(t.name).second) {
                item.error("name", "another target has the name '" + t.name +
                                       "' (give each target its own name)");
            }
        }
        item.finish();
        targets.push_back(std::move(t));
    }
    return targets;
}

}  // namespace wfsim::model
