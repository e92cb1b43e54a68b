//! `actors --format json` (docs/JSON.md, "actors"): every actor, its groups and its stance.

use std::collections::BTreeMap;

use serde::Serialize;

use super::JSON_VERSION;
use crate::analysis::info::{ActorList, ActorRow};

/// The top level of `actors`' JSON.
#[derive(Debug, Serialize)]
pub struct ActorsJson<'a> {
    version: u32,
    target: Option<&'a str>,
    actors: Vec<ActorJson<'a>>,
}

impl<'a> ActorsJson<'a> {
    /// The wire form of `r`.
    pub fn new(r: &'a ActorList) -> Self {
        ActorsJson {
            version: JSON_VERSION,
            target: r.target.as_deref(),
            actors: r.actors.iter().map(ActorJson::new).collect(),
        }
    }
}

/// One actor.
#[derive(Debug, Serialize)]
struct ActorJson<'a> {
    id: &'a str,
    name: &'a str,
    groups: &'a [String],
    stance: &'static str,
    signals: &'a BTreeMap<String, f64>,
    ties_out: usize,
    ties_in: usize,
}

impl<'a> ActorJson<'a> {
    fn new(a: &'a ActorRow) -> Self {
        ActorJson {
            id: &a.id,
            name: &a.name,
            groups: &a.groups,
            stance: a.stance.name(),
            signals: &a.signals,
            ties_out: a.ties_out,
            ties_in: a.ties_in,
        }
    }
}
