#!/usr/bin/env python3
"""Cross-check leverage's blocs (Leiden, Louvain) against NetworkX and igraph.

Usage: blocs.py DIR [--without-igraph] [--perturb] [--only NAME]

DIR holds, per graph NAME (written by tests/crosscheck_blocs.rs):

    NAME.edges.tsv   the directed ties: from, to, strength (node positions 0..n-1)
    NAME.truth       the planted group of each node, one per line (planted graphs only)
    NAME.ours.json   our runs: {"nodes", "resolution", "runs": [{"method", "seed",
                     "membership", "modularity", "directed_modularity", "ari", "nmi"}]}

The undirected graph is built here, independently of leverage: each pair's weight is the SUM of
its two directed strengths, W_uv = s(u->v) + s(v->u) (NetworkX's DiGraph.to_undirected() would
keep one of them instead). Checks, per graph:

  values      our modularity equals networkx.community.modularity(G, ours, resolution) on that
              undirected graph, our directed modularity equals it on the DiGraph (Leicht-Newman),
              and our ARI/NMI against the planted groups equal this script's (and igraph's
              compare_communities'): 1e-9 absolute.
  connected   every Leiden bloc induces a connected subgraph of G.
  quality     the mean modularity of our Leiden runs is within 1% of the best peer's mean, or
              better (peers: NetworkX louvain_communities, igraph community_leiden with
              objective_function="modularity" and n_iterations=-1, igraph community_multilevel;
              NetworkX leiden_communities where it runs without a backend); our Louvain against
              the best Louvain peer (NetworkX louvain, igraph multilevel). Each peer runs with
              the seeds of our runs (100, or 5 on the graphs of 2,000 actors).
  agreement   planted graphs: our mean ARI and mean NMI against the planted groups are at least
              the best peer's minus 0.02.

--perturb moves a tenth of the actors of the first planted graph's first run to another bloc
and shifts the reported modularity of its second run by 1e-6; the script must then fail.
--only NAME checks one graph.

Prints one block per graph and a final `crosscheck: N passed, M failed, K skipped ...`; exits 1
on any failure, 2 on a usage or tool error.
"""

import argparse
import json
import math
import os
import random
import sys
from collections import Counter

import networkx as nx

VALUES = 1e-9
QUALITY = 0.01  # relative
AGREEMENT = 0.02  # absolute, ARI and NMI
BETA = 0.01  # igraph's refinement randomness, as leverage's default


def read_case(d, name):
    directed = []
    with open(os.path.join(d, f"{name}.edges.tsv")) as f:
        next(f)
        for line in f:
            u, v, s = line.split("\t")
            directed.append((int(u), int(v), float(s)))
    truth = None
    path = os.path.join(d, f"{name}.truth")
    if os.path.exists(path):
        with open(path) as f:
            truth = [int(x) for x in f.read().split()]
    with open(os.path.join(d, f"{name}.ours.json")) as f:
        ours = json.load(f)
    return directed, truth, ours


def undirected(n, directed):
    """W_uv = s(u->v) + s(v->u); a self-tie keeps its strength as the loop's weight (NetworkX
    counts a loop twice in the degree, as W_vv = 2 s(v->v))."""
    w = {}
    for u, v, s in directed:
        key = (min(u, v), max(u, v))
        w[key] = w.get(key, 0.0) + s
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for (u, v), x in w.items():
        G.add_edge(u, v, weight=x)
    return G, w


def digraph(n, directed):
    D = nx.DiGraph()
    D.add_nodes_from(range(n))
    D.add_weighted_edges_from(directed)
    return D


def blocs_of(membership):
    out = {}
    for v, c in enumerate(membership):
        out.setdefault(c, set()).add(v)
    return list(out.values())


def membership_of(n, communities):
    m = [None] * n
    for i, c in enumerate(communities):
        for v in c:
            m[v] = i
    return m


def comb2(x):
    return x * (x - 1) / 2


