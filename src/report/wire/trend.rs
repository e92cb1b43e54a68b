//! `trend --format json` (docs/JSON.md, "trend"): each partner's rank and the target's
//! dependence across the years of the graph's series.

use serde::Serialize;

use super::JSON_VERSION;
use crate::analysis::trend::{
    DependencePoint, DependenceTrend, DependenceView, PartnerPoint, PartnerTrend, Trend,
};
use crate::model::select::YearSelection;
use crate::model::ActorId;

/// The top level of `trend`'s JSON.
#[derive(Debug, Serialize)]
pub struct TrendJson<'a> {
    version: u32,
    sources: &'a [ActorId],
    target: &'a ActorId,
    years: &'a [i32],
    selections: Vec<SelectionJson>,
    partners: Vec<PartnerTrendJson<'a>>,
    dependence: Vec<DependenceViewJson<'a>>,
}

impl<'a> TrendJson<'a> {
    /// The wire form of `t`.
    pub fn new(t: &'a Trend) -> Self {
        TrendJson {
            version: JSON_VERSION,
            sources: &t.sources,
            target: &t.target,
            years: &t.years,
            selections: t.selections.iter().map(SelectionJson::new).collect(),
            partners: t.partners.iter().map(PartnerTrendJson::new).collect(),
            dependence: t.dependence.iter().map(DependenceViewJson::new).collect(),
        }
    }
}

/// How many figures describe one year.
#[derive(Debug, Serialize)]
struct SelectionJson {
    year: i32,
    exact: usize,
    carried_forward: usize,
    carried_back: usize,
}

impl SelectionJson {
    fn new(s: &YearSelection) -> Self {
        SelectionJson {
            year: s.year,
            exact: s.exact,
            carried_forward: s.carried_forward,
            carried_back: s.carried_back,
        }
    }
}

/// A partner across the years.
#[derive(Debug, Serialize)]
struct PartnerTrendJson<'a> {
    id: &'a ActorId,
    name: &'a str,
    points: Vec<PartnerPointJson>,
}

impl<'a> PartnerTrendJson<'a> {
    fn new(p: &'a PartnerTrend) -> Self {
        PartnerTrendJson {
            id: &p.id,
            name: &p.name,
            points: p.points.iter().map(PartnerPointJson::new).collect(),
        }
    }
}

/// A partner in one year.
#[derive(Debug, Serialize)]
struct PartnerPointJson {
    year: i32,
    rank: Option<usize>,
    score: f64,
    reach: f64,
    pull: f64,
    headroom: f64,
}

impl PartnerPointJson {
    fn new(p: &PartnerPoint) -> Self {
        PartnerPointJson {
            year: p.year,
            rank: p.rank,
            score: p.score,
            reach: p.reach,
            pull: p.pull,
            headroom: p.headroom,
        }
    }
}

/// The target's dependence read one way.
#[derive(Debug, Serialize)]
struct DependenceViewJson<'a> {
    channel: Option<&'a str>,
    partners: Vec<DependenceTrendJson<'a>>,
    groups: Vec<DependenceTrendJson<'a>>,
}

impl<'a> DependenceViewJson<'a> {
    fn new(v: &'a DependenceView) -> Self {
        DependenceViewJson {
            channel: v.channel.as_ref().map(|c| c.as_str()),
            partners: v.partners.iter().map(DependenceTrendJson::new).collect(),
            groups: v.groups.iter().map(DependenceTrendJson::new).collect(),
        }
    }
}

/// The dependence on a partner or group across the years.
#[derive(Debug, Serialize)]
struct DependenceTrendJson<'a> {
    id: &'a str,
    name: &'a str,
    group: bool,
    points: Vec<DependencePointJson<'a>>,
}

impl<'a> DependenceTrendJson<'a> {
    fn new(d: &'a DependenceTrend) -> Self {
        DependenceTrendJson {
            id: &d.id,
            name: &d.name,
            group: d.group,
            points: d.points.iter().map(DependencePointJson::new).collect(),
        }
    }
}

/// The dependence in one year.
#[derive(Debug, Serialize)]
struct DependencePointJson<'a> {
    year: i32,
    value: f64,
    carried: bool,
    figure_years: &'a [i32],
}

impl<'a> DependencePointJson<'a> {
    fn new(p: &'a DependencePoint) -> Self {
        DependencePointJson {
            year: p.year,
            value: p.value,
            carried: p.carried,
            figure_years: &p.figure_years,
        }
    }
}
