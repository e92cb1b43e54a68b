//! GEXF import: leverage's own export (exactly, through its `leverage_manifest` processing
//! instruction), and GEXF 1.1 to 1.3 as Gephi and NetworkX (`write_gexf`) write it.
//!
//! Parsed with quick-xml through the XML walk it shares with GraphML: a `<!DOCTYPE>` is refused
//! (no entity is ever expanded or fetched), unknown entities are errors, every problem has its
//! line:column. `<attributes class="node">` and `class="edge"` declare the attributes (id,
//! title, type and an optional `<default>`); an `<attvalue for="...">` names one by its id (or,
//! leniently, by its title), and the attribute's title gives the value its meaning, as a GraphML
//! key's name does: the node's `label` is the actor's name (a `name` attribute wins); `lat`,
//! `lon`, `note`, `groups`, `receptiveness` and the other attributes as in GraphML, typed by their
//! GEXF type (the `list...` types as arrays). The edge's `weight` (GEXF's own, default 1) or the
//! attribute named by `--weight-attr` is the strength of a channel of that name; an edge whose
//! `type` (else the graph's `defaultedgetype`, by the specification `undirected` when absent) is
//! `undirected` or `mutual` gives a tie in each direction. `<meta>` gives the date
//! (`lastmodifieddate`), the description and a title.
//!
//! Ignored: `viz:` (colours, sizes, positions), hierarchies through `pid`, and time: spells and
//! `start`/`end` (a dynamic graph is read as static, an attribute with values over time keeps its
//! last; the graph's notes say so). Nested nodes are refused.

use std::collections::HashMap;

use indexmap::IndexMap;

use serde_json::Value;

use super::attributed::{build, Attributed, Edge, Exact, Node, Values};
use super::xml::{attr_at, attr_offset, edge_ends, node_id, problem, required, walk, Xml};
use super::{ImportDefaults, LoadOptions};
use crate::error::Result;
use crate::exchange::manifest::{Manifest, GEXF_FORMAT, GEXF_TARGET};
use crate::model::InfluenceGraph;

/// An `<attribute>` declaration.
#[derive(Debug, Clone, Default)]
struct Decl {
    id: String,
    title: String,
    ty: String,
    default: Option<String>,
}

/// One `<attvalue>`: the attribute it is for, its value, its place.
#[derive(Debug, Clone)]
struct AttValue {
    key: String,
    value: String,
    offset: usize,
}

/// A `<node>` or an `<edge>`.
#[derive(Debug, Clone, Default)]
struct Item {
    id: String,
    label: Option<(String, usize)>,
    source: String,
    target: String,
    directed: Option<bool>,
    weight: Option<(String, usize)>,
    offset: usize,
    values: Vec<AttValue>,
}

/// The parsed file, before interpretation.
#[derive(Debug, Default)]
struct Raw {
    node_attrs: Vec<Decl>,
    edge_attrs: Vec<Decl>,
    default_directed: bool,
    graph_offset: usize,
    meta: HashMap<&'static str, (String, usize)>,
    nodes: Vec<Item>,
    edges: Vec<Item>,
    manifest: Option<(String, usize)>,
    dynamic: bool,
}

/// Whether an edge `type` (or a `defaultedgetype`) is directed.
fn directed(t: &str) -> Option<bool> {
    match t {
        "directed" => Some(true),
        "undirected" | "mutual" => Some(false),
        _ => None,
    }
}

