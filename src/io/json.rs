//! The native graph format, version 1 (JSON): wire structs, parsing with exact error places, and
//! writing. The format is documented in `docs/FORMAT.md`; its JSON Schema is
//! `docs/graph.schema.json`.

use std::fmt;
use std::marker::PhantomData;

use indexmap::IndexMap;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::location::{line_column, locate_json, render_path, Location, PathStep};
use super::validate;
use crate::error::{Error, Result};
use crate::model::{Figure, InfluenceGraph};

/// The whole document, as it is on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphDoc {
    /// Optional schema pointer for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version, `1`.
    pub version: u64,
    /// Metadata.
    pub meta: MetaDoc,
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

/// An actor on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Receptiveness figure.
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

/// A group on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

/// A tie on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TieDoc {
    /// The actor holding leverage.
    pub from: String,
    /// The dependent actor.
    pub to: String,
    /// Channel figures.
    #[serde(deserialize_with = "unique_map")]
    pub channels: IndexMap<String, Figure>,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Deserialises a map, rejecting duplicate keys (serde's default keeps the last one silently).
fn unique_map<'de, D, V>(deserializer: D) -> Result<IndexMap<String, V>, D::Error>
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
/// O(size of the text + actors + ties) on success; locating each problem rescans the text.
pub fn parse(text: &str, file: &str) -> Result<InfluenceGraph> {
    let doc = parse_doc(text, file)?;
    validate::build(&doc, &|steps: &[PathStep]| locate(text, file, steps))
}

/// Parses the document without validating its rules.
///
/// # Errors
/// [`Error::Invalid`] for syntax and type errors, with line:column and JSON path.
pub fn parse_doc(text: &str, file: &str) -> Result<GraphDoc> {
    from_json(text, file)
}

/// Deserialises any JSON document, mapping syntax and type errors to a problem with
/// line:column, JSON path and hint.
///
/// # Errors
/// [`Error::Invalid`] with one problem.
pub fn from_json<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let doc: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        serde_problem(file, &path, &inner)
    })?;
    de.end().map_err(|e| serde_problem(file, "", &e))?;
    Ok(doc)
}

/// Turns a serde_json error into a problem with place and hint.
pub(crate) fn serde_problem(file: &str, path: &str, e: &serde_json::Error) -> Error {
    let mut at = Location::file(file);
    if e.line() > 0 {
        at = at.at(e.line(), e.column());
    }
    if !path.is_empty() && path != "." {
        at = at.path(path);
    }
    // serde_json appends " at line L column C"; we print the place first, so drop it.
    let full = e.to_string();
    let message = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i])
        .to_owned();
    let hint = match e.classify() {
        serde_json::error::Category::Syntax => {
            if message.contains("recursion limit") {
                "the document nests too deeply (over 128 levels); a graph file needs 5".to_owned()
            } else {
                "fix the JSON syntax at that place (a missing comma, quote or bracket?)".to_owned()
            }
        }
        serde_json::error::Category::Eof => {
            "the file ends early: close every `{` and `[`, or check the file was fully written"
                .to_owned()
        }
        serde_json::error::Category::Data => data_hint(&message),
        serde_json::error::Category::Io => "check the file can be read".to_owned(),
    };
    Error::invalid(at, message, hint)
}

fn data_hint(message: &str) -> String {
    if message.contains("unknown field") {
        "remove or rename the key; docs/FORMAT.md lists the keys of each object".to_owned()
    } else if message.contains("missing field") {
        "add the field; docs/FORMAT.md lists the required keys of each object".to_owned()
    } else if message.contains("invalid type: string") && message.contains("f64") {
        "write numbers without quotes, e.g. `0.3` not `\"0.3\"`".to_owned()
    } else if message.contains("duplicate") {
        "each key may appear once in an object: merge or remove the repeated one".to_owned()
    } else {
        "docs/FORMAT.md gives the type of every field".to_owned()
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

/// Converts a graph back to its document, keeping file order. Time O(actors + ties + groups).
pub fn to_doc(graph: &InfluenceGraph) -> GraphDoc {
    let actors = graph
        .actors()
        .map(|(_, a)| ActorDoc {
            id: a.id.to_string(),
            name: a.name.clone(),
            lat: a.coordinates.map(|c| c.lat),
            lon: a.coordinates.map(|c| c.lon),
            receptiveness: a.receptiveness.clone(),
            note: a.note.clone(),
            attributes: a.attributes.clone(),
        })
        .collect();
    let groups = graph
        .groups()
        .map(|g| GroupDoc {
            id: g.id.clone(),
            name: g.name.clone(),
            members: g.members.iter().map(ToString::to_string).collect(),
            lead: g.lead.as_ref().map(ToString::to_string),
            note: g.note.clone(),
        })
        .collect();
    let ties = graph
        .ties()
        .map(|(_, f, t, tie)| TieDoc {
            from: graph.actor(f).id.to_string(),
            to: graph.actor(t).id.to_string(),
            channels: tie
                .channels
                .iter()
                .map(|(c, fig)| (c.to_string(), fig.clone()))
                .collect(),
            note: tie.note.clone(),
        })
        .collect();
    GraphDoc {
        schema: None,
        version: 1,
        meta: MetaDoc {
            title: graph.meta.title.clone(),
            date: graph.meta.date.clone(),
            description: graph.meta.description.clone(),
            notes: graph.meta.notes.clone(),
        },
        actors,
        groups,
        ties,
    }
}

/// Writes the graph in the native format, pretty-printed, with a final newline.
pub fn to_string(graph: &InfluenceGraph) -> String {
    let mut s = serde_json::to_string_pretty(&to_doc(graph))
        .expect("serialising plain structs with string keys cannot fail");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, "g.json").unwrap_err().to_string()
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = err("{\n  \"version\": 1,\n  \"meta\": {\"title\": \"t\" \"date\": \"x\"}\n}");
        assert!(e.starts_with("g.json:3:"), "{e}");
        assert!(e.contains("expected"), "{e}");
    }

    #[test]
    fn string_weight_names_path_and_fix() {
        let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"Austria"},{"id":"RUS","name":"Russia"}],
"ties":[{"from":"AUT","to":"RUS","channels":{"trade":{"value":"0.3","source":"s","year":2023}}}]}"#;
        let e = err(text);
        assert!(e.contains("ties[0].channels.trade.value"), "{e}");
        assert!(e.contains("g.json:3:"), "{e}");
        assert!(e.contains("without quotes"), "{e}");
    }

    #[test]
    fn duplicate_channel_key_is_rejected() {
        let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"Austria"},{"id":"RUS","name":"Russia"}],
"ties":[{"from":"AUT","to":"RUS","channels":{"trade":{"value":0.3,"source":"s","year":2023},
"trade":{"value":0.2,"source":"s","year":2023}}}]}"#;
        let e = err(text);
        assert!(e.contains("duplicate key `trade`"), "{e}");
    }

    #[test]
    fn unknown_key_is_rejected() {
        let e = err(
            r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[{"id":"AUT","name":"A","colour":"red"}]}"#,
        );
        assert!(e.contains("unknown field `colour`"), "{e}");
        assert!(e.contains("actors[0]"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let mut text = String::from(
            r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[{"id":"AUT","name":"A","attributes":{"x":"#,
        );
        text.push_str(&"[".repeat(100_000));
        let e = err(&text);
        assert!(e.contains("recursion limit"), "{e}");
    }
}
