#!/usr/bin/env python3
"""`leverage build` against polars on a BACI year file, in one run: time, peak memory, agreement.

    python3 benches/peers/baci_compare.py                      # the 10,000,000-row file
    python3 benches/peers/baci_compare.py --rows 1000000 --repeat 3
    python3 benches/peers/baci_compare.py --leverage target/release/leverage --json out.json

1. Makes the file with gen_baci.py if it is not there (BACI's exact layout, see that script).
2. polars: the query of baci_polars.py (scan_csv -> group_by(i, j) -> sum of v, split into
   chapter 27, the CHPL codes and the rest), timed inside one Python process, the query alone
   (no interpreter start, no import), best of --repeat; its peak RSS is the process's.
3. leverage: the whole `leverage build --baci FILE --baci-codes CODES -o OUT` command, timed
   from outside (start-up, reading the codes, streaming and hashing the file, the shares, the
   checked graph written with fsync), best of --repeat, with its peak RSS from GNU time
   (`/usr/bin/time -f %M`). So leverage does more than the query polars runs.
4. Agreement: from polars' sums, the shares of every country pair (the tie P -> C weighs
   (v(C->P) + v(P->C)) / sum over C's partners) in each channel, against the figures of
   leverage's graph: the largest absolute difference is printed.

The ratio printed is leverage's best time over polars' best time (at most 1.0 is the bar of
issue #13). Run it on a quiet machine, `nice`d if others work on it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None,
                    help="where the generated files are (default target/peers/baci-<rows>)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--leverage", type=Path, default=ROOT / "target" / "release" / "leverage")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    args = ap.parse_args()

    d = args.dir or ROOT / "target" / "peers" / f"baci-{args.rows}"
    data = d / "BACI_HS17_Y2022_V209901.csv"
    codes = d / "country_codes_V209901.csv"
    if not data.exists():
        subprocess.run([sys.executable, str(HERE / "gen_baci.py"), "--rows", str(args.rows),
                        "--seed", str(args.seed), "--out", str(d)], check=True)
    if not args.leverage.exists():
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    size = data.stat().st_size
    print(f"file: {data} ({size:,} bytes, {args.rows:,} rows); load average "
          f"{os.getloadavg()[0]:.2f}")

    # polars, in this process.
    import polars as pl
    from baci_polars import query
    chpl = [r["hs6"] for r in csv.DictReader(
        (ROOT / "tests/fixtures/datasets/chpl-hs.csv").open(newline=""))]
    ptimes = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        sums = query(data, chpl).collect()
        ptimes.append(time.perf_counter() - t0)
    prss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"polars {pl.__version__}: " + ", ".join(f"{t:.3f} s" for t in ptimes)
          + f"; best {min(ptimes):.3f} s; peak RSS {prss:.0f} MiB (the Python process)")

    # leverage, as a command.
    ltimes, lrss = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "g.json"
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = subprocess.run(["/usr/bin/time", "-f", "%M", str(args.leverage), "build",
                                "--baci", str(data), "--baci-codes", str(codes), "-o", str(out)],
                               capture_output=True, text=True)
            ltimes.append(time.perf_counter() - t0)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                return 1
            lrss.append(int(r.stderr.strip().splitlines()[-1]) / 1024)
        graph = json.loads(out.read_text())
    print(f"leverage build: " + ", ".join(f"{t:.3f} s" for t in ltimes)
          + f"; best {min(ltimes):.3f} s; peak RSS {max(lrss):.0f} MiB")

    # Agreement: shares from polars' sums against leverage's figures.
    iso = {}
    for row in csv.DictReader(codes.open(newline="", encoding="utf-8")):
        if row["country_iso3"].strip():
            iso[row["country_code"].strip()] = row["country_iso3"].strip()
    ent = lambda c: iso.get(c, f"baci:{c}")  # noqa: E731
    flows = {}
    for r in sums.iter_rows(named=True):
        a, b = ent(r["i"].strip()), ent(r["j"].strip())
        if a == b:
            continue
        cell = flows.setdefault((a, b), [0.0, 0.0, 0.0])
        cell[0] += r["total"]
        cell[1] += r["energy"]
        cell[2] += r["dual_use"]
    countries = sorted({x for k in flows for x in k})
    figures = {}
    for t in graph["ties"]:
        for ch, f in t["channels"].items():
            f = f[-1] if isinstance(f, list) else f
            figures[(t["from"], t["to"], ch)] = f["value"]
    worst, compared = 0.0, 0
    for k, ch in enumerate(["trade", "energy", "dual_use"]):
        for c in countries:
            if c.startswith("baci:"):
                continue
            bil = {p: flows.get((c, p), [0, 0, 0])[k] + flows.get((p, c), [0, 0, 0])[k]
                   for p in countries if p != c}
            total = sum(bil.values())
            for p, v in bil.items():
                if p.startswith("baci:") or v <= 0 or total <= 0:
                    continue
                got = figures.get((p, c, ch))
                worst = max(worst, abs((got if got is not None else -1.0) - v / total))
                compared += 1
    ratio = min(ltimes) / min(ptimes)
    print(f"agreement: {compared:,} shares compared, max abs diff {worst:.2e}")
    print(f"ratio leverage / polars: {ratio:.2f} (bar: at most 1.0)")
    if args.json:
        args.json.write_text(json.dumps({
            "rows": args.rows, "bytes": size, "polars": ptimes, "polars_rss_mib": prss,
            "leverage": ltimes, "leverage_rss_mib": lrss, "ratio": ratio,
            "max_abs_diff": worst, "shares_compared": compared}, indent=1))
    return 0 if worst < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main())
