//! Partner suggestions (docs/MODEL.md, "Which partners to approach"): which partners the sources
//! should approach to press the target. A partner is worth approaching for the pressure it could
//! add and does not apply yet (`headroom`), weighed by the sources' levers over it (`reach`) and
//! by how far it can be moved (`movability`): `score = reach × headroom × movability`. Each row
//! is explained by its best path, its levers and how much of it rests on judgement.

use serde::Serialize;

use super::network::{Direction, Network};
use super::paths::{explain, shortest_tree_with_costs, ExplainedPath, NetPath, ShortestTree};
use crate::error::{Error, Result};
use crate::model::strength::noisy_or;
use crate::model::{
    ActorId, Basis, BasisSet, Channel, Distance, Fact, InfluenceGraph, MovabilityRule, StanceClass,
    StrengthRule,
};

/// Default hop limit of a partner's whole path, source to target: the question's own shape,
/// source -> partner -> target (docs/MODEL.md, "Hop limit").
pub const DEFAULT_MAX_HOPS: usize = 2;

/// Longest path a partner analysis accepts, in ties.
pub const MAX_HOPS: usize = 8;

/// How the sources' leverage over a partner combines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coordination {
    /// Acting together: `reach = 1 - prod_s (1 - L(s -> P))` (noisy-OR over sources).
    #[default]
    Unison,
    /// Acting alone: `reach = max_s L(s -> P)`, the best single source.
    Alone,
}

/// Which score ranks the partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ScoreRule {
    /// `reach × headroom × movability`: the pressure a partner could add and does not apply
    /// yet, weighed by the levers over it and how far it can be moved. The default.
    #[default]
    Outreach,
    /// Version 1's `reach × pull × receptiveness`, kept for comparison: it rewards states that
    /// already press the target and already vote with the EU.
    Classic,
}

impl ScoreRule {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ScoreRule::Outreach => "outreach",
            ScoreRule::Classic => "classic",
        }
    }
}

/// Options of [`suggest`]: the question (who presses whom, which partners may be suggested) and
/// how the model reads the graph.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SuggestParams {
    /// The sources (the messengers).
    pub sources: Vec<ActorId>,
    /// The target.
    pub target: ActorId,
    /// Restrict candidates to these actors (`None`: every actor but sources and target).
    pub candidates: Option<Vec<ActorId>>,
    /// Never suggest these actors.
    pub exclude: Vec<ActorId>,
    /// Whether actors that already press the target (stance `presses`) may be suggested.
    pub include_pressing: bool,
    /// How many partners to return (`None`: all with a positive score).
    pub top: Option<usize>,
    /// Unison or alone.
    pub coordination: Coordination,
    /// Path cost used to choose best paths.
    pub distance: Distance,
    /// Hop limit of the whole path source -> ... -> partner -> ... -> target, at least 2.
    pub max_hops: usize,
    /// How tie strengths are computed.
    pub strength: StrengthRule,
    /// Which score ranks the partners.
    pub score: ScoreRule,
    /// How stance signals give movability.
    pub movability: MovabilityRule,
    /// Whether to compute how much of each score rests on judgement (one more ranking, on the
    /// graph without judgement figures).
    pub judgement_share: bool,
}

impl SuggestParams {
    /// The question "which partners should `sources` approach to press `target`", with the
    /// model's defaults.
    pub fn new(sources: Vec<ActorId>, target: ActorId) -> Self {
        SuggestParams {
            sources,
            target,
            candidates: None,
            exclude: Vec::new(),
            include_pressing: false,
            top: None,
            coordination: Coordination::Unison,
            distance: Distance::Log,
            max_hops: DEFAULT_MAX_HOPS,
            strength: StrengthRule::default(),
            score: ScoreRule::Outreach,
            movability: MovabilityRule::default(),
            judgement_share: true,
        }
    }

