#!/usr/bin/env python3
"""Time polars on a BACI year file: scan_csv -> group_by(i, j) -> sum of v by channel.

    python3 benches/peers/gen_baci.py --rows 100000            # make a file first
    python3 benches/peers/baci_polars.py                       # the file gen_baci.py wrote
    python3 benches/peers/baci_polars.py FILE.csv --out sums.csv --repeat 3

The channels are those of `leverage build`: energy = HS chapter 27 (`k` starts with "27"),
dual_use = the 50 codes of tests/fixtures/datasets/chpl-hs.csv, rest = everything else.
Every column is read as text (BACI pads `v` and `q` with spaces, `q` may be `NA`, `k` keeps
its leading zero), then `v` is stripped and cast. Prints the wall time of each run and the
peak resident memory of the process (ru_maxrss).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "target" / "peers" / "baci" / "BACI_HS17_Y2022_V209901.csv"
CHPL = ROOT / "tests" / "fixtures" / "datasets" / "chpl-hs.csv"


def query(path: Path, chpl: list[str]) -> pl.LazyFrame:
    lf = pl.scan_csv(path, schema={c: pl.String for c in "tijkvq"})
    v = pl.col("v").str.strip_chars().cast(pl.Float64)
    k = pl.col("k")
    return (lf.with_columns(v.alias("v"))
              .group_by(["i", "j"])
              .agg(pl.col("v").sum().alias("total"),
                   pl.col("v").filter(k.str.starts_with("27")).sum().alias("energy"),
                   pl.col("v").filter(k.is_in(chpl)).sum().alias("dual_use"))
              .with_columns((pl.col("total") - pl.col("energy") - pl.col("dual_use")).alias("rest"))
              .sort(["i", "j"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path, nargs="?", default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", type=Path, help="write the (i, j) sums as CSV")
    args = ap.parse_args()
    if not args.file.exists():
        print(f"{args.file}: not found; run benches/peers/gen_baci.py first", file=sys.stderr)
        return 2
    chpl = [r["hs6"] for r in csv.DictReader(CHPL.open(newline=""))]
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        df = query(args.file, chpl).collect()
        times.append(time.perf_counter() - t0)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.out:
        df.write_csv(args.out)
    print(f"polars {pl.__version__}: {args.file.name}: {df.height:,} pairs, "
          f"sum v = {df['total'].sum():.3f}, energy = {df['energy'].sum():.3f}, "
          f"dual_use = {df['dual_use'].sum():.3f}")
    print("time: " + ", ".join(f"{t:.3f} s" for t in times) + f"; best {min(times):.3f} s")
    print(f"peak memory: {peak_mib:.1f} MiB (ru_maxrss of this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
