"""Reads leverage's Kumu and D3 exports by the consuming conventions (#14).

usage: kumu_d3_check.py GRAPH.json KUMU.json D3.json SCHEMA.json

- Kumu: the blueprint validates against docs/kumu.schema.json (written from Kumu's
  documentation); every connection names two elements by label (Kumu matches them so), labels
  are unique, and the elements and connections are the graph's actors and ties.
- D3: NetworkX's own loader reads the `links` variant, node_link_graph(data, edges="links"), and
  finds every actor and tie with its strength.
Prints one line of counts; exits 1 with why on any mismatch.
"""
import json
import sys

import jsonschema
import networkx as nx


def fail(why):
    print("FAIL: " + why)
    sys.exit(1)


graph_path, kumu_path, d3_path, schema_path = sys.argv[1:5]
graph = json.load(open(graph_path, encoding="utf-8"))
kumu = json.load(open(kumu_path, encoding="utf-8"))
d3 = json.load(open(d3_path, encoding="utf-8"))
schema = json.load(open(schema_path, encoding="utf-8"))

try:
    jsonschema.validate(kumu, schema)
except jsonschema.ValidationError as e:
    fail("kumu schema: " + e.message)
labels = [e["label"] for e in kumu["elements"]]
if len(set(labels)) != len(labels):
    fail("kumu labels are not unique")
by_label = {e["label"]: e for e in kumu["elements"]}
ids = {a["id"] for a in graph["actors"]}
if {e["actor id"] for e in kumu["elements"]} != ids:
    fail("kumu elements are not the graph's actors")
pairs = set()
for c in kumu["connections"]:
    if c["from"] not in by_label or c["to"] not in by_label:
        fail("kumu connection names no element: %s -> %s" % (c["from"], c["to"]))
    pairs.add((by_label[c["from"]]["actor id"], by_label[c["to"]]["actor id"]))
ties = {(t["from"], t["to"]) for t in graph["ties"]}
if pairs != ties:
    fail("kumu connections are not the graph's ties: %d vs %d" % (len(pairs), len(ties)))

g = nx.node_link_graph(d3, edges="links")
if not g.is_directed():
    fail("d3 graph is not directed")
if set(g.nodes) != ids:
    fail("d3 nodes are not the graph's actors")
if set(g.edges) != ties:
    fail("d3 links are not the graph's ties")
for u, v, data in g.edges(data=True):
    w = data.get("weight")
    if not isinstance(w, (int, float)) or not 0 <= w <= 1:
        fail("d3 link %s -> %s has weight %r" % (u, v, w))
print("kumu: %d elements, %d connections; d3: %d nodes, %d links"
      % (len(labels), len(pairs), g.number_of_nodes(), g.number_of_edges()))
