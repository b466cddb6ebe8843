#include "models/config/bounds.hpp"

#include "models/config/numbers.hpp"

namespace wfsim::config {

std::optional<std::string> violation(double value, const Bounds& bounds, std::string_view unit) {
    const bool below =
        bounds.min && (bounds.min_exclusive ? value <= *bounds.min : value < *bounds.min);
    const bool above =
        bounds.max && (bounds.max_exclusive ? value >= *bounds.max : value > *bounds.max);
    if (!below && !above) return std::nullopt;

    const auto shown = [&](double bound) { return format_number(bound) + std::string(unit); };
    if (bounds.min && bounds.max && !bounds.min_exclusive && !bounds.max_exclusive) {
        return "must be between " + shown(*bounds.min) + " and " + shown(*bounds.max);
    }
    std::string lower;
    std::string upper;
    if (bounds.min)
        lower = (bounds.min_exclusive ? "greater than " : "at least ") + shown(*bounds.min);
    if (bounds.max) upper = (bounds.max_exclusive ? "less than " : "at most ") + shown(*bounds.max);
    if (lower.empty() || upper.empty()) return "must be " + lower + upper;
    return "must be " + lower + " and " + upper;
}

double neutral_value(const Bounds& bounds) {
    if (bounds.min && !bounds.min_exclusive) return *bounds.min;
    if (bounds.min && bounds.max) return (*bounds.min + *bounds.max) / 2.0;
    if (bounds.min) return *bounds.min + 1.0;
    if (bounds.max) return bounds.max_exclusive ? *bounds.max - 1.0 : *bounds.max;
    return 0.0;
}

}  // namespace wfsim::config