    /// The bundled graph's question: the `signatories` group pressing `RUS`, with EU members
    /// and Ukraine left out, on any graph that has them.
    ///
    /// # Errors
    /// [`Error::UnknownName`] if the graph has no `signatories` group or no `RUS`.
    pub fn outreach_letter(graph: &InfluenceGraph) -> Result<Self> {
        let group = graph
            .group("signatories")
            .ok_or_else(|| Error::UnknownName {
                context: "sources: ".into(),
                name: "signatories".into(),
                suggestions: Vec::new(),
            })?;
        let target = graph
            .actor_by_id("RUS")
            .map(|a| a.id.clone())
            .ok_or_else(|| Error::UnknownName {
                context: "target: ".into(),
                name: "RUS".into(),
                suggestions: Vec::new(),
            })?;
        let mut p = SuggestParams::new(group.members.clone(), target);
        p.exclude = graph
            .group("EU")
            .map(|g| g.members.clone())
            .unwrap_or_default();
        if let Some(u) = graph.actor_by_id("UKR") {
            p.exclude.push(u.id.clone());
        }
        Ok(p)
    }
}

/// Why an actor is not a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LeftOut {
    /// One of the sources.
    Source,
    /// The target.
    Target,
    /// It already presses the target (stance `presses`).
    Pressing,
    /// Excluded by the question.
    Excluded,
    /// Not among the candidates asked for.
    NotCandidate,
}

/// An actor that may not be suggested, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct LeftOutActor {
    /// The actor.
    pub id: ActorId,
    /// Why.
    pub reason: LeftOut,
}

/// Who may be suggested, and who was left out and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Pool {
    /// Every actor left out, with the first reason that applies (in [`LeftOut`] order).
    pub left_out: Vec<LeftOutActor>,
    /// Candidates whose stance towards the target is unknown: their headroom counts every
    /// channel as unapplied and their movability as 1, which the output says.
    pub stance_unknown: Vec<ActorId>,
}

/// A lever the sources hold over a partner: one channel of one source's direct tie to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Lever {
    /// The source holding it.
    pub source: ActorId,
    /// The channel.
    pub channel: Channel,
    /// The channel's figure value.
    pub value: f64,
    /// Its basis.
    pub basis: Basis,
    /// Its source text.
    pub about: String,
}

/// One suggested partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Partner {
    /// 1-based rank.
    pub rank: usize,
    /// Actor id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// The score the ranking uses.
    pub score: f64,
    /// The sources' leverage over the partner, combined as asked (unison or alone).
    pub reach: f64,
    /// Reach acting together (noisy-OR over sources).
    pub reach_unison: f64,
    /// Reach of the best single source.
    pub reach_alone: f64,
    /// The partner's leverage over the target (the target's dependence on it: sensitivity).
    pub pull: f64,
    /// The part of the pull the partner does not apply yet.
    pub headroom: f64,
    /// How far the sources can move the partner (`None`: stance unknown, counted as 1).
    pub movability: Option<f64>,
    /// The partner's stance class towards the target.
    pub stance: StanceClass,
    /// Version 1's receptiveness (used by the `classic` score; 1 when absent).
    pub receptiveness: f64,
    /// Share of the score that rests on judgement figures: `1 - score without them / score`
    /// (`None` when not computed, or when a figure behind the row has an unknown basis).
    pub judgement_share: Option<f64>,
    /// Share of the sources' best-path leverage over the target that passes through the partner.
    pub brokerage: f64,
    /// The source with the strongest leverage over the partner.
    pub messenger: ActorId,
    /// Best path messenger -> ... -> partner -> ... -> target.
    pub path: Vec<ActorId>,
    /// Actors on the path that are neither a source, the partner nor the target (a path
    /// through them asks them to press the next actor).
    pub via: Vec<ActorId>,
    /// The two legs explained tie by tie: reach (messenger to partner) and pull (partner to
    /// target).
    pub legs: Vec<ExplainedPath>,
    /// The sources' direct levers over the partner, strongest first (at most five).
    pub levers: Vec<Lever>,
    /// Agreements between the sources and the partner.
    pub agreements: Vec<Fact>,
    /// What the partner asks for.
    pub concerns: Vec<Fact>,
}

/// The result of [`suggest`]: the partners ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PartnerRanking {
    /// Source actor ids.
    pub sources: Vec<ActorId>,
    /// Target actor id.
    pub target: ActorId,
    /// The score used.
    pub score: ScoreRule,
    /// Coordination used.
    pub coordination: Coordination,
    /// Distance used.
    pub distance: Distance,
    /// Hop limit of the whole path.
    pub max_hops: usize,
    /// The channel combination used.
    pub combine: crate::model::Combine,
    /// The movability weights used.
    pub movability: MovabilityRule,
    /// Who was left out, and candidates of unknown stance.
    pub pool: Pool,
    /// Partners by rank (score descending, ties broken by file order).
    pub partners: Vec<Partner>,
}

