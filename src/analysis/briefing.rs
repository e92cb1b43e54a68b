//! The briefing (issue #14): everything a minister's note, the interactive page and
//! `leverage explain` show, computed once by [`briefing`] from a graph and typed parameters.
//! Renderers (`report::brief`, `export::html`) only format it; they never run an analysis.
//!
//! A [`Briefing`] holds the ranking ([`suggest`](super::suggest::suggest)), how sure it is ([`robustness`] on a stated
//! seed and number of samples, with the [`structural`] check), the messengers ([`assign`]), what
//! each what-if scenario changes for each partner ([`compare`]), and for each partner the facts
//! behind its row: the target's dependence on it channel by channel with its rank among the
//! target's partners, its stance signals with their sources, its best routes from the sources,
//! its levers, agreements and concerns. It also says who was left out and why, how much of the
//! answer rests on judgement, and which figures are old.

use serde::Serialize;

use super::assign::{assign, AssignParams, AssignmentPlan};
use super::compare::{compare, RankChange};
use super::paths::{paths, ExplainedPath, PathsParams};
use super::robustness::{robustness, structural, PartnerSpread, Robustness, RobustnessParams};
use super::suggest::{LeftOut, Partner, PartnerRanking, SuggestParams};
use crate::error::Result;
use crate::model::{ActorId, Basis, Cite, Figure, InfluenceGraph, Signal, StanceClass};
use crate::scenario::{apply_all, EditOutcome, Scenario};

/// Default number of partners a briefing covers.
pub const DEFAULT_PARTNERS: usize = 10;

/// Default number of samples of the robustness run of a briefing.
pub const DEFAULT_SAMPLES: usize = 2_000;

/// Default seed of the robustness run of a briefing.
pub const DEFAULT_SEED: u64 = 1;

/// The percentiles of a rank interval of the robustness run ([`PartnerSpread::rank_range`]).
pub const RANK_PERCENTILES: [u8; 2] = [5, 95];

/// Options of [`briefing`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BriefingParams {
    /// The question: sources, target, pool and how the model reads the graph.
    pub suggest: SuggestParams,
    /// How the sources are named (`signatories`, `Germany`).
    pub sources_name: String,
    /// How many partners the briefing covers (the top of the ranking); `None`: every partner
    /// with a positive score.
    pub partners: Option<usize>,
    /// Samples of the robustness run.
    pub samples: usize,
    /// Its seed.
    pub seed: u64,
    /// The k of P(top k) and of the structural check.
    pub top_k: usize,
    /// Most partners one messenger takes (`None`: no cap).
    pub max_per_messenger: Option<usize>,
    /// What-if scenarios, each compared with the graph on its own.
    pub scenarios: Vec<Scenario>,
    /// How many routes (one per source, strongest first) each partner lists.
    pub routes: usize,
}

impl BriefingParams {
    /// A briefing on `suggest`'s question with the defaults: the top [`DEFAULT_PARTNERS`],
    /// [`DEFAULT_SAMPLES`] samples with seed [`DEFAULT_SEED`], P(top 5), no cap, no scenario,
    /// three routes per partner.
    pub fn new(suggest: SuggestParams, sources_name: &str) -> Self {
        BriefingParams {
            suggest,
            sources_name: sources_name.to_owned(),
            partners: Some(DEFAULT_PARTNERS),
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
            top_k: 5,
            max_per_messenger: None,
            scenarios: Vec::new(),
            routes: 3,
        }
    }
}

/// The question a briefing answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Question {
    /// The sources' ids.
    pub sources: Vec<ActorId>,
    /// How they are named.
    pub sources_name: String,
    /// The target's id.
    pub target: ActorId,
    /// The target's name.
    pub target_name: String,
}

/// One figure as a briefing cites it: value, year, basis, what it is and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedFigure {
    /// The value.
    pub value: f64,
    /// Its range, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// The year it describes.
    pub year: i32,
    /// Its basis.
    pub basis: Basis,
    /// What it is (the figure's `source` text).
    pub source: String,
    /// Its citations, each in one line.
    pub cite: Vec<String>,
    /// Who published it, in a few words: the first citation's `via` when the primary source was
    /// read second-hand, else its publisher, up to the first `;`, `,` or `(` (empty without a
    /// citation).
    pub by: String,
    /// The first citation's title up to its first colon (`Order No. 430-r of 5 March 2022`);
    /// empty without a citation.
    pub title: String,
}

