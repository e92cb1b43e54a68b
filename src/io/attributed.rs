//! What the GraphML and GEXF importers share once a file is read: a graph of nodes and edges
//! whose values are named (GraphML keys, GEXF attributes), each with its place in the file,
//! turned into a [`GraphDoc`] and validated so that every rule points at the right element.
//!
//! Without a manifest (a file from another tool): a node's `name` (else `label`) is the actor's
//! name; `lat`/`latitude` and `lon`/`lng`/`longitude` the capital; `note`, `groups` (separated by
//! `,` or `;`) and `receptiveness` (with `_low`, `_high`, `_source`, `_year`) as in the native
//! format; every other node value becomes an actor attribute of its declared type. The edge value
//! `weight` (or the one named by `--weight-attr`) becomes the strength of a channel of that name;
//! an edge without one has strength 1. Edge values `citation`, `year`, `low` and `high` give the
//! figure's source, year and range, `note` the tie's note; other edge values are listed in the
//! graph's notes. An undirected edge is a tie in each direction.
//!
//! With leverage's own manifest ([`Manifest`]), every value has the meaning its
//! [`Role`] gives it, so that the reload is exact.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;
use serde_json::Value;

use super::graphml::channel_name;
use super::json::{ActorDoc, GraphDoc, GroupDoc, MetaDoc, TieDoc};
use super::location::Location;
use super::places::Places;
use super::xml::Lines;
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use crate::exchange::columns::{Part, Role};
use crate::exchange::manifest::{Manifest, EDGE_KEY_PREFIX, NODE_KEY_PREFIX};
use crate::model::{Channels, Figure, InfluenceGraph};

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

