//! The scenario file format, version 1 (JSON): a titled list of edits with written assumptions.
//! Documented in `docs/SCENARIOS.md`; JSON Schema `docs/scenario.schema.json`.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::io::json::{from_json_as, locate, DocKind};
use crate::io::location::{line_columns, locate_json_elements, Location, PathStep};
use crate::model::Figure;

/// A scenario as written on disk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioDoc {
    /// Optional schema pointer for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version, `1`.
    pub scenario: u64,
    /// A short title.
    pub title: String,
    /// What the scenario describes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The assumptions behind the edits, in words.
    #[serde(default)]
    pub assumptions: Vec<String>,
    /// The edits, applied in order.
    pub edits: Vec<Edit>,
}

/// One change to a graph. `from`, `to` and `actor` take actor ids, names or group ids; a group
/// applies the edit to every member (every ordered pair for ties, never a self-tie).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// Sets a channel figure on ties (creating the tie if absent).
    Set {
        /// Holders of leverage.
        from: String,
        /// Dependent actors.
        to: String,
        /// The channel.
        channel: String,
        /// New best estimate.
        value: f64,
        /// New range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        range: Option<[f64; 2]>,
        /// Where the new figure comes from (an assumption is a source too: say so).
        source: String,
        /// The year it describes.
        year: i32,
    },
    /// Multiplies a channel's value and range on existing ties, clamped to [0, 1]; ties without
    /// the channel are left alone.
    Scale {
        /// Holders of leverage.
        from: String,
        /// Dependent actors.
        to: String,
        /// The channel, or `*` for every channel.
        channel: String,
        /// The factor, >= 0.
        factor: f64,
    },
    /// Removes a channel from ties, or whole ties when `channel` is absent.
    Remove {
        /// Holders of leverage.
        from: String,
        /// Dependent actors.
        to: String,
        /// The channel; absent removes the whole tie.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        channel: Option<String>,
    },
    /// Adds an actor.
    AddActor {
        /// Its id.
        id: String,
        /// Its name.
        name: String,
        /// Capital latitude.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lat: Option<f64>,
        /// Capital longitude.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lon: Option<f64>,
        /// Receptiveness.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        receptiveness: Option<Figure>,
        /// Why it is added.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Changes a group's members (creating the group if absent).
    Group {
        /// The group id.
        id: String,
        /// Actors to add.
        #[serde(default)]
        add: Vec<String>,
        /// Actors to remove.
        #[serde(default)]
        remove: Vec<String>,
    },
    /// Sets a stance signal of actors towards a target (to a figure), or scales it (with
    /// `factor`): "India joins the sanctions", "Kazakhstan's leader skips the parade".
    Stance {
        /// The actor(s).
        actor: String,
        /// The target the stance is towards (an actor id or name).
        target: String,
        /// The signal: `sanctions`, `un_alignment`, `un_opposition`, `war_support`,
        /// `alliance`, `parade` or `circumvention`.
        signal: String,
        /// New best estimate (with `source` and `year`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        /// New range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        range: Option<[f64; 2]>,
        /// Factor on the current figure (instead of `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        factor: Option<f64>,
        /// Source of the new figure (required with `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        /// Year of the new figure (required with `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
    /// Sets an actor's receptiveness (to a figure), or scales it (with `factor`); read only by
    /// the `classic` score.
    Receptiveness {
        /// The actor(s).
        actor: String,
        /// New best estimate (with `source` and `year`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        /// New range.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        range: Option<[f64; 2]>,
        /// Factor on the current figure (instead of `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        factor: Option<f64>,
        /// Source of the new figure (required with `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
        /// Year of the new figure (required with `value`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        year: Option<i32>,
    },
}

/// A parsed scenario: the document, where each edit sits in its file, and the file's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The document.
    pub doc: ScenarioDoc,
    /// The place of each edit, for error messages.
    pub places: Vec<Location>,
    /// The file's display name.
    pub file: String,
}

/// Parses a scenario from `text`, naming `file` in errors.
///
/// # Errors
/// [`crate::Error::Invalid`] for syntax or type errors (line:column and JSON path), a version
/// other than 1, or an unknown `op`.
pub fn parse(text: &str, file: &str) -> Result<Scenario> {
    let doc: ScenarioDoc = from_json_as(text, file, DocKind::SCENARIO)?;
    if doc.scenario != 1 {
        return Err(crate::Error::invalid(
            locate(text, file, &[PathStep::Key("scenario".into())]),
            format!(
                "scenario format version is `{}`, but this program reads version `1`",
                doc.scenario
            ),
            Some("set `\"scenario\": 1`".to_owned()),
        ));
    }
    // One pass over the text for every edit's place: a scenario of 100,000 edits stays linear.
    let offsets = locate_json_elements(text, &[PathStep::Key("edits".into())])
        .filter(|o| o.len() == doc.edits.len());
    let places = match offsets {
        Some(offsets) => line_columns(text, &offsets)
            .into_iter()
            .enumerate()
            .map(|(i, (l, c))| Location::file(file).path(format!("edits[{i}]")).at(l, c))
            .collect(),
        None => (0..doc.edits.len())
            .map(|i| Location::file(file).path(format!("edits[{i}]")))
            .collect(),
    };
    Ok(Scenario {
        doc,
        places,
        file: file.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #16
    #[test]
    fn places_found_in_one_pass_equal_those_found_one_by_one() {
        let text = "{\"scenario\": 1, \"title\": \"t\", \"edits\": [\n  {\"op\": \"remove\", \"from\": \"Türkiye\", \"to\": \"RUS\"},\n\n    {\"op\": \"remove\",\n \"from\": \"a\", \"to\": \"b\"}, {\"op\": \"remove\", \"from\": \"[\\\"]\", \"to\": \"b\"}\n]}";
        let s = parse(text, "s.json").unwrap();
        assert_eq!(s.places.len(), 3);
        for (i, place) in s.places.iter().enumerate() {
            let one = locate(
                text,
                "s.json",
                &[PathStep::Key("edits".into()), PathStep::Index(i)],
            );
            assert_eq!(*place, one, "edit {i}");
        }
        // By hand: the second edit starts on line 4, column 5.
        assert_eq!((s.places[1].line, s.places[1].column), (Some(4), Some(5)));
    }
}
