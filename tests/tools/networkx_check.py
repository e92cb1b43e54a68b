"""Reads leverage's GraphML, GEXF and node-link exports with NetworkX and compares every actor,
tie, weight, channel figure and attribute with the native JSON they came from.

usage: networkx_check.py NATIVE.json GRAPHML GEXF NODELINK
Exits non-zero, listing the differences, when NetworkX finds something else.
"""
import json
import re
import sys

import networkx as nx

from expected import Checker, load


def channel_key(channel, names):
    """The attribute name leverage gives a channel (a `ch_` prefix on collisions)."""
    name = channel
    while name in names:
        name = "ch_" + name
    return name


EDGE_FIXED = {"weight", "dist", "highlighted", "note", "id", "label", "source", "target", "colour"}
FIXED_PARTS = set()
for f in EDGE_FIXED:
    FIXED_PARTS |= {f, f + "_low", f + "_high", f + "_source", f + "_year"}


def attr_value(raw, want):
    """An attribute as read back, turned into the type of the wanted value."""
    if isinstance(want, (list, dict)) or (isinstance(raw, str) and not isinstance(want, str)
                                            and raw[:1] in "[{\""):
        return json.loads(raw) if isinstance(raw, str) else raw
    if isinstance(want, bool):
        return raw if isinstance(raw, bool) else str(raw).lower() == "true"
    if isinstance(want, (int, float)):
        return float(raw)
    return raw


def latest(v):
    """A value of a dynamic GEXF (NetworkX: a list of (value, start, end)) at its last interval."""
    if isinstance(v, list) and v and isinstance(v[0], tuple):
        return v[-1][0]
    return v


def check_timeline(H, doc):
    """A dynamic GEXF export: every channel with a series has one value per figure, with the
    interval from its year to the year before the next (the first from the graph's first year,
    the last to its last), as Gephi's timeline plays them (issue #13)."""
    c = Checker("networkx read_gexf timeline")
    years = sorted({f["year"] for t in doc["ties"] for v in t["channels"].values()
                    if isinstance(v, list) for f in v})
    if not years:
        c.eq("static graph", H.graph.get("mode", "static"), "static")
        return c.done()
    c.eq("mode", H.graph.get("mode"), "dynamic")
    for t in doc["ties"]:
        for ch, v in t["channels"].items():
            if not isinstance(v, list) or len(v) < 2:
                continue
            got = H.edges[t["from"], t["to"]].get(ch)
            want = []
            for i, f in enumerate(v):
                start = min(years[0], f["year"]) if i == 0 else f["year"]
                end = v[i + 1]["year"] - 1 if i + 1 < len(v) else max(years[-1], f["year"])
                want.append((f["value"], start, end))
            c.eq(f"{t['from']}->{t['to']} {ch} over time", got, want)
    c.done()


def nmtoken(name):
    """GraphML key names are NMTOKENs: leverage writes other characters as `_`."""
    return re.sub(r"[^A-Za-z0-9._:-]", "_", name)


