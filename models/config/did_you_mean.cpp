#include "models/config/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace wfsim::config {

namespace {

std::string lower(std::string_view text) {
    std::string result(text);
    for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

std::size_t osa_distance(const std::string& a, const std::string& b) {
    // d[i][j]: distance between the first i letters of a and the first j letters of b.
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest(std::string_view word, std::span<const std::string> candidates) {
    const std::string target = lower(word);
    std::size_t best = std::max<std::size_t>(1, word.size() / 3);
    std::optional<std::string> match;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = osa_distance(target, lower(candidate));
        if (distance < best || (distance == best && !match)) {
            best = distance;
            match = candidate;
        }
    }
    return match;
}

std::string join(std::span<const std::string> names) {
    std::string text;
    for (const std::string& name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

std::string hint(std::string_view word, std::span<const std::string> candidates) {
    if (const auto match = closest(word, candidates)) return "(did you mean '" + *match + "'?)";
    return "(expected one of: " + join(candidates) + ")";
}

}  // namespace wfsim::config
