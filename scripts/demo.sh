#!/usr/bin/env bash
# README command (a): install what is missing, build, and run the main job on
# the bundled example corpus: analyze and store every article in an embedded
# SQLite knowledge base, then write the influence report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/build.sh nufuz
mkdir -p out
rm -f out/examples.sqlite out/examples.sqlite-wal out/examples.sqlite-shm
echo "== nufuz ingest: examples/ -> out/examples.sqlite"
build/nufuz ingest --db out/examples.sqlite examples/
echo "== nufuz stories (same-story clusters)"
build/nufuz stories --db out/examples.sqlite --min 1 | head -20
echo "== nufuz influence (2025-06; structural facts + coded events)"
build/nufuz influence --db out/examples.sqlite --month 2025-06 | head -12
build/nufuz analyze examples/ --out out/examples.analyze.jsonl
build/nufuz report --db out/examples.sqlite --month 2025-06 --format md > out/report.md
build/nufuz report --db out/examples.sqlite --month 2025-06 --out out/report.html
echo
echo "Report: $(pwd)/out/report.html (Markdown summary: out/report.md;"
echo "        analyze JSON Lines: out/examples.analyze.jsonl)"
