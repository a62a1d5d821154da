#!/usr/bin/env bash
# README command (a): install what is missing, build, and run the main job on
# the bundled example corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh
mkdir -p out
echo "== nufuz text examples/ (cleaned text of every example article) =="
build/nufuz text examples/ | tee out/examples.txt | head -40
echo "... full output in out/examples.txt"
build/nufuz text --json examples/ > out/examples.jsonl
echo "== Documents as JSON Lines: out/examples.jsonl ($(wc -l < out/examples.jsonl) documents)"
