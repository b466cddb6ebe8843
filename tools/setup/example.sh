#!/bin/sh
# Fresh machine to first results: installs dependencies, builds, and runs the shipped example:
# the strategy scenario beside its policy options (strategy.h5, with the comparison table on
# the terminal), then its report on the terminal and as one web page (strategy.html).
set -eu
cd "$(dirname "$0")/../.."
tools/setup/install-deps.sh
tools/setup/build.sh
build/tools/wfsim/wfsim compare scenarios/strategy.yaml -o strategy.h5
build/tools/wfsim/wfsim report strategy.h5 --html strategy.html
echo "wfsim: the report is in $(pwd)/strategy.html"