/// Reads the structure: the meta, the attribute declarations, nodes, edges, values.
#[allow(clippy::too_many_lines)]
fn read(text: &str, file: &str) -> Result<Raw> {
    let mut raw = Raw::default();
    let mut class: Option<bool> = None; // Some(true): node attributes; Some(false): edge
    let mut decl: Option<Decl> = None;
    let mut in_default = false;
    let mut capture: Option<&'static str> = None;
    let mut item: Option<(bool, Item)> = None;
    let mut graphs = 0usize;
    walk(text, file, "GEXF", "gexf", |event| {
        match event {
            Xml::Open {
                name,
                parent,
                tag: e,
                offset: start,
            } => {
                let bad = |msg: String, hint: &str| problem(text, file, start, msg, hint);
                let a = |n: &[u8]| attr_at(text, file, start, e, n);
                // Whether the element has a time (`start`, `end`): asked only of the elements
                // that may have one.
                let timed =
                    || -> Result<bool> { Ok(a(b"start")?.is_some() || a(b"end")?.is_some()) };
                match (parent, name) {
                    (None, "gexf") => {}
                    (None, other) => {
                        return Err(bad(
                            format!("the root element is `<{other}>`, not `<gexf>`"),
                            "give a GEXF file (`.gexf`), or a native `.json` graph",
                        ))
                    }
                    (Some("gexf"), "meta") => {
                        if let Some(d) = a(b"lastmodifieddate")? {
                            let at = attr_offset(text, start, "lastmodifieddate");
                            raw.meta.insert("date", (d, at));
                        }
                    }
                    (Some("meta"), "title") => capture = Some("title"),
                    (Some("meta"), "description") => capture = Some("description"),
                    (Some("gexf"), "graph") => {
                        graphs += 1;
                        if graphs > 1 {
                            return Err(bad(
                                "the file holds more than one `<graph>`".into(),
                                "keep one graph per file",
                            ));
                        }
                        raw.graph_offset = start;
                        // GEXF's default edge type is `undirected`.
                        let t = a(b"defaultedgetype")?;
                        raw.default_directed =
                            match t.as_deref().map_or(Some(false), directed) {
                                Some(d) => d,
                                None => {
                                    return Err(problem(
                                        text,
                                        file,
                                        attr_offset(text, start, "defaultedgetype"),
                                        format!(
                                            "the graph's `defaultedgetype` is `{}`, not `directed`, `undirected` or `mutual`",
                                            t.unwrap_or_default()
                                        ),
                                        "write `defaultedgetype=\"directed\"` (or undirected)",
                                    ))
                                }
                            };
                        raw.dynamic |= timed()? || a(b"mode")?.as_deref() == Some("dynamic");
                    }
                    (Some("graph"), "attributes") => {
                        class = match a(b"class")?.as_deref() {
                            Some("node") => Some(true),
                            Some("edge") => Some(false),
                            _ => None,
                        };
                        raw.dynamic |= a(b"mode")?.as_deref() == Some("dynamic");
                    }
                    (Some("attributes"), "attribute") => {
                        let id = required(
                            text,
                            file,
                            start,
                            e,
                            "id",
                            "an `<attribute>`",
                            "give every attribute an id and a title",
                        )?;
                        decl = Some(Decl {
                            title: a(b"title")?.unwrap_or_else(|| id.clone()),
                            ty: a(b"type")?.unwrap_or_else(|| "string".into()),
                            id,
                            default: None,
                        });
                    }
                    (Some("attribute"), "default") => in_default = true,
                    (Some("nodes"), "node") => {
                        let id = node_id(text, file, start, e)?;
                        let label = a(b"label")?.map(|l| (l, attr_offset(text, start, "label")));
                        raw.dynamic |= timed()?;
                        item = Some((
                            true,
                            Item {
                                id,
                                label,
                                offset: start,
                                ..Item::default()
                            },
                        ));
                    }
                    (Some("edges"), "edge") => {
                        let (source, target) = edge_ends(text, file, start, e)?;
                        let ty = a(b"type")?;
                        let is_directed = match ty.as_deref().map(directed) {
                            None => None,
                            Some(Some(d)) => Some(d),
                            Some(None) => {
                                return Err(problem(
                                    text,
                                    file,
                                    attr_offset(text, start, "type"),
                                    format!(
                                        "the edge's `type` is `{}`, not `directed`, `undirected` or `mutual`",
                                        ty.unwrap_or_default()
                                    ),
                                    "write `type=\"directed\"` (or undirected), or leave it out",
                                ))
                            }
                        };
                        let weight = a(b"weight")?.map(|w| (w, attr_offset(text, start, "weight")));
                        raw.dynamic |= timed()?;
                        item = Some((
                            false,
                            Item {
                                source,
                                target,
                                directed: is_directed,
                                weight,
                                offset: start,
                                ..Item::default()
                            },
                        ));
                    }
                    (Some("attvalues"), "attvalue") => {
                        let key = match a(b"for")? {
                            Some(k) => k,
                            // GEXF 1.1 also allowed `id`.
                            None => a(b"id")?.ok_or_else(|| {
                                bad(
                                    "an `<attvalue>` has no `for`".into(),
                                    "name the attribute's id in `for`",
                                )
                            })?,
                        };
                        let value = required(
                            text,
                            file,
                            start,
                            e,
                            "value",
                            "an `<attvalue>`",
                            "give every attvalue a `value`",
                        )?;
                        raw.dynamic |= timed()?;
                        if let Some((_, it)) = item.as_mut() {
                            it.values.push(AttValue {
                                key,
                                value,
                                offset: start,
                            });
                        }
                    }
                    (Some("node" | "edge"), "spells") => raw.dynamic = true,
                    (Some("node"), "nodes" | "edges") => {
                        return Err(bad(
                            "nested nodes (a hierarchy) are not supported".into(),
                            "flatten the graph: leverage reads one level of nodes and edges",
                        ))
                    }
                    _ => {}
                }
            }
            Xml::Close { name } => match name {
                "title" | "description" => capture = None,
                "default" => in_default = false,
                "attribute" => {
                    if let (Some(d), Some(is_node)) = (decl.take(), class) {
                        if is_node {
                            raw.node_attrs.push(d);
                        } else {
                            raw.edge_attrs.push(d);
                        }
                    }
                }
                "attributes" => class = None,
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
            },
            Xml::Text { text: s, .. } => {
                if in_default {
                    if let Some(d) = decl.as_mut() {
                        d.default.get_or_insert_with(String::new).push_str(s);
                    }
                } else if let Some(field) = capture {
                    raw.meta
                        .entry(field)
                        .or_insert_with(|| (String::new(), 0))
                        .0
                        .push_str(s);
                }
            }
            Xml::Pi {
                target,
                content,
                offset,
            } => {
                if target == GEXF_TARGET {
                    raw.manifest = Some((content.to_owned(), offset));
                }
            }
        }
        Ok(())
    })?;
    if graphs == 0 {
        return Err(problem(
            text,
            file,
            text.len(),
            "the file has no `<gexf>` element with a `<graph>`".into(),
            "give a GEXF file, or a native `.json` graph",
        ));
    }
    Ok(raw)
}

