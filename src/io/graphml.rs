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

use indexmap::IndexMap;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde_json::Value;

use super::json::{ActorDoc, GraphDoc, GroupDoc, MetaDoc, TieDoc};
use super::location::{line_column, Location};
use super::places::Places;
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use crate::export::flat::{Part, Role};
use crate::export::graphml::MANIFEST_KEY;
use crate::model::{Channels, Figure, InfluenceGraph};

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

/// Line starts of a text, for line:column lookups in O(log lines) (a GraphML file has thousands
/// of places to record; rescanning the text for each would be quadratic).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

fn problem(text: &str, file: &str, offset: usize, msg: String, hint: &str) -> Error {
    let (l, c) = line_column(text, offset);
    Error::invalid(Location::file(file).at(l, c), msg, Some(hint.to_owned()))
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> std::result::Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|err| err.to_string())?;
        if a.key.local_name().as_ref() == name {
            return a
                .unescape_value()
                .map(|v| Some(v.into_owned()))
                .map_err(|err| err.to_string());
        }
    }
    Ok(None)
}

/// Reads the structure: keys, the graph, nodes, edges, data.
fn read(text: &str, file: &str) -> Result<Raw> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut raw = Raw {
        edgedefault_directed: true,
        ..Raw::default()
    };
    let mut stack: Vec<String> = Vec::new();
    let mut key: Option<Key> = None;
    let mut key_id = String::new();
    let mut item: Option<(bool, Item)> = None;
    let mut datum: Option<Datum> = None;
    let mut in_default = false;
    let mut graphs = 0usize;
    let mut seen_graphml = false;
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event();
        let start = text
            .get(before..)
            .and_then(|s| s.find('<'))
            .map_or(before, |i| before + i);
        let bad = |msg: String, hint: &str| problem(text, file, start, msg, hint);
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(before);
                return Err(problem(
                    text,
                    file,
                    at,
                    format!("the file is not well-formed XML: {e}"),
                    "fix the XML at that place (an unclosed tag, a stray `&` or `<`?)",
                ));
            }
        };
        let (empty, e) = match &event {
            Event::Start(e) => (false, Some(e)),
            Event::Empty(e) => (true, Some(e)),
            _ => (false, None),
        };
        if let Some(e) = e {
            let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            let parent = stack.last().map(String::as_str);
            let a = |n: &[u8]| {
                attr(e, n).map_err(|m| {
                    bad(
                        format!("bad attribute: {m}"),
                        "fix the attribute's quoting and entities",
                    )
                })
            };
            match (parent, name.as_str()) {
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
                    raw.edgedefault_directed = a(b"edgedefault")?.as_deref() != Some("undirected");
                }
                (Some("graph"), "node") => {
                    let id = a(b"id")?.ok_or_else(|| {
                        bad("a `<node>` has no `id`".into(), "give every node an id")
                    })?;
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
                    let source = a(b"source")?.ok_or_else(|| {
                        bad(
                            "an `<edge>` has no `source`".into(),
                            "give every edge a source and a target",
                        )
                    })?;
                    let target = a(b"target")?.ok_or_else(|| {
                        bad(
                            "an `<edge>` has no `target`".into(),
                            "give every edge a source and a target",
                        )
                    })?;
                    let directed = a(b"directed")?.map(|d| d == "true" || d == "1");
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
                    let k = a(b"key")?.ok_or_else(|| {
                        bad(
                            "a `<data>` has no `key`".into(),
                            "name the key of every `<data>`",
                        )
                    })?;
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
            if empty {
                // An empty element closes at once.
                close(
                    &name,
                    &mut raw,
                    &mut key,
                    &key_id,
                    &mut item,
                    &mut datum,
                    &mut in_default,
                );
            } else {
                stack.push(name);
            }
            continue;
        }
        match event {
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                close(&name, &mut raw, &mut key, &key_id, &mut item, &mut datum, &mut in_default);
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| {
                    bad(
                        format!("bad text: {e}"),
                        "only the XML entities `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and character references are allowed",
                    )
                })?;
                if let Some(d) = datum.as_mut() {
                    d.text.push_str(&s);
                } else if in_default {
                    if let Some(k) = key.as_mut() {
                        k.default.get_or_insert_with(String::new).push_str(&s);
                    }
                }
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                if let Some(d) = datum.as_mut() {
                    d.text.push_str(&s);
                }
            }
            Event::DocType(_) => {
                return Err(bad(
                    "the file has a `<!DOCTYPE>`, which leverage refuses".into(),
                    "remove the DOCTYPE declaration: GraphML needs none, and leverage never expands entities or fetches external ones",
                ))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(problem(
            text,
            file,
            text.len(),
            format!("the file ends inside `<{open}>`: it is cut short"),
            "check that the file was fully written; every element must be closed (`</graphml>` last)",
        ));
    }
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

