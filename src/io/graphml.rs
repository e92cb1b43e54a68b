//! GraphML import: leverage's own export (exactly, through its `leverage_manifest`), and GraphML
//! as NetworkX, igraph, Gephi and yEd write it.
//!
//! Parsed with quick-xml. A `<!DOCTYPE>` is refused (no entity is ever expanded or fetched, so
//! entity bombs and external entities cannot work); unknown entities are errors. Typed `<key>`s
//! (with `<default>`s) give attribute names and types.
//!
//! Without a manifest: the node attribute `name` (else `label`) is the actor's name; `lat`/
//! `latitude` and `lon`/`lng`/`longitude` the capital; `note`, `groups` (comma-separated) and
//! `receptiveness` (with `_low`, `_high`, `_source`, `_year`) as in the native format; every other
//! node attribute becomes an actor attribute of its GraphML type. The edge attribute `weight` (or
//! the one named by `--weight-attr`) becomes the strength of a channel of that name; an edge
//! without one has strength 1, as NetworkX assumes. Edge attributes `citation`, `year`, `low` and
//! `high` give the figure's source, year and range; without them the source is "imported from
//! FILE, no source given" and the year that of the graph's date. Other edge attributes are listed
//! in the graph's notes. An undirected edge is a tie in each direction.

use std::collections::HashMap;

use super::attributed::{build, Attributed, Edge, Exact, Node, Values};
use super::xml::{attr_at, edge_ends, node_id, problem, required, walk, Xml};
use super::{ImportDefaults, LoadOptions};
use crate::error::Result;
use crate::exchange::manifest::{Manifest, GRAPHML_FORMAT, GRAPHML_KEY};
use crate::model::InfluenceGraph;

/// A `<key>`.
#[derive(Debug, Clone, Default)]
struct Key {
    domain: String,
    name: String,
    ty: String,
    default: Option<String>,
    skip: bool,
}

/// One `<data>` value with its place.
#[derive(Debug, Clone)]
struct Datum {
    key: String,
    text: String,
    offset: usize,
}

/// A `<node>` or `<edge>`.
#[derive(Debug, Clone, Default)]
struct Item {
    id: String,
    source: String,
    target: String,
    directed: Option<bool>,
    offset: usize,
    data: Vec<Datum>,
}

/// The parsed file, before interpretation.
#[derive(Debug, Default)]
struct Raw {
    keys: HashMap<String, Key>,
    edgedefault_directed: bool,
    graph_offset: usize,
    graph_data: Vec<Datum>,
    nodes: Vec<Item>,
    edges: Vec<Item>,
}

