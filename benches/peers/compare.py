#!/usr/bin/env python3
"""The race: leverage against NetworkX, igraph and NetworKit on the same generated graphs.

Run from the repository root:

    python3 benches/peers/compare.py                 # both sizes, 2 threads
    python3 benches/peers/compare.py --sizes small   # 2,000 actors / 20,000 ties only

It installs the peers with pip into benches/peers/.venv (once), builds leverage in release mode,
generates the graphs with `leverage generate` (seed 1), times every measure in every library on
the same graph (distance -ln w for path measures, the same thread count everywhere it can be
set, load time apart from compute time, medians of several runs), checks that the values agree
and prints a Markdown table of ratios (leverage time / peer time; below 1 means leverage is
faster). See benches/peers/README.md.
"""

import argparse
import csv
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "benches" / "peers"
VENV = HERE / ".venv"
PEERS = ["networkx", "igraph", "networkit", "numpy", "scipy"]
SIZES = {"small": (2000, 20000), "large": (20000, 200000)}
MEASURES = ["betweenness", "closeness", "harmonic", "pagerank", "eigenvector", "katz", "paths"]
# Community detection on the ties made undirected (W_uv = s(u->v) + s(v->u)): `blocs` is
# leverage's Leiden, `louvain` its Louvain. Compared by modularity, not value by value.
BLOCS = ["blocs", "louvain"]
# NetworkX's all-sources measures on 20,000/200,000 take about an hour each: skipped there.
NX_SLOW = {"betweenness", "closeness", "harmonic"}
TOL = 1e-12  # power-iteration tolerance, as leverage's default (NetworkX's rule: L1 < n * tol)
BUDGET_S = 20.0  # stop repeating a measure once its runs took this long


def ensure_venv():
    """Re-run this script inside benches/peers/.venv with the peers installed."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating {VENV} and installing {' '.join(PEERS)} with pip", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PEERS], check=True)
    os.execv(str(py), [str(py), *sys.argv])


def median_time(fn, budget=BUDGET_S, repeat=3):
    """Median wall time of `repeat` calls (fewer if they exceed `budget`; up to 7 times as many
    if they are short, since on a busy machine one short run can lose the CPU); last result."""
    times, result = [], None
    while len(times) < repeat or (sum(times) < 1.0 and len(times) < 7 * repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return statistics.median(times), result


def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": model,
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_before": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    }


def build():
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "leverage", "--example", "race"],
        cwd=ROOT,
        check=True,
    )
    return ROOT / "target" / "release" / "leverage", ROOT / "target" / "release" / "examples" / "race"


def generate(binary, actors, ties, out):
    out.mkdir(parents=True, exist_ok=True)
    base = out / f"g{actors}_{ties}"
    for fmt in ("csv", "json"):
        path = base.with_suffix("." + fmt)
        if not path.exists():
            subprocess.run(
                [str(binary), "generate", "--actors", str(actors), "--ties", str(ties),
                 "--seed", "1", "--format", fmt, "-o", str(path)],
                check=True,
            )
    return base.with_suffix(".csv")


def read_csv(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        return [(a, b, float(w)) for a, b, w in r]


# ---------------------------------------------------------------- leverage


def run_leverage(race, graph, measure, threads, repeat, values_dir, pair):
    """Runs the race example once per repeat for one measure; median times and peak memory."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    runs, spent, inner = [], 0.0, 1
    for _ in range(repeat):
        cmd = ["/usr/bin/time", "-f", "maxrss_kb=%M", str(race), str(graph), "--repeat", str(inner),
               "--measures", measure, "--values", str(values_dir), "--from", pair[0],
               "--to", pair[1]]
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        out = json.loads(p.stdout.strip().splitlines()[-1])
        rss = [l for l in p.stderr.splitlines() if l.startswith("maxrss_kb=")]
        out["maxrss_mb"] = int(rss[-1].split("=")[1]) / 1024 if rss else None
        runs.append(out)
        t = out["compute_s"].get(measure, 0)
        spent += t * inner + out["load_s"]
        # Short kernels: the example takes the median of 21 calls in one process.
        inner = 21 if t < 0.1 else 1
        if spent > BUDGET_S:
            break
    med = lambda xs: statistics.median(xs)
    return {
        "format": runs[0]["format"],
        "load_s": med([r["load_s"] for r in runs]),
        "build_s": med([r["build_s"] for r in runs]),
        "compute_s": med([r["compute_s"][measure] for r in runs]) if measure else None,
        "maxrss_mb": max(r["maxrss_mb"] or 0 for r in runs),
        "params": runs[0].get("params", {}),
    }


