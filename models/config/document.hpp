// A scenario file being read: the parsed YAML (with any overrides set into it), the problems
// found so far and, when generating documentation instead, the reference being written.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "models/config/diagnostics.hpp"
#include "models/config/override.hpp"
#include "models/config/reference.hpp"
#include "models/config/section.hpp"
#include "models/config/source.hpp"

namespace wfsim::config {

class Document {
public:
    // Parses `source`. A YAML syntax error, aliases that make the tree infinite or huge, or a
    // top level that is not a mapping, throws InputError at once since nothing could be read;
    // duplicate keys anywhere in the file are recorded as diagnostics and reading goes on.
    static Document parse(SourceText source);

    // Parses `source` afresh and sets `overrides` into it in order, later ones winning, so that
    // root() reads the scenario as they change it; throws as parse() does. Read overrides of
    // values in the file (Section::overrides) from a Document parsed from the same `source`.
    //
    // Missing mappings on a path are created, so a misspelt path makes a key that reading
    // reports as unknown. Every problem with a value an override set, or with a key it created,
    // ends "(set by ORIGIN)" and points at the override: at its value in the file, at its key
    // for keys it created, and nowhere (no line) for a program's value. A path through a scalar,
    // a sequence or a value shared through a YAML alias is reported, and the override skipped.
    // Problems of the base file are reported as parse() would, so a valid base gives only the
    // overrides' problems.
    static Document parse_with_overrides(SourceText source, std::span<const Override> overrides);

    // A document with no YAML whose sections record every declared field into `reference`
    // (which must outlive the reading) and return defaults or neutral valid values.
    static Document documenting(Reference& reference);

    Section root();

    // For cross-field checks made by callers; `file` is filled in if empty.
    void report(Diagnostic diagnostic);

    bool has_errors() const;
    // In file order: by line, then column, then the order they were reported.
    const std::vector<Diagnostic>& diagnostics() const;
    // Throws InputError with every diagnostic if there is any.
    void throw_if_errors() const;

private:
    explicit Document(std::shared_ptr<DocumentState> state);

    std::shared_ptr<DocumentState> state_;
};

}  // namespace wfsim::config
