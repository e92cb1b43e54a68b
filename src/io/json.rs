//! The native graph format, version 1 (JSON): wire structs, parsing with exact error places, and
//! writing. The format is documented in `docs/FORMAT.md`; its JSON Schema is
//! `docs/graph.schema.json`.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::location::{
    line_column, line_columns, locate_json, locate_json_all, render_path, Location, PathStep,
};
use super::validate;
use crate::error::{Error, Result};
use crate::model::channels::TieChannels;
use crate::model::{ChannelDecl, Citation, Cite, Figure, InfluenceGraph, Outreach, Stance};

/// The whole document, as it is on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphDoc {
    /// Optional schema pointer for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version, `1` or `2`.
    pub version: u64,
    /// Metadata.
    pub meta: MetaDoc,
    /// Citations by id (version 2).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub citations: IndexMap<String, Citation>,
    /// Channel declarations (version 2).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub channels: IndexMap<String, ChannelDecl>,
    /// Actors.
    pub actors: Vec<ActorDoc>,
    /// Groups.
    #[serde(default)]
    pub groups: Vec<GroupDoc>,
    /// Ties.
    #[serde(default)]
    pub ties: Vec<TieDoc>,
}

/// `meta` on disk.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaDoc {
    /// Title.
    pub title: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// What a build read (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<serde_json::Value>,
}

/// An actor on disk.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDoc {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Capital latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Capital longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Stance by target id (version 2).
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub stance: IndexMap<String, Stance>,
    /// Agreements and concerns (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach: Option<Outreach>,
    /// Receptiveness figure (the `classic` score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receptiveness: Option<Figure>,
    /// Why the actor is here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Free attributes.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub attributes: IndexMap<String, serde_json::Value>,
}

/// An actor's stance by target, as one JSON object (a CSV cell); a target named twice is refused.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(transparent)]
pub(crate) struct StanceDoc(#[serde(deserialize_with = "unique_map")] pub IndexMap<String, Stance>);

/// A group on disk.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDoc {
    /// Id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Member ids.
    pub members: Vec<String>,
    /// The lead member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the membership comes from (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Its citation (version 2).
    #[serde(default, skip_serializing_if = "Cite::is_empty")]
    pub cite: Cite,
    /// The year the membership describes (version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// A tie on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieDoc {
    /// The actor holding leverage (shared: an importer gives every tie of an actor one copy of
    /// its id).
    #[serde(deserialize_with = "crate::model::shared::deserialize")]
    pub from: Arc<str>,
    /// The dependent actor.
    #[serde(deserialize_with = "crate::model::shared::deserialize")]
    pub to: Arc<str>,
    /// Channel figures and series (a channel named twice is refused when read).
    pub channels: TieChannels,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The graph-level parts of a document, everything but the actors and the ties, as the exchange
/// formats carry them beside their tables: GraphML as graph keys, GEXF and CSV in leverage's
/// manifest ([`crate::exchange::manifest::Manifest::graph`]). The fields are those of
/// [`MetaDoc`] and [`GraphDoc`], flattened, in this order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphPartsDoc {
    /// Title.
    pub title: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Format version of the document, `1` or `2`.
    pub version: u64,
    /// Citations by id.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub citations: IndexMap<String, Citation>,
    /// Channel declarations.
    #[serde(
        default,
        skip_serializing_if = "IndexMap::is_empty",
        deserialize_with = "unique_map"
    )]
    pub channels: IndexMap<String, ChannelDecl>,
    /// What a build read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<serde_json::Value>,
    /// Groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupDoc>,
}