# ---------------------------------------------------------------- peers


class Peers:
    """The same graph in NetworkX, igraph and NetworKit, with load times."""

    def __init__(self, csv_path, actors, threads, with_nx):
        import igraph as ig
        import networkit as nk
        import networkx as nx
        import numpy as np

        self.ig, self.nk, self.nx, self.np = ig, nk, nx, np
        nk.setNumberOfThreads(threads)
        self.load = {}

        # Actors without ties are not in the ties table, but they count in the normalisations:
        # every library gets all of them (`leverage generate` names them n0, n1, ...).
        names = [f"n{i}" for i in range(actors)]

        def load_igraph():
            rows = read_csv(csv_path)
            g = ig.Graph(directed=True)
            g.add_vertices(names)
            index = {v: i for i, v in enumerate(names)}
            g.add_edges([(index[a], index[b]) for a, b, _ in rows])
            g.es["weight"] = [x for _, _, x in rows]
            g.es["dist"] = [-math.log(w) for w in g.es["weight"]]
            return g

        self.load["igraph"], self.g_ig = median_time(load_igraph)
        self.ids = self.g_ig.vs["name"]

        # The undirected graph of the blocs, built the same way for every library (not timed):
        # each pair's weight is the sum of its two directed strengths.
        index = {v: i for i, v in enumerate(names)}
        pairs = {}
        for a, b, x in read_csv(csv_path):
            i, j = index[a], index[b]
            key = (min(i, j), max(i, j))
            pairs[key] = pairs.get(key, 0.0) + x
        self.pairs = pairs
        keys = list(pairs)
        self.g_und = ig.Graph(n=len(names), edges=keys, directed=False)
        self.g_und.es["weight"] = [pairs[k] for k in keys]

        def load_networkit():
            rows = read_csv(csv_path)
            idx = {v: i for i, v in enumerate(names)}
            src = np.fromiter((idx[a] for a, _, _ in rows), dtype=np.uint64, count=len(rows))
            dst = np.fromiter((idx[b] for _, b, _ in rows), dtype=np.uint64, count=len(rows))
            w = np.fromiter((x for _, _, x in rows), dtype=np.float64, count=len(rows))
            g = nk.Graph(len(idx), weighted=True, directed=True)
            g.addEdges((w, (src, dst)))
            return g, idx, src, dst, w

        self.load["networkit"], (self.g_nk, nk_idx, src, dst, w) = median_time(load_networkit)
        self.nk_ids = [None] * len(nk_idx)
        for k, i in nk_idx.items():
            self.nk_ids[i] = k
        n = len(nk_idx)
        dist = -np.log(w)
        self.g_nk_dist = nk.Graph(n, weighted=True, directed=True)
        self.g_nk_dist.addEdges((dist, (src, dst)))
        self.g_nk_dist_rev = nk.Graph(n, weighted=True, directed=True)
        self.g_nk_dist_rev.addEdges((dist, (dst, src)))
        self.nk_index = nk_idx
        und_src = np.fromiter((k[0] for k in keys), dtype=np.uint64, count=len(keys))
        und_dst = np.fromiter((k[1] for k in keys), dtype=np.uint64, count=len(keys))
        und_w = np.fromiter((pairs[k] for k in keys), dtype=np.float64, count=len(keys))
        self.g_nk_und = nk.Graph(n, weighted=True, directed=False)
        self.g_nk_und.addEdges((und_w, (und_src, und_dst)))

        self.g_nx = None
        if with_nx:
            def load_networkx():
                g = nx.DiGraph()
                g.add_nodes_from(names)
                g.add_weighted_edges_from(read_csv(csv_path))
                for _, _, d in g.edges(data=True):
                    d["dist"] = -math.log(d["weight"])
                return g

            self.load["networkx"], self.g_nx = median_time(load_networkx)
            self.g_nx_und = nx.Graph()
            self.g_nx_und.add_nodes_from(range(n))
            self.g_nx_und.add_weighted_edges_from((i, j, x) for (i, j), x in pairs.items())
        self.n = n

    def modularity(self, membership):
        """Modularity (resolution 1) of a membership vector by position, on the undirected
        graph: one evaluator (igraph's) for every library."""
        return self.g_und.modularity(list(membership), weights="weight")

    def blocs(self, lib, slow_nx):
        """{measure: callable returning a membership vector by position}."""
        import random

        ig, nk, nx = self.ig, self.nk, self.nx
        if lib == "igraph":
            def leiden():
                random.seed(1)  # python-igraph draws from Python's `random`
                return self.g_und.community_leiden(
                    objective_function="modularity", weights="weight", beta=0.01,
                    n_iterations=-1).membership

            def multilevel():
                random.seed(1)
                return self.g_und.community_multilevel(weights="weight").membership

            return {"blocs": leiden, "louvain": multilevel}
        if lib == "networkit":
            def run(algo):
                nk.setSeed(1, True)
                algo.run()
                return algo.getPartition().getVector()

            return {
                "blocs": lambda: run(nk.community.ParallelLeiden(self.g_nk_und, randomize=True)),
                "louvain": lambda: run(nk.community.PLM(self.g_nk_und, refine=False)),
            }
        if lib == "networkx" and self.g_nx is not None and slow_nx:
            def louvain():
                m = [0] * self.n
                for c, members in enumerate(nx.community.louvain_communities(
                        self.g_nx_und, weight="weight", seed=1)):
                    for v in members:
                        m[v] = c
                return m

            # NetworkX has no Leiden of its own (leiden_communities needs a backend): its
            # Louvain stands in the `blocs` row too.
            return {"blocs": louvain, "louvain": louvain}
        return {}

    def by_id(self, lib, values):
        ids = self.nk_ids if lib == "networkit" else self.ids
        return {ids[i]: float(x) for i, x in enumerate(values)}

    def measures(self, lib, katz_alpha, pair, slow_nx):
        """{measure: callable returning {id: value} (or a list of path costs)}."""
        n, nk, ig, nx = self.n, self.nk, self.ig, self.nx
        if lib == "networkit":
            def run(algo):
                algo.run()
                return self.by_id(lib, algo.scores())

            def l2(d):
                s = math.sqrt(sum(v * v for v in d.values()))
                return {k: v / s for k, v in d.items()}

            return {
                "betweenness": lambda: {
                    k: v / ((n - 1) * (n - 2))
                    for k, v in run(nk.centrality.Betweenness(self.g_nk_dist, normalized=False)).items()
                },
                "closeness": lambda: run(nk.centrality.Closeness(
                    self.g_nk_dist_rev, True, nk.centrality.ClosenessVariant.GENERALIZED)),
                "harmonic": lambda: run(nk.centrality.HarmonicCloseness(self.g_nk_dist_rev, False)),
                "pagerank": lambda: run(nk.centrality.PageRank(
                    self.g_nk, damp=0.85, tol=TOL,
                    distributeSinks=nk.centrality.SinkHandling.DistributeSinks)),
                "eigenvector": lambda: l2(run(nk.centrality.EigenvectorCentrality(self.g_nk, tol=TOL))),
                "katz": lambda: l2(run(nk.centrality.KatzCentrality(self.g_nk, katz_alpha, 1.0, TOL))),
            }
        if lib == "igraph":
            g = self.g_ig
            src, dst = g.vs.find(name=pair[0]).index, g.vs.find(name=pair[1]).index

            def paths():
                ps = g.get_k_shortest_paths(src, dst, k=10, mode="out", weights="dist", output="epath")
                return [sum(g.es[e]["dist"] for e in p) for p in ps]

            def ev():
                x = g.eigenvector_centrality(directed=True, weights="weight")
                s = math.sqrt(sum(v * v for v in x))
                return self.by_id(lib, [v / s for v in x])

            return {
                "betweenness": lambda: {
                    k: v / ((n - 1) * (n - 2))
                    for k, v in self.by_id(lib, g.betweenness(directed=True, weights="dist")).items()
                },
                # igraph's closeness divides by the reachable actors only (no Wasserman-Faust
                # factor): timed, values not compared.
                "closeness": lambda: self.by_id(lib, g.closeness(mode="in", weights="dist")),
                "harmonic": lambda: self.by_id(
                    lib, g.harmonic_centrality(mode="in", weights="dist", normalized=False)),
                "pagerank": lambda: self.by_id(
                    lib, g.pagerank(directed=True, damping=0.85, weights="weight")),
                "eigenvector": ev,
                "paths": paths,
            }
        if lib == "networkx" and self.g_nx is not None:
            g = self.g_nx
            out = {
                "pagerank": lambda: nx.pagerank(g, alpha=0.85, weight="weight", tol=TOL, max_iter=1000),
                "eigenvector": lambda: nx.eigenvector_centrality(g, weight="weight", tol=TOL, max_iter=10000),
                "katz": lambda: nx.katz_centrality(g, alpha=katz_alpha, beta=1.0, weight="weight",
                                                   tol=TOL, max_iter=10000),
                "paths": lambda: [
                    nx.path_weight(g, p, "dist")
                    for _, p in zip(range(10), nx.shortest_simple_paths(g, pair[0], pair[1], weight="dist"))
                ],
            }
            if slow_nx:
                out["betweenness"] = lambda: nx.betweenness_centrality(g, weight="dist")
                out["closeness"] = lambda: nx.closeness_centrality(g, distance="dist")
                out["harmonic"] = lambda: nx.harmonic_centrality(g, distance="dist")
            return out
        return {}


