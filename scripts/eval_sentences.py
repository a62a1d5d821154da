#!/usr/bin/env python3
"""Score `nufuz analyze` events on a labelled sentence set (eval/sentences/).

usage: eval_sentences.py [--set PATH] [--bin PATH] [--data DIR] [--misses] [--json]

Each line of the set is {"id", "text", "events": [{"source", "target",
"cameo_roots"}]} with source/target the gazetteer's name_en (or null). The
sentences go to `nufuz analyze` as JSON Lines records ({"id", "text"}: one
document per sentence), and an event matches as in ../shared/eval/score.py:
same source and target (null only against null) and the first two digits of
its CAMEO code among the gold roots, one-to-one, in gold order. Reports P/R/F1
per CAMEO root (a matched pair counts under the gold's first root, an
unmatched prediction under its own root) and overall. --misses lists each
sentence's missed gold events and spurious predictions. Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm_en(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def names_of(entity):
    """The English names an entity answers to: name_en and its aliases."""
    names = {norm_en(entity.get("name_en", ""))}
    aliases = (entity.get("attrs") or {}).get("aliases_en", "")
    if isinstance(aliases, str):
        names |= {norm_en(a) for a in aliases.split("|") if a}
    names.discard("")
    return names


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def run_analyze(binary, data, items):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sentences.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps({"id": it["id"], "text": it["text"]}, ensure_ascii=False) + "\n")
        cmd = [binary, "analyze", path]
        if data:
            cmd += ["--data", data]
        out = subprocess.run(cmd, check=False, capture_output=True, text=True, encoding="utf-8")
    preds = {}
    for line in out.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            preds[str(rec.get("doc"))] = rec
    return preds


def score(items, preds):
    """Returns (per-root counts {root: [tp, pred, gold]}, per-sentence details)."""
    per_root = {}
    details = []

    def bump(root, i, n=1):
        per_root.setdefault(root, [0, 0, 0])[i] += n

    for it in items:
        rec = preds.get(it["id"], {})
        ents = {str(e.get("id")): e for e in rec.get("entities", []) or [] if isinstance(e, dict)}

        def side_ok(gname, pid):
            if gname is None:
                return pid in (None, "")
            e = ents.get(str(pid)) if pid not in (None, "") else None
            return e is not None and norm_en(gname) in names_of(e)

        pev = [e for e in rec.get("events", []) or [] if isinstance(e, dict)]
        used = set()
        missed = []
        for g in it["events"]:
            roots = set(g["cameo_roots"])
            hit = None
            for i, e in enumerate(pev):
                if i in used or str(e.get("cameo", ""))[:2] not in roots:
                    continue
                if side_ok(g.get("source"), e.get("source")) and side_ok(g.get("target"), e.get("target")):
                    hit = i
                    break
            primary = g["cameo_roots"][0]
            bump(primary, 2)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
                bump(primary, 0)
                bump(primary, 1)

        def label(pid):
            e = ents.get(str(pid)) if pid not in (None, "") else None
            return e.get("name_en") if e else None

        spurious = []
        for i, e in enumerate(pev):
            if i not in used:
                bump(str(e.get("cameo", ""))[:2], 1)
                spurious.append({"cameo": e.get("cameo"), "source": label(e.get("source")),
                                 "target": label(e.get("target"))})
        details.append({"id": it["id"], "text": it["text"], "missed": missed, "spurious": spurious})
    return per_root, details


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", default=os.path.join(ROOT, "eval", "sentences", "dev.jsonl"))
    ap.add_argument("--bin", default=os.environ.get("NUFUZ_BIN", os.path.join(ROOT, "build", "nufuz")))
    ap.add_argument("--data", default=None, help="data directory passed to analyze")
    ap.add_argument("--misses", action="store_true", help="list missed and spurious events per sentence")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args()

    with open(args.set, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    preds = run_analyze(args.bin, args.data, items)
    per_root, details = score(items, preds)
    totals = [sum(v[i] for v in per_root.values()) for i in range(3)]
    result = {"overall": prf(*totals), "roots": {r: prf(*per_root[r]) for r in sorted(per_root)},
              "sentences": len(items)}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print("root    tp  pred  gold      P      R     F1")
        for r, s in result["roots"].items():
            print("%4s  %4d  %4d  %4d  %.3f  %.3f  %.3f" % (r, s["tp"], s["pred"], s["gold"], s["p"], s["r"], s["f1"]))
        s = result["overall"]
        print(" all  %4d  %4d  %4d  %.3f  %.3f  %.3f   (%d sentences)" % (
            s["tp"], s["pred"], s["gold"], s["p"], s["r"], s["f1"], len(items)))
    if args.misses:
        for d in details:
            if not d["missed"] and not d["spurious"]:
                continue
            print("\n%s %s" % (d["id"], d["text"]))
            for g in d["missed"]:
                print("  MISS  %s -> %s %s" % (g.get("source"), g.get("target"), ",".join(g["cameo_roots"])))
            for e in d["spurious"]:
                print("  EXTRA %s -> %s %s" % (e["source"], e["target"], e["cameo"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
