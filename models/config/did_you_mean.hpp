// Suggestions for misspelt names (keys, choices, units), so a typo costs the user one glance
// at the message rather than a trip to the documentation.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace wfsim::config {

// The candidate nearest to `word`, ignoring case, by optimal-string-alignment distance
// (Levenshtein plus swaps of adjacent letters), if within max(1, length/3) edits; the first
// one wins a tie. Unrelated words get nothing, because a wrong suggestion misleads.
std::optional<std::string> closest(std::string_view word, std::span<const std::string> candidates);

// "a, b, c"
std::string join(std::span<const std::string> names);

// The parenthesised end of a message about an unrecognised `word`: "(did you mean 'x'?)" when a
// candidate is close, otherwise "(expected one of: a, b)".
std::string hint(std::string_view word, std::span<const std::string> candidates);

}  // namespace wfsim::config