def max_diff(ours, theirs):
    """Largest absolute difference, over actors (dicts) or path costs (lists)."""
    if isinstance(ours, list):
        if len(ours) != len(theirs):
            return float("inf")
        return max((abs(a - b) for a, b in zip(ours, theirs)), default=0.0)
    return max(abs(ours[k] - theirs.get(k, float("nan"))) for k in ours)


def race_size(name, binary, race, args, workdir):
    actors, ties = SIZES[name]
    csv_path = generate(binary, actors, ties, workdir)
    values_dir = workdir / f"values_{actors}"
    pair = ("n1", "n0")
    print(f"\n## {actors} actors / {ties} ties", file=sys.stderr)
    result = {"actors": actors, "ties": ties, "leverage": {}, "peers": {}, "agree": {}}

    lev = {}
    measures = [m for m in MEASURES if m in args.measures]
    blocs = [m for m in BLOCS if m in args.measures]
    for m in ["", *measures, *blocs]:
        key = m or "load"
        measure = "paths" if m == "paths" else m
        lev[key] = run_leverage(race, csv_path, measure, args.threads, args.repeat, values_dir, pair)
        print(f"leverage {key}: {lev[key]['compute_s'] or lev[key]['load_s']:.4f} s, "
              f"peak {lev[key]['maxrss_mb']:.0f} MB", file=sys.stderr)
    result["leverage"] = lev
    katz_alpha = lev["katz"]["params"]["katz"]["alpha"] if "katz" in lev else 0.1

    with_nx = not args.no_networkx
    peers = Peers(csv_path, actors, args.threads, with_nx)
    result["peers"]["load"] = peers.load
    slow_nx = name == "small"
    ours = {}
    for m in measures:
        with open(values_dir / f"leverage_{m}.json") as f:
            v = json.load(f)
        ours[m] = [p["cost"] for p in v] if m == "paths" else v
    result["modularity"] = {}
    position = {f"n{i}": i for i in range(actors)}
    for m in blocs:
        with open(values_dir / f"leverage_{m}.json") as f:
            v = json.load(f)
        membership = [0] * actors
        for k, c in v["membership"].items():
            membership[position[k]] = c
        # Our own modularity, and the same evaluator as for the peers.
        result["modularity"][m] = {"leverage": peers.modularity(membership),
                                   "leverage (own)": v["modularity"]}
    for lib in ["networkit", "igraph", "networkx"]:
        timed_nx_louvain = None
        for m, fn in peers.blocs(lib, slow_nx).items():
            if m not in blocs:
                continue
            try:
                if lib == "networkx" and timed_nx_louvain is not None:
                    t, membership = timed_nx_louvain
                else:
                    t, membership = median_time(fn, repeat=1 if lib == "networkx" else args.repeat)
                    if lib == "networkx":
                        timed_nx_louvain = (t, membership)
            except Exception as e:  # an API the installed version lacks: reported, not fatal
                print(f"{lib} {m}: {e}", file=sys.stderr)
                continue
            result["peers"].setdefault(m, {})[lib] = t
            result["modularity"][m][lib] = peers.modularity(membership)
            print(f"{lib} {m}: {t:.4f} s, modularity {result['modularity'][m][lib]:.6f}",
                  file=sys.stderr)
        for m, fn in peers.measures(lib, katz_alpha, pair, slow_nx).items():
            if m not in measures:
                continue
            repeat = 1 if lib == "networkx" and m in NX_SLOW else args.repeat
            t, vals = median_time(fn, repeat=repeat)
            result["peers"].setdefault(m, {})[lib] = t
            # igraph's closeness has no Wasserman-Faust factor and NetworKit's Katz follows
            # another convention (values differ by up to 7e-2 on the small graph): timed only.
            if (lib, m) not in {("igraph", "closeness"), ("networkit", "katz")}:
                result["agree"].setdefault(m, {})[lib] = max_diff(ours[m], vals)
            print(f"{lib} {m}: {t:.4f} s, max |diff| "
                  f"{result['agree'].get(m, {}).get(lib, float('nan')):.2e}", file=sys.stderr)
    return result