impl GraphPartsDoc {
    /// The graph-level parts of `graph`. Time O(citations + channels + groups · members).
    pub fn of(graph: &InfluenceGraph) -> Self {
        GraphPartsDoc {
            title: graph.meta.title.clone(),
            date: graph.meta.date.clone(),
            description: graph.meta.description.clone(),
            notes: graph.meta.notes.clone(),
            version: 2,
            citations: graph.citations.clone(),
            channels: graph
                .channel_decls
                .iter()
                .map(|(c, d)| (c.to_string(), d.clone()))
                .collect(),
            build: graph.meta.build.clone(),
            groups: graph.groups().map(group_doc).collect(),
        }
    }

    /// The document of these parts, without actors and ties.
    pub fn into_doc(self) -> GraphDoc {
        GraphDoc {
            schema: None,
            version: self.version,
            meta: MetaDoc {
                title: self.title,
                date: self.date,
                description: self.description,
                notes: self.notes,
                build: self.build,
            },
            citations: self.citations,
            channels: self.channels,
            actors: Vec::new(),
            groups: self.groups,
            ties: Vec::new(),
        }
    }
}

/// A group as the native format writes it.
fn group_doc(g: &crate::model::Group) -> GroupDoc {
    GroupDoc {
        id: g.id.clone(),
        name: g.name.clone(),
        members: g.members.iter().map(ToString::to_string).collect(),
        lead: g.lead.as_ref().map(ToString::to_string),
        note: g.note.clone(),
        source: g.source.clone(),
        cite: g.cite.clone(),
        year: g.year,
    }
}

/// Deserialises a map, rejecting duplicate keys (serde's default keeps the last one silently).
pub(crate) fn unique_map<'de, D, V>(deserializer: D) -> Result<IndexMap<String, V>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct UniqueMap<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for UniqueMap<V> {
        type Value = IndexMap<String, V>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = IndexMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(UniqueMap(PhantomData))
}

/// Parses a graph document from `text`, naming `file` in errors, and validates it.
///
/// # Errors
/// [`Error::Invalid`] with every problem found: syntax and type errors carry line:column and the
/// JSON path; rule violations (MODEL section 2, `docs/FORMAT.md`) carry both too.
///
/// # Complexity
/// O(size of the text + actors + ties); the problems shown are placed in one more pass.
pub fn parse(text: &str, file: &str) -> Result<InfluenceGraph> {
    let doc = parse_doc(text, file)?;
    validate::build_owned_placed_at_once(doc, &|paths: &[&[PathStep]]| {
        locate_all(text, file, paths)
    })
}

/// Reads the bundled graph from its tape (`tape` and `strings`, written by `build.rs` from
/// `text`; see [`super::tape`]), then validates it as [`parse`] does, placing any problem in
/// `text`.
///
/// The tape holds the same JSON values (numbers as the JSON reader reads them, keys in order),
/// so the document is the same; reading it skips the lexing of 685 KB of JSON
/// (`docs/PERFORMANCE.md`). A tape that does not read is passed over: `text` is read instead.
///
/// # Errors
/// As [`parse`].
pub(crate) fn parse_tape(
    tape: &[u8],
    strings: &str,
    text: &str,
    file: &str,
) -> Result<InfluenceGraph> {
    let doc = {
        let _pool = crate::model::shared::Pooling::start();
        super::tape::from_tape::<GraphDoc>(tape, strings)
    };
    match doc {
        Ok(doc) => validate::build_owned_placed_at_once(doc, &|paths: &[&[PathStep]]| {
            locate_all(text, file, paths)
        }),
        Err(_) => parse(text, file),
    }
}

/// Parses the document without validating its rules.
///
/// # Errors
/// [`Error::Invalid`] for syntax and type errors, with line:column and JSON path.
pub fn parse_doc(text: &str, file: &str) -> Result<GraphDoc> {
    // Ids and sources repeat: read, each distinct one is stored once.
    let _pool = crate::model::shared::Pooling::start();
    from_json(text, file)
}

/// What kind of JSON document is read, for messages and hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocKind {
    /// `graph`, `scenario`.
    pub what: &'static str,
    /// Where the format is documented.
    pub docs: &'static str,
    /// How the document starts.
    pub example: &'static str,
}

