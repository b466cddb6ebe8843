#include "models/config/diagnostics.hpp"

namespace wfsim::config {

namespace {

std::string format_all(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (!text.empty()) text += '\n';
        text += diagnostic.format();
    }
    return text;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string text = file;
    if (line > 0) text += ':' + std::to_string(line) + ':' + std::to_string(column);
    text += ": error: ";
    if (!path.empty()) text += path + ": ";
    return text + message;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(format_all(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace wfsim::config