/// The target's dependence on a partner through one channel of the tie `partner -> target`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dependence {
    /// The channel.
    pub channel: String,
    /// The figure.
    pub figure: SourcedFigure,
    /// The part of the value the partner does not apply yet (`value × (1 - applied)`).
    pub unapplied: f64,
    /// The partner's rank among the target's partners on this channel (1: the target depends
    /// on it most), counting every actor of the graph with a tie of this channel into the
    /// target.
    pub rank: usize,
    /// How many actors hold a tie of this channel into the target.
    pub of: usize,
}

/// One stance signal of a partner towards the target, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StanceFact {
    /// The signal (`sanctions`, `un_alignment`...).
    #[serde(serialize_with = "signal_name")]
    pub signal: Signal,
    /// The figure.
    pub figure: SourcedFigure,
}

fn signal_name<S: serde::Serializer>(s: &Signal, ser: S) -> std::result::Result<S::Ok, S::Error> {
    ser.serialize_str(s.name())
}

/// A partner's messenger, from the assignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Messenger {
    /// The messenger's id.
    pub id: ActorId,
    /// Its name.
    pub name: String,
    /// Its best-path leverage over the partner.
    pub leverage: f64,
    /// The source with the strongest leverage over the partner.
    pub best: ActorId,
    /// Whether the cap gave the partner another messenger than its best one.
    pub capped: bool,
}

/// What one scenario changes for one partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioMove {
    /// Index of the scenario in [`Briefing::scenarios`].
    pub scenario: usize,
    /// The scenario's title.
    pub title: String,
    /// The change.
    pub change: RankChange,
}

/// Everything the briefing says about one partner beyond its ranking row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerFacts {
    /// The partner's row of the ranking: score, terms, best path, levers, agreements, concerns.
    pub partner: Partner,
    /// Its spread over the robustness run (`None` if the run did not report it).
    pub spread: Option<PartnerSpread>,
    /// Its messenger (`None` if no messenger could take it).
    pub messenger: Option<Messenger>,
    /// The target's dependence on it, channel by channel, by unapplied part then value.
    pub dependence: Vec<Dependence>,
    /// Its stance class towards the target.
    pub stance: StanceClass,
    /// Its stance signals towards the target, with their sources, in file order.
    pub signals: Vec<StanceFact>,
    /// The best route from each of the strongest sources to it (at most
    /// [`BriefingParams::routes`]), strongest first, avoiding the target.
    pub routes: Vec<ExplainedPath>,
    /// What each scenario changes for it (only scenarios that change its score or rank).
    pub scenarios: Vec<ScenarioMove>,
}

/// What one scenario changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioEffect {
    /// Its title.
    pub title: String,
    /// Its file.
    pub file: String,
    /// Its description, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its assumptions in words.
    pub assumptions: Vec<String>,
    /// What each edit changed.
    pub edits: Vec<EditOutcome>,
    /// Every partner ranked before or after, by size of the score change (largest first).
    pub changes: Vec<RankChange>,
}

/// A scenario that could not be applied to the graph, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioSkipped {
    /// Its title.
    pub title: String,
    /// Its file.
    pub file: String,
    /// The error, in one line.
    pub why: String,
}

/// An actor that may not be suggested, with the reason and, for a state that already presses
/// the target, the sourced sanctions signal that says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOutFacts {
    /// Its id.
    pub id: ActorId,
    /// Its name.
    pub name: String,
    /// Why.
    pub reason: LeftOut,
    /// For `pressing`: its sanctions signal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<SourcedFigure>,
}

/// A figure behind the briefing's partners that is older than the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleFigure {
    /// The partner whose row rests on it.
    pub partner: ActorId,
    /// Where it sits: `DEU -> TUR trade`, or `TUR stance sanctions`.
    pub what: String,
    /// The year it describes.
    pub year: i32,
}

