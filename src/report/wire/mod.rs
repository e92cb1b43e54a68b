//! The JSON contract's wire types (`docs/JSON.md`, version [`JSON_VERSION`]): the shapes that
//! `--format json` writes, kept apart from the analysis results they borrow from (ripgrep's
//! `jsont.rs`). Each field is copied by name from its analysis struct, so renaming a field of an
//! analysis result fails to compile here instead of changing the contract silently; the shapes
//! themselves are pinned by `docs/json/*.schema.json` and the tests that read them.
//!
//! The rule of the contract: within a version, fields may be added, never renamed or removed,
//! and their meaning does not change; anything else is a new version.

use serde::Serialize;

pub mod actors;
pub mod blocs;
pub mod brief;
pub mod coalition;
pub mod lifelines;
pub mod sensitivity;
pub mod trend;
pub mod validate;

use crate::analysis::paths::{ChannelFigure, ExplainedPath, TieStep};
use crate::analysis::suggest::{
    Coordination, LeftOut, LeftOutActor, Lever, Partner, PartnerRanking, Pool, ScoreRule,
};
use crate::model::{ActorId, AgreementStatus, Cite, Fact, MovabilityRule};

/// The version of the JSON contract, written as the top-level `"version"` of every command's
/// JSON. Version 1 was the unversioned output before it.
pub const JSON_VERSION: u32 = 2;

/// A leverage path with each tie and its channels.
#[derive(Debug, Serialize)]
pub struct PathJson<'a> {
    nodes: &'a [String],
    leverage: f64,
    cost: f64,
    ties: Vec<TieJson<'a>>,
}

impl<'a> PathJson<'a> {
    /// The wire form of `p`.
    pub fn new(p: &'a ExplainedPath) -> Self {
        PathJson {
            nodes: &p.nodes,
            leverage: p.leverage,
            cost: p.cost,
            ties: p.ties.iter().map(TieJson::new).collect(),
        }
    }

    /// The wire form of each path of `ps`.
    pub fn all(ps: &'a [ExplainedPath]) -> Vec<Self> {
        ps.iter().map(PathJson::new).collect()
    }
}

/// One tie of a path.
#[derive(Debug, Serialize)]
struct TieJson<'a> {
    from: &'a str,
    to: &'a str,
    strength: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    headroom: Option<f64>,
    channels: Vec<ChannelJson<'a>>,
}

impl<'a> TieJson<'a> {
    fn new(t: &'a TieStep) -> Self {
        TieJson {
            from: &t.from,
            to: &t.to,
            strength: t.strength,
            headroom: t.headroom,
            channels: t.channels.iter().map(ChannelJson::new).collect(),
        }
    }
}

/// One channel's figure on a tie.
#[derive(Debug, Serialize)]
struct ChannelJson<'a> {
    channel: &'a str,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
    source: &'a str,
    year: i32,
    basis: &'static str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    cite: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    unapplied: Option<f64>,
}

impl<'a> ChannelJson<'a> {
    fn new(c: &'a ChannelFigure) -> Self {
        ChannelJson {
            channel: &c.channel,
            value: c.value,
            range: c.range,
            source: &c.source,
            year: c.year,
            basis: c.basis.name(),
            cite: &c.cite,
            unapplied: c.unapplied,
        }
    }
}

/// An agreement or concern of an outreach.
#[derive(Debug, Serialize)]
struct FactJson<'a> {
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    source: &'a str,
    year: i32,
    #[serde(skip_serializing_if = "str::is_empty")]
    basis: &'static str,
    #[serde(skip_serializing_if = "Cite::is_empty")]
    cite: &'a Cite,
}

impl<'a> FactJson<'a> {
    fn new(f: &'a Fact) -> Self {
        FactJson {
            text: &f.text,
            status: f.status.map(AgreementStatus::name),
            source: &f.source,
            year: f.year,
            basis: if f.basis.is_unknown() {
                ""
            } else {
                f.basis.name()
            },
            cite: &f.cite,
        }
    }

    fn all(fs: &'a [Fact]) -> Vec<Self> {
        fs.iter().map(FactJson::new).collect()
    }
}

/// A `suggest` ranking, without the envelope (it is also nested in `suggest --samples` and
/// `compare`).
#[derive(Debug, Serialize)]
pub struct RankingJson<'a> {
    /// [`JSON_VERSION`] at the top level, absent when nested.
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    sources: &'a [ActorId],
    target: &'a ActorId,
    score: &'static str,
    coordination: &'static str,
    distance: &'static str,
    max_hops: usize,
    combine: &'static str,
    movability: MovabilityJson,
    pool: PoolJson<'a>,
    partners: Vec<PartnerJson<'a>>,
}

