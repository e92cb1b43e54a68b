// Loads leverage's Cytoscape.js export headless and prints what Cytoscape.js holds, as JSON:
// node and edge counts, ids, and each edge's source, target and weight.
// usage: node cytoscape_check.js CYTOSCAPE_MODULE_DIR FILE.json
const path = require("path");
const fs = require("fs");
const cytoscape = require(path.resolve(process.argv[2]));
const doc = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const cy = cytoscape({ headless: true, elements: doc.elements, layout: { name: "preset" } });
const out = {
  version: require(path.join(path.resolve(process.argv[2]), "package.json")).version,
  nodes: cy.nodes().map((n) => ({ id: n.id(), label: n.data("label"), x: n.position("x") })),
  edges: cy.edges().map((e) => ({
    id: e.id(),
    source: e.source().id(),
    target: e.target().id(),
    weight: e.data("weight"),
  })),
};
process.stdout.write(JSON.stringify(out));
