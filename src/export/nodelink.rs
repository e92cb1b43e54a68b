//! NetworkX node-link JSON (NetworkX 3.x `node_link_data(G, edges="edges")`), which D3 and
//! `nx.node_link_graph(data, edges="edges")` read.
//!
//! `{"directed": true, "multigraph": false, "graph": {...}, "nodes": [{"id": ..., ...}],
//! "edges": [{"source": ..., "target": ..., ...}]}`: NetworkX 3.6 names the edge list `edges`
//! (older versions `links`; pass `edges="edges"` to those that still default to `links`).
//! Attributes are those of [`super::flat`], with JSON types (arrays stay arrays).

use std::io::Write;

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use super::flat::flatten;
use super::{AnnotatedGraph, Exporter};

/// Writes node-link JSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct NodeLinkExporter;

/// The document.
#[derive(Debug, Serialize)]
struct NodeLink {
    directed: bool,
    multigraph: bool,
    graph: IndexMap<String, Value>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

#[derive(Debug, Serialize)]
struct Node {
    id: String,
    #[serde(flatten)]
    attrs: IndexMap<String, Value>,
}

#[derive(Debug, Serialize)]
struct Edge {
    source: String,
    target: String,
    #[serde(flatten)]
    attrs: IndexMap<String, Value>,
}

impl Exporter for NodeLinkExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let flat = flatten(g);
        let nodes = (0..flat.node_ids.len())
            .map(|i| Node {
                id: flat.node_ids[i].clone(),
                attrs: flat
                    .nodes
                    .cells(i)
                    .map(|(c, v)| (c.name.clone(), v.clone()))
                    .collect(),
            })
            .collect();
        let edges = flat
            .edge_ends
            .iter()
            .enumerate()
            .map(|(i, &(f, t))| Edge {
                source: flat.node_ids[f].clone(),
                target: flat.node_ids[t].clone(),
                attrs: flat
                    .edges
                    .cells(i)
                    .map(|(c, v)| (c.name.clone(), v.clone()))
                    .collect(),
            })
            .collect();
        let doc = NodeLink {
            directed: true,
            multigraph: false,
            graph: flat.graph,
            nodes,
            edges,
        };
        crate::io::json_text::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