/// The declarations of a class, by id and by title, and the name a value gets: the id in
/// leverage's own files (whose manifest names ids), else the title.
struct Decls<'a> {
    decls: &'a [Decl],
    by_id: HashMap<&'a str, &'a Decl>,
    by_title: HashMap<&'a str, &'a Decl>,
    exact: bool,
}

impl<'a> Decls<'a> {
    fn new(decls: &'a [Decl], exact: bool) -> Self {
        let mut by_title = HashMap::new();
        for d in decls {
            by_title.entry(d.title.as_str()).or_insert(d);
        }
        Decls {
            decls,
            by_id: decls.iter().map(|d| (d.id.as_str(), d)).collect(),
            by_title,
            exact,
        }
    }

    fn name(&self, d: &Decl) -> String {
        if self.exact {
            d.id.clone()
        } else {
            d.title.clone()
        }
    }

    /// The values of an item: `first` (its label or weight), the defaults, then its attvalues
    /// (an attvalue for an undeclared attribute is named by its `for`).
    fn values(
        &self,
        first: Option<(&str, (String, usize))>,
        offset: usize,
        attvalues: Vec<AttValue>,
    ) -> Values {
        let mut out = Values::new();
        if let Some((k, v)) = first {
            out.insert(k.to_owned(), v);
        }
        for d in self.decls {
            if let Some(v) = &d.default {
                out.insert(self.name(d), (v.clone(), offset));
            }
        }
        for v in attvalues {
            let key = self
                .by_id
                .get(v.key.as_str())
                .or_else(|| self.by_title.get(v.key.as_str()));
            let name = key.map_or_else(|| v.key.clone(), |d| self.name(d));
            out.insert(name, (v.value, v.offset));
        }
        out
    }
}

