//! GraphML export: typed keys (sorted, before `<graph>`), NMTOKEN ids and key names,
//! `edgedefault="directed"`, every attribute of [`super::flat`].
//!
//! The GraphML schema types `attr.name` as an NMTOKEN (`key.name.type` in `graphml.xsd`), so an
//! attribute named `GDP (USD)` is written `attr.name="GDP__USD_"`, with its exact name in the
//! key's `<desc>` and in the manifest (which leverage reads back).
//!
//! Reloads exactly (`leverage --graph out.graphml`): graph-level keys hold the metadata and the
//! groups (as JSON), and the graph-level key `leverage_manifest` maps each key to its meaning
//! ([`crate::exchange::manifest`]), so that the importer can tell a channel from an attribute and skip
//! derived values (`weight`, `dist`, `groups`, `role`, `--with` results). Other readers ignore it.
//! Ties of zero strength under the emphasis used are absent for analysis (MODEL section 2), so
//! they are not written as `<edge>`s (NetworkX would count them) but kept in the manifest's
//! `absent_ties`, with their place in the tie order, for an exact reload.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use serde_json::Value;

use super::flat::{cell_text, columns_in_tie_order, flatten, Table};
use super::xml::{escape, nmtoken};
use super::{tie_weight, AnnotatedGraph, Exporter};
use crate::exchange::columns::Kind;
use crate::exchange::manifest::{
    AbsentTie, Manifest, ManifestTie, EDGE_KEY_PREFIX, GRAPHML_FORMAT, GRAPHML_KEY, JSON_KEY,
    NODE_KEY_PREFIX, VERSION,
};

/// Writes GraphML 1.0.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphmlExporter;

/// The GraphML namespace.
pub const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// The GraphML `attr.type` of a column kind.
pub fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::String | Kind::Json => "string",
        Kind::Double => "double",
        Kind::Int => "int",
        Kind::Boolean => "boolean",
    }
}

/// NMTOKEN key names for a table's columns, unique within the table.
fn key_names(table: &Table) -> Vec<String> {
    let mut seen = HashSet::new();
    table
        .columns
        .iter()
        .map(|c| {
            let base = nmtoken(&c.name);
            let mut name = base.clone();
            let mut i = 2;
            while !seen.insert(name.clone()) {
                name = format!("{base}_{i}");
                i += 1;
            }
            name
        })
        .collect()
}