/// One kind of stale figure, with the partners whose rows rest on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleKind {
    /// Where it sits: `DEU -> TUR trade`, or `stance sanctions` for a signal of several
    /// partners.
    pub what: String,
    /// The year it describes.
    pub year: i32,
    /// The partners whose rows rest on it, by rank.
    pub partners: Vec<ActorId>,
}

/// A messenger and the partners it takes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessengerLoad {
    /// The messenger's id.
    pub id: ActorId,
    /// Its name.
    pub name: String,
    /// The partners it takes, by rank.
    pub partners: Vec<ActorId>,
}

/// The data's caveats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Caveats {
    /// Share of the briefing partners' combined score that rests on judgement figures:
    /// `sum_P score(P) · share(P) / sum_P score(P)` over the partners whose share is known
    /// (`None` if none is).
    pub judgement_share: Option<f64>,
    /// Share of the top k's combined score that rests on judgement figures, likewise.
    pub judgement_share_top_k: Option<f64>,
    /// The year before which a figure counts as stale: the graph's year minus 2.
    pub stale_before: i32,
    /// Figures behind the partners' rows (their paths and stance signals) older than
    /// `stale_before`, by partner rank, then place.
    pub stale: Vec<StaleFigure>,
    /// The same figures by kind: a tie, or a stance signal (of any partner), and year; in
    /// order of first appearance.
    pub stale_kinds: Vec<StaleKind>,
    /// Partners whose stance towards the target is unknown (movability counted as 1).
    pub stance_unknown: Vec<ActorId>,
}

/// A briefing: the answer to the question, with everything behind it. See the module docs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Briefing {
    /// The graph's title.
    pub title: String,
    /// The graph's date.
    pub date: String,
    /// The question.
    pub question: Question,
    /// The ranking of the partners the briefing covers (its `partners` are [`Self::partners`]'
    /// rows, in rank order; kept for the contract of `suggest`).
    pub ranking: PartnerRanking,
    /// How many partners had a positive score (the briefing may cover fewer).
    pub ranked: usize,
    /// The robustness run (with the structural check); its `deterministic` ranking is left
    /// empty of partners, which [`Self::ranking`] holds.
    pub robustness: Robustness,
    /// The percentiles of the rank intervals ([`RANK_PERCENTILES`]).
    pub rank_percentiles: [u8; 2],
    /// The messengers.
    pub assignment: AssignmentPlan,
    /// Each messenger with the partners it takes, most partners first (then by first partner).
    pub messengers: Vec<MessengerLoad>,
    /// The partners, in rank order.
    pub partners: Vec<PartnerFacts>,
    /// What each scenario changes.
    pub scenarios: Vec<ScenarioEffect>,
    /// Scenarios that did not apply to this graph.
    pub scenarios_skipped: Vec<ScenarioSkipped>,
    /// Every actor left out of the pool, with why.
    pub left_out: Vec<LeftOutFacts>,
    /// The data's caveats.
    pub caveats: Caveats,
}

impl Briefing {
    /// The partner with id `id`, if the briefing covers it.
    pub fn partner(&self, id: &ActorId) -> Option<&PartnerFacts> {
        self.partners.iter().find(|p| p.partner.id == *id)
    }

    /// Why `id` is not in the pool, if it is left out.
    pub fn left_out(&self, id: &ActorId) -> Option<&LeftOutFacts> {
        self.left_out.iter().find(|x| x.id == *id)
    }
}

