//! What the GraphML and GEXF importers share once a file is read: a graph of nodes and edges
//! whose values are named (GraphML keys, GEXF attributes), each with its place in the file,
//! turned into a [`GraphDoc`] and validated so that every rule points at the right element.
//!
//! Without a manifest (a file from another tool): a node's `name` (else `label`) is the actor's
//! name; `lat`/`latitude` and `lon`/`lng`/`longitude` the capital; `note`, `groups` (separated by
//! `,` or `;`) and `receptiveness` (with `_low`, `_high`, `_source`, `_year`) as in the native
//! format; every other node value becomes an actor attribute of its declared type. The edge value
//! `weight` (or the one named by `--weight-attr`) becomes the strength of a channel of that name;
//! an edge without one has strength 1, but a file where no edge has it while the edges carry
//! other numeric values is refused (it names them), as is a named weight value no edge has.
//! Edge values `citation`, `year`, `low` and `high` give the
//! figure's source, year and range, `note` the tie's note; other edge values are listed in the
//! graph's notes. An undirected edge is a tie in each direction. A node id that is not a
//! well-formed actor id (`South Korea`) is made safe ([`super::safe_ids`]), the edges following it.
//!
//! With leverage's own manifest ([`Manifest`]), every value has the meaning its
//! [`Role`] gives it, so that the reload is exact.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::Value;

use super::json::{GraphDoc, GroupDoc, MetaDoc, TieDoc};
use super::location::Location;
use super::places::Places;
use super::safe_ids::IdMap;
use super::xml::Lines;
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use crate::exchange::columns::Role;
use crate::exchange::manifest::Manifest;
use crate::model::{ChannelDecl, Citation, Figure, InfluenceGraph};

mod actors;
mod ties;

use actors::{read_actors, NodeValues};
use ties::{read_ties, Foreign};

/// Named values, each with its text and the byte offset where it is written.
pub(crate) type Values = IndexMap<String, (String, usize)>;

/// A node: its id, where it starts, its values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    pub id: String,
    pub offset: usize,
    pub values: Values,
}

/// An edge: its ends, whether it is directed, where it starts, its values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Edge {
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub offset: usize,
    pub values: Values,
}

/// What leverage's own manifest says, decoded for an exact reload.
#[derive(Debug, Clone, Default)]
pub(crate) struct Exact {
    /// `n_NAME` (node values) and `e_NAME` (edge values) to their role.
    pub roles: HashMap<String, Role>,
    /// The names (`n_NAME`) whose values are JSON text.
    pub json_keys: HashSet<String>,
    /// Ties of zero strength not written as edges, by their place in the tie order.
    pub absent: BTreeMap<usize, TieDoc>,
}

impl<G> From<Manifest<G>> for Exact {
    /// Decodes a manifest; a key whose role this version does not know is left out (its values
    /// are then read as attributes).
    fn from(m: Manifest<G>) -> Self {
        Exact {
            roles: m
                .keys
                .into_iter()
                .filter_map(|(k, v)| Some((k, Role::decode(&v)?)))
                .collect(),
            json_keys: m.json_keys.into_keys().collect(),
            absent: m
                .absent_ties
                .into_iter()
                .map(|a| {
                    let t = a.tie;
                    let tie = TieDoc {
                        from: t.from,
                        to: t.to,
                        channels: t.channels,
                        note: t.note,
                    };
                    (a.index, tie)
                })
                .collect(),
        }
    }
}

/// A file read by an XML importer, before interpretation.
#[derive(Debug, Default)]
pub(crate) struct Attributed {
    /// Where the graph starts.
    pub graph_offset: usize,
    /// How graph-level values are named in messages (`graph, key` in GraphML).
    pub graph_term: &'static str,
    /// How node and edge values are named in messages (`key` in GraphML, `attribute` in GEXF).
    pub term: &'static str,
    /// The hint for a value that is not of its declared type.
    pub type_hint: &'static str,
    /// Graph-level values: `title` (else `name`), `date`, `description`, `notes` (a JSON array
    /// or one note), `groups` (JSON, as in the native format).
    pub graph: Values,
    /// The declared type of each node value, by name (the format's own type names).
    pub node_types: HashMap<String, String>,
    /// The names of the declared edge values.
    pub edge_names: Vec<String>,
    /// Display names of values whose name is an id (GEXF attribute ids in leverage's own files).
    pub titles: HashMap<String, String>,
    /// Whether the nodes have a `name` value (then `label` is an attribute).
    pub has_name: bool,
    /// The nodes, in file order.
    pub nodes: Vec<Node>,
    /// The edges, in file order.
    pub edges: Vec<Edge>,
    /// leverage's manifest, for an exact reload.
    pub manifest: Option<Exact>,
    /// Notes the reader adds to the graph's (what it ignored).
    pub notes: Vec<String>,
}

