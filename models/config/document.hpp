// A scenario file being read: the parsed YAML, the problems found so far and, when generating
// documentation instead, the reference being written.
#pragma once

#include <memory>
#include <vector>

#include "models/config/diagnostics.hpp"
#include "models/config/reference.hpp"
#include "models/config/section.hpp"
#include "models/config/source.hpp"

namespace wfsim::config {

class Document {
public:
    // Parses `source`. A YAML syntax error, or a top level that is not a mapping, throws
    // InputError at once since nothing could be read; duplicate keys anywhere in the file are
    // recorded as diagnostics and reading goes on.
    static Document parse(SourceText source);

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
