//! GraphML export: typed keys (sorted, before `<graph>`), NMTOKEN ids, `edgedefault="directed"`.
//!
//! Nodes carry `name`, `lat`, `lon`, `groups` (comma-separated), `receptiveness` (with `_low`,
//! `_high`, `_source`, `_year`), `note`, every actor attribute, and any analysis values attached.
//! Edges carry `weight` (aggregate strength under the emphasis used), `dist` (the chosen
//! distance), one attribute per channel (its value) with `_low`, `_high`, `_source` and `_year`,
//! `note`, and `highlighted`. Channel names that collide with these get a `ch_` prefix.

use std::collections::BTreeMap;
use std::io::Write;

use super::xml::{escape, nmtoken};
use super::{tie_weight, AnnotatedGraph, Exporter};

/// Writes GraphML 1.0.
#[derive(Debug, Clone, Copy, Default)]
pub struct GraphmlExporter;

/// A GraphML attribute type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyType {
    /// `attr.type="string"`.
    String,
    /// `attr.type="double"`.
    Double,
    /// `attr.type="int"`.
    Int,
    /// `attr.type="boolean"`.
    Boolean,
}

impl KeyType {
    fn name(self) -> &'static str {
        match self {
            KeyType::String => "string",
            KeyType::Double => "double",
            KeyType::Int => "int",
            KeyType::Boolean => "boolean",
        }
    }
}

const RESERVED_EDGE: &[&str] = &["weight", "dist", "note", "highlighted"];

/// The edge attribute name of a channel.
pub fn channel_attr(channel: &str) -> String {
    if RESERVED_EDGE.contains(&channel)
        || RESERVED_EDGE
            .iter()
            .any(|r| channel.starts_with(&format!("{r}_")))
    {
        format!("ch_{channel}")
    } else {
        channel.to_owned()
    }
}

fn attr_type(values: &[&serde_json::Value]) -> KeyType {
    if values.iter().all(|v| v.is_number()) {
        KeyType::Double
    } else if values.iter().all(|v| v.is_boolean()) {
        KeyType::Boolean
    } else {
        KeyType::String
    }
}