/// Computes a briefing: the ranking, its robustness and structural check, the messengers, the
/// scenarios' effects and every partner's facts (module docs).
///
/// Each scenario is applied on its own to a copy of the graph and compared with it; one that
/// does not apply (an actor the graph lacks) is listed in `scenarios_skipped` with the error.
///
/// # Errors
/// As [`suggest`](super::suggest::suggest), [`robustness`], [`structural`] and [`assign`] on the
/// question.
///
/// # Complexity
/// One robustness run of `samples` suggestions, the structural check (about 20 suggestions),
/// two suggestions per scenario, and `|S| · partners` best-path searches for the routes.
///
/// # Examples
/// ```
/// use leverage::analysis::briefing::{briefing, BriefingParams};
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let mut params = BriefingParams::new(SuggestParams::outreach_letter(&graph)?, "signatories");
/// params.samples = 50;
/// let b = briefing(&graph, &params)?;
/// assert_eq!(b.partners.len(), 10);
/// // Every partner has a messenger among the sources.
/// assert!(b.partners.iter().all(|p| p.messenger.as_ref().is_some_and(|m| b.question.sources.contains(&m.id))));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn briefing(graph: &InfluenceGraph, params: &BriefingParams) -> Result<Briefing> {
    let mut sp = params.suggest.clone();
    // Every ranked partner's spread is kept, so that `explain` can report any of them.
    sp.top = None;
    let mut rp = RobustnessParams::new(sp.clone(), params.samples, params.seed);
    rp.top_k = params.top_k;
    let mut rob = robustness(graph, &rp, None)?;
    rob.structural = Some(structural(graph, &sp, params.top_k)?);
    let ranked = rob.deterministic.partners.len();
    let mut ranking = rob.deterministic.clone();
    ranking
        .partners
        .truncate(params.partners.unwrap_or(usize::MAX));
    rob.deterministic.partners.clear();

    let mut ap = AssignParams::new(sp.clone());
    ap.partners = ranking.partners.len().max(1);
    ap.max_per_messenger = params.max_per_messenger;
    let assignment = assign(graph, &ap)?;

    let (scenarios, scenarios_skipped) = scenario_effects(graph, &sp, &params.scenarios)?;
    let target = &sp.target;
    let partners: Vec<PartnerFacts> = ranking
        .partners
        .iter()
        .map(|p| PartnerFacts {
            partner: p.clone(),
            spread: rob.partners.iter().find(|s| s.id == p.id).cloned(),
            messenger: assignment
                .assignments
                .iter()
                .find(|a| a.partner == p.id)
                .map(|a| Messenger {
                    id: a.messenger.clone(),
                    name: a.messenger_name.clone(),
                    leverage: a.leverage,
                    best: a.best_messenger.clone(),
                    capped: a.capped,
                }),
            dependence: dependence(graph, &p.id, target),
            stance: p.stance,
            signals: signals(graph, &p.id, target),
            routes: routes(graph, &sp, &p.id, params.routes),
            scenarios: moves(&scenarios, &p.id),
        })
        .collect();
    let caveats = caveats(graph, &ranking, &partners, params.top_k);
    let left_out = ranking
        .pool
        .left_out
        .iter()
        .map(|x| LeftOutFacts {
            id: x.id.clone(),
            name: graph
                .actor_by_id(x.id.as_str())
                .map_or_else(|| x.id.to_string(), |a| a.name.clone()),
            reason: x.reason,
            evidence: (x.reason == LeftOut::Pressing)
                .then(|| {
                    graph
                        .actor_by_id(x.id.as_str())
                        .and_then(|a| a.stance_toward(target))
                        .and_then(|s| s.get(Signal::Sanctions))
                        .map(|f| sourced(graph, f))
                })
                .flatten(),
        })
        .collect();
    let target_name = graph
        .actor_by_id(target.as_str())
        .map_or_else(|| target.to_string(), |a| a.name.clone());
    Ok(Briefing {
        title: graph.meta.title.clone(),
        date: graph.meta.date.clone(),
        question: Question {
            sources: ranking.sources.clone(),
            sources_name: params.sources_name.clone(),
            target: target.clone(),
            target_name,
        },
        ranking,
        ranked,
        robustness: rob,
        rank_percentiles: RANK_PERCENTILES,
        messengers: loads(&assignment),
        assignment,
        partners,
        scenarios,
        scenarios_skipped,
        left_out,
        caveats,
    })
}

/// Each messenger of `plan` with its partners, most partners first.
fn loads(plan: &AssignmentPlan) -> Vec<MessengerLoad> {
    let mut out: Vec<MessengerLoad> = Vec::new();
    for a in &plan.assignments {
        match out.iter_mut().find(|m| m.id == a.messenger) {
            Some(m) => m.partners.push(a.partner.clone()),
            None => out.push(MessengerLoad {
                id: a.messenger.clone(),
                name: a.messenger_name.clone(),
                partners: vec![a.partner.clone()],
            }),
        }
    }
    // Stable: equal loads keep the order of their first partner.
    out.sort_by_key(|m| std::cmp::Reverse(m.partners.len()));
    out
}