/// Ranks partners for `params.sources` against `params.target` (docs/MODEL.md, "Which partners
/// to approach").
///
/// For each candidate `P`, with its best path split into a reach leg (source to `P`, avoiding
/// the target) and a pull leg (`P` to the target, avoiding the sources) of at most
/// `params.max_hops` ties together:
/// - `reach(P)` combines the sources' best-path leverage over `P` (unison or alone);
/// - `pull(P)` is `P`'s best-path leverage over the target;
/// - `headroom(P)` is the same on ties into the target read as the part of each channel the
///   tie's holder does not apply yet (its sanctions, and for diplomacy its UN alignment);
/// - `movability(P)` comes from `P`'s stance signals ([`MovabilityRule`]);
/// - `score = reach × headroom × movability` (or `reach × pull × receptiveness` with
///   [`ScoreRule::Classic`]); the split of the hops between the legs is the one that scores
///   best.
///
/// Candidates are every actor but the sources, the target, `exclude`, and (unless
/// `include_pressing`) the actors whose stance is `presses`.
///
/// # Errors
/// [`Error::UnknownName`] for ids not in the graph; [`Error::InvalidParameter`] if there are no
/// sources, the target is among them, `top` is 0 or `max_hops` is outside 2..=[`MAX_HOPS`].
///
/// # Complexity
/// O(H · (|S| + 2) · H (|V| + |E|)) for hop limit H and |S| sources (one hop-limited search per
/// source and split), plus O(|V| log |V|) to sort; twice with the judgement share.
///
/// # Examples
/// ```
/// use leverage::analysis::suggest::{suggest, SuggestParams};
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let ranking = suggest(&graph, &SuggestParams::outreach_letter(&graph)?)?;
/// // No state that already sanctions Russia is suggested.
/// assert!(ranking.partners.iter().all(|p| p.stance != leverage::model::StanceClass::Presses));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn suggest(graph: &InfluenceGraph, params: &SuggestParams) -> Result<PartnerRanking> {
    let net = Network::new(graph, &params.strength);
    let setup = Setup::new(graph, &net, params)?;
    let inputs = Inputs::best_estimates(graph, &net, params);
    let mut ranked = rank_partners(&net, &setup, &inputs.view(), params);
    if let Some(top) = params.top {
        ranked.truncate(top);
    }
    let shares = if params.judgement_share && !ranked.is_empty() {
        Some(judgement_scores(graph, &setup, params))
    } else {
        None
    };
    let brokerage = brokerage(&net, &setup, params);
    let id = |v: usize| graph.actor(net.node(v)).id.clone();
    let partners = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let actor = graph.actor(net.node(r.partner));
            let mut legs: Vec<ExplainedPath> = [&r.reach_path, &r.pull_path]
                .into_iter()
                .map(|p| explain(graph, &net, p, &params.strength))
                .collect();
            // A tie into the target also says how much of it, channel by channel, its holder
            // does not apply yet; its channels are then ordered by that part.
            if params.score == ScoreRule::Outreach {
                let fams = graph.family_table();
                for (step, pair) in legs[1].ties.iter_mut().zip(r.pull_path.nodes.windows(2)) {
                    if pair[1] != setup.target {
                        continue;
                    }
                    step.headroom = net.slot(pair[0], pair[1]).map(|s| inputs.headroom[s]);
                    let holder = graph.actor(net.node(pair[0]));
                    let stance = holder.stance_toward(&params.target);
                    for c in &mut step.channels {
                        let diplomatic = fams.is_diplomatic(&Channel::from(c.channel.as_str()));
                        let applied = stance.map_or(0.0, |s| s.applied(diplomatic));
                        c.unapplied = Some(c.value * (1.0 - applied).clamp(0.0, 1.0));
                    }
                    step.channels.sort_by(|a, b| {
                        b.unapplied
                            .unwrap_or(0.0)
                            .total_cmp(&a.unapplied.unwrap_or(0.0))
                            .then_with(|| b.value.total_cmp(&a.value))
                            .then_with(|| a.channel.cmp(&b.channel))
                    });
                }
            }
            let mut path: Vec<ActorId> = r.reach_path.nodes.iter().map(|&v| id(v)).collect();
            path.extend(r.pull_path.nodes.iter().skip(1).map(|&v| id(v)));
            let via = path
                .iter()
                .filter(|a| **a != actor.id && **a != params.target && !params.sources.contains(a))
                .cloned()
                .collect();
            // The share is known only where every figure behind the row has a known basis.
            let bases_known = legs
                .iter()
                .flat_map(|l| &l.ties)
                .flat_map(|t| &t.channels)
                .all(|c| !c.basis.is_unknown())
                && actor
                    .stance_toward(&params.target)
                    .is_none_or(|s| s.signals().all(|(_, f)| !f.basis.is_unknown()));
            let judgement_share = shares.as_ref().filter(|_| bases_known).map(|s| {
                let without = s
                    .iter()
                    .find(|(a, _)| *a == actor.id)
                    .map_or(0.0, |(_, x)| *x);
                if r.score > 0.0 {
                    (1.0 - without / r.score).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            });
            let outreach = actor.outreach.clone().unwrap_or_default();
            Partner {
                rank: i + 1,
                id: actor.id.clone(),
                name: actor.name.clone(),
                score: r.score,
                reach: r.reach,
                reach_unison: r.reach_unison,
                reach_alone: r.reach_alone,
                pull: r.pull,
                headroom: r.headroom,
                movability: inputs.movability[r.partner],
                stance: inputs.stance[r.partner],
                receptiveness: inputs.receptiveness[r.partner],
                judgement_share,
                brokerage: brokerage[r.partner],
                messenger: id(r.messenger),
                path,
                via,
                legs,
                levers: levers(graph, &net, &setup, r.partner),
                agreements: outreach.agreements,
                concerns: outreach.concerns,
            }
        })
        .collect();
    Ok(PartnerRanking {
        sources: setup.sources.iter().map(|&s| id(s)).collect(),
        target: id(setup.target),
        score: params.score,
        coordination: params.coordination,
        distance: params.distance,
        max_hops: params.max_hops,
        combine: params.strength.combine,
        movability: params.movability,
        pool: setup.pool.clone(),
        partners,
    })
}