/// Values of an item by key name, with the keys' defaults filled in for `domain`.
fn values<'a>(raw: &'a Raw, it: &'a Item, domain: &str) -> IndexMap<String, (String, usize)> {
    let mut out: IndexMap<String, (String, usize)> = IndexMap::new();
    let mut ids: Vec<(&String, &Key)> = raw
        .keys
        .iter()
        .filter(|(_, k)| (k.domain == domain || k.domain == "all") && !k.skip)
        .collect();
    ids.sort_by(|a, b| a.0.cmp(b.0));
    for (_, k) in &ids {
        if let Some(d) = &k.default {
            out.insert(k.name.clone(), (d.clone(), it.offset));
        }
    }
    for d in &it.data {
        if let Some(k) = raw.keys.get(&d.key) {
            if !k.skip {
                out.insert(k.name.clone(), (d.text.clone(), d.offset));
            }
        } else {
            out.insert(d.key.clone(), (d.text.clone(), d.offset));
        }
    }
    out
}

fn key_type(raw: &Raw, domain: &str, name: &str) -> String {
    raw.keys
        .values()
        .find(|k| (k.domain == domain || k.domain == "all") && k.name == name)
        .map_or_else(|| "string".to_owned(), |k| k.ty.to_ascii_lowercase())
}

/// A typed value from its text.
fn typed(ty: &str, s: &str, json: bool) -> std::result::Result<Value, String> {
    if json {
        return serde_json::from_str(s).map_err(|e| format!("`{s}` is not JSON ({e})"));
    }
    match ty {
        "boolean" => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(Value::Bool(true)),
            "false" | "0" => Ok(Value::Bool(false)),
            _ => Err(format!("`{s}` is not a boolean")),
        },
        "int" | "long" => s
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("`{s}` is not an integer")),
        "float" | "double" => {
            // The JSON form keeps `3` apart from `3.0`, as the native format does.
            if let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s.trim()) {
                return Ok(v);
            }
            let x: f64 = s
                .trim()
                .parse()
                .map_err(|_| format!("`{s}` is not a number"))?;
            Ok(serde_json::Number::from_f64(x)
                .map_or_else(|| Value::String(s.to_owned()), Value::Number))
        }
        _ => Ok(Value::String(s.to_owned())),
    }
}

