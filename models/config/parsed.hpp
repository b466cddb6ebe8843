// The outcome of reading one value: the value, or the message saying what is wrong with it.
#pragma once

#include <string>
#include <variant>

namespace wfsim::config {

struct Problem {
    std::string message;  // "must be greater than 0 (got -2)"
};

template <class T>
using Parsed = std::variant<T, Problem>;

}  // namespace wfsim::config