/// Builds and validates the graph of a read file; `text` is the file, for line:column.
///
/// The steps: the graph-level values (metadata, groups, and with a manifest the citations,
/// channel declarations and build), the nodes into actors, the edges into ties, then the
/// validation of the whole document with every part placed in the file.
///
/// # Errors
/// [`Error::Invalid`] with every value of the wrong type and every rule of the format broken,
/// each placed in the file.
pub(crate) fn build(
    read: Attributed,
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let Attributed {
        graph_offset,
        graph_term,
        term,
        type_hint,
        graph,
        node_types,
        edge_names,
        titles,
        has_name,
        nodes,
        edges,
        manifest,
        notes: reader_notes,
    } = read;
    let mut r = Reader {
        file: defaults.file.as_str(),
        lines: Lines::new(text),
        defaults,
        places: Places::new(defaults.file.as_str()),
        problems: Vec::new(),
        term,
        type_hint,
    };
    let graph = GraphValues {
        values: &graph,
        term: graph_term,
    };
    let mut meta = graph.meta(&mut r, graph_offset, reader_notes);
    let mut groups = graph.groups(&mut r);
    let (mut citations, mut channels) = (IndexMap::new(), IndexMap::new());
    if manifest.is_some() {
        citations = graph.table::<Citation>(&mut r, "citations", "a citations table");
        channels =
            graph.table::<ChannelDecl>(&mut r, "channels", "a table of channel declarations");
        meta.build = graph.json(&mut r, "build", "JSON");
    }
    let default_year = year_of(&meta.date);
    let node_values = NodeValues {
        types: &node_types,
        titles: &titles,
        has_name,
        exact: manifest.as_ref(),
    };
    let (actors, members) = read_actors(&mut r, nodes, &node_values, default_year);
    if manifest.is_none() {
        groups.extend(members.into_iter().map(|(id, members)| GroupDoc {
            id,
            members,
            ..GroupDoc::default()
        }));
    }
    let foreign = Foreign {
        edge_names: &edge_names,
        weight_attr: options.weight_attr.as_deref(),
    };
    let (mut ties, mut unused) = read_ties(&mut r, edges, manifest, &foreign, default_year)?;
    // Ids other tools allow (`South Korea`) made safe, the ties and groups following them.
    let ids = IdMap::new(actors.iter().map(|a| a.id.as_str()));
    let mut actors = actors;
    ids.apply_to(&mut actors, &mut groups);
    for t in &mut ties {
        for end in [&mut t.from, &mut t.to] {
            if let Some(s) = ids.get(end) {
                *end = s.into();
            }
        }
    }
    meta.notes.extend(ids.note(r.file));
    if !unused.is_empty() {
        unused.sort();
        meta.notes.push(format!(
            "imported from {}; edge attributes not used: {}",
            r.file,
            unused.join(", ")
        ));
    }
    if !r.problems.is_empty() {
        return Err(Error::Invalid {
            problems: r.problems,
        });
    }
    let doc = GraphDoc {
        schema: None,
        version: 2,
        citations,
        channels,
        meta,
        actors,
        groups,
        ties,
    };
    let places = r.places;
    validate::build_owned(doc, &|steps| places.locate(steps))
}

/// The reading of one file: where things are, and the problems found so far.
struct Reader<'a> {
    /// The file as named in messages.
    file: &'a str,
    lines: Lines<'a>,
    defaults: &'a ImportDefaults,
    places: Places,
    problems: Vec<Problem>,
    /// How node and edge values are named in messages (`key`, `attribute`).
    term: &'static str,
    /// The hint for a value that is not of its declared type.
    type_hint: &'static str,
}

