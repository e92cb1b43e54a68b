//! `coalition --format json` (docs/JSON.md, "coalition"): the best set of partners approached
//! together.

use serde::Serialize;

use super::{PoolJson, JSON_VERSION};
use crate::analysis::coalition::{Coalition, Exact, FamilyPart, FamilyPressure, Member};
use crate::model::ActorId;

/// The top level of `coalition`'s JSON.
#[derive(Debug, Serialize)]
pub struct CoalitionJson<'a> {
    version: u32,
    sources: &'a [ActorId],
    target: &'a ActorId,
    k: usize,
    max_hops: usize,
    combine: &'static str,
    pool: PoolJson<'a>,
    candidates: usize,
    members: Vec<MemberJson<'a>>,
    pressure: f64,
    sum_of_scores: f64,
    families: Vec<FamilyPressureJson<'a>>,
    guarantee: f64,
    upper_bound: f64,
    exact: Option<ExactJson<'a>>,
}

impl<'a> CoalitionJson<'a> {
    /// The wire form of `c`.
    pub fn new(c: &'a Coalition) -> Self {
        CoalitionJson {
            version: JSON_VERSION,
            sources: &c.sources,
            target: &c.target,
            k: c.k,
            max_hops: c.max_hops,
            combine: c.combine.name(),
            pool: PoolJson::new(&c.pool),
            candidates: c.candidates,
            members: c.members.iter().map(MemberJson::new).collect(),
            pressure: c.pressure,
            sum_of_scores: c.sum_of_scores,
            families: c.families.iter().map(FamilyPressureJson::new).collect(),
            guarantee: c.guarantee,
            upper_bound: c.upper_bound,
            exact: c.exact.as_ref().map(ExactJson::new),
        }
    }
}

/// One member of the set.
#[derive(Debug, Serialize)]
struct MemberJson<'a> {
    order: usize,
    id: &'a ActorId,
    name: &'a str,
    rank: usize,
    score: f64,
    gain: f64,
    families: Vec<FamilyPartJson<'a>>,
    messenger: &'a ActorId,
}

impl<'a> MemberJson<'a> {
    fn new(m: &'a Member) -> Self {
        MemberJson {
            order: m.order,
            id: &m.id,
            name: &m.name,
            rank: m.rank,
            score: m.score,
            gain: m.gain,
            families: m.families.iter().map(FamilyPartJson::new).collect(),
            messenger: &m.messenger,
        }
    }
}

/// A member's pressure through one family.
#[derive(Debug, Serialize)]
struct FamilyPartJson<'a> {
    family: &'a str,
    pressure: f64,
}

impl<'a> FamilyPartJson<'a> {
    fn new(f: &'a FamilyPart) -> Self {
        FamilyPartJson {
            family: &f.family,
            pressure: f.pressure,
        }
    }
}

/// A family's pressure in the set.
#[derive(Debug, Serialize)]
struct FamilyPressureJson<'a> {
    family: &'a str,
    pressure: f64,
    sum: f64,
}

impl<'a> FamilyPressureJson<'a> {
    fn new(f: &'a FamilyPressure) -> Self {
        FamilyPressureJson {
            family: &f.family,
            pressure: f.pressure,
            sum: f.sum,
        }
    }
}

/// The exact optimum.
#[derive(Debug, Serialize)]
struct ExactJson<'a> {
    members: &'a [ActorId],
    pressure: f64,
    gap: f64,
    subsets: u64,
}

impl<'a> ExactJson<'a> {
    fn new(e: &'a Exact) -> Self {
        ExactJson {
            members: &e.members,
            pressure: e.pressure,
            gap: e.gap,
            subsets: e.subsets,
        }
    }
}