/// `fig` with its citations rendered.
fn sourced(graph: &InfluenceGraph, fig: &Figure) -> SourcedFigure {
    let (cite, by, title) = citations(graph, &fig.cite);
    SourcedFigure {
        value: fig.value,
        range: fig.range,
        year: fig.year,
        basis: fig.basis,
        source: fig.source.to_string(),
        cite,
        by,
        title,
    }
}

/// The citations of `cite`, each in one line; who published the first in a few words; and the
/// first's title up to its first colon.
pub(crate) fn citations(graph: &InfluenceGraph, cite: &Cite) -> (Vec<String>, String, String) {
    let (mut by, mut title) = (String::new(), String::new());
    let lines = cite
        .ids()
        .map(|id| match graph.citations.get(id) {
            Some(c) => {
                if by.is_empty() {
                    let who = c.via.as_deref().unwrap_or(&c.publisher);
                    by = who
                        .split([';', ',', '('])
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_owned();
                    title = c
                        .title
                        .split(':')
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_owned();
                }
                c.render()
            }
            None => id.to_owned(),
        })
        .collect();
    (lines, by, title)
}

/// The target's dependence on `partner`, channel by channel, with the partner's rank among the
/// target's partners on each channel.
fn dependence(graph: &InfluenceGraph, partner: &ActorId, target: &ActorId) -> Vec<Dependence> {
    let (Some(p), Some(t)) = (graph.node(partner), graph.node(target)) else {
        return Vec::new();
    };
    let Some(tie) = graph.tie(p, t) else {
        return Vec::new();
    };
    let fams = graph.family_table();
    let stance = graph.actor(p).stance_toward(target);
    let mut out: Vec<Dependence> = tie
        .channels
        .iter()
        .map(|(c, fig)| {
            // Every value of this channel on a tie into the target, to rank the partner.
            let values: Vec<f64> = graph
                .ties()
                .filter(|(_, _, to, _)| *to == t)
                .filter_map(|(_, _, _, other)| other.channels.get(c.as_str()).map(|f| f.value))
                .collect();
            let applied = stance.map_or(0.0, |s| s.applied(fams.is_diplomatic(c)));
            Dependence {
                channel: c.to_string(),
                figure: sourced(graph, fig),
                unapplied: fig.value * (1.0 - applied).clamp(0.0, 1.0),
                rank: 1 + values.iter().filter(|&&v| v > fig.value).count(),
                of: values.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.unapplied
            .total_cmp(&a.unapplied)
            .then(b.figure.value.total_cmp(&a.figure.value))
            .then_with(|| a.channel.cmp(&b.channel))
    });
    out
}

/// `partner`'s stance signals towards `target`, with their sources.
fn signals(graph: &InfluenceGraph, partner: &ActorId, target: &ActorId) -> Vec<StanceFact> {
    graph
        .actor_by_id(partner.as_str())
        .and_then(|a| a.stance_toward(target))
        .map(|s| {
            s.signals()
                .map(|(signal, f)| StanceFact {
                    signal,
                    figure: sourced(graph, f),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The best route from each source to `partner` (avoiding the target, within the reach leg's
/// hop budget), the `n` strongest.
fn routes(
    graph: &InfluenceGraph,
    sp: &SuggestParams,
    partner: &ActorId,
    n: usize,
) -> Vec<ExplainedPath> {
    let mut out: Vec<ExplainedPath> = sp
        .sources
        .iter()
        .filter_map(|s| {
            let mut pp = PathsParams::new(s.clone(), partner.clone());
            pp.max_hops = Some(sp.max_hops.saturating_sub(1).max(1));
            pp.avoid = vec![sp.target.clone()];
            pp.distance = sp.distance;
            pp.strength = sp.strength.clone();
            paths(graph, &pp).ok()?.paths.into_iter().next()
        })
        .collect();
    out.sort_by(|a, b| {
        b.leverage
            .total_cmp(&a.leverage)
            .then_with(|| a.nodes.cmp(&b.nodes))
    });
    out.truncate(n);
    out
}

/// Each scenario on its own, compared with the graph.
fn scenario_effects(
    graph: &InfluenceGraph,
    sp: &SuggestParams,
    scenarios: &[Scenario],
) -> Result<(Vec<ScenarioEffect>, Vec<ScenarioSkipped>)> {
    let mut params = sp.clone();
    params.top = None;
    params.judgement_share = false;
    let mut effects = Vec::new();
    let mut skipped = Vec::new();
    for s in scenarios {
        match apply_all(graph, std::slice::from_ref(s)) {
            Ok((after, mut outcomes)) => {
                let c = compare(graph, &after, Vec::new(), &params)?;
                let outcome = outcomes.pop();
                effects.push(ScenarioEffect {
                    title: s.doc.title.clone(),
                    file: s.file.clone(),
                    description: s.doc.description.clone(),
                    assumptions: s.doc.assumptions.clone(),
                    edits: outcome.map(|o| o.edits).unwrap_or_default(),
                    changes: c.changes,
                });
            }
            Err(e) => skipped.push(ScenarioSkipped {
                title: s.doc.title.clone(),
                file: s.file.clone(),
                why: e.to_string(),
            }),
        }
    }
    Ok((effects, skipped))
}

/// What each scenario changes for `id`: its score or its rank.
fn moves(effects: &[ScenarioEffect], id: &ActorId) -> Vec<ScenarioMove> {
    effects
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let c = e.changes.iter().find(|c| c.id == *id)?;
            let moved = c.rank_before != c.rank_after
                || (c.score_after - c.score_before).abs() > 1e-12 * c.score_before.abs().max(1e-12);
            moved.then(|| ScenarioMove {
                scenario: i,
                title: e.title.clone(),
                change: c.clone(),
            })
        })
        .collect()
}

/// The data's caveats for the briefing's partners.
fn caveats(
    graph: &InfluenceGraph,
    ranking: &PartnerRanking,
    partners: &[PartnerFacts],
    top_k: usize,
) -> Caveats {
    let weighted = |rows: &[PartnerFacts]| {
        let known: Vec<(f64, f64)> = rows
            .iter()
            .filter_map(|p| p.partner.judgement_share.map(|s| (p.partner.score, s)))
            .collect();
        let total: f64 = known.iter().map(|x| x.0).sum();
        (total > 0.0).then(|| known.iter().map(|(w, s)| w * s).sum::<f64>() / total)
    };
    let stale_before = crate::io::year_of(&graph.meta.date) - 2;
    let mut stale = Vec::new();
    for p in partners {
        let row = &p.partner;
        for leg in &row.legs {
            for tie in &leg.ties {
                for c in &tie.channels {
                    if c.year < stale_before {
                        stale.push(StaleFigure {
                            partner: row.id.clone(),
                            what: format!("{} -> {} {}", tie.from, tie.to, c.channel),
                            year: c.year,
                        });
                    }
                }
            }
        }
        for s in &p.signals {
            if s.figure.year < stale_before {
                stale.push(StaleFigure {
                    partner: row.id.clone(),
                    what: format!("{} stance {}", row.id, s.signal),
                    year: s.figure.year,
                });
            }
        }
    }
    let mut stale_kinds: Vec<StaleKind> = Vec::new();
    for x in &stale {
        let what = match x.what.split_once(" stance ") {
            Some((_, signal)) => format!("stance {signal}"),
            None => x.what.clone(),
        };
        match stale_kinds
            .iter_mut()
            .find(|k| k.what == what && k.year == x.year)
        {
            Some(k) => k.partners.push(x.partner.clone()),
            None => stale_kinds.push(StaleKind {
                what,
                year: x.year,
                partners: vec![x.partner.clone()],
            }),
        }
    }
    let k = top_k.min(partners.len());
    Caveats {
        judgement_share: weighted(partners),
        judgement_share_top_k: weighted(&partners[..k]),
        stale_before,
        stale,
        stale_kinds,
        stance_unknown: ranking.pool.stance_unknown.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse;

    fn five() -> InfluenceGraph {
        parse(include_str!("../../tests/fixtures/five.json"), "five.json").unwrap()
    }

    fn params(g: &InfluenceGraph) -> BriefingParams {
        let sources = g.group("signatories").unwrap().members.clone();
        let mut p = BriefingParams::new(SuggestParams::new(sources, "RUS".into()), "signatories");
        p.samples = 20;
        p
    }

    #[test]
    fn five_actor_briefing_by_hand() {
        // docs/MODEL.md section 12: TUR 0.0116 then IND 0.00666; Germany is the best messenger
        // of both (0.1 over TUR, the only source over IND at 0.02).
        let g = five();
        let b = briefing(&g, &params(&g)).unwrap();
        let ids: Vec<&str> = b.partners.iter().map(|p| p.partner.id.as_str()).collect();
        assert_eq!(ids, ["TUR", "IND"]);
        assert!((b.partners[0].partner.score - 0.0116).abs() < 1e-12);
        let m = b.partners[0].messenger.as_ref().unwrap();
        assert_eq!((m.id.as_str(), m.leverage), ("DEU", 0.1));
        // TUR -> RUS: trade 0.08 (rank 2 of 2 after India's 0.091), diplomacy 0.2 applied by
        // its UN alignment 1: unapplied 0, so trade comes first.
        let d = &b.partners[0].dependence;
        assert_eq!(d[0].channel, "trade");
        assert_eq!((d[0].rank, d[0].of), (2, 2));
        assert!((d[0].unapplied - 0.08).abs() < 1e-12);
        let dip = d.iter().find(|x| x.channel == "diplomacy").unwrap();
        assert_eq!(dip.unapplied, 0.0);
        // Routes: Germany's tie (0.1) before Austria's (0.05).
        let r: Vec<f64> = b.partners[0].routes.iter().map(|r| r.leverage).collect();
        assert_eq!(r, [0.1, 0.05]);
        // Judgement: TUR 0, IND 18.9% (section 12); weighted by score:
        // 0.00666 × 0.1892 / (0.0116 + 0.00666) = 0.0690.
        let share = b.caveats.judgement_share.unwrap();
        let ind = 1.0 - 0.0054 / 0.00666;
        assert!(
            (share - 0.00666 * ind / (0.0116 + 0.00666)).abs() < 1e-4,
            "{share}"
        );
        // The two sources and the target are left out.
        assert!(b.left_out(&"AUT".into()).is_some());
        assert_eq!(b.left_out(&"RUS".into()).unwrap().reason, LeftOut::Target);
    }

    #[test]
    fn a_scenario_that_does_not_apply_is_skipped_with_why() {
        let g = five();
        let mut p = params(&g);
        p.scenarios = crate::scenario::shipped::scenarios().unwrap();
        let b = briefing(&g, &p).unwrap();
        // The shipped scenarios name actors the five-actor graph lacks (CHN, BRA, USA...).
        assert!(!b.scenarios_skipped.is_empty());
        assert!(b.scenarios_skipped.iter().all(|s| !s.why.is_empty()));
    }

    #[test]
    fn the_india_agreement_moves_india_on_the_bundled_graph() {
        let g = crate::io::load(&crate::io::GraphSource::Bundled).unwrap();
        let mut p = BriefingParams::new(SuggestParams::outreach_letter(&g).unwrap(), "signatories");
        p.samples = 20;
        p.scenarios = crate::scenario::shipped::scenarios().unwrap();
        let b = briefing(&g, &p).unwrap();
        assert!(b.scenarios_skipped.is_empty(), "{:?}", b.scenarios_skipped);
        let ind = b.partner(&"IND".into()).unwrap();
        let fta = ind
            .scenarios
            .iter()
            .find(|m| m.title.contains("India"))
            .expect("the EU-India agreement changes India's row");
        // More EU trade and a new diplomacy channel raise the reach over India, so its score.
        assert!(fta.change.score_after > fta.change.score_before);
        // Pressing states come with their sanctions signal.
        let usa = b.left_out(&"USA".into()).unwrap();
        assert_eq!(usa.reason, LeftOut::Pressing);
        assert_eq!(usa.evidence.as_ref().unwrap().value, 1.0);
    }
}