/// Every partner's score on the graph without judgement figures, by id.
///
/// The candidates of the full graph (its `setup`) stay the candidates: a partner whose stance
/// rests on a judgement signal does not join or leave the pool. A view keeps every actor in
/// order, so positions are the same in both networks.
fn judgement_scores(
    graph: &InfluenceGraph,
    setup: &Setup,
    params: &SuggestParams,
) -> Vec<(ActorId, f64)> {
    let (checked, _) = graph.with_bases(BasisSet::ALL.without(Basis::Judgement));
    let net = Network::new(&checked, &params.strength);
    let mut p = params.clone();
    p.judgement_share = false;
    let inputs = Inputs::best_estimates(&checked, &net, &p);
    rank_partners(&net, setup, &inputs.view(), &p)
        .into_iter()
        .map(|r| (checked.actor(net.node(r.partner)).id.clone(), r.score))
        .collect()
}

/// The sources' direct levers over `partner`: each channel of each source's tie to it,
/// strongest first, at most five.
fn levers(graph: &InfluenceGraph, net: &Network, setup: &Setup, partner: usize) -> Vec<Lever> {
    let p = net.node(partner);
    let mut out: Vec<Lever> = Vec::new();
    for &s in &setup.sources {
        let sn = net.node(s);
        if let Some(tie) = graph.tie(sn, p) {
            for (c, f) in tie.channels.iter() {
                out.push(Lever {
                    source: graph.actor(sn).id.clone(),
                    channel: c.clone(),
                    value: f.value,
                    basis: f.basis,
                    about: f.source.to_string(),
                });
            }
        }
    }
    out.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.channel.cmp(&b.channel))
    });
    out.truncate(5);
    out
}

