#!/usr/bin/env bash
# README command (b): install what is missing, build, and run all tests:
# the Release build's tests, the same tests under AddressSanitizer +
# UndefinedBehaviorSanitizer, and a bounded fuzz smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
jobs=$(nproc)

echo "== build (Release) and test"
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build (ASan+UBSan) and test"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNUFUZ_SANITIZE=ON \
  -DNUFUZ_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== fuzz smoke (${NUFUZ_FUZZ_SECONDS:-60} s)"
scripts/fuzz.sh "${NUFUZ_FUZZ_SECONDS:-60}"
echo "== all tests passed"
