#!/usr/bin/env python3
"""Validates `nufuz analyze` output against docs/analyze.schema.json and
checks the offset invariants the contract promises: every span lies in
"text" and its surface is text[start:end] (code points).

usage: validate_analyze.py NUFUZ_BINARY SOURCE_DIR
Runs analyze over examples/ and writes one line per problem; exit 1 on any.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema


def main():
    binary, src = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads((src / "docs" / "analyze.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    out = subprocess.run([binary, "analyze", str(src / "examples")], capture_output=True,
                         check=False, text=True)
    if out.returncode != 0:
        print(f"analyze exited {out.returncode}: {out.stderr}")
        return 1
    problems = 0
    docs = 0
    for line in out.stdout.splitlines():
        doc = json.loads(line)
        docs += 1
        for err in validator.iter_errors(doc):
            problems += 1
            print(f"{doc.get('doc')}: {'/'.join(map(str, err.path))}: {err.message}")
        text = doc["text"]
        spans = [(m, m["surface"]) for e in doc["entities"] for m in e["mentions"]]
        spans += [(d, d["surface"]) for d in doc["dates"]]
        spans += [(q, q["surface"]) for q in doc["quantities"]]
        for s, surface in spans:
            if not (0 <= s["start"] < s["end"] <= len(text)) or text[s["start"]:s["end"]] != surface:
                problems += 1
                print(f"{doc['doc']}: span {s['start']}-{s['end']} does not cut {surface!r}")
        ids = {e["id"] for e in doc["entities"]}
        for ev in doc["events"]:
            for k in ("evidence", "trigger"):
                if not (0 <= ev[k]["start"] <= ev[k]["end"] <= len(text)):
                    problems += 1
                    print(f"{doc['doc']}: event {ev['id']} {k} out of text")
            for k in ("source", "target", "location"):
                if ev[k] is not None and ev[k] not in ids:
                    problems += 1
                    print(f"{doc['doc']}: event {ev['id']} {k} {ev[k]} is not an entity")
            if ev["quantity"] is not None and ev["quantity"] >= len(doc["quantities"]):
                problems += 1
                print(f"{doc['doc']}: event {ev['id']} quantity index out of range")
    if docs == 0:
        print("no documents analysed")
        return 1
    print(f"{docs} documents, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