impl Reader<'_> {
    /// Records that the document part at `path` comes from the byte `offset`, described as
    /// `what`.
    fn place(&mut self, path: String, offset: usize, what: String) {
        let (l, c) = self.lines.at(offset);
        self.places.insert(path, Some(l), Some(c), what);
    }

    /// A problem with the value `what` at byte `offset`.
    fn bad(&mut self, offset: usize, what: &str, msg: String, hint: &str) {
        let (l, c) = self.lines.at(offset);
        self.problems.push(Problem::new(
            Location::file(self.file).at(l, c).path(what.to_owned()),
            msg,
            Some(hint.to_owned()),
        ));
    }
}

/// The graph-level values of a file, and how they are named in messages (`graph, key`).
struct GraphValues<'a> {
    values: &'a Values,
    term: &'static str,
}

impl GraphValues<'_> {
    fn text(&self, k: &str) -> Option<String> {
        self.values.get(k).map(|(t, _)| t.clone())
    }

    /// The metadata: `title` (else `name`, else the file's stem), `date` (else the file's),
    /// `description`, `notes` (a JSON array or one note) and the reader's own notes.
    fn meta(&self, r: &mut Reader<'_>, graph_offset: usize, reader_notes: Vec<String>) -> MetaDoc {
        let date = self.text("date").unwrap_or_else(|| r.defaults.date.clone());
        let mut notes: Vec<String> = match self.text("notes") {
            Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| vec![t]),
            None => Vec::new(),
        };
        notes.extend(reader_notes);
        let title = self
            .text("title")
            .or_else(|| self.text("name"))
            .unwrap_or_else(|| r.defaults.title.clone());
        r.place("meta".into(), graph_offset, "graph".into());
        if let Some((_, off)) = self.values.get("date") {
            r.place("meta.date".into(), *off, format!("{} date", self.term));
        }
        MetaDoc {
            title,
            date,
            description: self.text("description"),
            notes,
            build: None,
        }
    }

    /// The groups (`groups`, JSON as in the native format).
    fn groups(&self, r: &mut Reader<'_>) -> Vec<GroupDoc> {
        let Some((t, off)) = self.values.get("groups") else {
            return Vec::new();
        };
        let what = format!("{} groups", self.term);
        let groups = match serde_json::from_str::<Vec<GroupDoc>>(t) {
            Ok(gs) => gs,
            Err(e) => {
                r.bad(
                    *off,
                    &what,
                    format!("the graph's `groups` is not a list of groups: {e}"),
                    "write groups as in the native format, or remove the key",
                );
                Vec::new()
            }
        };
        r.place("groups".into(), *off, what);
        groups
    }

    /// The value `k` as JSON, if present; text that is no JSON (`what` names what it should be)
    /// is a problem.
    fn json(&self, r: &mut Reader<'_>, k: &str, what: &str) -> Option<serde_json::Value> {
        let (t, off) = self.values.get(k)?;
        match serde_json::from_str::<serde_json::Value>(t) {
            Ok(v) => Some(v),
            Err(e) => {
                r.bad(
                    *off,
                    &format!("{} {k}", self.term),
                    format!("the graph's `{k}` is not {what}: {e}"),
                    "write it as in the native format, or remove the key",
                );
                None
            }
        }
    }

    /// The table `k` (citations, channel declarations) of leverage's own file; a table that
    /// does not fit is left to the validation of what remains.
    fn table<T: serde::de::DeserializeOwned>(
        &self,
        r: &mut Reader<'_>,
        k: &str,
        what: &str,
    ) -> IndexMap<String, T> {
        self.json(r, k, what)
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default()
    }
}