/// Reads the structure: keys, the graph, nodes, edges, data.
fn read(text: &str, file: &str) -> Result<Raw> {
    let mut raw = Raw {
        edgedefault_directed: true,
        ..Raw::default()
    };
    let mut key: Option<Key> = None;
    let mut key_id = String::new();
    let mut item: Option<(bool, Item)> = None;
    let mut datum: Option<Datum> = None;
    let mut in_default = false;
    let mut graphs = 0usize;
    let mut seen_graphml = false;
    walk(text, file, "GraphML", "graphml", |event| {
        match event {
            Xml::Open {
                name,
                parent,
                tag: e,
                offset: start,
            } => {
                let bad = |msg: String, hint: &str| problem(text, file, start, msg, hint);
                let a = |n: &[u8]| attr_at(text, file, start, e, n);
                match (parent, name) {
                    (None, "graphml") => seen_graphml = true,
                    (None, other) => {
                        return Err(bad(
                            format!("the root element is `<{other}>`, not `<graphml>`"),
                            "give a GraphML file (`.graphml`), or a native `.json` graph",
                        ))
                    }
                    (Some("graphml"), "key") => {
                        key_id = a(b"id")?.unwrap_or_default();
                        key = Some(Key {
                            domain: a(b"for")?.unwrap_or_else(|| "all".into()),
                            name: a(b"attr.name")?.unwrap_or_else(|| key_id.clone()),
                            ty: a(b"attr.type")?.unwrap_or_else(|| "string".into()),
                            default: None,
                            skip: a(b"yfiles.type")?.is_some(),
                        });
                    }
                    (Some("key"), "default") => in_default = true,
                    (Some("graphml"), "graph") => {
                        graphs += 1;
                        if graphs > 1 {
                            return Err(bad(
                                "the file holds more than one `<graph>`".into(),
                                "keep one graph per file",
                            ));
                        }
                        raw.graph_offset = start;
                        raw.edgedefault_directed = match a(b"edgedefault")?.as_deref() {
                            None | Some("directed") => true,
                            Some("undirected") => false,
                            Some(other) => {
                                return Err(bad(
                                    format!(
                                        "`edgedefault` is `{other}`, but GraphML allows `directed` or `undirected`"
                                    ),
                                    "write `edgedefault=\"directed\"` (leverage's ties point from holder to dependent) or `edgedefault=\"undirected\"`",
                                ))
                            }
                        };
                    }
                    (Some("graph"), "node") => {
                        let id = node_id(text, file, start, e)?;
                        item = Some((
                            true,
                            Item {
                                id,
                                offset: start,
                                ..Item::default()
                            },
                        ));
                    }
                    (Some("graph"), "edge") => {
                        let (source, target) = edge_ends(text, file, start, e)?;
                        let directed = match a(b"directed")?.as_deref() {
                            None => None,
                            Some("true" | "1") => Some(true),
                            Some("false" | "0") => Some(false),
                            Some(other) => {
                                return Err(bad(
                                    format!(
                                        "`directed` is `{other}`, but GraphML allows `true` or `false`"
                                    ),
                                    "write `directed=\"true\"` or `directed=\"false\"`, or leave it out to follow the graph's `edgedefault`",
                                ))
                            }
                        };
                        item = Some((
                            false,
                            Item {
                                source,
                                target,
                                directed,
                                offset: start,
                                ..Item::default()
                            },
                        ));
                    }
                    (Some("node" | "edge" | "graph"), "data") => {
                        let k = required(
                            text,
                            file,
                            start,
                            e,
                            "key",
                            "a `<data>`",
                            "name the key of every `<data>`",
                        )?;
                        datum = Some(Datum {
                            key: k,
                            text: String::new(),
                            offset: start,
                        });
                    }
                    (Some("node"), "graph") => {
                        return Err(bad(
                            "nested graphs are not supported".into(),
                            "flatten the graph: leverage reads one level of nodes and edges",
                        ))
                    }
                    (Some("graph"), "hyperedge") => {
                        return Err(bad(
                            "hyperedges are not supported".into(),
                            "replace each hyperedge by edges between pairs of nodes",
                        ))
                    }
                    _ => {}
                }
            }
            Xml::Close { name } => close(
                name,
                &mut raw,
                &mut key,
                &key_id,
                &mut item,
                &mut datum,
                &mut in_default,
            ),
            Xml::Text { text: s, cdata } => {
                if let Some(d) = datum.as_mut() {
                    d.text.push_str(s);
                } else if in_default && !cdata {
                    if let Some(k) = key.as_mut() {
                        k.default.get_or_insert_with(String::new).push_str(s);
                    }
                }
            }
            Xml::Pi { .. } => {}
        }
        Ok(())
    })?;
    if !seen_graphml || graphs == 0 {
        return Err(problem(
            text,
            file,
            text.len(),
            "the file has no `<graphml>` element with a `<graph>`".into(),
            "give a GraphML file, or a native `.json` graph",
        ));
    }
    Ok(raw)
}

#[allow(clippy::too_many_arguments)]
fn close(
    name: &str,
    raw: &mut Raw,
    key: &mut Option<Key>,
    key_id: &str,
    item: &mut Option<(bool, Item)>,
    datum: &mut Option<Datum>,
    in_default: &mut bool,
) {
    match name {
        "key" => {
            if let Some(k) = key.take() {
                raw.keys.insert(key_id.to_owned(), k);
            }
        }
        "default" => *in_default = false,
        "data" => {
            if let Some(d) = datum.take() {
                match item.as_mut() {
                    Some((_, it)) => it.data.push(d),
                    None => raw.graph_data.push(d),
                }
            }
        }
        "node" | "edge" => {
            if let Some((is_node, it)) = item.take() {
                if is_node {
                    raw.nodes.push(it);
                } else {
                    raw.edges.push(it);
                }
            }
        }
        _ => {}
    }
}