impl From<Manifest> for Exact {
    /// Decodes a manifest; a key whose role this version does not know is left out (its values
    /// are then read as attributes).
    fn from(m: Manifest) -> Self {
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

/// The role of a node value in a file without a manifest.
fn node_role(name: &str, has_name: bool) -> Role {
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
        _ => Role::Attribute(name.to_owned()),
    }
}

/// Builds and validates the graph of a read file; `text` is the file, for line:column.
///
/// # Errors
/// [`Error::Invalid`] with every value of the wrong type and every rule of the format broken,
/// each placed in the file.
#[allow(clippy::too_many_lines)]
pub(crate) fn build(
    read: Attributed,
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let Attributed {
        graph_offset,
        graph_term,
        term,
        type_hint,
        graph: graph_values,
        node_types,
        edge_names,
        titles,
        has_name,
        nodes,
        edges,
        manifest,
        notes: reader_notes,
    } = read;
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
    let title_of = |name: &str| titles.get(name).cloned().unwrap_or_else(|| name.to_owned());

    // Meta.
    let g = |k: &str| graph_values.get(k).map(|(t, _)| t.clone());
    let date = g("date").unwrap_or_else(|| defaults.date.clone());
    let default_year = year_of(&date);
    let mut notes: Vec<String> = match g("notes") {
        Some(t) => serde_json::from_str(&t).unwrap_or_else(|_| vec![t]),
        None => Vec::new(),
    };
    notes.extend(reader_notes);
    let title = g("title")
        .or_else(|| g("name"))
        .unwrap_or_else(|| defaults.title.clone());
    let (l, c, w) = at(graph_offset, "graph".into());
    places.insert("meta".into(), l, c, w);
    if let Some((_, off)) = graph_values.get("date") {
        let (l, c, w) = at(*off, format!("{graph_term} date"));
        places.insert("meta.date".into(), l, c, w);
    }
    let mut groups: Vec<GroupDoc> = Vec::new();
    if let Some((t, off)) = graph_values.get("groups") {
        let what = format!("{graph_term} groups");
        match serde_json::from_str::<Vec<GroupDoc>>(t) {
            Ok(gs) => groups = gs,
            Err(e) => bad(
                *off,
                &what,
                format!("the graph's `groups` is not a list of groups: {e}"),
                "write groups as in the native format, or remove the key",
            ),
        }
        let (l, c, w) = at(*off, what);
        places.insert("groups".into(), l, c, w);
    }

    let exact = manifest.is_some();
    let mut json_of = |k: &str, what: &str| -> Option<Value> {
        let (t, off) = graph_values.get(k)?;
        match serde_json::from_str::<Value>(t) {
            Ok(v) => Some(v),
            Err(e) => {
                bad(
                    *off,
                    &format!("{graph_term} {k}"),
                    format!("the graph's `{k}` is not {what}: {e}"),
                    "write it as in the native format, or remove the key",
                );
                None
            }
        }
    };
    let (citations, channel_decls, build) = if exact {
        (
            json_of("citations", "a citations table")
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            json_of("channels", "a table of channel declarations")
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            json_of("build", "JSON"),
        )
    } else {
        (IndexMap::new(), IndexMap::new(), None)
    };
    let manifest = manifest.unwrap_or_default();
    let roles = &manifest.roles;

    // Actors.
    let mut actors = Vec::with_capacity(nodes.len());
    let mut group_members: IndexMap<String, Vec<String>> = IndexMap::new();
    for (i, node) in nodes.into_iter().enumerate() {
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
            ..ActorDoc::default()
        };
        let mut rec: HashMap<&'static str, (String, usize)> = HashMap::new();
        for (name, (t, off)) in node.values {
            let shown = title_of(&name);
            let key_what = format!("{what}, {term} {shown}");
            let role = if exact {
                match roles.get(&format!("{NODE_KEY_PREFIX}{name}")) {
                    Some(r) => r.clone(),
                    None => Role::Attribute(shown.clone()),
                }
            } else {
                node_role(&name, has_name)
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
                    rec.insert(p.name(), (t, off));
                }
                Role::Stance if exact => match serde_json::from_str(&t) {
                    Ok(s) => {
                        places.insert(field("stance"), l, c, key_what);
                        a.stance = s;
                    }
                    Err(e) => bad(
                        off,
                        &key_what,
                        format!("the stance is not a stance object: {e}"),
                        "write the stance as in the native format (docs/FORMAT.md)",
                    ),
                },
                Role::Outreach if exact => match serde_json::from_str(&t) {
                    Ok(o) => {
                        places.insert(field("outreach"), l, c, key_what);
                        a.outreach = Some(o);
                    }
                    Err(e) => bad(
                        off,
                        &key_what,
                        format!("the outreach is not an outreach object: {e}"),
                        "write it as in the native format (docs/FORMAT.md)",
                    ),
                },
                Role::Attribute(attr_name) => {
                    let ty = node_types
                        .get(&name)
                        .map_or_else(|| "string".to_owned(), |t| t.to_ascii_lowercase());
                    let json = manifest
                        .json_keys
                        .contains(&format!("{NODE_KEY_PREFIX}{name}"));
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
                            type_hint,
                        ),
                    }
                }
                _ => {} // derived values: colour role, --with results
            }
        }
        if let Some((_, off)) = rec.get("value") {
            let rw = format!("{what}, {term} receptiveness");
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
                ..GroupDoc::default()
            });
        }
    }

    // Ties.
    let weight_attr = options
        .weight_attr
        .clone()
        .unwrap_or_else(|| "weight".to_owned());
    if !exact && options.weight_attr.is_some() && !edge_names.contains(&weight_attr) {
        let mut known = edge_names.clone();
        known.sort();
        known.dedup();
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
    // Ties of zero strength that leverage's GraphML leaves out of the edges, with their place in
    // the tie order, so that the reload is exact.
    let absent = manifest.absent;
    let mut next_free = 0usize;
    let mut placed: Vec<(usize, TieDoc)> = Vec::with_capacity(edges.len());
    for edge in edges {
        let what = format!("edge `{}` -> `{}`", edge.source, edge.target);
        let mut channels = Channels::new();
        let mut series: Option<Box<crate::model::Series>> = None;
        let mut note = None;
        let mut chan_places: Vec<(String, String, usize)> = Vec::new();
        if exact {
            let mut parts: IndexMap<String, HashMap<&'static str, (String, usize)>> =
                IndexMap::new();
            for (name, (t, off)) in edge.values {
                match roles.get(&format!("{EDGE_KEY_PREFIX}{name}")) {
                    Some(Role::Channel(ch, p)) => {
                        parts
                            .entry(ch.clone())
                            .or_default()
                            .insert(p.name(), (t, off));
                    }
                    Some(Role::Note) => note = Some(t),
                    Some(Role::Series) => {
                        match serde_json::from_str::<IndexMap<String, Vec<Figure>>>(&t) {
                            Ok(m) => {
                                series = Some(Box::new(
                                    m.into_iter().map(|(c, f)| (c.as_str().into(), f)).collect(),
                                ));
                            }
                            Err(e) => bad(
                                off,
                                &format!("{what}, {term} series"),
                                format!("the series is not channel -> figures: {e}"),
                                "write the series as in the native format (docs/FORMAT.md)",
                            ),
                        }
                    }
                    _ => {}
                }
            }
            for (ch, p) in parts {
                let off = p.get("value").map_or(edge.offset, |v| v.1);
                let key_what = format!("{what}, {term} {ch}");
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
            for (name, (t, off)) in edge.values {
                let slot = if name == weight_attr {
                    "value"
                } else {
                    match name.to_ascii_lowercase().as_str() {
                        "citation" => "source",
                        "year" => "year",
                        "low" => "low",
                        "high" => "high",
                        "note" => {
                            note = Some(t);
                            continue;
                        }
                        _ => {
                            if !unused.contains(&name) {
                                unused.push(name);
                            }
                            continue;
                        }
                    }
                };
                p.insert(slot, (t, off));
            }
            let off = p.get("value").map_or(edge.offset, |v| v.1);
            p.entry("value")
                .or_insert_with(|| ("1".to_owned(), edge.offset));
            let key_what = format!("{what}, {term} {weight_attr}");
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
        let ends = if edge.directed {
            vec![(edge.source, edge.target)]
        } else {
            vec![
                (edge.source.clone(), edge.target.clone()),
                (edge.target, edge.source),
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
                    channels: crate::model::channels::TieChannels {
                        figures: channels.clone(),
                        series: series.clone(),
                    },
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
        version: 2,
        citations,
        channels: channel_decls,
        meta: MetaDoc {
            title,
            date,
            description: g("description"),
            notes,
            build,
        },
        actors,
        groups,
        ties,
    };
    validate::build_owned(doc, &|steps| places.locate(steps))
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
    s.trim()
        .parse::<f64>()
        .map_err(|_| format!("`{s}` is not a number"))
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
#[path = "tests/attributed_tests.rs"]
mod tests;