impl DocKind {
    /// A graph file (format v1).
    pub const GRAPH: DocKind = DocKind {
        what: "graph",
        docs: "docs/FORMAT.md",
        example: r#"{"version": 1, "meta": {...}, "actors": [...], "ties": [...]}"#,
    };
    /// The graph file beside a CSV graph's tables (`NAME.graph.json`).
    pub const CSV_GRAPH: DocKind = DocKind {
        what: "CSV graph's graph",
        docs: "docs/EXPORTS.md",
        example: r#"{"format": "leverage-csv", "version": 1, "graph": {...}, "keys": {...}}"#,
    };
    /// A scenario file.
    pub const SCENARIO: DocKind = DocKind {
        what: "scenario",
        docs: "docs/SCENARIOS.md",
        example: r#"{"scenario": 1, "title": "...", "edits": [...]}"#,
    };
}

/// Deserialises any JSON document, mapping syntax and type errors to a problem with
/// line:column, JSON path and hint.
///
/// # Errors
/// [`Error::Invalid`] with one problem.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    from_json_as(text, file, DocKind::GRAPH)
}

/// [`from_json`] for a document of `kind` (its name and documentation appear in hints).
///
/// # Errors
/// [`Error::Invalid`] with one problem.
pub fn from_json_as<T: serde::de::DeserializeOwned>(
    text: &str,
    file: &str,
    kind: DocKind,
) -> Result<T> {
    expect_object(text, file, kind)?;
    // The happy path reads without tracking the JSON path, which costs about a third of the
    // parse. Only a document that fails is read again, with tracking, for the message.
    if let Ok(doc) = serde_json::from_str::<T>(text) {
        return Ok(doc);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let doc: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        serde_problem(text, file, &path, &inner, kind)
    })?;
    de.end()
        .map_err(|e| serde_problem(text, file, "", &e, kind))?;
    Ok(doc)
}

/// Refuses an empty document, or one that is not a JSON object (a bare array, CSV, XML), with a
/// plain message instead of serde's talk of structs and sequences.
fn expect_object(text: &str, file: &str, kind: DocKind) -> Result<()> {
    let body = text.trim_start();
    let Some(first) = body.chars().next() else {
        return Err(Error::invalid(
            Location::file(file),
            "the file is empty",
            format!(
                "a {} file is one JSON object, `{}` ({}); check that the file was saved completely",
                kind.what, kind.example, kind.docs
            ),
        ));
    };
    if first == '{' {
        return Ok(());
    }
    let (line, column) = line_column(text, text.len() - body.len());
    let found = match first {
        '[' => "a JSON array".to_owned(),
        '<' => "markup (XML, GraphML or HTML), not JSON".to_owned(),
        '"' | '0'..='9' | '-' => "a single JSON value".to_owned(),
        _ if body.starts_with("true") || body.starts_with("false") || body.starts_with("null") => {
            "a single JSON value".to_owned()
        }
        c => format!("not JSON: it starts with `{c}`, not `{{` (a CSV or other table?)"),
    };
    Err(Error::invalid(
        Location::file(file).at(line, column),
        format!(
            "the document is {found}; a {} file is one JSON object",
            kind.what
        ),
        format!(
            "write the {} as `{}` ({})",
            kind.what, kind.example, kind.docs
        ),
    ))
}

