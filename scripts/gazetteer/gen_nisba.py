#!/usr/bin/env python3
"""Generates data/gazetteer/nisba.tsv from data/gazetteer/curated/nisba.tsv.

Each masculine singular nisba X (e.g. روسي) yields X, الX, Xة, الXة; a one-word X also
yields its sound plurals Xون, Xين (with and without ال: "مسؤولون أمريكيون"، "خبراء صينيين")
and its indefinite accusative Xا ("صحفيا فرنسيا"), which denote people of the country as
the other forms do; a multiword nisba
(كوري جنوبي) inflects every word ending in ي and takes ال on the first word and on
every inflected word (الكوري الجنوبي، الكورية الجنوبية). Each plural P yields P and الP.
Re-run: python3 scripts/gazetteer/gen_nisba.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import GAZ, clean_ar, read_tsv, write_tsv  # noqa: E402


def forms(masc):
    words = clean_ar(masc).split(" ")
    fem = [w + "ة" if w.endswith("ي") else w for w in words]

    def definite(ws):
        return [("ال" + w) if (i == 0 or w.endswith("ي") or w.endswith("ية")) else w
                for i, w in enumerate(ws)]

    out = [(" ".join(words), "m", "0"), (" ".join(definite(words)), "m", "1"),
           (" ".join(fem), "f", "0"), (" ".join(definite(fem)), "f", "1")]
    if len(words) == 1 and words[0].endswith("ي"):
        w = words[0]
        out += [(w + "ون", "pl", "0"), ("ال" + w + "ون", "pl", "1"), (w + "ين", "pl", "0"),
                ("ال" + w + "ين", "pl", "1"), (w + "ا", "m", "0")]
    return out


def main():
    _, rows, _ = read_tsv(os.path.join(GAZ, "curated", "nisba.tsv"))
    out, seen = [], {}
    for r in rows:
        items = []
        for m in filter(None, r["masc"].split("|")):
            items += forms(m)
        for p in filter(None, r["plural"].split("|")):
            p = clean_ar(p)
            items += [(p, "pl", "0"), ("ال" + p, "pl", "1")]
        for ar, gender, definite in items:
            if ar in seen:
                if seen[ar] != r["target"]:
                    raise SystemExit(f"nisba {ar} maps to {seen[ar]} and {r['target']}")
                continue
            seen[ar] = r["target"]
            out.append({"ar": ar, "target": r["target"], "gender": gender,
                        "definite": definite, "source": r["source"]})
    write_tsv(os.path.join(GAZ, "nisba.tsv"), "gen_nisba.py",
              ["ar", "target", "gender", "definite", "source"], out,
              note="Nisba adjectives and demonyms -> country/bloc/place id.\n"
                   "Edit data/gazetteer/curated/nisba.tsv, then re-run.")
    print(f"nisba.tsv: {len(out)} rows")


if __name__ == "__main__":
    main()
