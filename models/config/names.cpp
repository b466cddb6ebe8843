#include "models/config/names.hpp"

#include "models/config/did_you_mean.hpp"

namespace wfsim::config {

bool is_identifier(std::string_view name) {
    return !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                                   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
                                std::string_view::npos;
}

std::string not_declared(std::string_view kind, std::string_view name, std::string_view where,
                         std::span<const std::string> known) {
    std::string message(kind);
    message.append(" '").append(name).append("' is not declared in ").append(where);
    if (auto hint = closest(name, known)) message.append(" (did you mean '").append(*hint).append("'?)");
    return message;
}

}  // namespace wfsim::config
