//! NetworkX node-link JSON (NetworkX 3.x `node_link_data(G, edges="edges")`), which D3 and
//! `nx.node_link_graph(data, edges="edges")` read.
//!
//! `{"directed": true, "multigraph": false, "graph": {...}, "nodes": [{"id": ..., ...}],
//! "edges": [{"source": ..., "target": ..., ...}]}`: NetworkX 3.6 names the edge list `edges`
//! (older versions `links`; pass `edges="edges"` to those that still default to `links`).
//! Attributes are those of [`super::flat`], with JSON types (arrays stay arrays).
//! [`D3Exporter`] writes the same document with the edge list under `links`, for D3.

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

/// Writes node-link JSON with the edge list under `links`, the key D3's force-directed examples
/// read (`d3.forceLink(data.links)`) and NetworkX's `node_link_graph(data, edges="links")`;
/// otherwise the same document as [`NodeLinkExporter`].
#[derive(Debug, Clone, Copy, Default)]
pub struct D3Exporter;

impl Exporter for D3Exporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let doc = document(g);
        let mut v = serde_json::to_value(&doc).map_err(std::io::Error::other)?;
        if let Some(obj) = v.as_object_mut() {
            // Rebuild the object so that `links` keeps the place of `edges`.
            *obj = std::mem::take(obj)
                .into_iter()
                .map(|(k, x)| {
                    if k == "edges" {
                        ("links".to_owned(), x)
                    } else {
                        (k, x)
                    }
                })
                .collect();
        }
        crate::io::json_text::to_writer_pretty(&mut *out, &v)?;
        writeln!(out)
    }
}

impl Exporter for NodeLinkExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let doc = document(g);
        crate::io::json_text::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}

/// The node-link document of `g`.
fn document(g: &AnnotatedGraph<'_>) -> NodeLink {
    {
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
        NodeLink {
            directed: true,
            multigraph: false,
            graph: flat.graph,
            nodes,
            edges,
        }
    }
}
