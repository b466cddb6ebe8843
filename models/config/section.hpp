// Reading one YAML mapping of a scenario through declarations. Each getter call declares a
// parameter once — name, type, unit, default, doc, validation — and that single declaration
// both reads and checks the user's value and, in documenting mode, writes the reference entry.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/calendar.hpp"
#include "engine/distribution.hpp"
#include "models/config/bounds.hpp"
#include "models/config/override.hpp"

namespace YAML {
class Node;
}

namespace wfsim::config {

struct DocumentState;
struct SectionState;

struct FieldDoc {
    std::string_view doc;
    std::string_view unit = {};
};

// How distribution parameters are read: durations accept units ("6 weeks"), numbers do not.
enum class Quantity { Duration, Number };

// A YAML mapping being read at a dotted path. Copies share state, and so do all Sections
// obtained for the same path, so several components may read one mapping.
//
// Every getter declares the field, marks the key as known, validates the value, reports any
// problem at the value's position and returns the value — or, after a problem, the fallback or
// a neutral valid value, so that reading carries on and every problem in the file is found.
// A nullopt `fallback` makes the key required: if absent, "missing required key" is reported
// at the mapping; if empty ("key:"), "missing value" is reported at the key.
//
// When documenting (see Document::documenting) every section is present and every getter
// returns its fallback or neutral value.
class Section {
public:
    // False for an absent optional section (or one whose value was not a mapping): its getters
    // return fallbacks or neutral values and report nothing.
    bool present() const;
    const std::string& path() const;
    // Whether the mapping has `key` (always true when documenting, so that fields read only if
    // present are documented too). Does not mark the key as known.
    bool has(std::string_view key) const;

    double real(std::string_view key, FieldDoc doc, Bounds bounds = {},
                std::optional<double> fallback = {});
    std::int64_t integer(std::string_view key, FieldDoc doc, Bounds bounds = {},
                         std::optional<std::int64_t> fallback = {});
    bool boolean(std::string_view key, FieldDoc doc, std::optional<bool> fallback = {});
    std::string text(std::string_view key, FieldDoc doc, std::optional<std::string> fallback = {});
    // `allowed` must not be empty; its first value is the neutral one.
    std::string choice(std::string_view key, FieldDoc doc,
                       std::span<const std::string_view> allowed,
                       std::optional<std::string> fallback = {});
    engine::Date date(std::string_view key, FieldDoc doc,
                      std::optional<engine::Date> fallback = {});
    // In days: a number, or "N day(s)|week(s)|month(s)|year(s)". `bounds` are in days.
    double duration(std::string_view key, FieldDoc doc, Bounds bounds = {},
                    std::optional<double> fallback = {});
    // { dist: KIND, ...parameters } or a bare duration / number meaning a fixed value.
    engine::Distribution distribution(std::string_view key, FieldDoc doc,
                                      std::optional<engine::Distribution> fallback = {},
                                      Quantity quantity = Quantity::Duration);

    // An optional distribution with no default value: nullopt when the key is absent or
    // empty; `when_absent` says in the reference what that means ("never filled").
    std::optional<engine::Distribution> optional_distribution(
        std::string_view key, FieldDoc doc, std::string_view when_absent,
        Quantity quantity = Quantity::Duration);

    Section section(std::string_view key, FieldDoc doc, bool required = false);
    // A mapping whose keys are free names (e.g. role names), documented as `placeholder`
    // ("<role>"); its keys are never "unknown".
    Section named_entries(std::string_view key, FieldDoc doc, std::string_view placeholder,
                          bool required = false);

    // A sequence of mappings, each read as a Section at "key[i]", so that its problems say
    // "interventions[0].at" and its finish() reports its unknown keys. An item that is not a
    // mapping is reported and comes back absent, so that items keep their index. An absent or
    // empty key gives no items. When documenting, one item at "key[]", so that callers' loops
    // document the item's fields once.
    std::vector<Section> list(std::string_view key, FieldDoc doc, bool required = false);

