//! `blocs --format json` (docs/JSON.md, "blocs"): the blocs found, and how.

use serde::Serialize;

use super::JSON_VERSION;
use crate::analysis::bloc_groups::{Bloc, NamedBlocs, Resemblance};
use crate::model::ActorId;

/// The top level of `blocs`' JSON.
#[derive(Debug, Serialize)]
pub struct BlocsJson<'a> {
    version: u32,
    method: &'a str,
    seed: u64,
    resolution: f64,
    restarts: usize,
    modularity: f64,
    directed_modularity: f64,
    iterations: usize,
    converged: bool,
    default_parameters: bool,
    blocs: Vec<BlocJson<'a>>,
}

impl<'a> BlocsJson<'a> {
    /// The wire form of `b`.
    pub fn new(b: &'a NamedBlocs) -> Self {
        BlocsJson {
            version: JSON_VERSION,
            method: &b.method,
            seed: b.seed,
            resolution: b.resolution,
            restarts: b.restarts,
            modularity: b.modularity,
            directed_modularity: b.directed_modularity,
            iterations: b.iterations,
            converged: b.converged,
            default_parameters: b.default_parameters,
            blocs: b.blocs.iter().map(BlocJson::new).collect(),
        }
    }
}

/// One bloc.
#[derive(Debug, Serialize)]
struct BlocJson<'a> {
    bloc: usize,
    id: &'a str,
    members: &'a [ActorId],
    resembles: Option<ResemblanceJson<'a>>,
}

impl<'a> BlocJson<'a> {
    fn new(b: &'a Bloc) -> Self {
        BlocJson {
            bloc: b.bloc,
            id: &b.id,
            members: &b.members,
            resembles: b.resembles.as_ref().map(ResemblanceJson::new),
        }
    }
}

/// The group a bloc resembles most.
#[derive(Debug, Serialize)]
struct ResemblanceJson<'a> {
    group: &'a str,
    shared: usize,
    group_size: usize,
}

impl<'a> ResemblanceJson<'a> {
    fn new(r: &'a Resemblance) -> Self {
        ResemblanceJson {
            group: &r.group,
            shared: r.shared,
            group_size: r.group_size,
        }
    }
}