fn number(s: &str) -> std::result::Result<f64, String> {
    s.trim()
        .parse::<f64>()
        .map_err(|_| format!("`{s}` is not a number"))
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
/// [`Error::Invalid`] with line:column for malformed XML, a DOCTYPE, values of the wrong type,
/// and every rule of the format ([`validate::build`]).
pub fn parse(
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let raw = read(text, file)?;
    let graph_values = {
        let it = Item {
            offset: raw.graph_offset,
            data: raw.graph_data.clone(),
            ..Item::default()
        };
        values(&raw, &it, "graph")
    };
    let manifest: Option<serde_json::Map<String, Value>> = graph_values
        .get(MANIFEST_KEY)
        .and_then(|(t, _)| serde_json::from_str::<Value>(t).ok())
        .and_then(|v| v.as_object().cloned())
        .filter(|m| m.get("format").and_then(Value::as_str) == Some("leverage-graphml"));
    let mut places = Places::new(file);
    let mut problems: Vec<Problem> = Vec::new();
    let lines = Lines::new(text);
    let at = |offset: usize, what: String| {
        let (l, c) = lines.at(offset);
        (Some(l), Some(c), what)
    };
    let mut bad = |offset: usize, what: &str, msg: String, hint: &str| {
        let (l, c) = lines.at(offset);
        problems.push(Problem::new(
            Location::file(file).at(l, c).path(what.to_owned()),
            msg,
            Some(hint.to_owned()),
        ));
    };

    // Meta.
    let g = |k: &str| graph_values.get(k).map(|(t, _)| t.clone());
    let date = g("date").unwrap_or_else(|| defaults.date.clone());
    let default_year = year_of(&date);
    let mut notes: Vec<String> = match g("notes") {
        Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| vec![t]),
        None => Vec::new(),
    };
    let title = g("title")
        .or_else(|| g("name"))
        .unwrap_or_else(|| defaults.title.clone());
    let (l, c, w) = at(raw.graph_offset, "graph".into());
    places.insert("meta".into(), l, c, w);
    if let Some((_, off)) = graph_values.get("date") {
        let (l, c, w) = at(*off, "graph, key date".into());
        places.insert("meta.date".into(), l, c, w);
    }
    let mut groups: Vec<GroupDoc> = Vec::new();
    if let Some((t, off)) = graph_values.get("groups") {
        match serde_json::from_str::<Vec<GroupDoc>>(t) {
            Ok(gs) => groups = gs,
            Err(e) => bad(
                *off,
                "graph, key groups",
                format!("the graph's `groups` is not a list of groups: {e}"),
                "write groups as in the native format, or remove the key",
            ),
        }
        let (l, c, w) = at(*off, "graph, key groups".into());
        places.insert("groups".into(), l, c, w);
    }

    // Roles of node and edge keys.
    let roles: HashMap<String, Role> = manifest
        .as_ref()
        .and_then(|m| m.get("keys"))
        .and_then(Value::as_object)
        .map(|keys| {
            keys.iter()
                .filter_map(|(k, v)| Some((k.clone(), Role::decode(v.as_str()?)?)))
                .collect()
        })
        .unwrap_or_default();
    let json_keys: Vec<String> = manifest
        .as_ref()
        .and_then(|m| m.get("json_keys"))
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    let exact = manifest.is_some();

    // Actors.
    let mut actors = Vec::new();
    let mut group_members: IndexMap<String, Vec<String>> = IndexMap::new();
    let has_name = raw
        .keys
        .values()
        .any(|k| k.domain != "edge" && k.name.eq_ignore_ascii_case("name"));
    for (i, node) in raw.nodes.iter().enumerate() {
        let here = format!("actors[{i}]");
        let what = format!("node `{}`", node.id);
        let (l, c, w) = at(node.offset, what.clone());
        places.insert(here.clone(), l, c, w);
        let mut a = ActorDoc {
            id: node.id.clone(),
            name: node.id.clone(),
            lat: None,
            lon: None,
            receptiveness: None,
            note: None,
            attributes: IndexMap::new(),
        };
        let mut rec: HashMap<&'static str, (String, usize)> = HashMap::new();
        for (name, (t, off)) in values(&raw, node, "node") {
            let key_what = format!("{what}, key {name}");
            let role = if exact {
                match roles.get(&format!("n_{name}")) {
                    Some(r) => r.clone(),
                    None => Role::Attribute(name.clone()),
                }
            } else {
                match name.to_ascii_lowercase().as_str() {
                    "name" => Role::Name,
                    "label" if !has_name => Role::Name,
                    "lat" | "latitude" => Role::Lat,
                    "lon" | "lng" | "longitude" => Role::Lon,
                    "note" => Role::Note,
                    "groups" => Role::Groups,
                    "receptiveness" => Role::Receptiveness(Part::Value),
                    "receptiveness_low" => Role::Receptiveness(Part::Low),
                    "receptiveness_high" => Role::Receptiveness(Part::High),
                    "receptiveness_source" => Role::Receptiveness(Part::Source),
                    "receptiveness_year" => Role::Receptiveness(Part::Year),
                    _ => Role::Attribute(name.clone()),
                }
            };
            let field = |f: &str| format!("{here}.{f}");
            let (l, c, _) = at(off, String::new());
            match role {
                Role::Name => {
                    a.name = t;
                    places.insert(field("name"), l, c, key_what);
                }
                Role::Lat | Role::Lon => {
                    let f = if role == Role::Lat { "lat" } else { "lon" };
                    match number(&t) {
                        Ok(x) => {
                            if role == Role::Lat {
                                a.lat = Some(x);
                            } else {
                                a.lon = Some(x);
                            }
                        }
                        Err(m) => bad(
                            off,
                            &key_what,
                            format!("{f} {m}"),
                            "write the coordinate in degrees, e.g. `48.2`",
                        ),
                    }
                    places.insert(field(f), l, c, key_what);
                }
                Role::Note => {
                    a.note = Some(t);
                    places.insert(field("note"), l, c, key_what);
                }
                Role::Groups if !exact => {
                    for gname in t.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()) {
                        group_members
                            .entry(gname.to_owned())
                            .or_default()
                            .push(node.id.clone());
                    }
                }
                Role::Receptiveness(p) => {
                    let slot = match p {
                        Part::Value => "value",
                        Part::Low => "low",
                        Part::High => "high",
                        Part::Source => "source",
                        Part::Year => "year",
                    };
                    rec.insert(slot, (t, off));
                }
                Role::Attribute(attr_name) => {
                    let ty = key_type(&raw, "node", &name);
                    let json = json_keys.contains(&format!("n_{name}"));
                    match typed(&ty, &t, json) {
                        Ok(v) => {
                            places.insert(
                                field(&format!("attributes.{attr_name}")),
                                l,
                                c,
                                key_what,
                            );
                            a.attributes.insert(attr_name, v);
                        }
                        Err(m) => bad(
                            off,
                            &key_what,
                            format!("attribute `{attr_name}` is of type `{ty}`, but {m}"),
                            "fix the value or the key's `attr.type`",
                        ),
                    }
                }
                _ => {} // derived values: colour role, --with results
            }
        }
        if let Some((v, off)) = rec.get("value") {
            let rw = format!("{what}, key receptiveness");
            let (l, c, _) = at(*off, String::new());
            places.insert(format!("{here}.receptiveness"), l, c, rw.clone());
            match figure(&rec, defaults, default_year) {
                Ok(f) => a.receptiveness = Some(f),
                Err(m) => bad(
                    *off,
                    &rw,
                    format!("receptiveness: {m}"),
                    "receptiveness parts are numbers in [0, 1] and a year",
                ),
            }
            let _ = v;
        }
        actors.push(a);
    }
    if !exact {
        for (id, members) in group_members {
            groups.push(GroupDoc {
                id,
                name: None,
                members,
                lead: None,
                note: None,
            });
        }
    }

    // Ties.
    let weight_attr = options
        .weight_attr
        .clone()
        .unwrap_or_else(|| "weight".to_owned());
    let edge_key_names: Vec<String> = raw
        .keys
        .values()
        .filter(|k| (k.domain == "edge" || k.domain == "all") && !k.skip)
        .map(|k| k.name.clone())
        .collect();
    if !exact && options.weight_attr.is_some() && !edge_key_names.contains(&weight_attr) {
        let mut known = edge_key_names.clone();
        known.sort();
        return Err(Error::invalid(
            Location::file(file),
            format!("`--weight-attr {weight_attr}`: the file has no edge attribute of that name"),
            Some(if known.is_empty() {
                "the file's edges have no attributes; drop `--weight-attr` (every tie gets strength 1)".to_owned()
            } else {
                format!("edge attributes in the file: {}", known.join(", "))
            }),
        ));
    }
    let channel = channel_name(&weight_attr);
    let mut unused: Vec<String> = Vec::new();
    // Ties of zero strength are not written as edges (other readers would take them as present:
    // MODEL section 2 says they are absent) but kept in the manifest with their place in the tie
    // order, so that the reload is exact.
    let absent: std::collections::BTreeMap<usize, TieDoc> = manifest
        .as_ref()
        .and_then(|m| m.get("absent_ties"))
        .and_then(|v| serde_json::from_value::<Vec<AbsentTie>>(v.clone()).ok())
        .map(|list| list.into_iter().map(|a| (a.index, a.tie)).collect())
        .unwrap_or_default();
    let mut next_free = 0usize;
    let mut placed: Vec<(usize, TieDoc)> = Vec::new();
    for edge in &raw.edges {
        let what = format!("edge `{}` -> `{}`", edge.source, edge.target);
        let vals = values(&raw, edge, "edge");
        let mut channels = Channels::new();
        let mut note = None;
        let mut chan_places: Vec<(String, String, usize)> = Vec::new();
        if exact {
            let mut parts: IndexMap<String, HashMap<&'static str, (String, usize)>> =
                IndexMap::new();
            for (name, (t, off)) in &vals {
                match roles.get(&format!("e_{name}")) {
                    Some(Role::Channel(ch, p)) => {
                        let slot = match p {
                            Part::Value => "value",
                            Part::Low => "low",
                            Part::High => "high",
                            Part::Source => "source",
                            Part::Year => "year",
                        };
                        parts
                            .entry(ch.clone())
                            .or_default()
                            .insert(slot, (t.clone(), *off));
                    }
                    Some(Role::Note) => note = Some(t.clone()),
                    _ => {}
                }
            }
            for (ch, p) in parts {
                let off = p.get("value").map_or(edge.offset, |v| v.1);
                let key_what = format!("{what}, key {ch}");
                match figure(&p, defaults, default_year) {
                    Ok(f) => {
                        channels.insert(ch.as_str().into(), f);
                    }
                    Err(m) => bad(
                        off,
                        &key_what,
                        format!("channel `{ch}`: {m}"),
                        "channel parts are numbers in [0, 1], a source and a year",
                    ),
                }
                chan_places.push((ch, key_what, off));
            }
        } else {
            let mut p: HashMap<&'static str, (String, usize)> = HashMap::new();
            for (name, (t, off)) in &vals {
                let slot = if *name == weight_attr {
                    "value"
                } else {
                    match name.to_ascii_lowercase().as_str() {
                        "citation" => "source",
                        "year" => "year",
                        "low" => "low",
                        "high" => "high",
                        "note" => {
                            note = Some(t.clone());
                            continue;
                        }
                        _ => {
                            if !unused.contains(name) {
                                unused.push(name.clone());
                            }
                            continue;
                        }
                    }
                };
                p.insert(slot, (t.clone(), *off));
            }
            let off = p.get("value").map_or(edge.offset, |v| v.1);
            p.entry("value")
                .or_insert_with(|| ("1".to_owned(), edge.offset));
            let key_what = format!("{what}, key {weight_attr}");
            match figure(&p, defaults, default_year) {
                Ok(f) => {
                    channels.insert(channel.as_str().into(), f);
                }
                Err(m) => bad(
                    off,
                    &key_what,
                    format!("{weight_attr}: {m}"),
                    "the strength is a number in [0, 1] (a share); rescale the weights",
                ),
            }
            chan_places.push((channel.clone(), key_what, off));
        }
        let directed = edge.directed.unwrap_or(raw.edgedefault_directed);
        let ends = if directed {
            vec![(edge.source.clone(), edge.target.clone())]
        } else {
            vec![
                (edge.source.clone(), edge.target.clone()),
                (edge.target.clone(), edge.source.clone()),
            ]
        };
        for (from, to) in ends {
            while absent.contains_key(&next_free) {
                next_free += 1;
            }
            let j = next_free;
            next_free += 1;
            let (l, c, _) = at(edge.offset, String::new());
            places.insert(format!("ties[{j}]"), l, c, what.clone());
            for (ch, key_what, off) in &chan_places {
                let (l, c, _) = at(*off, String::new());
                places.insert(format!("ties[{j}].channels.{ch}"), l, c, key_what.clone());
            }
            placed.push((
                j,
                TieDoc {
                    from: from.into(),
                    to: to.into(),
                    channels: channels.clone(),
                    note: note.clone(),
                },
            ));
        }
    }
    placed.extend(absent);
    placed.sort_by_key(|(j, _)| *j);
    let ties: Vec<TieDoc> = placed.into_iter().map(|(_, t)| t).collect();
    if !unused.is_empty() {
        unused.sort();
        notes.push(format!(
            "imported from {file}; edge attributes not used: {}",
            unused.join(", ")
        ));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    let doc = GraphDoc {
        schema: None,
        version: 1,
        meta: MetaDoc {
            title,
            date,
            description: g("description"),
            notes,
        },
        actors,
        groups,
        ties,
    };
    validate::build_owned(doc, &|steps| places.locate(steps))
}

/// A zero-strength tie kept in the manifest, with its index in the tie order.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AbsentTie {
    /// Position of the tie in the graph's tie order.
    pub index: usize,
    /// The tie.
    pub tie: TieDoc,
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
            .or_else(|_| y.trim().parse::<f64>().map(|f| f as i32))
            .map_err(|_| format!("year `{y}` is not a whole number"))?,
        None => default_year,
    };
    Ok(Figure {
        value,
        range,
        source: source.into(),
        year,
    })
}

#[cfg(test)]
#[path = "tests/graphml_tests.rs"]
mod tests;