/// Brokerage of every position: the share of `sum_s L(s -> target)` (each source's best path
/// within the hop limit, no avoidance) whose best path passes through it.
fn brokerage(net: &Network, setup: &Setup, params: &SuggestParams) -> Vec<f64> {
    let n = net.node_count();
    let costs = net.costs(params.distance, Direction::Forward);
    let mut through = vec![0.0f64; n];
    let mut total = 0.0;
    for &s in &setup.sources {
        let tree = shortest_tree_with_costs(
            net,
            &costs,
            s,
            Direction::Forward,
            Some(params.max_hops),
            &[],
        );
        if let Some(p) = tree
            .path(setup.target)
            .and_then(|p| NetPath::measure(net, p, params.distance))
        {
            total += p.leverage;
            for &v in &p.nodes[1..p.nodes.len() - 1] {
                through[v] += p.leverage;
            }
        }
    }
    if total > 0.0 {
        for x in &mut through {
            *x /= total;
        }
    }
    through
}

/// The resolved question on network positions: sources, target, and which actors may be
/// suggested.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Setup {
    /// Source positions, in the order given.
    pub sources: Vec<usize>,
    /// Target position.
    pub target: usize,
    /// Whether each position may be suggested.
    pub eligible: Vec<bool>,
    /// Who was left out.
    pub pool: Pool,
}

impl Setup {
    /// Maps the question of `params` to positions of `net` (built from `graph`).
    ///
    /// # Errors
    /// As [`suggest`].
    pub fn new(graph: &InfluenceGraph, net: &Network, params: &SuggestParams) -> Result<Setup> {
        let pos = |a: &ActorId, field: &str| -> Result<usize> {
            graph
                .node(a)
                .and_then(|n| net.position(n))
                .ok_or_else(|| Error::UnknownName {
                    context: format!("{field}: "),
                    name: a.to_string(),
                    suggestions: crate::model::Resolver::new(graph).suggestions(a.as_str()),
                })
        };
        if params.sources.is_empty() {
            return Err(Error::InvalidParameter {
                name: "sources".into(),
                value: "[]".into(),
                expected: "at least one source is needed".into(),
            });
        }
        let mut sources = Vec::with_capacity(params.sources.len());
        for s in &params.sources {
            let p = pos(s, "sources")?;
            if !sources.contains(&p) {
                sources.push(p);
            }
        }
        let target = pos(&params.target, "target")?;
        if sources.contains(&target) {
            return Err(Error::InvalidParameter {
                name: "target".into(),
                value: params.target.to_string(),
                expected: "the target must not be one of the sources".into(),
            });
        }
        if params.top == Some(0) {
            return Err(Error::InvalidParameter {
                name: "top".into(),
                value: "0".into(),
                expected: "it must be at least 1".into(),
            });
        }
        if !(2..=MAX_HOPS).contains(&params.max_hops) {
            return Err(Error::InvalidParameter {
                name: "max_hops".into(),
                value: params.max_hops.to_string(),
                expected: format!(
                    "a partner's path, source -> partner -> target, has 2 to {MAX_HOPS} ties"
                ),
            });
        }
        let n = net.node_count();
        let mut reason: Vec<Option<LeftOut>> = vec![None; n];
        for &s in &sources {
            reason[s] = Some(LeftOut::Source);
        }
        reason[target] = Some(LeftOut::Target);
        if !params.include_pressing {
            for (v, r) in reason.iter_mut().enumerate() {
                let a = graph.actor(net.node(v));
                if r.is_none()
                    && a.stance_toward(&params.target)
                        .is_some_and(|s| s.class() == StanceClass::Presses)
                {
                    *r = Some(LeftOut::Pressing);
                }
            }
        }
        for x in &params.exclude {
            let p = pos(x, "exclude")?;
            if reason[p].is_none() {
                reason[p] = Some(LeftOut::Excluded);
            }
        }
        if let Some(c) = &params.candidates {
            let mut wanted = vec![false; n];
            for x in c {
                wanted[pos(x, "candidates")?] = true;
            }
            for v in 0..n {
                if !wanted[v] && reason[v].is_none() {
                    reason[v] = Some(LeftOut::NotCandidate);
                }
            }
        }
        let eligible: Vec<bool> = reason.iter().map(Option::is_none).collect();
        let id = |v: usize| graph.actor(net.node(v)).id.clone();
        let mut left_out: Vec<LeftOutActor> = reason
            .iter()
            .enumerate()
            .filter_map(|(v, r)| r.map(|reason| LeftOutActor { id: id(v), reason }))
            .collect();
        left_out.sort_by(|a, b| a.reason.cmp(&b.reason).then_with(|| a.id.cmp(&b.id)));
        let stance_unknown = (0..n)
            .filter(|&v| {
                eligible[v]
                    && graph
                        .actor(net.node(v))
                        .stance_toward(&params.target)
                        .is_none()
            })
            .map(id)
            .collect();
        Ok(Setup {
            sources,
            target,
            eligible,
            pool: Pool {
                left_out,
                stance_unknown,
            },
        })
    }
}