def table(results, info):
    lines = [
        f"Measured {info['date']} on {info['nproc']} cores ({info['cpu']}), {info['os']}, "
        f"Python {info['python']}; load average before the run {info['load_before']}. "
        f"Threads: {info['threads']} for leverage (rayon) and NetworKit; igraph and NetworkX run "
        f"on one. Times are medians of up to {info['repeat']} runs (fewer when a measure takes "
        f"over {BUDGET_S:.0f} s). Ratio = leverage time / peer time (below 1: leverage is faster). "
        "`max |diff|` is the largest absolute difference of any actor's value from leverage's "
        "(path costs for paths). For blocs it is replaced by the modularity each library's "
        "partition reaches (leverage / NetworKit / igraph / NetworkX, all evaluated by igraph on "
        "the same undirected graph, W_uv = s(u->v) + s(v->u)); NetworkX has no Leiden of its "
        "own, so its Louvain stands in the Leiden row; igraph's Leiden runs with "
        "n_iterations=-1 (until stable), as leverage's with threshold 0.",
        "",
    ]
    for r in results:
        lev, peers, agree = r["leverage"], r["peers"], r["agree"]
        lines += [
            f"### {r['actors']} actors / {r['ties']} ties",
            "",
            "| measure | leverage | NetworKit | ratio | igraph | ratio | NetworkX | ratio | max abs diff (nk / ig / nx) | leverage peak RSS |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]

        def cell(lib, m, ours):
            t = peers.get(m, {}).get(lib)
            if t is None:
                return ["n/a", ""]
            return [f"{t:.4g} s", f"**{ours / t:.2f}x**"]

        for m in [m for m in MEASURES if m in lev]:
            ours = lev[m]["compute_s"]
            row = [m, f"{ours:.4g} s"]
            for lib in ["networkit", "igraph", "networkx"]:
                c = cell(lib, m, ours)
                if lib == "networkx" and c[0] == "n/a" and m in NX_SLOW and r["actors"] > 2000:
                    c = ["skipped (~1 h)", ""]
                row += c
            d = agree.get(m, {})
            row.append(" / ".join(
                f"{d[l]:.1e}" if l in d else "-" for l in ["networkit", "igraph", "networkx"]))
            row.append(f"{lev[m]['maxrss_mb']:.0f} MB")
            lines.append("| " + " | ".join(row) + " |")
        mod = r.get("modularity", {})
        for m in [m for m in BLOCS if m in lev]:
            ours = lev[m]["compute_s"]
            label = "blocs (Leiden)" if m == "blocs" else "louvain"
            row = [label, f"{ours:.4g} s"]
            for lib in ["networkit", "igraph", "networkx"]:
                c = cell(lib, m, ours)
                if lib == "networkx" and c[0] == "n/a" and r["actors"] > 2000:
                    c = ["skipped (large)", ""]
                row += c
            q = mod.get(m, {})
            row.append("Q " + " / ".join(
                f"{q[l]:.4f}" if l in q else "-" for l in ["leverage", "networkit", "igraph", "networkx"]))
            row.append(f"{lev[m]['maxrss_mb']:.0f} MB")
            lines.append("| " + " | ".join(row) + " |")
        load = lev["load"]
        pl = peers["load"]
        ours = load["load_s"] + load["build_s"]
        row = [f"load ({load['format']} file, + CSR build)", f"{ours:.4g} s"]
        for lib in ["networkit", "igraph", "networkx"]:
            t = pl.get(lib)
            row += [f"{t:.4g} s", f"**{ours / t:.2f}x**"] if t else ["n/a", ""]
        row += ["", f"{load['maxrss_mb']:.0f} MB"]
        lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="small,large", help="small (2,000/20,000), large (20,000/200,000)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", default=str(ROOT / "target" / "peers"))
    ap.add_argument("--no-networkx", action="store_true")
    ap.add_argument("--measures", default=",".join(MEASURES + BLOCS),
                    help="comma-separated subset of: " + ", ".join(MEASURES + BLOCS))
    ap.add_argument("--json", help="also write the raw results here")
    ap.add_argument("--race", help="time this race binary (say, an older commit's) instead of "
                    "this checkout's target/release/examples/race")
    args = ap.parse_args()
    ensure_venv()
    args.measures = [m for m in args.measures.split(",") if m]
    unknown = sorted(set(args.measures) - set(MEASURES + BLOCS))
    if unknown:
        ap.error(f"unknown measures: {', '.join(unknown)}")
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    info = machine()
    info.update(threads=args.threads, repeat=args.repeat)
    binary, race = build()
    if args.race:
        race = Path(args.race).resolve()
        print(f"timing race binary {race}")
    workdir = Path(args.workdir)
    results = [race_size(s, binary, race, args, workdir) for s in args.sizes.split(",")]
    info["load_after"] = "%.2f %.2f %.2f" % os.getloadavg()
    print(table(results, info))
    print(f"\nLoad average after the run: {info['load_after']}.")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "results": results}, indent=1))


if __name__ == "__main__":
    main()
