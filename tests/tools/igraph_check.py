"""Reads leverage's GraphML with python-igraph and compares actors, ties and weights with the
native JSON. usage: igraph_check.py NATIVE.json GRAPHML"""
import sys

import igraph

from expected import Checker, load


def main():
    native, graphml = sys.argv[1:3]
    _, actors, ties, _ = load(native)
    g = igraph.Graph.Read_GraphML(graphml)
    c = Checker("igraph Read_GraphML")
    c.eq("directed", g.is_directed(), True)
    ids = g.vs["id"]
    c.eq("actor ids", sorted(ids), sorted(actors))
    names = dict(zip(ids, g.vs["name"]))
    for aid, a in actors.items():
        c.eq(f"{aid} name", names.get(aid), a["name"])
    got = {}
    for e in g.es:
        got[(ids[e.source], ids[e.target])] = e["weight"]
    c.eq("tie pairs", sorted(got), sorted(ties))
    for pair, t in ties.items():
        if pair in got:
            c.eq(f"{pair} weight", got[pair], t["weight"])
    c.done()
    print(f"igraph {igraph.__version__}: {g.vcount()} actors, {g.ecount()} ties agree")


if __name__ == "__main__":
    main()
