//! `brief --format json` and `explain --format json` (docs/JSON.md, "brief", "explain"): the
//! briefing that the note, the page and `explain` render, and one partner's part of it.

use serde::Serialize;

use super::{left_out_name, PartnerJson, PathJson, RankingJson, JSON_VERSION};
use crate::analysis::briefing::{
    Briefing, Caveats, Dependence, LeftOutFacts, Messenger, MessengerLoad, PartnerFacts, Question,
    ScenarioEffect, ScenarioMove, ScenarioSkipped, SourcedFigure, StaleFigure, StaleKind,
    StanceFact,
};
use crate::model::ActorId;
use crate::report::assign::PlanJson;
use crate::report::brief::{Explanation, RunInfo};
use crate::report::compare::{ChangeJson, EditJson};
use crate::report::robustness::{RobustnessJson, SpreadJson};

/// The top level of `brief`'s JSON.
#[derive(Debug, Serialize)]
pub struct BriefingJson<'a> {
    version: u32,
    title: &'a str,
    date: &'a str,
    question: QuestionJson<'a>,
    ranking: RankingJson<'a>,
    ranked: usize,
    robustness: RobustnessJson<'a>,
    rank_percentiles: [u8; 2],
    assignment: PlanJson<'a>,
    messengers: Vec<MessengerLoadJson<'a>>,
    partners: Vec<PartnerFactsJson<'a>>,
    scenarios: Vec<ScenarioEffectJson<'a>>,
    scenarios_skipped: Vec<ScenarioSkippedJson<'a>>,
    left_out: Vec<LeftOutFactsJson<'a>>,
    caveats: CaveatsJson<'a>,
}

impl<'a> BriefingJson<'a> {
    /// The wire form of `b`.
    pub fn new(b: &'a Briefing) -> Self {
        BriefingJson {
            version: JSON_VERSION,
            title: &b.title,
            date: &b.date,
            question: QuestionJson::new(&b.question),
            ranking: RankingJson::new(&b.ranking),
            ranked: b.ranked,
            robustness: RobustnessJson::nested(&b.robustness),
            rank_percentiles: b.rank_percentiles,
            assignment: PlanJson::nested(&b.assignment),
            messengers: b.messengers.iter().map(MessengerLoadJson::new).collect(),
            partners: b.partners.iter().map(PartnerFactsJson::new).collect(),
            scenarios: b.scenarios.iter().map(ScenarioEffectJson::new).collect(),
            scenarios_skipped: b
                .scenarios_skipped
                .iter()
                .map(ScenarioSkippedJson::new)
                .collect(),
            left_out: b.left_out.iter().map(LeftOutFactsJson::new).collect(),
            caveats: CaveatsJson::new(&b.caveats),
        }
    }
}

/// The top level of `explain`'s JSON.
#[derive(Debug, Serialize)]
pub struct ExplanationJson<'a> {
    version: u32,
    question: QuestionJson<'a>,
    ranked: usize,
    robustness: RunInfoJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner: Option<PartnerFactsJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<LeftOutFactsJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unranked: Option<&'a str>,
}

impl<'a> ExplanationJson<'a> {
    /// The wire form of `e`.
    pub fn new(e: &'a Explanation<'a>) -> Self {
        ExplanationJson {
            version: JSON_VERSION,
            question: QuestionJson::new(e.question),
            ranked: e.ranked,
            robustness: RunInfoJson::new(&e.robustness),
            partner: e.partner.map(PartnerFactsJson::new),
            left_out: e.left_out.map(LeftOutFactsJson::new),
            unranked: e.unranked.as_deref(),
        }
    }
}

/// The robustness run in one line (`explain`).
#[derive(Debug, Serialize)]
struct RunInfoJson {
    samples: usize,
    seed: u64,
    top_k: usize,
    uncertain_figures: usize,
}

impl RunInfoJson {
    fn new(r: &RunInfo) -> Self {
        RunInfoJson {
            samples: r.samples,
            seed: r.seed,
            top_k: r.top_k,
            uncertain_figures: r.uncertain_figures,
        }
    }
}