impl<'a> RankingJson<'a> {
    /// The wire form of `r` as the top level of `suggest`'s JSON.
    pub fn top(r: &'a PartnerRanking) -> Self {
        RankingJson {
            version: Some(JSON_VERSION),
            ..RankingJson::new(r)
        }
    }

    /// The wire form of `r`, nested in another command's JSON.
    pub fn new(r: &'a PartnerRanking) -> Self {
        RankingJson {
            version: None,
            sources: &r.sources,
            target: &r.target,
            score: match r.score {
                ScoreRule::Outreach => "outreach",
                ScoreRule::Classic => "classic",
            },
            coordination: match r.coordination {
                Coordination::Unison => "unison",
                Coordination::Alone => "alone",
            },
            distance: r.distance.name(),
            max_hops: r.max_hops,
            combine: r.combine.name(),
            movability: MovabilityJson::new(&r.movability),
            pool: PoolJson::new(&r.pool),
            partners: r.partners.iter().map(PartnerJson::new).collect(),
        }
    }
}

/// The weights of the movability rule.
#[derive(Debug, Serialize)]
struct MovabilityJson {
    un_opposition: f64,
    war_support: f64,
    alliance: f64,
    parade: f64,
}

impl MovabilityJson {
    fn new(m: &MovabilityRule) -> Self {
        MovabilityJson {
            un_opposition: m.un_opposition,
            war_support: m.war_support,
            alliance: m.alliance,
            parade: m.parade,
        }
    }
}

/// Who may not be suggested, and why (also in `coalition`).
#[derive(Debug, Serialize)]
struct PoolJson<'a> {
    left_out: Vec<LeftOutJson<'a>>,
    stance_unknown: &'a [ActorId],
}

impl<'a> PoolJson<'a> {
    fn new(p: &'a Pool) -> Self {
        PoolJson {
            left_out: p.left_out.iter().map(LeftOutJson::new).collect(),
            stance_unknown: &p.stance_unknown,
        }
    }
}

#[derive(Debug, Serialize)]
struct LeftOutJson<'a> {
    id: &'a ActorId,
    reason: &'static str,
}

impl<'a> LeftOutJson<'a> {
    fn new(l: &'a LeftOutActor) -> Self {
        LeftOutJson {
            id: &l.id,
            reason: left_out_name(l.reason),
        }
    }
}

/// Why an actor is left out of the pool, as the contract names it.
fn left_out_name(reason: LeftOut) -> &'static str {
    match reason {
        LeftOut::Source => "source",
        LeftOut::Target => "target",
        LeftOut::Pressing => "pressing",
        LeftOut::Excluded => "excluded",
        LeftOut::NotCandidate => "not_candidate",
    }
}

/// One suggested partner.
#[derive(Debug, Serialize)]
struct PartnerJson<'a> {
    rank: usize,
    id: &'a ActorId,
    name: &'a str,
    score: f64,
    reach: f64,
    reach_unison: f64,
    reach_alone: f64,
    pull: f64,
    headroom: f64,
    movability: Option<f64>,
    stance: &'static str,
    receptiveness: f64,
    judgement_share: Option<f64>,
    brokerage: f64,
    messenger: &'a ActorId,
    path: &'a [ActorId],
    via: &'a [ActorId],
    legs: Vec<PathJson<'a>>,
    levers: Vec<LeverJson<'a>>,
    agreements: Vec<FactJson<'a>>,
    concerns: Vec<FactJson<'a>>,
}

impl<'a> PartnerJson<'a> {
    fn new(p: &'a Partner) -> Self {
        PartnerJson {
            rank: p.rank,
            id: &p.id,
            name: &p.name,
            score: p.score,
            reach: p.reach,
            reach_unison: p.reach_unison,
            reach_alone: p.reach_alone,
            pull: p.pull,
            headroom: p.headroom,
            movability: p.movability,
            stance: p.stance.name(),
            receptiveness: p.receptiveness,
            judgement_share: p.judgement_share,
            brokerage: p.brokerage,
            messenger: &p.messenger,
            path: &p.path,
            via: &p.via,
            legs: PathJson::all(&p.legs),
            levers: p.levers.iter().map(LeverJson::new).collect(),
            agreements: FactJson::all(&p.agreements),
            concerns: FactJson::all(&p.concerns),
        }
    }
}

/// A source's direct lever on a partner.
#[derive(Debug, Serialize)]
struct LeverJson<'a> {
    source: &'a ActorId,
    channel: &'a str,
    value: f64,
    basis: &'static str,
    about: &'a str,
}

impl<'a> LeverJson<'a> {
    fn new(l: &'a Lever) -> Self {
        LeverJson {
            source: &l.source,
            channel: l.channel.as_str(),
            value: l.value,
            basis: l.basis.name(),
            about: &l.about,
        }
    }
}