/// A typed value from its text, by the type name of GraphML (`boolean`, `int`, `long`, `float`,
/// `double`, `string`) or GEXF (also `integer`, `short`, `byte`, `biginteger`, `bigdecimal`,
/// `char`, `anyURI` and the `list...` types, read as arrays); `json`: the text is JSON.
pub(crate) fn typed(ty: &str, s: &str, json: bool) -> std::result::Result<Value, String> {
    if json {
        return serde_json::from_str(s).map_err(|e| format!("`{s}` is not JSON ({e})"));
    }
    if let Some(item) = ty.strip_prefix("list") {
        return list(item, s);
    }
    match ty {
        "boolean" => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(format!("`{s}` is not a boolean")),
        },
        "int" | "long" | "integer" | "short" | "byte" | "biginteger" => s
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("`{s}` is not an integer")),
        "float" | "double" | "bigdecimal" => {
            // The JSON form keeps `3` apart from `3.0`, as the native format does.
            if let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s.trim()) {
                return Ok(v);
            }
            let x = number(s)?;
            Ok(serde_json::Number::from_f64(x)
                .map_or_else(|| Value::String(s.to_owned()), Value::Number))
        }
        _ => Ok(Value::String(s.to_owned())),
    }
}

/// A GEXF list value as an array of items of type `item`: JSON (`["a", "b"]`), bracketed and
/// comma-separated (`[a, b]`, as Gephi writes), or `|`-separated (`a|b`, GEXF 1.2).
fn list(item: &str, s: &str) -> std::result::Result<Value, String> {
    let t = s.trim();
    if let Ok(v @ Value::Array(_)) = serde_json::from_str::<Value>(t) {
        return Ok(v);
    }
    let items: Vec<&str> = match t.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(inner) if inner.trim().is_empty() => Vec::new(),
        Some(inner) => inner.split(',').collect(),
        None if t.is_empty() => Vec::new(),
        None => t.split('|').collect(),
    };
    items
        .into_iter()
        .map(|x| {
            let x = x.trim();
            let x = x
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or(x);
            typed(item, x, false)
        })
        .collect::<std::result::Result<Vec<_>, _>>()
        .map(Value::Array)
        .map_err(|m| format!("an item of the list `{s}`: {m}"))
}

/// A number from its text.
pub(crate) fn number(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        // Rust reads `NaN`, `inf` and `infinity` as numbers; a figure or coordinate never is one.
        Ok(x) if !x.is_finite() => Err(format!("`{s}` is not a finite number")),
        Ok(x) => Ok(x),
        Err(_) => Err(format!("`{s}` is not a number")),
    }
}

/// A figure from its parts' texts (`value`, `low`, `high`, `source`, `year`).
fn figure(
    parts: &HashMap<&'static str, (String, usize)>,
    defaults: &ImportDefaults,
    default_year: i32,
) -> std::result::Result<Figure, String> {
    let get = |k: &str| parts.get(k).map(|(t, _)| t.as_str());
    let value = number(get("value").unwrap_or("1"))?;
    let range = match (get("low"), get("high")) {
        (None, None) => None,
        (lo, hi) => Some([lo.map_or(Ok(value), number)?, hi.map_or(Ok(value), number)?]),
    };
    let source = get("source").map_or_else(|| defaults.source(), str::to_owned);
    let year = match get("year") {
        Some(y) => y
            .trim()
            .parse::<i32>()
            .ok()
            .or_else(|| {
                // `2023.0`, as a float attribute writes it; never NaN, infinity or `2023.7`.
                let f = y.trim().parse::<f64>().ok()?;
                (f.is_finite() && f.fract() == 0.0 && f.abs() <= f64::from(i32::MAX))
                    .then_some(f as i32)
            })
            .ok_or_else(|| format!("year `{y}` is not a whole number"))?,
        None => default_year,
    };
    let basis = match get("basis") {
        None => crate::model::Basis::Unknown,
        Some(b) => b
            .parse()
            .map_err(|e: crate::model::provenance::UnknownBasis| e.to_string())?,
    };
    let cite = get("cite").map_or_else(crate::model::Cite::none, |s| {
        crate::model::Cite::many(s.split(',').map(str::trim).filter(|x| !x.is_empty()))
    });
    Ok(Figure {
        value,
        range,
        source: source.into(),
        year,
        basis,
        cite,
    })
}

#[cfg(test)]
#[path = "../tests/attributed_tests.rs"]
mod tests;