/// Who presses whom.
#[derive(Debug, Serialize)]
struct QuestionJson<'a> {
    sources: &'a [ActorId],
    sources_name: &'a str,
    target: &'a ActorId,
    target_name: &'a str,
}

impl<'a> QuestionJson<'a> {
    fn new(q: &'a Question) -> Self {
        QuestionJson {
            sources: &q.sources,
            sources_name: &q.sources_name,
            target: &q.target,
            target_name: &q.target_name,
        }
    }
}

/// A figure with its source and citation.
#[derive(Debug, Serialize)]
struct SourcedFigureJson<'a> {
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    range: Option<[f64; 2]>,
    year: i32,
    basis: &'static str,
    source: &'a str,
    cite: &'a [String],
    by: &'a str,
    title: &'a str,
}

impl<'a> SourcedFigureJson<'a> {
    fn new(f: &'a SourcedFigure) -> Self {
        SourcedFigureJson {
            value: f.value,
            range: f.range,
            year: f.year,
            basis: f.basis.name(),
            source: &f.source,
            cite: &f.cite,
            by: &f.by,
            title: &f.title,
        }
    }
}

/// The target's dependence on a partner through one channel.
#[derive(Debug, Serialize)]
struct DependenceJson<'a> {
    channel: &'a str,
    figure: SourcedFigureJson<'a>,
    unapplied: f64,
    rank: usize,
    of: usize,
}

impl<'a> DependenceJson<'a> {
    fn new(d: &'a Dependence) -> Self {
        DependenceJson {
            channel: &d.channel,
            figure: SourcedFigureJson::new(&d.figure),
            unapplied: d.unapplied,
            rank: d.rank,
            of: d.of,
        }
    }
}

/// One stance signal of a partner.
#[derive(Debug, Serialize)]
struct StanceFactJson<'a> {
    signal: &'static str,
    figure: SourcedFigureJson<'a>,
}

impl<'a> StanceFactJson<'a> {
    fn new(s: &'a StanceFact) -> Self {
        StanceFactJson {
            signal: s.signal.name(),
            figure: SourcedFigureJson::new(&s.figure),
        }
    }
}

/// A partner's messenger.
#[derive(Debug, Serialize)]
struct MessengerJson<'a> {
    id: &'a ActorId,
    name: &'a str,
    leverage: f64,
    best: &'a ActorId,
    capped: bool,
}

impl<'a> MessengerJson<'a> {
    fn new(m: &'a Messenger) -> Self {
        MessengerJson {
            id: &m.id,
            name: &m.name,
            leverage: m.leverage,
            best: &m.best,
            capped: m.capped,
        }
    }
}

/// How a scenario moves a partner.
#[derive(Debug, Serialize)]
struct ScenarioMoveJson<'a> {
    scenario: usize,
    title: &'a str,
    change: ChangeJson<'a>,
}

impl<'a> ScenarioMoveJson<'a> {
    fn new(m: &'a ScenarioMove) -> Self {
        ScenarioMoveJson {
            scenario: m.scenario,
            title: &m.title,
            change: ChangeJson::new(&m.change),
        }
    }
}

/// Everything the briefing says about one partner.
#[derive(Debug, Serialize)]
struct PartnerFactsJson<'a> {
    partner: PartnerJson<'a>,
    spread: Option<SpreadJson<'a>>,
    messenger: Option<MessengerJson<'a>>,
    dependence: Vec<DependenceJson<'a>>,
    stance: &'static str,
    signals: Vec<StanceFactJson<'a>>,
    routes: Vec<PathJson<'a>>,
    scenarios: Vec<ScenarioMoveJson<'a>>,
}

impl<'a> PartnerFactsJson<'a> {
    fn new(p: &'a PartnerFacts) -> Self {
        PartnerFactsJson {
            partner: PartnerJson::new(&p.partner),
            spread: p.spread.as_ref().map(SpreadJson::new),
            messenger: p.messenger.as_ref().map(MessengerJson::new),
            dependence: p.dependence.iter().map(DependenceJson::new).collect(),
            stance: p.stance.name(),
            signals: p.signals.iter().map(StanceFactJson::new).collect(),
            routes: PathJson::all(&p.routes),
            scenarios: p.scenarios.iter().map(ScenarioMoveJson::new).collect(),
        }
    }
}