/// Turns a serde_json error into a problem with place and hint.
pub(crate) fn serde_problem(
    text: &str,
    file: &str,
    path: &str,
    e: &serde_json::Error,
    kind: DocKind,
) -> Error {
    let mut at = Location::file(file);
    // serde_json counts columns in bytes from 0 at a line's start; we count characters from 1.
    let rest = (e.line() > 0).then(|| {
        let (column, rest) = char_column(text, e.line(), e.column());
        at = at.clone().at(e.line(), column);
        rest
    });
    let rest = rest.unwrap_or("");
    let path = known_path(path);
    if !path.is_empty() {
        at = at.path(path);
    }
    // serde_json appends " at line L column C"; we print the place first, so drop it.
    let full = e.to_string();
    let mut message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i])
        .to_owned();
    let hint = match e.classify() {
        serde_json::error::Category::Syntax => {
            if message.contains("recursion limit") {
                format!(
                    "the document nests too deeply (over 128 levels); a {} file needs 5",
                    kind.what
                )
            } else if message == "number out of range" {
                message = "the number is too large for a 64-bit float".to_owned();
                "weights and figures are shares in [0, 1]".to_owned()
            } else if let Some(word) = ["NaN", "-Infinity", "Infinity", "nan", "inf", "-inf"]
                .iter()
                .find(|w| rest.starts_with(**w))
            {
                message = format!("`{word}` is not a number in JSON");
                "JSON has no NaN or infinity: write a number in [0, 1], or leave the figure out"
                    .to_owned()
            } else if rest.starts_with("//") || rest.starts_with("/*") {
                message = "JSON has no comments".to_owned();
                format!(
                    "remove the comment; keep notes in a `note` field ({})",
                    kind.docs
                )
            } else if rest.starts_with('\'') {
                "JSON strings and keys take double quotes: `\"AUT\"`, not `'AUT'`".to_owned()
            } else {
                "fix the JSON syntax at that place (a missing comma, quote or bracket?)".to_owned()
            }
        }
        serde_json::error::Category::Eof => {
            "the file ends early: close every `{` and `[`, or check the file was fully written"
                .to_owned()
        }
        serde_json::error::Category::Data => {
            message = plain_types(&message);
            data_hint(&message, kind)
        }
        serde_json::error::Category::Io => "check the file can be read".to_owned(),
    };
    Error::invalid(at, message, hint)
}

/// The 1-based character column of serde_json's (line, byte column), and the text from there.
fn char_column(text: &str, line: usize, byte_column: usize) -> (usize, &str) {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line_text = text
        .get(start..)
        .and_then(|s| s.split_inclusive('\n').next())
        .unwrap_or("");
    // serde_json's column is the count of bytes consumed on the line: the error is at the byte
    // after them, or at the last one consumed when that one is the culprit. Point at the
    // character holding byte `column - 1` (or the line start for 0).
    let mut cut = byte_column.saturating_sub(1).min(line_text.len());
    while cut > 0 && !line_text.is_char_boundary(cut) {
        cut -= 1;
    }
    let column = line_text[..cut].chars().count() + 1;
    (column, &line_text[cut..])
}

/// serde's Rust type names in words: `expected f64` is `expected a number`.
fn plain_types(message: &str) -> String {
    message
        .replace("expected f64", "expected a number")
        .replace("expected u64", "expected a whole number >= 0")
        .replace("expected i32", "expected a whole number")
        .replace("expected a sequence", "expected a list `[...]`")
        .replace("invalid type: sequence", "invalid type: list")
        .replace("invalid type: map", "invalid type: object")
        .replace("expected a map", "expected an object `{...}`")
        .replace(
            "an array of length 2",
            "a list of two numbers `[low, high]`",
        )
}

/// The path serde_path_to_error reports, without its `?` steps (keys it could not read, as in a
/// syntax error inside an object), which mean nothing to a reader: `meta.?` becomes `meta`.
/// A path deeper than a few dozen characters is cut (a deeply nested document would otherwise
/// print hundreds of `[0]`).
fn known_path(path: &str) -> String {
    const LONGEST: usize = 80;
    if path == "." {
        return String::new();
    }
    let mut out = path.to_owned();
    while let Some(rest) = out.strip_suffix(".?").or_else(|| out.strip_suffix('?')) {
        out = rest.to_owned();
    }
    if out.len() > LONGEST {
        let mut cut = LONGEST;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str("...");
    }
    out
}