    // Sequences of values. Each item is checked as the single getter checks it and reported at
    // "key[i]"; a bad item is read as the neutral value, so that the list keeps its length. A
    // value that is no sequence gives the fallback, or no items.
    std::vector<engine::Date> dates(std::string_view key, FieldDoc doc,
                                    std::optional<std::vector<engine::Date>> fallback = {});
    std::vector<double> reals(std::string_view key, FieldDoc doc, Bounds bounds = {},
                              std::optional<std::vector<double>> fallback = {});
    // Scalars as written ("10", "3 months", "yes"), for values a program sets by path.
    std::vector<std::string> texts(std::string_view key, FieldDoc doc,
                                   std::optional<std::vector<std::string>> fallback = {});

    // A mapping of parameters set by path, "turnover.social_worker.annual_rate: 0.13" (see
    // Document::parse_with_overrides), documented as "<parameter.path>"; each override names
    // `origin` ("interventions[0]"). Reports, at the key, a path that is not names joined by
    // '.' and one that overlaps another ("a.b" and "a.b.c"), and leaves both out. Paths that
    // start with one of `fixed` ("roles", "roles.social_worker.caseload_cap") name settings that
    // cannot be changed this way; they are reported ("<refusal>; set roles in the scenario
    // itself") and left out too.
    std::vector<Override> overrides(std::string_view key, FieldDoc doc, std::string origin,
                                    bool required = false,
                                    std::span<const std::string_view> fixed = {},
                                    std::string_view refusal = "cannot change during a run");

    // The keys in file order (each once); when documenting, {placeholder} for a named_entries
    // section so that callers' loops document one entry, and {} otherwise.
    std::vector<std::string> keys() const;

    // Reports a problem found by a cross-field check at `key`'s value (or at the mapping if
    // the key is absent): "role 'nqsw' is not declared in roles".
    void error(std::string_view key, std::string message);
    // Whether a problem has been reported at `key` (a value that is no date, out of bounds, ...),
    // so that a cross-field check can leave a value already reported alone instead of adding
    // a second, misleading problem about the neutral value it was read as.
    bool reported(std::string_view key) const;

    // Reports every key never asked for: "unknown key 'turnovr' (did you mean 'turnover'?)".
    // Call once all components have read this section.
    void finish();

private:
    friend class Document;

    struct Declaration {
        std::string type;
        FieldDoc doc;
        std::string default_text;  // empty when required
        bool required = false;
    };

    Section(std::shared_ptr<DocumentState> document, std::shared_ptr<SectionState> state);

    // Records `key` as known and, when documenting, in the reference.
    void declare(std::string_view key, const Declaration& declaration);
    // Declares `key` and returns its value, or nullopt when the caller must fall back:
    // documenting, absent section, or absent or empty key (reported if required).
    std::optional<YAML::Node> locate(std::string_view key, const Declaration& declaration);
    // locate(), then `convert` (YAML::Node -> Parsed<T>); nullopt also after a reported problem.
    template <class T, class Convert>
    std::optional<T> read(std::string_view key, const Declaration& declaration, Convert convert);

    // locate(), then each item of the sequence through `convert` (YAML::Node -> Parsed<T>).
    template <class T, class Convert>
    std::vector<T> read_list(std::string_view key, const Declaration& declaration,
                             std::optional<std::vector<T>> fallback, std::string_view what,
                             const T& neutral, Convert convert);

    // The Section for `key`, whose value is `value` (present if a mapping, or documenting).
    Section child(std::string_view key, const YAML::Node& value, std::string_view placeholder = {});
    Section nested(std::string_view key, const Declaration& declaration,
                   std::string_view placeholder);
    engine::Distribution read_distribution(std::string_view key, const Declaration& declaration,
                                           const engine::Distribution& neutral, Quantity quantity);
    // The { dist: KIND, ... } form, read by the Section of that mapping.
    std::optional<engine::Distribution> distribution_mapping(Quantity quantity);
    // Reports each key of the mapping not declared, with `message(key)`.
    void report_unknown_keys(const std::function<std::string(const std::string&)>& message);

    std::shared_ptr<DocumentState> document_;
    std::shared_ptr<SectionState> state_;
};

}  // namespace wfsim::config