def ari(a, b):
    """Adjusted Rand index (Hubert and Arabie), from the contingency table."""
    n = len(a)
    cells = Counter(zip(a, b))
    rows, cols = Counter(a), Counter(b)
    index = sum(comb2(x) for x in cells.values())
    sa = sum(comb2(x) for x in rows.values())
    sb = sum(comb2(x) for x in cols.values())
    total = comb2(n)
    if total == 0:
        return 1.0
    expected = sa * sb / total
    top = (sa + sb) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def nmi(a, b):
    """2 I(a; b) / (H(a) + H(b))."""
    n = len(a)
    h = lambda counts: -sum(x / n * math.log(x / n) for x in counts.values())
    ha, hb = h(Counter(a)), h(Counter(b))
    if ha + hb == 0:
        return 1.0
    return max(0.0, min(1.0, 2 * (ha + hb - h(Counter(zip(a, b)))) / (ha + hb)))


class Peers:
    def __init__(self, n, G, pairs, with_igraph):
        self.G, self.n = G, n
        self.ig = None
        if with_igraph:
            import igraph as ig

            self.ig = ig
            keys = list(pairs)
            self.g = ig.Graph(n=n, edges=keys, directed=False)
            self.g.es["weight"] = [pairs[k] for k in keys]
        self.skipped = []

    def runs(self, gamma, seeds):
        """{tool: [membership per seed]}"""
        G, out = self.G, {}
        out["networkx louvain"] = [
            membership_of(self.n, nx.community.louvain_communities(
                G, weight="weight", resolution=gamma, threshold=1e-7, seed=s))
            for s in seeds
        ]
        try:
            out["networkx leiden"] = [
                membership_of(self.n, nx.community.leiden_communities(
                    G, weight="weight", resolution=gamma, seed=s))
                for s in seeds
            ]
        except (NotImplementedError, AttributeError) as e:
            self.skipped.append(f"networkx leiden_communities: {e}")
        if self.ig is not None:
            leiden, multilevel = [], []
            for s in seeds:
                random.seed(s)  # python-igraph draws from Python's `random`
                c = self.g.community_leiden(objective_function="modularity", weights="weight",
                                            resolution=gamma, beta=BETA, n_iterations=-1)
                leiden.append(list(c.membership))
                random.seed(s)
                c = self.g.community_multilevel(weights="weight", resolution=gamma)
                multilevel.append(list(c.membership))
            out["igraph leiden"] = leiden
            out["igraph multilevel"] = multilevel
        return out