/// Per-actor and per-tie inputs of a ranking: tie strengths (plain and headroom) and each
/// actor's movability and receptiveness. Built from best estimates, or from a robustness draw.
#[derive(Debug, Clone)]
pub(crate) struct Inputs {
    /// Strength of every tie, in CSR order ([`Network::out_weights`]).
    pub plain: Vec<f64>,
    /// The part of every tie's strength not yet applied by its holder: equal to `plain` except
    /// on ties into the target.
    pub headroom: Vec<f64>,
    /// Movability by position (`None`: stance unknown).
    pub movability: Vec<Option<f64>>,
    /// Receptiveness by position (1 when absent).
    pub receptiveness: Vec<f64>,
    /// Stance class by position.
    pub stance: Vec<StanceClass>,
}

/// A borrowed view of [`Inputs`], as [`rank_partners`] reads them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InputsView<'a> {
    /// See [`Inputs::plain`].
    pub plain: &'a [f64],
    /// See [`Inputs::headroom`].
    pub headroom: &'a [f64],
    /// See [`Inputs::movability`].
    pub movability: &'a [Option<f64>],
    /// See [`Inputs::receptiveness`].
    pub receptiveness: &'a [f64],
}

impl Inputs {
    /// The inputs at every figure's best estimate.
    ///
    /// # Complexity
    /// O(|V| + |E| · c²) for c channels per tie.
    pub fn best_estimates(graph: &InfluenceGraph, net: &Network, params: &SuggestParams) -> Self {
        Self::drawn(graph, net, params, &mut |f| f.value)
    }

    /// The inputs with every figure read through `value` (a draw within its range).
    ///
    /// # Complexity
    /// As [`Inputs::best_estimates`].
    pub fn drawn(
        graph: &InfluenceGraph,
        net: &Network,
        params: &SuggestParams,
        value: &mut dyn FnMut(&crate::model::Figure) -> f64,
    ) -> Self {
        let fams = graph.family_table();
        let target = graph.node(&params.target).and_then(|n| net.position(n));
        let rule = &params.strength;
        let mut plain = Vec::with_capacity(net.edge_count());
        let mut headroom = Vec::with_capacity(net.edge_count());
        let edges = net.edge_indices();
        for v in 0..net.node_count() {
            let (to, _) = net.out_edges(v);
            let holder = graph.actor(net.node(v));
            let stance = holder.stance_toward(&params.target);
            let first = plain.len();
            for (k, &w) in to.iter().enumerate() {
                let tie = &graph.graph()[edges[first + k]];
                // Draw each figure once; both strengths read the same draw.
                let drawn: smallvec::SmallVec<[f64; 8]> =
                    tie.channels.values().map(&mut *value).collect();
                let at = |c: &Channel| {
                    tie.channels
                        .keys()
                        .position(|x| x == c)
                        .map_or(0.0, |i| drawn[i])
                };
                let p = rule.strength_by(tie, &|c| fams.of(c), |c, _| at(c));
                plain.push(p);
                if Some(w as usize) == target {
                    let h = rule.strength_by(tie, &|c| fams.of(c), |c, _| {
                        let applied = stance.map_or(0.0, |s| s.applied(fams.is_diplomatic(c)));
                        at(c) * (1.0 - applied).clamp(0.0, 1.0)
                    });
                    headroom.push(h);
                } else {
                    headroom.push(p);
                }
            }
        }
        let n = net.node_count();
        let mut movability = Vec::with_capacity(n);
        let mut receptiveness = Vec::with_capacity(n);
        let mut stance = Vec::with_capacity(n);
        for v in 0..n {
            let a = graph.actor(net.node(v));
            let s = a.stance_toward(&params.target);
            stance.push(s.map_or(StanceClass::Unknown, |s| s.class()));
            movability.push(s.and_then(|s| params.movability.movability_with(s, |f| value(f))));
            receptiveness.push(match (&a.receptiveness, s) {
                (Some(r), _) => value(r),
                (None, Some(s)) => s
                    .get(crate::model::Signal::UnAlignment)
                    .map_or(1.0, &mut *value),
                (None, None) => 1.0,
            });
        }
        Inputs {
            plain,
            headroom,
            movability,
            receptiveness,
            stance,
        }
    }