fn attr_text(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Exporter for GraphmlExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        // Node keys.
        let mut node_keys: BTreeMap<String, KeyType> = BTreeMap::new();
        node_keys.insert("name".into(), KeyType::String);
        node_keys.insert("groups".into(), KeyType::String);
        let mut attr_values: BTreeMap<&str, Vec<&serde_json::Value>> = BTreeMap::new();
        for (_, a) in graph.actors() {
            if a.coordinates.is_some() {
                node_keys.insert("lat".into(), KeyType::Double);
                node_keys.insert("lon".into(), KeyType::Double);
            }
            if a.receptiveness.is_some() {
                node_keys.insert("receptiveness".into(), KeyType::Double);
                node_keys.insert("receptiveness_low".into(), KeyType::Double);
                node_keys.insert("receptiveness_high".into(), KeyType::Double);
                node_keys.insert("receptiveness_source".into(), KeyType::String);
                node_keys.insert("receptiveness_year".into(), KeyType::Int);
            }
            if a.note.is_some() {
                node_keys.insert("note".into(), KeyType::String);
            }
            for (k, v) in &a.attributes {
                attr_values.entry(k.as_str()).or_default().push(v);
            }
        }
        let mut attr_names: BTreeMap<&str, String> = BTreeMap::new();
        for (k, vs) in &attr_values {
            let name = if node_keys.contains_key(*k) {
                format!("attr_{}", nmtoken(k))
            } else {
                nmtoken(k)
            };
            node_keys.insert(name.clone(), attr_type(vs));
            attr_names.insert(k, name);
        }
        for name in g.node_values.keys() {
            node_keys.insert(nmtoken(name), KeyType::Double);
        }
        // Edge keys.
        let mut edge_keys: BTreeMap<String, KeyType> = BTreeMap::new();
        edge_keys.insert("weight".into(), KeyType::Double);
        edge_keys.insert("dist".into(), KeyType::Double);
        edge_keys.insert("highlighted".into(), KeyType::Boolean);
        for (_, _, _, tie) in graph.ties() {
            for c in tie.channels.keys() {
                let a = channel_attr(c.as_str());
                edge_keys.insert(a.clone(), KeyType::Double);
                edge_keys.insert(format!("{a}_low"), KeyType::Double);
                edge_keys.insert(format!("{a}_high"), KeyType::Double);
                edge_keys.insert(format!("{a}_source"), KeyType::String);
                edge_keys.insert(format!("{a}_year"), KeyType::Int);
            }
            if tie.note.is_some() {
                edge_keys.insert("note".into(), KeyType::String);
            }
        }

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        for (name, ty) in &node_keys {
            writeln!(
                out,
                r#"  <key id="n_{0}" for="node" attr.name="{0}" attr.type="{1}"/>"#,
                name,
                ty.name()
            )?;
        }
        for (name, ty) in &edge_keys {
            writeln!(
                out,
                r#"  <key id="e_{0}" for="edge" attr.name="{0}" attr.type="{1}"/>"#,
                name,
                ty.name()
            )?;
        }
        writeln!(out, r#"  <graph id="G" edgedefault="directed">"#)?;
        writeln!(out, r#"    <desc>{}</desc>"#, escape(&graph.meta.title))?;
        let data = |out: &mut dyn Write, key: &str, value: &str| {
            writeln!(out, r#"      <data key="{key}">{}</data>"#, escape(value))
        };
        for (n, a) in graph.actors() {
            writeln!(
                out,
                r#"    <node id="{}">"#,
                escape(&nmtoken(a.id.as_str()))
            )?;
            data(out, "n_name", &a.name)?;
            data(out, "n_groups", &graph.groups_of(&a.id).join(","))?;
            if let Some(c) = a.coordinates {
                data(out, "n_lat", &c.lat.to_string())?;
                data(out, "n_lon", &c.lon.to_string())?;
            }
            if let Some(r) = &a.receptiveness {
                data(out, "n_receptiveness", &r.value.to_string())?;
                let [lo, hi] = r.bounds();
                if r.range.is_some() {
                    data(out, "n_receptiveness_low", &lo.to_string())?;
                    data(out, "n_receptiveness_high", &hi.to_string())?;
                }
                data(out, "n_receptiveness_source", &r.source)?;
                data(out, "n_receptiveness_year", &r.year.to_string())?;
            }
            if let Some(note) = &a.note {
                data(out, "n_note", note)?;
            }
            for (k, v) in &a.attributes {
                if v.is_null() {
                    continue;
                }
                data(out, &format!("n_{}", attr_names[k.as_str()]), &attr_text(v))?;
            }
            for (name, values) in &g.node_values {
                if let Some(x) = values.get(&n) {
                    data(out, &format!("n_{}", nmtoken(name)), &x.to_string())?;
                }
            }
            writeln!(out, "    </node>")?;
        }
        for (_, f, t, tie) in graph.ties() {
            let (w, d) = tie_weight(g, tie);
            if w <= 0.0 {
                continue;
            }
            writeln!(
                out,
                r#"    <edge source="{}" target="{}">"#,
                escape(&nmtoken(graph.actor(f).id.as_str())),
                escape(&nmtoken(graph.actor(t).id.as_str()))
            )?;
            data(out, "e_weight", &w.to_string())?;
            data(out, "e_dist", &d.to_string())?;
            if g.highlighted.contains(&(f, t)) {
                data(out, "e_highlighted", "true")?;
            }
            for (c, fig) in &tie.channels {
                let a = channel_attr(c.as_str());
                data(out, &format!("e_{a}"), &fig.value.to_string())?;
                if let Some([lo, hi]) = fig.range {
                    data(out, &format!("e_{a}_low"), &lo.to_string())?;
                    data(out, &format!("e_{a}_high"), &hi.to_string())?;
                }
                data(out, &format!("e_{a}_source"), &fig.source)?;
                data(out, &format!("e_{a}_year"), &fig.year.to_string())?;
            }
            if let Some(note) = &tie.note {
                data(out, "e_note", note)?;
            }
            writeln!(out, "    </edge>")?;
        }
        writeln!(out, "  </graph>")?;
        writeln!(out, "</graphml>")?;
        Ok(())
    }
}