/// Parses GEXF `text` into a validated graph.
///
/// # Errors
/// [`crate::Error::Invalid`] with line:column for malformed XML, a DOCTYPE, values of the wrong
/// type, and every rule of the format ([`super::validate::build`]).
pub fn parse(
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let mut raw = read(text, file)?;
    let manifest = raw.manifest.as_ref().and_then(|(t, off)| {
        Some((
            Manifest::<IndexMap<String, Value>>::parse(t, GEXF_FORMAT)?,
            *off,
        ))
    });
    let exact = manifest.is_some();
    let node_decls = Decls::new(&raw.node_attrs, exact);
    let edge_decls = Decls::new(&raw.edge_attrs, exact);

    let mut graph = Values::new();
    let mut titles = HashMap::new();
    if let Some((m, off)) = &manifest {
        // The graph's metadata and groups, as leverage wrote them.
        if let Some(g) = &m.graph {
            for (k, v) in g {
                let t = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                graph.insert(k.clone(), (t, *off));
            }
        }
        for d in raw.node_attrs.iter().chain(&raw.edge_attrs) {
            titles.insert(d.id.clone(), d.title.clone());
        }
    } else {
        for k in ["title", "date", "description"] {
            if let Some((t, off)) = raw.meta.get(k) {
                let t = t.trim();
                if !t.is_empty() {
                    graph.insert(k.to_owned(), (t.to_owned(), *off));
                }
            }
        }
    }
    let has_name = !exact
        && raw
            .node_attrs
            .iter()
            .any(|d| d.title.eq_ignore_ascii_case("name"));
    let node_types = raw
        .node_attrs
        .iter()
        .map(|d| (node_decls.name(d), d.ty.to_ascii_lowercase()))
        .collect();
    let mut edge_names: Vec<String> = raw.edge_attrs.iter().map(|d| d.title.clone()).collect();
    edge_names.push("weight".to_owned());

    let nodes = std::mem::take(&mut raw.nodes)
        .into_iter()
        .map(|it| {
            // The label is the name, unless leverage's manifest or a `name` attribute says it.
            let label = it.label.filter(|_| !exact && !has_name);
            Node {
                values: node_decls.values(label.map(|l| ("label", l)), it.offset, it.values),
                id: it.id,
                offset: it.offset,
            }
        })
        .collect();
    let edges = std::mem::take(&mut raw.edges)
        .into_iter()
        .map(|it| {
            // leverage writes the aggregate strength as `weight`: derived, not read back.
            let weight = it.weight.filter(|_| !exact);
            Edge {
                values: edge_decls.values(weight.map(|w| ("weight", w)), it.offset, it.values),
                directed: it.directed.unwrap_or(raw.default_directed),
                source: it.source,
                target: it.target,
                offset: it.offset,
            }
        })
        .collect();
    let mut notes = Vec::new();
    // leverage's own dynamic export keeps its years in the `series` attribute: nothing is lost.
    if raw.dynamic && !exact {
        notes.push(format!(
            "imported from {file}; time ignored (spells, start and end): read as a static graph, an attribute with values over time keeps its last"
        ));
    }
    let read = Attributed {
        graph_offset: raw.graph_offset,
        graph_term: if exact { GEXF_TARGET } else { "meta" },
        term: "attribute",
        type_hint: "fix the value or the attribute's `type`",
        graph,
        node_types,
        edge_names,
        titles,
        has_name,
        nodes,
        edges,
        manifest: manifest.map(|(m, _)| Exact::from(m)),
        notes,
    };
    build(read, text, defaults, options)
}

#[cfg(test)]
#[path = "tests/gexf_tests.rs"]
mod tests;
