//! `lifelines --format json` (docs/JSON.md, "lifelines"): the actors that keep the target afloat.

use serde::Serialize;

use super::JSON_VERSION;
use crate::analysis::lifelines::{FamilyDrop, FamilySupport, GreedyStep, Lifeline, Lifelines};
use crate::model::ActorId;

/// The top level of `lifelines`' JSON.
#[derive(Debug, Serialize)]
pub struct LifelinesJson<'a> {
    version: u32,
    target: &'a ActorId,
    max_hops: usize,
    combine: &'static str,
    cut: f64,
    family: Option<&'a str>,
    include_pressing: bool,
    world: usize,
    left_out: &'a [ActorId],
    support: f64,
    families: Vec<FamilySupportJson<'a>>,
    alone: Vec<LifelineJson<'a>>,
    greedy: Vec<GreedyStepJson<'a>>,
}

impl<'a> LifelinesJson<'a> {
    /// The wire form of `l`.
    pub fn new(l: &'a Lifelines) -> Self {
        LifelinesJson {
            version: JSON_VERSION,
            target: &l.target,
            max_hops: l.max_hops,
            combine: l.combine.name(),
            cut: l.cut,
            family: l.family.as_deref(),
            include_pressing: l.include_pressing,
            world: l.world,
            left_out: &l.left_out,
            support: l.support,
            families: l.families.iter().map(FamilySupportJson::new).collect(),
            alone: l.alone.iter().map(LifelineJson::new).collect(),
            greedy: l.greedy.iter().map(GreedyStepJson::new).collect(),
        }
    }
}

/// The support through one family.
#[derive(Debug, Serialize)]
struct FamilySupportJson<'a> {
    family: &'a str,
    support: f64,
}

impl<'a> FamilySupportJson<'a> {
    fn new(f: &'a FamilySupport) -> Self {
        FamilySupportJson {
            family: &f.family,
            support: f.support,
        }
    }
}

/// One actor removed alone.
#[derive(Debug, Serialize)]
struct LifelineJson<'a> {
    rank: usize,
    id: &'a ActorId,
    name: &'a str,
    stance: &'static str,
    leverage: f64,
    direct: f64,
    support_without: f64,
    drop: f64,
    through: f64,
    family_drops: Vec<FamilyDropJson<'a>>,
    judgement_share: Option<f64>,
}

impl<'a> LifelineJson<'a> {
    fn new(l: &'a Lifeline) -> Self {
        LifelineJson {
            rank: l.rank,
            id: &l.id,
            name: &l.name,
            stance: l.stance.name(),
            leverage: l.leverage,
            direct: l.direct,
            support_without: l.support_without,
            drop: l.drop,
            through: l.through,
            family_drops: l.family_drops.iter().map(FamilyDropJson::new).collect(),
            judgement_share: l.judgement_share,
        }
    }
}

/// One family's drop.
#[derive(Debug, Serialize)]
struct FamilyDropJson<'a> {
    family: &'a str,
    drop: f64,
}

impl<'a> FamilyDropJson<'a> {
    fn new(f: &'a FamilyDrop) -> Self {
        FamilyDropJson {
            family: &f.family,
            drop: f.drop,
        }
    }
}

/// One greedy step.
#[derive(Debug, Serialize)]
struct GreedyStepJson<'a> {
    step: usize,
    id: &'a ActorId,
    name: &'a str,
    support_after: f64,
    drop: f64,
    cumulative_drop: f64,
    rank_alone: Option<usize>,
}

impl<'a> GreedyStepJson<'a> {
    fn new(g: &'a GreedyStep) -> Self {
        GreedyStepJson {
            step: g.step,
            id: &g.id,
            name: &g.name,
            support_after: g.support_after,
            drop: g.drop,
            cumulative_drop: g.cumulative_drop,
            rank_alone: g.rank_alone,
        }
    }
}
