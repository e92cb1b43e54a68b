#!/usr/bin/env python3
"""Write a synthetic BACI year file in CEPII's exact layout, for speed comparisons.

    python3 benches/peers/gen_baci.py                       # 10,000,000 rows (about 470 MB)
    python3 benches/peers/gen_baci.py --rows 100000 --out target/peers/baci --seed 1

It writes, in the output folder (default target/peers/baci):

- BACI_HS17_Y2022_V209901.csv: header `t,i,j,k,v,q`, LF line endings, rows sorted by
  exporter, importer and product like CEPII's files; `i`/`j` are BACI's own numeric country
  codes (251 France, 842 USA, 699 India, ... not ISO numeric); `k` is an HS6 code written with
  its leading zero (`010121`); `v` (thousands of USD) is right-aligned in 12 characters and `q`
  (tonnes) in 13, with 3 decimals, and a missing `q` is a right-aligned `NA`, as in the real
  V202301 file (tests/fixtures/datasets/baci/BACI_HS92_Y2021_V202301-head500.csv).
- country_codes_V209901.csv: `country_code,country_name,country_iso2,country_iso3` (the
  V202401+ layout), with the codes and names of the real V202201 country-codes fixture.
- product_codes_HS17_V209901.csv: `code,description` for every product used.

The version `V209901` marks the files as synthetic. The values are random (log-normal), not
trade data. The same `--seed` and `--rows` give the same bytes. Needs numpy.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
CODES = ROOT / "tests" / "fixtures" / "datasets" / "baci" / "country_codes_V202201.csv"
CHPL = ROOT / "tests" / "fixtures" / "datasets" / "chpl-hs.csv"
VERSION = "V209901"
YEAR = 2022


def countries() -> list[tuple[str, str, str, str]]:
    text = CODES.read_bytes().decode("utf-8-sig")
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        iso3 = r["iso_3digit_alpha"].strip()
        iso2 = r["iso_2digit_alpha"].strip()
        rows.append((r["country_code"].strip(), r["country_name_abbreviation"].strip(),
                     "" if iso2 == "N/A" else iso2, "" if iso3 == "N/A" else iso3))
    rows.sort(key=lambda x: int(x[0]))
    return rows


def products(rng: np.random.Generator, n: int) -> list[str]:
    """About n HS6 codes: every chapter 01-97 (77 is reserved), chapter 27 and the
    CHPL codes always included, the rest drawn at random."""
    chpl = [r["hs6"] for r in csv.DictReader(CHPL.open(newline=""))]
    energy = ["270111", "270112", "270900", "271012", "271019", "271111", "271121", "271600"]
    fixed = set(chpl) | set(energy) | {"010121", "010129"}
    chapters = [c for c in range(1, 98) if c != 77]
    pool = set(fixed)
    while len(pool) < n:
        ch = chapters[int(rng.integers(len(chapters)))]
        heading = int(rng.integers(1, 60))
        sub = int(rng.integers(10, 100))
        pool.add(f"{ch:02d}{heading:02d}{sub:02d}")
    return sorted(pool)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000, help="data rows (default 10,000,000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--products", type=int, default=5000, help="distinct HS6 codes (default 5000)")
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "peers" / "baci")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    cc = countries()
    codes = [c[0] for c in cc]
    prods = products(rng, args.products)
    P = len(prods)
    pairs = [(a, b) for a in codes for b in codes if a != b]   # sorted by (i, j) numerically
    # rows per pair: heavy-tailed weights, multinomial, capped at the product count
    w = rng.lognormal(0.0, 1.5, len(pairs))
    counts = rng.multinomial(args.rows, w / w.sum())
    excess = int(np.maximum(counts - P, 0).sum())
    counts = np.minimum(counts, P)
    while excess:
        room = np.flatnonzero(counts < P)
        add = rng.multinomial(excess, np.full(len(room), 1 / len(room)))
        counts[room] += add
        excess = int(np.maximum(counts - P, 0).sum())
        counts = np.minimum(counts, P)
    assert int(counts.sum()) == args.rows

    k_arr = np.array(prods)
    data = out / f"BACI_HS17_Y{YEAR}_{VERSION}.csv"
    with data.open("w", newline="\n", encoding="ascii") as f:
        f.write("t,i,j,k,v,q\n")
        for (a, b), n in zip(pairs, counts):
            if n == 0:
                continue
            idx = np.sort(rng.choice(P, size=int(n), replace=False))
            v = np.minimum(rng.lognormal(2.0, 2.5, int(n)), 99_999_999.999)
            q = np.minimum(rng.lognormal(0.5, 2.5, int(n)), 999_999_999.999)
            na = rng.random(int(n)) < 0.02
            prefix = f"{YEAR},{a},{b},"
            lines = [f"{prefix}{k},{vv:12.3f},{'NA' if m else format(qq, '.3f'):>13}\n"
                     for k, vv, qq, m in zip(k_arr[idx], v, q, na)]
            f.writelines(lines)

    with (out / f"country_codes_{VERSION}.csv").open("w", newline="", encoding="utf-8") as f:
        w_ = csv.writer(f, lineterminator="\n")
        w_.writerow(["country_code", "country_name", "country_iso2", "country_iso3"])
        w_.writerows(cc)
    with (out / f"product_codes_HS17_{VERSION}.csv").open("w", newline="", encoding="utf-8") as f:
        w_ = csv.writer(f, lineterminator="\n")
        w_.writerow(["code", "description"])
        w_.writerows([(k, f"synthetic product {k}") for k in prods])
    print(f"wrote {args.rows:,} rows to {data} ({data.stat().st_size:,} bytes), "
          f"{len(cc)} countries, {P} products")
    return 0


if __name__ == "__main__":
    sys.exit(main())