    /// A borrowed view.
    pub fn view(&self) -> InputsView<'_> {
        InputsView {
            plain: &self.plain,
            headroom: &self.headroom,
            movability: &self.movability,
            receptiveness: &self.receptiveness,
        }
    }
}

/// One partner's figures on network positions (the numeric core of [`suggest`], reused by the
/// robustness analysis and `assign`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartnerScore {
    /// Position of the partner.
    pub partner: usize,
    /// The score.
    pub score: f64,
    /// Reach as asked.
    pub reach: f64,
    /// Reach acting together.
    pub reach_unison: f64,
    /// Reach of the best single source.
    pub reach_alone: f64,
    /// Pull on the target (plain strengths) along the pull leg's hop budget.
    pub pull: f64,
    /// Headroom along the pull leg.
    pub headroom: f64,
    /// Position of the best single source.
    pub messenger: usize,
    /// Best path messenger -> partner (avoiding the target).
    pub reach_path: NetPath,
    /// Best path partner -> target (avoiding the sources), by the score's own strengths.
    pub pull_path: NetPath,
}

/// The product of `weights` (by CSR out-slot) along `nodes`; `None` if a pair has no tie.
fn leverage_on(net: &Network, weights: &[f64], nodes: &[usize]) -> Option<f64> {
    let mut l = 1.0;
    for pair in nodes.windows(2) {
        let slot = net.slot(pair[0], pair[1])?;
        l *= weights[slot];
    }
    Some(l)
}

/// The searches of one split of the hop budget: `pull_hops` ties for the pull leg, the rest for
/// reach.
struct Split {
    pull_hops: usize,
    /// Backward from the target on the score's pull strengths, avoiding the sources.
    pull: ShortestTree,
    /// Backward from the target on plain strengths (for the `pull` column).
    plain_pull: ShortestTree,
    /// Forward from each source, avoiding the target.
    reach: Vec<ShortestTree>,
}

/// Scores every eligible actor of `setup` on `net` with `inputs`, and ranks those with a
/// positive score (score descending, then position, which is file order).
///
/// # Complexity
/// As [`suggest`], without the judgement share.
pub(crate) fn rank_partners(
    net: &Network,
    setup: &Setup,
    inputs: &InputsView<'_>,
    params: &SuggestParams,
) -> Vec<PartnerScore> {
    let (sources, target) = (setup.sources.as_slice(), setup.target);
    let n = net.node_count();
    let d = params.distance;
    let h = params.max_hops.clamp(2, MAX_HOPS);
    let mut is_source = vec![false; n];
    for &s in sources {
        is_source[s] = true;
    }
    let mut ban_target = vec![false; n];
    ban_target[target] = true;
    let classic = params.score == ScoreRule::Classic;
    let pull_weights = if classic {
        inputs.plain
    } else {
        inputs.headroom
    };

    let cost_of = |w: &[f64], dir: Direction| -> Vec<f64> {
        let by_slot: Vec<f64> = w.iter().map(|&x| d.cost(x)).collect();
        match dir {
            Direction::Forward => by_slot,
            Direction::Backward => net.to_backward(&by_slot),
        }
    };
    let forward = cost_of(inputs.plain, Direction::Forward);
    let pull_back = cost_of(pull_weights, Direction::Backward);
    let plain_back = if classic {
        pull_back.clone()
    } else {
        cost_of(inputs.plain, Direction::Backward)
    };

    let splits: Vec<Split> = (1..h)
        .map(|pull_hops| Split {
            pull_hops,
            pull: shortest_tree_with_costs(
                net,
                &pull_back,
                target,
                Direction::Backward,
                Some(pull_hops),
                &is_source,
            ),
            plain_pull: shortest_tree_with_costs(
                net,
                &plain_back,
                target,
                Direction::Backward,
                Some(pull_hops),
                &is_source,
            ),
            reach: sources
                .iter()
                .map(|&s| {
                    shortest_tree_with_costs(
                        net,
                        &forward,
                        s,
                        Direction::Forward,
                        Some(h - pull_hops),
                        &ban_target,
                    )
                })
                .collect(),
        })
        .collect();

    let mut out = Vec::new();
    let mut buf = Vec::new();
    for p in 0..n {
        if !setup.eligible[p] {
            continue;
        }
        let factor = if classic {
            inputs.receptiveness[p]
        } else {
            inputs.movability[p].unwrap_or(1.0)
        };
        let mut best: Option<PartnerScore> = None;
        for split in &splits {
            let Some(score) = score_split(
                net,
                setup,
                inputs,
                pull_weights,
                split,
                p,
                factor,
                params,
                &mut buf,
            ) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| score.score > b.score) {
                best = Some(score);
            }
        }
        if let Some(b) = best.filter(|b| b.score > 0.0) {
            out.push(b);
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.partner.cmp(&b.partner)));
    out
}

