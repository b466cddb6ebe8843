// The scenario reference documentation, generated from the same declarations that read the
// scenario, so the documentation cannot drift from what the reader accepts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wfsim::config {

struct ReferenceEntry {
    std::string path{};  // "recruitment.vacancy_fill_time", or "roles.<role>.headcount"
    std::string type{};  // "number", "duration", "one of: a, b", "map of <role> → section"
    std::string unit{};  // may be empty
    std::string default_text{};  // empty when required
    std::string doc{};
    bool required = false;
};

// The type of a map whose keys are free names: "map of <role> → number". Until a value is
// declared its type is unknown, shown as "…".
std::string map_type(std::string_view placeholder, std::string_view value_type = "…");

class Reference {
public:
    // Records a declared field. The first declaration of a path wins, so components that read
    // the same field (or the same named entry for every name) document it once. A field
    // declared directly under a map of free names completes that map's type:
    // "map of <role> → …" becomes "map of <role> → number".
    void add(ReferenceEntry entry);

    const std::vector<ReferenceEntry>& entries() const { return entries_; }

    // A table of the top-level fields, then a heading and a table per top-level section.
    std::string markdown() const;

private:
    std::vector<ReferenceEntry> entries_;
};

}  // namespace wfsim::config