LOUVAIN_PEERS = {"networkx louvain", "igraph multilevel"}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--without-igraph", action="store_true")
    ap.add_argument("--perturb", action="store_true")
    ap.add_argument("--only", metavar="NAME")
    args = ap.parse_args()
    with_igraph = not args.without_igraph
    versions = f"networkx {nx.__version__}"
    if with_igraph:
        import igraph

        versions += f", igraph {igraph.__version__}"
    names = sorted(f[: -len(".ours.json")] for f in os.listdir(args.dir) if f.endswith(".ours.json"))
    if args.only:
        names = [x for x in names if x == args.only]
    if not names:
        sys.stderr.write(f"no *.ours.json in {args.dir}\n")
        sys.exit(2)
    # Planted graphs first, so that --perturb hits one.
    names.sort(key=lambda s: (not s.startswith("planted"), s))
    passed = failed = 0
    skipped = set()
    perturbed = False

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"    FAIL {what}")

    for name in names:
        directed, truth, ours = read_case(args.dir, name)
        n, gamma = ours["nodes"], ours["resolution"]
        runs = ours["runs"]
        if args.perturb and truth is not None and not perturbed:
            rng = random.Random(0)
            m = runs[0]["membership"]
            k = max(m) + 1
            for v in rng.sample(range(n), n // 10):
                m[v] = (m[v] + 1 + rng.randrange(k)) % (k + 1)
            runs[1]["modularity"] += 1e-6
            perturbed = True
        G, pairs = undirected(n, directed)
        D = digraph(n, directed)
        print(f"{name}: {n} actors, {len(directed)} ties, {G.number_of_edges()} pairs, "
              f"resolution {gamma}")

        # values
        worst = {"modularity": 0.0, "directed": 0.0, "ari": 0.0, "nmi": 0.0}
        for r in runs:
            comms = blocs_of(r["membership"])
            q = nx.community.modularity(G, comms, weight="weight", resolution=gamma)
            worst["modularity"] = max(worst["modularity"], abs(q - r["modularity"]))
            qd = nx.community.modularity(D, comms, weight="weight", resolution=gamma)
            worst["directed"] = max(worst["directed"], abs(qd - r["directed_modularity"]))
            if truth is not None:
                worst["ari"] = max(worst["ari"], abs(ari(r["membership"], truth) - r["ari"]))
                worst["nmi"] = max(worst["nmi"], abs(nmi(r["membership"], truth) - r["nmi"]))
        for what, d in worst.items():
            if truth is None and what in ("ari", "nmi"):
                continue
            check(d <= VALUES, f"{what}: our value differs by {d:.2e}")
        if truth is not None and with_igraph:
            import igraph

            r = runs[0]["membership"]
            d = max(abs(igraph.compare_communities(r, truth, method="ari") - ari(r, truth)),
                    abs(igraph.compare_communities(r, truth, method="nmi") - nmi(r, truth)))
            check(d <= VALUES, f"this script's ARI/NMI differ from igraph's by {d:.2e}")

        # connected
        bad = 0
        for r in runs:
            if r["method"] == "leiden":
                bad += sum(1 for c in blocs_of(r["membership"]) if not nx.is_connected(G.subgraph(c)))
        check(bad == 0, f"connected: {bad} Leiden blocs are not connected")

        # quality and agreement
        seeds = sorted({r["seed"] for r in runs})
        peers = Peers(n, G, pairs, with_igraph)
        table = {}
        for method in ("leiden", "louvain"):
            table[f"leverage {method}"] = [r["membership"] for r in runs if r["method"] == method]
        table.update(peers.runs(gamma, seeds))
        skipped.update(peers.skipped)
        stats = {}
        for tool, ms in table.items():
            qs = [nx.community.modularity(G, blocs_of(m), weight="weight", resolution=gamma)
                  for m in ms]
            row = {"q": sum(qs) / len(qs), "qmin": min(qs), "qmax": max(qs),
                   "blocs": sum(len(set(m)) for m in ms) / len(ms)}
            if truth is not None:
                row["ari"] = sum(ari(m, truth) for m in ms) / len(ms)
                row["nmi"] = sum(nmi(m, truth) for m in ms) / len(ms)
            stats[tool] = row
        print(f"    {'':20} {'Q mean':>9} {'Q min':>9} {'Q max':>9} {'ARI':>7} {'NMI':>7} {'blocs':>6}")
        for tool, s in stats.items():
            a = f"{s['ari']:7.4f} {s['nmi']:7.4f}" if truth is not None else f"{'-':>7} {'-':>7}"
            print(f"    {tool:20} {s['q']:9.6f} {s['qmin']:9.6f} {s['qmax']:9.6f} {a} {s['blocs']:6.1f}")
        peer_names = [t for t in stats if not t.startswith("leverage")]
        for method, rivals in (("leiden", peer_names),
                               ("louvain", [t for t in peer_names if t in LOUVAIN_PEERS])):
            ours_q = stats[f"leverage {method}"]["q"]
            best = max(rivals, key=lambda t: stats[t]["q"])
            bq = stats[best]["q"]
            check(ours_q >= bq - QUALITY * abs(bq),
                  f"quality: leverage {method} mean Q {ours_q:.6f} is more than 1% below "
                  f"{best}'s {bq:.6f}")
            if truth is not None:
                for key in ("ari", "nmi"):
                    top = max(rivals, key=lambda t: stats[t][key])
                    check(stats[f"leverage {method}"][key] >= stats[top][key] - AGREEMENT,
                          f"agreement: leverage {method} mean {key.upper()} "
                          f"{stats[f'leverage {method}'][key]:.4f} is more than {AGREEMENT} "
                          f"below {top}'s {stats[top][key]:.4f}")
    for s in sorted(skipped):
        print(f"SKIPPED: {s}")
    print(f"crosscheck: {passed} passed, {failed} failed, {len(skipped)} skipped "
          f"({len(names)} graphs; {versions})")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
