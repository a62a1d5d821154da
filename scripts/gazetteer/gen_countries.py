#!/usr/bin/env python3
"""Generates data/gazetteer/countries.tsv and data/gazetteer/languages.tsv.

Seeds:
  - CLDR Arabic territory and language names from the installed ICU
    (scripts/gazetteer/icu_names.cc, compiled here with g++ against libicu-dev);
  - Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (codes, English
    names) and its Arabic translation iso_3166-1.mo (read with msgunfmt);
  - the curated overlay data/gazetteer/curated/countries.tsv (UN status,
    verified Wikidata ids, extra Arabic spellings, states outside ISO 3166-1).
Re-run: python3 scripts/gazetteer/gen_countries.py  (needs g++, libicu-dev,
iso-codes, gettext).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import GAZ, clean_ar, match_key, read_tsv, uniq, write_tsv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO639_JSON = "/usr/share/iso-codes/json/iso_639-3.json"
ISO_MO = "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo"


def icu_names():
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "icu_names")
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "icu-uc", "icu-i18n"],
                               check=True, capture_output=True, text=True).stdout.split()
        subprocess.run(["g++", "-std=c++17", "-O1", "-o", exe,
                        os.path.join(HERE, "icu_names.cc")] + flags, check=True)
        out = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
    terr, lang, ver = {}, {}, None
    for line in out.splitlines():
        kind, code, name = line.split("\t")
        if kind == "icu":
            ver = f"CLDR {name.split('.')[0]} via ICU {code}"
        elif kind == "territory":
            terr[code] = name
        else:
            lang[code] = name
    return terr, lang, ver


def iso_codes_version():
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                         capture_output=True, text=True).stdout.strip()
    return f"Debian iso-codes {out.split('-')[0] or '?'}"


def read_mo(path):
    """msgid -> msgstr from a gettext catalogue, via msgunfmt."""
    po = subprocess.run(["msgunfmt", path], check=True, capture_output=True, text=True).stdout
    cat, cur, key = {}, None, None
    buf = {"msgid": "", "msgstr": ""}
    for line in po.splitlines() + [""]:
        if line.startswith("msgid "):
            if buf["msgid"]:
                cat[buf["msgid"]] = buf["msgstr"]
            buf = {"msgid": json.loads(line[6:]), "msgstr": ""}
            cur = "msgid"
        elif line.startswith("msgstr "):
            buf["msgstr"] = json.loads(line[7:])
            cur = "msgstr"
        elif line.startswith('"') and cur:
            buf[cur] += json.loads(line)
    if buf["msgid"]:
        cat[buf["msgid"]] = buf["msgstr"]
    return cat


def usable(name):
    """A press spelling from a catalogue name: drop '(...)' qualifiers; inverted ISO
    forms ('X، جمهورية ...') are not spellings in use and are dropped."""
    name = re.sub(r"\([^)]*\)", "", clean_ar(name)).strip()
    if "،" in name or "," in name:
        return ""
    return clean_ar(name)


def main():
    terr, lang, icu_ver = icu_names()
    iso_ver = iso_codes_version()
    iso = json.load(open(ISO_JSON, encoding="utf-8"))["3166-1"]
    mo = read_mo(ISO_MO)
    _, overlay, _ = read_tsv(os.path.join(GAZ, "curated", "countries.tsv"))
    by_iso3 = {r["iso3"]: r for r in overlay if r["iso3"]}

    rows = []
    for e in iso:
        a2, a3 = e["alpha_2"], e["alpha_3"]
        ov = by_iso3.get(a3, {})
        sources, names = [], []
        if ov.get("ar_names"):
            names += ov["ar_names"].split("|")
        if a2 in terr and terr[a2] != a2:
            names.append(terr[a2])
            sources.append(icu_ver)
        iso_ar = [mo.get(e[k]) for k in ("name", "common_name", "official_name") if e.get(k)]
        iso_ar = [x for x in iso_ar if x]
        names += [("iso", x) for x in iso_ar]
        sources.append(iso_ver)
        if ov:
            sources.append(ov["source"])
        en = ov.get("name_en") or e.get("common_name") or e["name"]
        aliases = uniq([e["name"], e.get("common_name", ""), e.get("official_name", "")])
        aliases = [a for a in aliases if a != en]
        rows.append({
            "id": ov.get("id") or f"country:{a3.lower()}",
            "type": "COUNTRY",
            "status": ov.get("status") or "TERRITORY",
            "name_en": en,
            "aliases_en": "|".join(aliases),
            "wikidata": ov.get("wikidata", ""),
            "iso2": a2,
            "iso3": a3,
            "ar_names": names,
            "source": "; ".join(sources),
        })
    missing = set(by_iso3) - {e["alpha_3"] for e in iso}
    if missing:
        raise SystemExit(f"overlay iso3 not in iso-codes: {sorted(missing)}")
    for ov in overlay:
        if ov["iso3"]:
            continue
        rows.append({
            "id": ov["id"], "type": "COUNTRY", "status": ov["status"], "name_en": ov["name_en"],
            "aliases_en": "", "wikidata": ov["wikidata"], "iso2": "", "iso3": "",
            "ar_names": "|".join(uniq(clean_ar(n) for n in ov["ar_names"].split("|"))),
            "source": ov["source"],
        })
    # iso-codes translations are the least checked seed: drop one that names another
    # entry by a CLDR or curated spelling (e.g. a Moldova translation reading "المالديف").
    trusted = {}
    for r in rows:
        if isinstance(r["ar_names"], list):
            for n in r["ar_names"]:
                if not isinstance(n, tuple) and usable(n):
                    trusted.setdefault(match_key(usable(n)), set()).add(r["id"])
        else:
            for n in r["ar_names"].split("|"):
                trusted.setdefault(match_key(n), set()).add(r["id"])
    for r in rows:
        if isinstance(r["ar_names"], list):
            keep = []
            for n in r["ar_names"]:
                if isinstance(n, tuple):
                    n = usable(n[1])
                    if n and trusted.get(match_key(n), {r["id"]}) != {r["id"]} and \
                            r["id"] not in trusted.get(match_key(n), set()):
                        print(f"dropped iso-codes name {n} for {r['id']}", file=sys.stderr)
                        continue
                keep.append(usable(n))
            r["ar_names"] = "|".join(uniq(keep))
    header = ["id", "type", "status", "name_en", "aliases_en", "wikidata", "iso2", "iso3",
              "ar_names", "source"]
    write_tsv(os.path.join(GAZ, "countries.tsv"), "gen_countries.py", header, rows,
              note="States and territories: ISO 3166-1 (Debian iso-codes) + CLDR Arabic names (ICU)\n"
                   "+ curated overlay data/gazetteer/curated/countries.tsv. Edit the overlay, then re-run.")

    # Languages: ISO 639 codes known to ICU with a CLDR Arabic name.
    iso639 = json.load(open(ISO639_JSON, encoding="utf-8"))["639-3"]
    en_by_code = {}
    for e in iso639:
        for k in ("alpha_2", "alpha_3"):
            if e.get(k):
                en_by_code.setdefault(e[k], e["name"])
    lrows = []
    for code, ar in sorted(lang.items()):
        if ar == code or code not in en_by_code:
            continue
        lrows.append({"id": f"lang:{code}", "name_en": en_by_code[code], "iso639": code,
                      "ar_names": clean_ar(ar), "source": f"{icu_ver}; {iso_ver} (iso_639-3)"})
    write_tsv(os.path.join(GAZ, "languages.tsv"), "gen_countries.py",
              ["id", "name_en", "iso639", "ar_names", "source"], lrows,
              note="Language names (attribute vocabulary, not entities): CLDR Arabic via ICU.")
    print(f"countries.tsv: {len(rows)} rows; languages.tsv: {len(lrows)} rows")


if __name__ == "__main__":
    main()
