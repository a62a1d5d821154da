#!/usr/bin/env bash
# Measures the repair stage with the shared scorers (../shared/eval).
# Seed 000 (a real damaged PDF extraction) is scored against its gold; seeds
# 001-004 are damaged with ../shared/eval/damage.py and scored against their
# clean originals; the clean seeds are also run in auto mode and must come
# out unchanged. The project's examples/*.txt, damaged the same way, are
# scored too. Skips (exit 0) when ../shared is absent.
#
# usage: scripts/eval_repair.sh [REPAIR_CMD...]
#   REPAIR_CMD reads a text file (last argument) and prints the repaired text;
#   default: build/nufuz text --repair auto --no-clean --keep-punctuation
#   (no cleaning and no punctuation moves: the gold keeps both as printed)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NUFUZ_SHARED:-$root/../shared}"
if [[ ! -d "$shared/eval" ]]; then
  echo "eval_repair: $shared absent, skipped"
  exit 0
fi
if [[ $# -gt 0 ]]; then cmd=("$@"); else cmd=("$root/build/nufuz" text --repair auto --no-clean --keep-punctuation); fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for f in "$shared"/corpus/seeds/*.txt; do
  b="$(basename "$f" .txt)"
  gold="$shared/eval/gold/$b.repaired.txt"
  if [[ -f "$gold" ]]; then
    dmg="$f"
  else
    gold="$f"
    dmg="$tmp/$b.damaged.txt"
    python3 "$shared/eval/damage.py" <"$f" >"$dmg"
    "${cmd[@]}" "$f" >"$tmp/$b.clean.out"
    # NFC/space normalisation aside, repair must not touch clean text.
    if python3 - "$f" "$tmp/$b.clean.out" <<'PY'
import sys
a, b = (open(p, encoding="utf-8").read().split() for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
    then echo "$b clean auto: unchanged"; else echo "$b clean auto: CHANGED"; fi
  fi
  "${cmd[@]}" "$dmg" >"$tmp/$b.out"
  echo "$b $(python3 "$shared/eval/repair_score.py" --damaged "$dmg" --gold "$gold" --pred "$tmp/$b.out" | tail -1)"
done
# The project's own example articles (examples/*.txt, one file), damaged by
# the same rule: more text of the same kind, scored the same way.
if compgen -G "$root/examples/*.txt" >/dev/null; then
  for f in "$root"/examples/*.txt; do
    cat "$f"
    printf '\n\n'
  done >"$tmp/examples.txt"
  python3 "$shared/eval/damage.py" <"$tmp/examples.txt" >"$tmp/examples.damaged.txt"
  "${cmd[@]}" "$tmp/examples.txt" >"$tmp/examples.clean.out"
  if python3 - "$tmp/examples.txt" "$tmp/examples.clean.out" <<'PY'
import sys
a, b = (open(p, encoding="utf-8").read().split() for p in sys.argv[1:3])
sys.exit(0 if a == b else 1)
PY
  then echo "examples clean auto: unchanged"; else echo "examples clean auto: CHANGED"; fi
  "${cmd[@]}" "$tmp/examples.damaged.txt" >"$tmp/examples.out"
  echo "examples $(python3 "$shared/eval/repair_score.py" --damaged "$tmp/examples.damaged.txt" \
    --gold "$tmp/examples.txt" --pred "$tmp/examples.out" | tail -1)"
fi