fn data_hint(message: &str, kind: DocKind) -> String {
    let docs = kind.docs;
    if message.contains("unknown field") {
        format!("remove or rename the key; {docs} lists the keys of each object")
    } else if message.contains("missing field") {
        format!("add the field; {docs} lists the required keys of each object")
    } else if message.contains("invalid type: string") && message.contains("number") {
        "write numbers without quotes, e.g. `0.3` not `\"0.3\"`".to_owned()
    } else if message.contains("duplicate") {
        "each key may appear once in an object: merge or remove the repeated one".to_owned()
    } else if message.contains("unknown variant") {
        format!("use one of the values listed; {docs} describes each")
    } else {
        format!("{docs} gives the type of every field")
    }
}

/// The location of `steps` in `text`.
pub fn locate(text: &str, file: &str, steps: &[PathStep]) -> Location {
    let mut at = Location::file(file).path(render_path(steps));
    if let Some(off) = locate_json(text, steps) {
        let (l, c) = line_column(text, off);
        at = at.at(l, c);
    }
    at
}

/// The location of each of `paths` in `text` (`out[i]` is [`locate`] of `paths[i]`), found in
/// one pass over the text for the offsets and one for the lines and columns.
///
/// Time O(len(text) + total length of `paths` + p log p) for p paths.
pub fn locate_all(text: &str, file: &str, paths: &[&[PathStep]]) -> Vec<Location> {
    let offsets = locate_json_all(text, paths);
    let found: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut places = line_columns(text, &found).into_iter();
    paths
        .iter()
        .zip(offsets)
        .map(|(steps, off)| {
            let at = Location::file(file).path(render_path(steps));
            // `places` holds one entry per path found, in the order of `paths`.
            match off.and_then(|_| places.next()) {
                Some((l, c)) => at.at(l, c),
                None => at,
            }
        })
        .collect()
}

/// Converts a graph back to its document, keeping file order. Time O(actors + ties + groups).
pub fn to_doc(graph: &InfluenceGraph) -> GraphDoc {
    let actors = graph
        .actors()
        .map(|(_, a)| ActorDoc {
            id: a.id.to_string(),
            name: a.name.clone(),
            lat: a.coordinates.map(|c| c.lat),
            lon: a.coordinates.map(|c| c.lon),
            stance: a
                .stance
                .iter()
                .map(|(t, s)| (t.to_string(), s.clone()))
                .collect(),
            outreach: a.outreach.clone(),
            receptiveness: a.receptiveness.clone(),
            note: a.note.clone(),
            attributes: a.attributes.clone(),
        })
        .collect();
    let groups = graph.groups().map(group_doc).collect();
    let ties = graph
        .ties()
        .map(|(_, f, t, tie)| TieDoc {
            from: graph.actor(f).id.as_str().into(),
            to: graph.actor(t).id.as_str().into(),
            channels: TieChannels {
                figures: tie.channels.clone(),
                series: tie.series.clone(),
            },
            note: tie.note.clone(),
        })
        .collect();
    GraphDoc {
        schema: None,
        version: 2,
        citations: graph.citations.clone(),
        channels: graph
            .channel_decls
            .iter()
            .map(|(c, d)| (c.to_string(), d.clone()))
            .collect(),
        meta: MetaDoc {
            title: graph.meta.title.clone(),
            date: graph.meta.date.clone(),
            description: graph.meta.description.clone(),
            notes: graph.meta.notes.clone(),
            build: graph.meta.build.clone(),
        },
        actors,
        groups,
        ties,
    }
}

/// Writes the graph in the native format, pretty-printed, with a final newline.
pub fn to_string(graph: &InfluenceGraph) -> String {
    let mut s = super::json_text::to_string_pretty(&to_doc(graph))
        .expect("serialising plain structs with string keys cannot fail"); // ok: invariant
    s.push('\n');
    s
}

#[cfg(test)]
#[path = "tests/json_tests.rs"]
mod tests;
