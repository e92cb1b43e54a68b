//! Cytoscape.js `elements` JSON, which Cytoscape.js loads with `cytoscape({elements})` and
//! Cytoscape desktop imports (File > Import > Network from File, "Cytoscape.js JSON").
//!
//! `{"format_version": "1.0", "generated_by": ..., "target_cytoscapejs_version": "~3",
//! "data": {graph attributes}, "elements": {"nodes": [{"data": {"id", "label", "colour", "size",
//! ...}, "position": {"x", "y"}}], "edges": [{"data": {"id", "source", "target", ...},
//! "classes": "highlighted"}]}}`. Node ids are actor ids (unique: Cytoscape.js silently drops a
//! duplicate id); edge ids are `FROM->TO`, which no actor id can be. Positions are the capitals'
//! coordinates in screen orientation: `x = lon * 10`, `y = -lat * 10`.

use std::io::Write;

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;

use super::flat::flatten;
use super::{AnnotatedGraph, Exporter};
use crate::exchange::columns::Role;

/// Writes Cytoscape.js JSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct CytoscapeExporter;

/// Units of position per degree.
pub const UNITS_PER_DEGREE: f64 = 10.0;

#[derive(Debug, Serialize)]
struct Document {
    format_version: &'static str,
    generated_by: String,
    target_cytoscapejs_version: &'static str,
    data: IndexMap<String, Value>,
    elements: Elements,
}

#[derive(Debug, Serialize)]
struct Elements {
    nodes: Vec<Element>,
    edges: Vec<Element>,
}

#[derive(Debug, Serialize)]
struct Element {
    data: IndexMap<String, Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    position: Option<Position>,
    #[serde(skip_serializing_if = "String::is_empty")]
    classes: String,
}

#[derive(Debug, Serialize)]
struct Position {
    x: f64,
    y: f64,
}

impl Exporter for CytoscapeExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        let flat = flatten(g);
        let (_, sizes) = g.sizes();
        let max = sizes.iter().copied().fold(0.0, f64::max);
        let mut nodes = Vec::new();
        for (i, (_, a)) in graph.actors().enumerate() {
            let mut data = IndexMap::new();
            data.insert("id".to_owned(), flat.node_ids[i].clone().into());
            data.insert("label".to_owned(), a.name.clone().into());
            data.insert("colour".to_owned(), g.style.role(graph, a).1.into());
            let size = if max > 0.0 {
                10.0 + 50.0 * (sizes[i] / max).sqrt()
            } else {
                20.0
            };
            data.insert("size".to_owned(), ((size * 100.0).round() / 100.0).into());
            for (c, v) in flat.nodes.cells(i) {
                data.insert(c.name.clone(), v.clone());
            }
            nodes.push(Element {
                data,
                position: a.coordinates.map(|c| Position {
                    x: c.lon * UNITS_PER_DEGREE,
                    y: -c.lat * UNITS_PER_DEGREE,
                }),
                classes: g.style.role(graph, a).0.replace(' ', "-").to_lowercase(),
            });
        }
        let mut edges = Vec::new();
        for (i, &(f, t)) in flat.edge_ends.iter().enumerate() {
            let mut data = IndexMap::new();
            let (from, to) = (&flat.node_ids[f], &flat.node_ids[t]);
            data.insert("id".to_owned(), format!("{from}->{to}").into());
            data.insert("source".to_owned(), from.clone().into());
            data.insert("target".to_owned(), to.clone().into());
            let mut hl = false;
            for (c, v) in flat.edges.cells(i) {
                if c.role == Role::Highlighted {
                    hl = v.as_bool().unwrap_or(false);
                }
                data.insert(c.name.clone(), v.clone());
            }
            edges.push(Element {
                data,
                position: None,
                classes: if hl {
                    "highlighted".into()
                } else {
                    String::new()
                },
            });
        }
        let doc = Document {
            format_version: "1.0",
            generated_by: format!("leverage {}", env!("CARGO_PKG_VERSION")),
            target_cytoscapejs_version: "~3",
            data: flat.graph,
            elements: Elements { nodes, edges },
        };
        crate::io::json_text::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
