#!/bin/sh
# Fresh machine to first results: installs dependencies, builds, and runs the shipped core
# scenario, writing core.h5 and printing the summary table.
set -eu
cd "$(dirname "$0")/../.."
tools/setup/install-deps.sh
tools/setup/build.sh
build/tools/wfsim/wfsim run scenarios/core.yaml -o core.h5