impl Exporter for GraphmlExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let flat = flatten(g);
        let node_names = key_names(&flat.nodes);
        let edge_names = key_names(&flat.edges);

        // Manifest: key id -> role.
        let mut manifest: Manifest = Manifest {
            format: GRAPHML_FORMAT.into(),
            version: VERSION,
            ..Manifest::default()
        };
        for (names, table, prefix) in [
            (&node_names, &flat.nodes, NODE_KEY_PREFIX),
            (&edge_names, &flat.edges, EDGE_KEY_PREFIX),
        ] {
            for (name, c) in names.iter().zip(&table.columns) {
                let key = format!("{prefix}{name}");
                if c.kind == Kind::Json {
                    manifest.json_keys.insert(key.clone(), JSON_KEY.into());
                }
                manifest.keys.insert(key, c.role.encode());
            }
        }
        // Ties of zero strength are absent for analysis (MODEL section 2): not written as edges,
        // which NetworkX and others would take as present, but kept here for an exact reload.
        manifest.absent_ties = g
            .graph
            .ties()
            .enumerate()
            .filter(|(_, (_, _, _, tie))| tie_weight(g, tie).0 <= 0.0)
            .map(|(index, (_, f, t, tie))| AbsentTie {
                index,
                tie: ManifestTie {
                    from: g.graph.actor(f).id.as_str().into(),
                    to: g.graph.actor(t).id.as_str().into(),
                    channels: crate::model::channels::TieChannels {
                        figures: tie.channels.clone(),
                        series: tie.series.clone(),
                    },
                    note: tie.note.clone(),
                },
            })
            .collect();
        let skip: HashSet<usize> = manifest.absent_ties.iter().map(|a| a.index).collect();
        let tie_channels: Vec<Vec<String>> = g
            .graph
            .ties()
            .map(|(_, _, _, tie)| tie.channels.keys().map(ToString::to_string).collect())
            .collect();

        let mut graph_data: BTreeMap<String, String> = BTreeMap::new();
        for (k, v) in &flat.graph {
            let text = match v {
                Value::String(s) => s.clone(),
                other => crate::io::json_text::compact(other),
            };
            graph_data.insert(nmtoken(k), text);
        }
        graph_data.insert(
            GRAPHML_KEY.into(),
            crate::io::json_text::compact(
                &serde_json::to_value(&manifest).expect("manifests serialise"),
            ),
        );

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<graphml xmlns="{NAMESPACE}">"#)?;
        // Keys, sorted by id: graph, then node, then edge ("g_" < "n_" would not hold; sort
        // within each domain).
        for name in graph_data.keys() {
            writeln!(
                out,
                r#"  <key id="g_{name}" for="graph" attr.name="{name}" attr.type="string"/>"#
            )?;
        }
        for (names, table, domain, prefix) in [
            (&node_names, &flat.nodes, "node", "n_"),
            (&edge_names, &flat.edges, "edge", "e_"),
        ] {
            let mut keys: Vec<(&String, Kind, &str)> = names
                .iter()
                .zip(&table.columns)
                .map(|(n, c)| (n, c.kind, c.name.as_str()))
                .collect();
            keys.sort_by(|a, b| a.0.cmp(b.0));
            for (name, kind, original) in keys {
                let head = format!(
                    r#"  <key id="{prefix}{name}" for="{domain}" attr.name="{name}" attr.type="{}""#,
                    type_name(kind)
                );
                if name == original {
                    writeln!(out, "{head}/>")?;
                } else {
                    // The schema allows only an NMTOKEN in `attr.name`; the key's description
                    // keeps the name exactly, for people and tools that show it.
                    writeln!(out, "{head}>")?;
                    writeln!(out, "    <desc>{}</desc>", escape(original))?;
                    writeln!(out, "  </key>")?;
                }
            }
        }
        writeln!(out, r#"  <graph id="G" edgedefault="directed">"#)?;
        writeln!(out, r"    <desc>{}</desc>", escape(&g.graph.meta.title))?;
        for (k, v) in &graph_data {
            writeln!(out, r#"    <data key="g_{k}">{}</data>"#, escape(v))?;
        }
        for (i, id) in flat.node_ids.iter().enumerate() {
            writeln!(out, r#"    <node id="{}">"#, escape(&nmtoken(id)))?;
            for ((name, c), v) in node_names
                .iter()
                .zip(&flat.nodes.columns)
                .zip(&flat.nodes.rows[i])
            {
                if let Some(v) = v {
                    writeln!(
                        out,
                        r#"      <data key="n_{name}">{}</data>"#,
                        escape(&cell_text(c.kind, v))
                    )?;
                }
            }
            writeln!(out, "    </node>")?;
        }
        for (i, &(f, t)) in flat.edge_ends.iter().enumerate() {
            if skip.contains(&i) {
                continue;
            }
            writeln!(
                out,
                r#"    <edge id="e{i}" source="{}" target="{}">"#,
                escape(&nmtoken(&flat.node_ids[f])),
                escape(&nmtoken(&flat.node_ids[t]))
            )?;
            // Channel columns in the tie's own channel order, so that the reload keeps it.
            let cols = columns_in_tie_order(&flat.edges.columns, &tie_channels[i]);
            for ((name, c), v) in cols
                .iter()
                .map(|&k| (&edge_names[k], &flat.edges.columns[k]))
                .zip(cols.iter().map(|&k| &flat.edges.rows[i][k]))
            {
                if let Some(v) = v {
                    writeln!(
                        out,
                        r#"      <data key="e_{name}">{}</data>"#,
                        escape(&cell_text(c.kind, v))
                    )?;
                }
            }
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")?;
        Ok(())
    }
}
