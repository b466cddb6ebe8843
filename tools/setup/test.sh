#!/bin/sh
# Fresh machine to a full test run: installs dependencies, builds, runs every ctest suite
# (unit, integration, theory). Exits non-zero if any test fails.
set -eu
cd "$(dirname "$0")/../.."
tools/setup/install-deps.sh
tools/setup/build.sh
cd build
ctest --output-on-failure --parallel "$(nproc)"
