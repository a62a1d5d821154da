#!/usr/bin/env bash
# Installs exactly the Debian 12 packages nufuz builds, tests and runs with.
# Idempotent: quiet when everything is present; uses sudo when not root.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # libraries
  libicu-dev          # Unicode: normalisation, charset detection/conversion
  libgumbo-dev        # HTML5 parsing
  libpoppler-cpp-dev  # PDF text extraction
  nlohmann-json3-dev  # JSON in and out
  libcli11-dev        # command line
  libsqlite3-dev      # the embedded knowledge base (WAL, FTS5)
  libmimalloc-dev     # the allocator of the binary and the benchmarks
  # data read at run time
  hunspell-ar         # Arabic stems for clitic segmentation and repair
  # tests, benchmarks, fuzzing, formatting
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev clang-format
  chromium            # the report test opens the HTML report headless
  python3             # evaluation scorers in ../shared/eval
  python3-jsonschema  # the analyze output is validated against its JSON Schema
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "bootstrap: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
