// Setting overrides into a freshly parsed tree, for Document::parse_with_overrides. Internal to
// models/config.
#pragma once

#include <span>

#include <yaml-cpp/yaml.h>

#include "models/config/document_state.hpp"
#include "models/config/override.hpp"

namespace wfsim::config {

// Sets each override into `state.root`, in order, so later ones win. Missing mappings on the way
// are created; a path through a scalar or a sequence, or through a value a YAML alias shares
// (setting it would change every use), is reported and skipped. Values written in the file are
// taken from `donor`, a second parse of the same text, so that the tree's own `set:` entries
// stay as written while the values keep their marks; yaml-cpp's Clone would lose them. Records
// in `state.origins` who set each path and each mapping created, so that problems found later
// name the override (see DocumentState::report).
//
// Throws std::invalid_argument for a value in the file that `donor` does not hold: an override
// read from another file. That is a programming error, not a problem with the input.
void overlay(DocumentState& state, const YAML::Node& donor, std::span<const Override> overrides);

}  // namespace wfsim::config
