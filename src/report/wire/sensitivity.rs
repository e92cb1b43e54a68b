//! `sensitivity --format json` (docs/JSON.md, "sensitivity"): the figures whose change alters
//! the answer, and by how much.

use serde::Serialize;

use super::JSON_VERSION;
use crate::analysis::sensitivity::{
    BasisCount, FigureRef, FigureSensitivity, Flip, Sensitivity, Term,
};
use crate::model::ActorId;

/// The top level of `sensitivity`'s JSON.
#[derive(Debug, Serialize)]
pub struct SensitivityJson<'a> {
    version: u32,
    sources: &'a [ActorId],
    target: &'a ActorId,
    top_k: usize,
    max_hops: usize,
    method: &'a str,
    top: &'a [ActorId],
    next: Option<&'a ActorId>,
    scores: &'a [f64],
    figures: usize,
    deciding: Vec<FigureJson<'a>>,
    by_basis: Vec<BasisCountJson>,
}

impl<'a> SensitivityJson<'a> {
    /// The wire form of `s`.
    pub fn new(s: &'a Sensitivity) -> Self {
        SensitivityJson {
            version: JSON_VERSION,
            sources: &s.sources,
            target: &s.target,
            top_k: s.top_k,
            max_hops: s.max_hops,
            method: &s.method,
            top: &s.top,
            next: s.next.as_ref(),
            scores: &s.scores,
            figures: s.figures,
            deciding: s.deciding.iter().map(FigureJson::new).collect(),
            by_basis: s.by_basis.iter().map(BasisCountJson::new).collect(),
        }
    }
}

/// Which figure: a tie's channel or an actor's stance signal.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum FigureRefJson<'a> {
    Tie {
        from: &'a ActorId,
        to: &'a ActorId,
        channel: &'a str,
    },
    Stance {
        actor: &'a ActorId,
        signal: &'static str,
    },
}

impl<'a> FigureRefJson<'a> {
    fn new(f: &'a FigureRef) -> Self {
        match f {
            FigureRef::Tie { from, to, channel } => FigureRefJson::Tie {
                from,
                to,
                channel: channel.as_str(),
            },
            FigureRef::Stance { actor, signal } => FigureRefJson::Stance {
                actor,
                signal: signal.name(),
            },
        }
    }
}

/// One figure and the changes that alter the answer.
#[derive(Debug, Serialize)]
struct FigureJson<'a> {
    figure: FigureRefJson<'a>,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
    basis: &'static str,
    source: &'a str,
    year: i32,
    cite: &'a [String],
    partner: Option<&'a ActorId>,
    term: &'static str,
    top_k: Option<FlipJson<'a>>,
    first: Option<FlipJson<'a>>,
}

impl<'a> FigureJson<'a> {
    fn new(f: &'a FigureSensitivity) -> Self {
        FigureJson {
            figure: FigureRefJson::new(&f.figure),
            value: f.value,
            range: f.range,
            basis: f.basis.name(),
            source: &f.source,
            year: f.year,
            cite: &f.cite,
            partner: f.partner.as_ref(),
            term: match f.term {
                Term::Reach => "reach",
                Term::Headroom => "headroom",
                Term::Stance => "stance",
                Term::Several => "several",
            },
            top_k: f.top_k.as_ref().map(FlipJson::new),
            first: f.first.as_ref().map(FlipJson::new),
        }
    }
}

/// The smallest change of a figure that alters one part of the answer.
#[derive(Debug, Serialize)]
struct FlipJson<'a> {
    value: f64,
    change: f64,
    relative: Option<f64>,
    within_range: bool,
    range_multiple: Option<f64>,
    left: &'a [ActorId],
    entered: &'a [ActorId],
}

impl<'a> FlipJson<'a> {
    fn new(f: &'a Flip) -> Self {
        FlipJson {
            value: f.value,
            change: f.change,
            relative: f.relative,
            within_range: f.within_range,
            range_multiple: f.range_multiple,
            left: &f.left,
            entered: &f.entered,
        }
    }
}

/// How many deciding figures of one basis there are.
#[derive(Debug, Serialize)]
struct BasisCountJson {
    basis: &'static str,
    within_range: usize,
    deciding: usize,
}

impl BasisCountJson {
    fn new(b: &BasisCount) -> Self {
        BasisCountJson {
            basis: b.basis.name(),
            within_range: b.within_range,
            deciding: b.deciding,
        }
    }
}
