#!/usr/bin/env bash
# Configures and builds nufuz into build/ (Release).
#   scripts/build.sh            everything (binary, tests, benchmarks)
#   scripts/build.sh nufuz      only the named targets
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
if [ $# -gt 0 ]; then
  cmake --build build -j"$(nproc)" --target "$@"
else
  cmake --build build -j"$(nproc)"
fi