/// What one scenario changes.
#[derive(Debug, Serialize)]
struct ScenarioEffectJson<'a> {
    title: &'a str,
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    assumptions: &'a [String],
    edits: Vec<EditJson<'a>>,
    changes: Vec<ChangeJson<'a>>,
}

impl<'a> ScenarioEffectJson<'a> {
    fn new(s: &'a ScenarioEffect) -> Self {
        ScenarioEffectJson {
            title: &s.title,
            file: &s.file,
            description: s.description.as_deref(),
            assumptions: &s.assumptions,
            edits: s.edits.iter().map(EditJson::new).collect(),
            changes: s.changes.iter().map(ChangeJson::new).collect(),
        }
    }
}

/// A scenario that did not apply to the graph.
#[derive(Debug, Serialize)]
struct ScenarioSkippedJson<'a> {
    title: &'a str,
    file: &'a str,
    why: &'a str,
}

impl<'a> ScenarioSkippedJson<'a> {
    fn new(s: &'a ScenarioSkipped) -> Self {
        ScenarioSkippedJson {
            title: &s.title,
            file: &s.file,
            why: &s.why,
        }
    }
}

/// An actor left out of the pool, with why.
#[derive(Debug, Serialize)]
struct LeftOutFactsJson<'a> {
    id: &'a ActorId,
    name: &'a str,
    reason: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<SourcedFigureJson<'a>>,
}

impl<'a> LeftOutFactsJson<'a> {
    fn new(l: &'a LeftOutFacts) -> Self {
        LeftOutFactsJson {
            id: &l.id,
            name: &l.name,
            reason: left_out_name(l.reason),
            evidence: l.evidence.as_ref().map(SourcedFigureJson::new),
        }
    }
}

/// A stale figure of a partner.
#[derive(Debug, Serialize)]
struct StaleFigureJson<'a> {
    partner: &'a ActorId,
    what: &'a str,
    year: i32,
}

/// Stale figures of one kind.
#[derive(Debug, Serialize)]
struct StaleKindJson<'a> {
    what: &'a str,
    year: i32,
    partners: &'a [ActorId],
}

/// A messenger with the partners it takes.
#[derive(Debug, Serialize)]
struct MessengerLoadJson<'a> {
    id: &'a ActorId,
    name: &'a str,
    partners: &'a [ActorId],
}

impl<'a> MessengerLoadJson<'a> {
    fn new(m: &'a MessengerLoad) -> Self {
        MessengerLoadJson {
            id: &m.id,
            name: &m.name,
            partners: &m.partners,
        }
    }
}

/// The data's caveats.
#[derive(Debug, Serialize)]
struct CaveatsJson<'a> {
    judgement_share: Option<f64>,
    judgement_share_top_k: Option<f64>,
    stale_before: i32,
    stale: Vec<StaleFigureJson<'a>>,
    stale_kinds: Vec<StaleKindJson<'a>>,
    stance_unknown: &'a [ActorId],
}

impl<'a> CaveatsJson<'a> {
    fn new(c: &'a Caveats) -> Self {
        CaveatsJson {
            judgement_share: c.judgement_share,
            judgement_share_top_k: c.judgement_share_top_k,
            stale_before: c.stale_before,
            stale: c
                .stale
                .iter()
                .map(|s: &StaleFigure| StaleFigureJson {
                    partner: &s.partner,
                    what: &s.what,
                    year: s.year,
                })
                .collect(),
            stale_kinds: c
                .stale_kinds
                .iter()
                .map(|k: &StaleKind| StaleKindJson {
                    what: &k.what,
                    year: k.year,
                    partners: &k.partners,
                })
                .collect(),
            stance_unknown: &c.stance_unknown,
        }
    }
}