def check(G, label, actors, ties, groups, json_attrs, key_name=lambda k: k):
    c = Checker(label)
    c.eq("is directed", G.is_directed(), True)
    c.eq("actor ids", sorted(G.nodes), sorted(actors))
    c.eq("tie pairs", sorted(G.edges()), sorted(ties))
    for aid, a in actors.items():
        if aid not in G.nodes:
            continue
        d = G.nodes[aid]
        c.eq(f"{aid} name", d.get("name"), a["name"])
        if "lat" in a:
            c.eq(f"{aid} lat", d.get("lat"), a["lat"])
            c.eq(f"{aid} lon", d.get("lon"), a["lon"])
        if "receptiveness" in a:
            c.eq(f"{aid} receptiveness", d.get("receptiveness"), a["receptiveness"]["value"])
            c.eq(f"{aid} receptiveness_source", d.get("receptiveness_source"), a["receptiveness"]["source"])
        member_of = [g for g, m in groups.items() if aid in m]
        c.eq(f"{aid} groups", d.get("groups", ""), ",".join(member_of))
        for k, v in a.get("attributes", {}).items():
            key = k
            while key in ("name", "groups", "role", "lat", "lon", "receptiveness", "note", "id",
                          "label", "colour", "size") or key.endswith(("_low", "_high", "_source", "_year")) and key.rsplit("_", 1)[0] in ("name", "groups", "role", "lat", "lon", "receptiveness", "note", "id", "label", "colour", "size"):
                key = "attr_" + key
            raw = d.get(key_name(key))
            if k in json_attrs and isinstance(raw, str):
                raw = json.loads(raw)
            c.eq(f"{aid} attribute {k}", attr_value(raw, v), v)
    channels = sorted({ch for t in ties.values() for ch in t["channels"]})
    taken = set()
    names = {}
    for ch in channels:
        n = ch
        while n in FIXED_PARTS or n in taken:
            n = "ch_" + n
        taken.add(n)
        names[ch] = n
    for (f, t), tie in ties.items():
        if not G.has_edge(f, t):
            continue
        d = {k: latest(v) for k, v in G.edges[f, t].items()}
        c.eq(f"{f}->{t} weight", d.get("weight"), tie["weight"])
        for ch, fig in tie["channels"].items():
            n = names[ch]
            c.eq(f"{f}->{t} {ch}", d.get(n), fig["value"])
            c.eq(f"{f}->{t} {ch} source", d.get(n + "_source"), fig["source"])
            c.eq(f"{f}->{t} {ch} year", int(d.get(n + "_year", -1)), fig["year"])
            if "range" in fig:
                c.eq(f"{f}->{t} {ch} low", d.get(n + "_low"), fig["range"][0])
                c.eq(f"{f}->{t} {ch} high", d.get(n + "_high"), fig["range"][1])
        if tie["note"] is not None:
            c.eq(f"{f}->{t} note", d.get("note"), tie["note"])
    c.done()


def main():
    native, graphml, gexf, nodelink = sys.argv[1:5]
    doc, actors, ties, groups = load(native)
    # Attributes whose values are not all strings, all booleans or all numbers are written as
    # JSON text in the XML formats.
    json_attrs = set()
    values = {}
    for a in actors.values():
        for k, v in a.get("attributes", {}).items():
            values.setdefault(k, []).append(v)
    for k, vs in values.items():
        if not (all(isinstance(v, str) for v in vs) or all(isinstance(v, bool) for v in vs)
                or all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in vs)):
            json_attrs.add(k)

    G = nx.read_graphml(graphml)
    check(G, "networkx read_graphml", actors, ties, groups, json_attrs, nmtoken)
    H = nx.read_gexf(gexf)
    # read_gexf keys nodes by id and keeps the label.
    check(H, "networkx read_gexf", actors, ties, groups, json_attrs)
    check_timeline(H, doc)
    for aid in H.nodes:
        viz = H.nodes[aid].get("viz", {})
        if "color" not in viz or "size" not in viz:
            raise SystemExit(f"networkx read_gexf: {aid} lacks viz color or size: {viz}")
        if "lat" in actors[aid] and abs(viz["position"]["x"] - actors[aid]["lon"] * 10) > 1e-3:
            raise SystemExit(f"networkx read_gexf: {aid} viz:position x is not lon * 10")
    with open(nodelink, encoding="utf-8") as f:
        data = json.load(f)
    N = nx.node_link_graph(data, edges="edges")
    check(N, "networkx node_link_graph", actors, ties, groups, set())
    c = Checker("node-link graph attributes")
    c.eq("title", N.graph.get("title"), doc["meta"]["title"])
    c.eq("multigraph", N.is_multigraph(), False)
    c.done()
    print(f"networkx {nx.__version__}: {len(actors)} actors, {len(ties)} ties agree in graphml, gexf, node-link")


if __name__ == "__main__":
    main()
