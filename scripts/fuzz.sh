#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for N seconds
# (default 60) over a corpus seeded from examples/ and tests/fixtures/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNUFUZ_FUZZ=ON -DNUFUZ_TESTS=OFF -DNUFUZ_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_text
corpus=build-fuzz/corpus-text
mkdir -p "$corpus"
find examples tests/fixtures -type f -size -64k -exec cp {} "$corpus"/ \; 2>/dev/null || true
build-fuzz/fuzz/fuzz_text "$corpus" -max_total_time="$secs" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 2>&1 | tail -n 15
