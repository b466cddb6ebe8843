#!/bin/sh
# Configures and builds wfsim (Release, with tests) into ./build.
set -eu
cd "$(dirname "$0")/../.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --parallel "$(nproc)"
