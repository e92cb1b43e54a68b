//! Actors: states (ISO 3166-1 alpha-3 ids) or custom actors, with a capital and attributes.

use std::fmt;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::stance::{Outreach, Stance};
use super::tie::Figure;

/// An actor's id: an ISO 3166-1 alpha-3 code (`AUT`) or a custom id (`EU-COM`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActorId(pub String);

impl ActorId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the id has the shape of an ISO 3166-1 alpha-3 code: three ASCII capitals.
    pub fn looks_like_iso3(s: &str) -> bool {
        s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// Whether `s` is a well-formed id: 1-64 ASCII letters, digits, `-`, `_` or `.`.
    pub fn is_well_formed(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 64
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    }
}

impl fmt::Display for ActorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for ActorId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ActorId {
    fn from(s: &str) -> Self {
        ActorId(s.to_owned())
    }
}

/// A capital's coordinates, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude in [-90, 90].
    pub lat: f64,
    /// Longitude in [-180, 180].
    pub lon: f64,
}

/// A state or other actor in the influence graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Its id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// The capital's coordinates, for map layouts.
    pub coordinates: Option<Coordinates>,
    /// Version 1's openness to the EU's case, in [0, 1]; used only by the `classic` score
    /// (`None` means 1 there).
    pub receptiveness: Option<Figure>,
    /// The actor's stance towards each target it has one for, by target id.
    pub stance: IndexMap<ActorId, Stance>,
    /// The partner's side of an outreach: agreements and concerns.
    pub outreach: Option<Outreach>,
    /// Why the actor is in the graph.
    pub note: Option<String>,
    /// Free attributes (strings, numbers, booleans, arrays of them).
    pub attributes: IndexMap<String, serde_json::Value>,
}

impl Actor {
    /// A bare actor with an id and a name.
    pub fn new(id: &str, name: &str) -> Self {
        Actor {
            id: ActorId::from(id),
            name: name.to_owned(),
            coordinates: None,
            receptiveness: None,
            stance: IndexMap::new(),
            outreach: None,
            note: None,
            attributes: IndexMap::new(),
        }
    }

    /// The receptiveness value of the `classic` score: the figure's value, or 1 when absent.
    pub fn receptiveness_value(&self) -> f64 {
        self.receptiveness.as_ref().map_or(1.0, |f| f.value)
    }

    /// The actor's stance towards `target`, if it has a non-empty one.
    pub fn stance_toward(&self, target: &ActorId) -> Option<&Stance> {
        self.stance.get(target).filter(|s| !s.is_empty())
    }
}
