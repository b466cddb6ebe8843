// The shipped core scenario as text, for tests that vary it one edit at a time.
// Needs WFSIM_SOURCE_DIR defined to the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace wfsim::testing {

inline std::string core_text() {
    std::ifstream in(WFSIM_SOURCE_DIR "/scenarios/core.yaml");
    EXPECT_TRUE(in) << "cannot open scenarios/core.yaml";
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// `text` with the one occurrence of `from` replaced by `to`; fails the test if there is none.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "'" << from << "' not in the scenario";
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// The core scenario shortened to `years` (it runs 10), for fast end-to-end runs.
inline std::string core_text_over(int years) {
    return replaced(core_text(), "horizon: 10 years", "horizon: " + std::to_string(years) + " years");
}

}  // namespace wfsim::testing
