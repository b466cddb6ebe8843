// The range a numeric parameter must lie in, checked on reading and named in error messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wfsim::config {

// Members have initializers so that designated initializers naming only some of them, e.g.
// Bounds{.min = 0.0, .min_exclusive = true}, pass -Wmissing-field-initializers.
struct Bounds {
    std::optional<double> min{};
    std::optional<double> max{};
    bool min_exclusive = false;  // closed unless exclusive
    bool max_exclusive = false;
};

// "must be greater than 0" when `value` is outside `bounds`; bound values are followed by
// `unit` (" days") when given.
std::optional<std::string> violation(double value, const Bounds& bounds,
                                     std::string_view unit = {});

// A value inside `bounds` for a required field that is absent or wrong, so that reading can
// carry on: the minimum if allowed, else a value just inside the range; 0 when unbounded.
double neutral_value(const Bounds& bounds);

}  // namespace wfsim::config
