//! Kumu import file ("blueprint" JSON, docs.kumu.io, Import > JSON / Blueprints):
//! `{"elements": [{"label", "type", "description", "tags", ...}], "connections": [{"from",
//! "to", "direction", "type", ...}]}`. Connections name their ends by label, as Kumu matches
//! them; a name that two actors share is made unique with the id (`Congo (COG)`).
//!
//! Elements: `label` (the name), `type` (the colour role of [`super::style::Style`]),
//! `description` (the actor's note), `tags` (its groups), then custom fields: `actor id`,
//! `latitude`, `longitude`, the stance class towards the target of the attached suggestion, and
//! the `--with` values. Connections: `direction` `directed` (from holds leverage over to),
//! `type` `leverage`, `strength` (the tie's strength), `description` (its channels with year,
//! basis and source, one a line), one custom field per channel with its value, and
//! `highlighted`.

use std::collections::HashMap;
use std::io::Write;

use indexmap::IndexMap;
use serde_json::{json, Value};

use super::{tie_weight, AnnotatedGraph, Exporter};

/// Writes a Kumu blueprint.
#[derive(Debug, Clone, Copy, Default)]
pub struct KumuExporter;

impl Exporter for KumuExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (_, a) in graph.actors() {
            *count.entry(a.name.as_str()).or_default() += 1;
        }
        let label = |a: &crate::model::Actor| {
            if a.name.is_empty() {
                a.id.to_string()
            } else if count.get(a.name.as_str()).copied().unwrap_or(0) > 1 {
                format!("{} ({})", a.name, a.id)
            } else {
                a.name.clone()
            }
        };
        let target = g.focus.as_ref().map(|f| graph.actor(f.target).id.clone());
        let mut elements = Vec::new();
        for (n, a) in graph.actors() {
            let mut e: IndexMap<String, Value> = IndexMap::new();
            e.insert("label".into(), label(a).into());
            e.insert("type".into(), g.style.role(graph, a).0.into());
            if let Some(note) = &a.note {
                e.insert("description".into(), note.clone().into());
            }
            let tags: Vec<&str> = graph.groups_of(&a.id);
            if !tags.is_empty() {
                e.insert("tags".into(), json!(tags));
            }
            e.insert("actor id".into(), a.id.as_str().into());
            if let Some(c) = a.coordinates {
                e.insert("latitude".into(), c.lat.into());
                e.insert("longitude".into(), c.lon.into());
            }
            if let Some(t) = &target {
                if let Some(s) = a.stance_toward(t) {
                    e.insert("stance".into(), s.class().name().into());
                }
            }
            for (k, col) in &g.node_values {
                if let Some(v) = col.get(&n) {
                    e.insert(k.clone(), json!(v));
                }
            }
            elements.push(Value::Object(e.into_iter().collect()));
        }
        let mut connections = Vec::new();
        for (_, f, t, tie) in graph.ties() {
            let (w, _) = tie_weight(g, tie);
            let mut c: IndexMap<String, Value> = IndexMap::new();
            c.insert("from".into(), label(graph.actor(f)).into());
            c.insert("to".into(), label(graph.actor(t)).into());
            c.insert("direction".into(), "directed".into());
            c.insert("type".into(), "leverage".into());
            c.insert("strength".into(), json!(w));
            let lines: Vec<String> = tie
                .channels
                .iter()
                .map(|(ch, fig)| {
                    format!(
                        "{ch} {} ({}, {}): {}",
                        fig.value, fig.year, fig.basis, fig.source
                    )
                })
                .collect();
            c.insert("description".into(), lines.join("\n").into());
            for (ch, fig) in tie.channels.iter() {
                c.insert(ch.to_string(), json!(fig.value));
            }
            c.insert("highlighted".into(), g.highlighted.contains(&(f, t)).into());
            connections.push(Value::Object(c.into_iter().collect()));
        }
        let doc = json!({ "elements": elements, "connections": connections });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
        writeln!(out)
    }
}
