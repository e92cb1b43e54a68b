#!/usr/bin/env python3
"""Build graphs/aliases.tsv, the names `leverage` resolves to ISO 3166-1 alpha-3 ids.

Python 3, standard library only:

    python3 graphs/build/build_aliases.py [--iso PATH] [--out PATH]

It reads the ISO 3166-1 table of the Debian/freedesktop `iso-codes` package
(/usr/share/iso-codes/json/iso_3166-1.json: `apt-get install iso-codes`), and writes one line per
alias, `ALIAS<TAB>ALPHA3`, sorted: every alpha-2 code, every short, official and common name, and
the extra aliases below (the names the UN and the EU use where ISO's differ, and a few names a user
types). The program embeds the file; it never needs iso-codes at run time. Country codes and names
are facts; the table is ours.
"""

import argparse
import json
import os
import sys

# Names the UN or the EU use, or a user types, that ISO's table does not have (alias -> alpha-3).
EXTRA = {
    "UK": "GBR",          # the EU's code and common usage; ISO reserves it
    "EL": "GRC",          # the EU's code for Greece
    "Turkey": "TUR",      # the English name until 2022; the UN uses Türkiye since June 2022
    "Turkiye": "TUR",
    "Russia": "RUS",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "United States of America": "USA",
    "USA": "USA",
    "US": "USA",
    "America": "USA",
    "North Korea": "PRK",
    "Democratic People's Republic of Korea": "PRK",
    "Republic of Korea": "KOR",
    "Korea": "KOR",
    "Iran (Islamic Republic of)": "IRN",
    "Viet Nam": "VNM",
    "Vietnam": "VNM",
    "Czech Republic": "CZE",
    "Holland": "NLD",
    "The Netherlands": "NLD",
    "UAE": "ARE",
    "Emirates": "ARE",
    "Syria": "SYR",
    "Syrian Arab Republic": "SYR",
    "Moldova": "MDA",
    "Republic of Moldova": "MDA",
    "Bolivia": "BOL",
    "Bolivia (Plurinational State of)": "BOL",
    "Venezuela": "VEN",
    "Venezuela (Bolivarian Republic of)": "VEN",
    "Tanzania": "TZA",
    "Laos": "LAO",
    "Lao People's Democratic Republic": "LAO",
    "Ivory Coast": "CIV",
    "Côte d'Ivoire": "CIV",
    "Kyrgyzstan": "KGZ",
    "Hong Kong": "HKG",
    "Hong Kong, China": "HKG",
    "Macao": "MAC",
    "Palestine": "PSE",
    "State of Palestine": "PSE",
    "Taiwan": "TWN",
}


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    ap.add_argument("--out", default=os.path.join(repo, "graphs", "aliases.tsv"))
    args = ap.parse_args()
    with open(args.iso, encoding="utf-8") as f:
        table = json.load(f)["3166-1"]
    aliases = {}

    def add(alias, a3):
        alias = alias.strip()
        if not alias or "\t" in alias or "\n" in alias:
            return
        key = alias.casefold()
        if key in aliases and aliases[key][1] != a3:
            raise SystemExit(f"error: alias `{alias}` names both {aliases[key][1]} and {a3}")
        aliases.setdefault(key, (alias, a3))

    codes = set()
    for c in table:
        a3 = c["alpha_3"]
        codes.add(a3)
        add(c["alpha_2"], a3)
        for k in ("name", "official_name", "common_name"):
            if k in c:
                add(c[k], a3)
    for alias, a3 in EXTRA.items():
        if a3 not in codes:
            raise SystemExit(f"error: extra alias `{alias}` names {a3}, not an ISO 3166-1 code")
        add(alias, a3)
    lines = sorted(f"{alias}\t{a3}" for alias, a3 in aliases.values())
    header = ("# leverage name aliases: ALIAS<TAB>ISO 3166-1 alpha-3; built by "
              "graphs/build/build_aliases.py from iso-codes (ISO 3166-1) plus the names the UN and "
              "the EU use\n")
    text = header + "\n".join(lines) + "\n"
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.out)
    print(f"wrote {os.path.relpath(args.out)}: {len(lines)} aliases for {len(codes)} codes",
          file=sys.stderr)


if __name__ == "__main__":
    main()
