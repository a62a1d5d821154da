#!/usr/bin/env bash
# Scores `nufuz analyze` with ../shared/eval/score.py.
#   scripts/eval_analyze.sh            the seeds (../shared/corpus/seeds), fed as
#                                      JSON Lines with "published" from the gold,
#                                      as a crawler would
#   scripts/eval_analyze.sh examples   the bundled examples against eval/examples_gold
# Extra arguments go to score.py (e.g. --per-doc). Skips when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [ ! -f "$shared/eval/score.py" ]; then echo "eval_analyze: ../shared absent; skipped"; exit 0; fi
bin=${NUFUZ_BIN:-build/nufuz}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [ "${1:-}" = examples ]; then
  shift
  "$bin" analyze examples/ > "$out/pred.jsonl" || true
  python3 "$shared/eval/score.py" --gold eval/examples_gold --pred "$out/pred.jsonl" "$@"
  exit 0
fi
python3 - "$shared" > "$out/seeds.jsonl" <<'PY'
import json, pathlib, sys
shared = pathlib.Path(sys.argv[1])
for f in sorted((shared / "corpus" / "seeds").glob("*.txt")):
    gold = json.loads((shared / "eval" / "gold" / (f.stem + ".json")).read_text(encoding="utf-8"))
    rec = {"doc": f.name, "text": f.read_text(encoding="utf-8")}
    if gold.get("published"):
        rec["published"] = gold["published"]
    print(json.dumps(rec, ensure_ascii=False))
PY
"$bin" analyze "$out/seeds.jsonl" > "$out/pred.jsonl"
python3 "$shared/eval/score.py" --gold "$shared/eval/gold" --pred "$out/pred.jsonl" "$@"