/// The score of partner `p` under one split, with its legs; `None` if a leg is missing.
#[allow(clippy::too_many_arguments)]
fn score_split(
    net: &Network,
    setup: &Setup,
    inputs: &InputsView<'_>,
    pull_weights: &[f64],
    split: &Split,
    p: usize,
    factor: f64,
    params: &SuggestParams,
    buf: &mut Vec<usize>,
) -> Option<PartnerScore> {
    let d = params.distance;
    let mut pull_nodes = split.pull.path(p)?;
    let mut pull_lev = leverage_on(net, pull_weights, &pull_nodes)?;
    // Each source's leverage over the partner, combined by noisy-OR (acting together), and
    // the best single source (acting alone).
    let mut best: Option<(f64, usize)> = None;
    let unison = noisy_or(split.reach.iter().enumerate().filter_map(|(i, tree)| {
        if !tree.path_into(p, buf) {
            return None;
        }
        let l = leverage_on(net, inputs.plain, buf)?;
        if best.is_none_or(|(b, _)| l > b) {
            best = Some((l, i));
        }
        Some(l)
    }));
    let (alone, i) = best?;
    let reach_nodes = split.reach[i].path(p)?;
    // The two legs must form a simple path: if the pull leg runs back through an actor of the
    // reach leg, the pull is taken on paths avoiding those actors.
    let head = &reach_nodes[..reach_nodes.len() - 1];
    if pull_nodes[1..].iter().any(|v| head.contains(v)) {
        let mut ban = vec![false; net.node_count()];
        for &s in &setup.sources {
            ban[s] = true;
        }
        for &v in head {
            ban[v] = true;
        }
        let back: Vec<f64> =
            net.to_backward(&pull_weights.iter().map(|&x| d.cost(x)).collect::<Vec<_>>());
        let tree = shortest_tree_with_costs(
            net,
            &back,
            setup.target,
            Direction::Backward,
            Some(split.pull_hops),
            &ban,
        );
        pull_nodes = tree.path(p)?;
        pull_lev = leverage_on(net, pull_weights, &pull_nodes)?;
    }
    let plain_pull = split
        .plain_pull
        .path(p)
        .and_then(|nodes| leverage_on(net, inputs.plain, &nodes))
        .unwrap_or(0.0);
    let reach_sel = match params.coordination {
        Coordination::Unison => unison,
        Coordination::Alone => alone,
    };
    let score = reach_sel * pull_lev * factor;
    Some(PartnerScore {
        partner: p,
        score,
        reach: reach_sel,
        reach_unison: unison,
        reach_alone: alone,
        pull: plain_pull,
        headroom: pull_lev,
        messenger: setup.sources[i],
        reach_path: measured(net, inputs.plain, reach_nodes, d),
        pull_path: measured(net, pull_weights, pull_nodes, d),
    })
}

/// A node path with its leverage and cost on `weights` (by CSR out-slot).
fn measured(net: &Network, weights: &[f64], nodes: Vec<usize>, d: Distance) -> NetPath {
    let mut leverage = 1.0;
    let mut cost = 0.0;
    for pair in nodes.windows(2) {
        let w = net.slot(pair[0], pair[1]).map_or(0.0, |s| weights[s]);
        leverage *= w;
        cost += d.cost(w);
    }
    NetPath {
        nodes,
        cost,
        leverage,
    }
}

#[cfg(test)]
#[path = "tests/suggest_tests.rs"]
mod tests;