/// Values of an item by key name, with the defaults of `domain` (`(name, default)`, from
/// [`defaults_of`]) filled in.
fn values(
    keys: &HashMap<String, Key>,
    defaults: &[(String, String)],
    offset: usize,
    data: Vec<Datum>,
) -> Values {
    let mut out = Values::new();
    for (name, d) in defaults {
        out.insert(name.clone(), (d.clone(), offset));
    }
    for d in data {
        match keys.get(&d.key) {
            Some(k) if k.skip => {}
            Some(k) => {
                out.insert(k.name.clone(), (d.text, d.offset));
            }
            None => {
                out.insert(d.key, (d.text, d.offset));
            }
        }
    }
    out
}

/// The keys of `domain` (or `all`) that are read, sorted by id.
fn keys_of<'a>(raw: &'a Raw, domain: &str) -> Vec<(&'a String, &'a Key)> {
    let mut ids: Vec<(&String, &Key)> = raw
        .keys
        .iter()
        .filter(|(_, k)| (k.domain == domain || k.domain == "all") && !k.skip)
        .collect();
    ids.sort_by(|a, b| a.0.cmp(b.0));
    ids
}

/// The `(name, default)` of the keys of `domain` that have a default, by key id.
fn defaults_of(raw: &Raw, domain: &str) -> Vec<(String, String)> {
    keys_of(raw, domain)
        .into_iter()
        .filter_map(|(_, k)| Some((k.name.clone(), k.default.clone()?)))
        .collect()
}

/// A channel name from an attribute name: lowercase, other characters `_`.
pub fn channel_name(attr: &str) -> String {
    let mut s: String = attr
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_lowercase()) {
        s.insert_str(0, "w_");
    }
    s.truncate(32);
    s
}

/// Parses GraphML `text` into a validated graph.
///
/// # Errors
/// [`crate::Error::Invalid`] with line:column for malformed XML, a DOCTYPE, values of the wrong type,
/// and every rule of the format ([`super::validate::build`]).
pub fn parse(
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let mut raw = read(text, file)?;
    let graph_data = std::mem::take(&mut raw.graph_data);
    let graph = values(
        &raw.keys,
        &defaults_of(&raw, "graph"),
        raw.graph_offset,
        graph_data,
    );
    let manifest = graph
        .get(GRAPHML_KEY)
        .and_then(|(t, _)| Manifest::<serde_json::Value>::parse(t, GRAPHML_FORMAT))
        .map(Exact::from);
    let mut node_types = HashMap::new();
    for (_, k) in keys_of(&raw, "node") {
        node_types
            .entry(k.name.clone())
            .or_insert_with(|| k.ty.to_ascii_lowercase());
    }
    let node_defaults = defaults_of(&raw, "node");
    let edge_defaults = defaults_of(&raw, "edge");
    let nodes = std::mem::take(&mut raw.nodes)
        .into_iter()
        .map(|it| Node {
            values: values(&raw.keys, &node_defaults, it.offset, it.data),
            id: it.id,
            offset: it.offset,
        })
        .collect();
    let edges = std::mem::take(&mut raw.edges)
        .into_iter()
        .map(|it| Edge {
            values: values(&raw.keys, &edge_defaults, it.offset, it.data),
            directed: it.directed.unwrap_or(raw.edgedefault_directed),
            source: it.source,
            target: it.target,
            offset: it.offset,
        })
        .collect();
    let read = Attributed {
        graph_offset: raw.graph_offset,
        graph_term: "graph, key",
        term: "key",
        type_hint: "fix the value or the key's `attr.type`",
        graph,
        node_types,
        edge_names: keys_of(&raw, "edge")
            .into_iter()
            .map(|(_, k)| k.name.clone())
            .collect(),
        titles: HashMap::new(),
        has_name: raw
            .keys
            .values()
            .any(|k| k.domain != "edge" && k.name.eq_ignore_ascii_case("name")),
        nodes,
        edges,
        manifest,
        notes: Vec::new(),
    };
    build(read, text, defaults, options)
}

#[cfg(test)]
#[path = "tests/graphml_tests.rs"]
mod tests;
