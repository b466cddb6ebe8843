#include "models/config/reference.hpp"

#include <algorithm>
#include <string_view>

namespace wfsim::config {

namespace {

std::string_view parent_of(std::string_view path) {
    const auto dot = path.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string_view last_key(std::string_view path) {
    const auto dot = path.rfind('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// A list's items are documented under "interventions[].at", so '[' ends a key too.
std::string_view top_key(std::string_view path) {
    return path.substr(0, path.find_first_of(".["));
}

// Markdown table cells cannot hold pipes or line breaks.
std::string cell(std::string_view text) {
    std::string result;
    for (const char c : text) {
        if (c == '|') {
            result += "\\|";
        } else {
            result += c == '\n' ? ' ' : c;
        }
    }
    return result;
}

void append_table(std::string& out, const std::vector<const ReferenceEntry*>& rows) {
    out += "| Key | Type | Unit | Default | Description |\n";
    out += "|---|---|---|---|---|\n";
    for (const ReferenceEntry* row : rows) {
        out += "| `" + cell(row->path) + "` | " + cell(row->type) + " | " + cell(row->unit) +
               " | " + (row->required ? std::string("required") : cell(row->default_text)) + " | " +
               cell(row->doc) + " |\n";
    }
}

}  // namespace

std::string map_type(std::string_view placeholder, std::string_view value_type) {
    return "map of " + std::string(placeholder) + " → " + std::string(value_type);
}

void Reference::add(ReferenceEntry entry) {
    const auto same_path = [&](const ReferenceEntry& e) { return e.path == entry.path; };
    if (std::ranges::any_of(entries_, same_path)) return;

    const std::string_view parent_path = parent_of(entry.path);
    const auto parent = std::ranges::find_if(
        entries_, [&](const ReferenceEntry& e) { return e.path == parent_path; });
    if (parent != entries_.end() && parent->type == map_type(last_key(entry.path))) {
        parent->type = map_type(last_key(entry.path), entry.type);
    }
    entries_.push_back(std::move(entry));
}

std::string Reference::markdown() const {
    const auto is_section = [&](std::string_view top) {
        return std::ranges::any_of(entries_, [&](const ReferenceEntry& e) {
            return e.path.size() > top.size() && top_key(e.path) == top;
        });
    };

    std::string out;
    std::vector<const ReferenceEntry*> top_fields;
    for (const ReferenceEntry& entry : entries_) {
        if (top_key(entry.path) == entry.path && !is_section(entry.path)) {
            top_fields.push_back(&entry);
        }
    }
    if (!top_fields.empty()) {
        out += "## Top-level settings\n\n";
        append_table(out, top_fields);
    }

    for (const ReferenceEntry& section : entries_) {
        if (top_key(section.path) != section.path || !is_section(section.path)) continue;
        if (!out.empty()) out += '\n';
        out += "## `" + section.path + "`\n\n";
        if (!section.doc.empty()) out += section.doc + "\n\n";
        out += "Type: " + section.type + (section.required ? "; required" : "; optional") + ".\n\n";
        std::vector<const ReferenceEntry*> rows;
        for (const ReferenceEntry& entry : entries_) {
            if (&entry != &section && top_key(entry.path) == section.path) rows.push_back(&entry);
        }
        append_table(out, rows);
    }
    return out;
}

}  // namespace wfsim::config
