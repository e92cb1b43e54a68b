//! Which figures decide the answer (docs/MODEL.md, "Which figures decide the answer"): for
//! every figure of the graph (each channel figure of each tie, each stance signal towards the
//! target), the smallest change that alters `suggest`'s top k (as a set) or its #1, within the
//! figure's range or, marked as such, beyond it.
//!
//! With the default hop limit of 2 a partner's score is local: a figure on a tie `s -> P` from
//! a source moves only `P`'s reach, a figure on `P -> target` only `P`'s headroom, a stance
//! signal of `P` only its movability, its headroom and (sanctions) its place in the pool. Every
//! other partner keeps its score, and `P`'s score is monotone in the figure, so the answer
//! changes exactly where `P`'s score crosses a fixed neighbour's: bisection on the figure with
//! `P`'s score recomputed from its own ties, in O(|S| + c) per step. Longer hop limits let one
//! figure move several partners through third states; [`sensitivity`] then reruns the whole
//! ranking for every trial value (a grid, then bisection), and says so.

use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;
use super::suggest::{rank_partners, Coordination, Inputs, ScoreRule, Setup, SuggestParams};
use crate::error::{Error, Result};
use crate::model::strength::Families;
use crate::model::{
    ActorId, Basis, Channel, Figure, InfluenceGraph, Signal, Stance, StanceClass, Tie,
};

/// Figures from which the search runs in parallel.
pub const DEFAULT_PARALLEL_THRESHOLD: usize = 256;

/// Bisection stops when the bracket is this narrow (figures are shares in [0, 1]).
pub const TOLERANCE: f64 = 1e-12;

/// Trial values per direction before bisection, when the ranking is rerun (hop limit above 2).
pub const GRID: usize = 16;

/// Options of [`sensitivity`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SensitivityParams {
    /// The suggestion whose answer is tested (its `top` is ignored).
    pub suggest: SuggestParams,
    /// The `k` of the top k.
    pub top_k: usize,
    /// Figures from which the search runs in parallel.
    pub parallel_threshold: usize,
}

impl SensitivityParams {
    /// The top `top_k` of `suggest`.
    pub fn new(suggest: SuggestParams, top_k: usize) -> Self {
        SensitivityParams {
            suggest,
            top_k,
            parallel_threshold: DEFAULT_PARALLEL_THRESHOLD,
        }
    }
}

/// Which figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum FigureRef {
    /// A channel figure of the tie `from -> to`.
    Tie {
        /// The tie's holder.
        from: ActorId,
        /// The dependent actor.
        to: ActorId,
        /// The channel.
        channel: Channel,
    },
    /// A stance signal of `actor` towards the target.
    Stance {
        /// The actor.
        actor: ActorId,
        /// The signal.
        #[serde(serialize_with = "signal_name")]
        signal: Signal,
    },
}

fn signal_name<S: serde::Serializer>(s: &Signal, ser: S) -> std::result::Result<S::Ok, S::Error> {
    ser.serialize_str(s.name())
}

impl std::fmt::Display for FigureRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FigureRef::Tie { from, to, channel } => write!(f, "{from} → {to} {channel}"),
            FigureRef::Stance { actor, signal } => write!(f, "{actor} {signal}"),
        }
    }
}

/// What a figure moves in the score of the partner it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Term {
    /// The sources' reach over the partner (a tie from a source).
    Reach,
    /// The partner's headroom (its tie into the target).
    Headroom,
    /// The partner's stance: movability, headroom and, for sanctions, its place in the pool.
    Stance,
    /// Several partners at once (a path through a third state; hop limit above 2).
    Several,
}

/// The smallest change of one figure that alters one part of the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    /// The figure's value at which the answer changes (to within [`TOLERANCE`]).
    pub value: f64,
    /// `value - best estimate`.
    pub change: f64,
    /// `change / best estimate` (`None` when the estimate is 0).
    pub relative: Option<f64>,
    /// Whether `value` lies within the figure's range (a figure without a range has none).
    pub within_range: bool,
    /// `|change|` over the distance from the best estimate to the end of the range in the
    /// direction of the change: at most 1 within the range, 2 for a change twice the stated
    /// uncertainty (`None` without a range on that side).
    pub range_multiple: Option<f64>,
    /// For the top k: who leaves it and who enters; for the #1: the old #1 and the new.
    pub left: Vec<ActorId>,
    /// See `left`.
    pub entered: Vec<ActorId>,
}

/// One figure and the changes that alter the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FigureSensitivity {
    /// Which figure.
    pub figure: FigureRef,
    /// Its best estimate.
    pub value: f64,
    /// Its range, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// Its basis.
    pub basis: Basis,
    /// Its source text.
    pub source: String,
    /// Its year.
    pub year: i32,
    /// Its citations, each in one line.
    pub cite: Vec<String>,
    /// The partner whose score it moves (`None` with [`Term::Several`]).
    pub partner: Option<ActorId>,
    /// What it moves.
    pub term: Term,
    /// The smallest change that alters the top k as a set, if any within [0, 1].
    pub top_k: Option<Flip>,
    /// The smallest change that alters the #1, if any within [0, 1].
    pub first: Option<Flip>,
}

impl FigureSensitivity {
    /// The decisive flip: the smaller multiple of the figure's own range (within range first, a
    /// figure without a range on that side last), then the smaller relative change (a change
    /// from 0 after every other), then the smaller change.
    pub fn decisive(&self) -> Option<&Flip> {
        [&self.top_k, &self.first]
            .into_iter()
            .flatten()
            .min_by(|a, b| flip_order(a, b))
    }
}

fn flip_order(a: &Flip, b: &Flip) -> std::cmp::Ordering {
    let rel = |f: &Flip| f.relative.map_or(f64::INFINITY, f64::abs);
    let mult = |f: &Flip| f.range_multiple.unwrap_or(f64::INFINITY);
    b.within_range
        .cmp(&a.within_range)
        .then(mult(a).total_cmp(&mult(b)))
        .then(rel(a).total_cmp(&rel(b)))
        .then(a.change.abs().total_cmp(&b.change.abs()))
}

/// How many deciding figures of one basis there are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BasisCount {
    /// The basis.
    pub basis: Basis,
    /// Figures of that basis whose change within their range alters the answer.
    pub within_range: usize,
    /// Figures of that basis whose change anywhere in [0, 1] alters it.
    pub deciding: usize,
}

/// The result of [`sensitivity`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Sensitivity {
    /// Source ids.
    pub sources: Vec<ActorId>,
    /// Target id.
    pub target: ActorId,
    /// The k.
    pub top_k: usize,
    /// Hop limit.
    pub max_hops: usize,
    /// `local` (hop limit 2: one partner's score recomputed per trial) or `rerun` (the ranking
    /// rerun per trial).
    pub method: String,
    /// The top k at the best estimates, by rank.
    pub top: Vec<ActorId>,
    /// The first partner after the top k, if any.
    pub next: Option<ActorId>,
    /// Scores of the top k and of `next`.
    pub scores: Vec<f64>,
    /// Figures examined.
    pub figures: usize,
    /// Figures whose change in [0, 1] alters the top k or the #1, most decisive first.
    pub deciding: Vec<FigureSensitivity>,
    /// The same counts by basis.
    pub by_basis: Vec<BasisCount>,
}

/// A figure to examine, with what it concerns.
#[derive(Debug, Clone)]
struct Item {
    figure: FigureRef,
    fig: Figure,
    /// What it moves, and for whom (`None`: nothing at the hop limit 2).
    target: Option<Local>,
}

/// How one figure enters one partner's score (hop limit 2).
#[derive(Debug, Clone)]
enum Local {
    /// Channel `channel` of the tie from source number `source` to `partner`.
    Reach {
        partner: usize,
        source: usize,
        tie: Tie,
        channel: usize,
    },
    /// Channel `channel` of the partner's tie into the target.
    Headroom {
        partner: usize,
        tie: Tie,
        channel: usize,
    },
    /// A stance signal of the partner.
    Stance {
        partner: usize,
        stance: Box<Stance>,
        signal: Signal,
    },
}

/// Everything one partner's local score needs, at the best estimates.
struct Model<'g> {
    graph: &'g InfluenceGraph,
    net: Network,
    params: SuggestParams,
    setup: Setup,
    families: Vec<(Channel, Families)>,
    /// `reach_ties[p][i]`: strength of source `i`'s tie to `p` (0 if none).
    reach_ties: Vec<Vec<f64>>,
    headroom: Vec<f64>,
    movability: Vec<f64>,
    /// Left out of the pool only because it presses the target.
    could_enter: Vec<bool>,
    /// `(score, position)` of every ranked partner, best first.
    ranked: Vec<(f64, usize)>,
    k: usize,
}

impl Model<'_> {
    fn family(&self, c: &Channel) -> Families {
        self.families
            .iter()
            .find(|(x, _)| std::sync::Arc::ptr_eq(&x.0, &c.0) || x == c)
            .map_or(Families::MAX, |(_, f)| *f)
    }

    fn plain(&self, tie: &Tie) -> f64 {
        self.params
            .strength
            .strength_by(tie, &|c| self.family(c), |_, f| f.value)
    }

    /// The part of `tie` (into the target) that a holder of stance `stance` does not apply,
    /// as [`Inputs`] reads it.
    fn headroom_of(&self, tie: &Tie, stance: Option<&Stance>) -> f64 {
        let g = self.graph;
        self.params
            .strength
            .strength_by(tie, &|c| self.family(c), |c, f| {
                let diplomatic = g.family_name(c) == crate::model::strength::DIPLOMATIC_FAMILY;
                let applied = stance.map_or(0.0, |s| s.applied(diplomatic));
                f.value * (1.0 - applied).clamp(0.0, 1.0)
            })
    }

    /// `P`'s score from its parts, as [`rank_partners`] computes it at the hop limit 2; 0
    /// where it would not be ranked.
    fn score(&self, reach_ties: &[f64], headroom: f64, movability: f64) -> f64 {
        let mut miss = 1.0;
        let mut alone: Option<f64> = None;
        for &l in reach_ties {
            if l > 0.0 {
                miss *= 1.0 - l;
                if alone.is_none_or(|b| l > b) {
                    alone = Some(l);
                }
            }
        }
        let Some(alone) = alone else { return 0.0 };
        if headroom <= 0.0 {
            return 0.0;
        }
        let reach = match self.params.coordination {
            Coordination::Unison => 1.0 - miss,
            Coordination::Alone => alone,
        };
        reach * headroom * movability
    }

    /// The partner's score when the figure of `local` is `x` (0: not ranked).
    fn score_at(&self, local: &mut Local, x: f64) -> f64 {
        match local {
            Local::Reach {
                partner,
                source,
                tie,
                channel,
            } => {
                set_channel(tie, *channel, x);
                let mut r = self.reach_ties[*partner].clone();
                r[*source] = self.plain(tie);
                self.score(&r, self.headroom[*partner], self.movability[*partner])
            }
            Local::Headroom {
                partner,
                tie,
                channel,
            } => {
                set_channel(tie, *channel, x);
                let stance = self
                    .graph
                    .actor(self.net.node(*partner))
                    .stance_toward(&self.params.target);
                let h = self.headroom_of(tie, stance);
                self.score(&self.reach_ties[*partner], h, self.movability[*partner])
            }
            Local::Stance {
                partner,
                stance,
                signal,
            } => {
                if let Some(f) = stance.slot_mut(*signal).as_mut() {
                    f.value = x;
                }
                if !self.params.include_pressing && stance.class() == StanceClass::Presses {
                    return 0.0;
                }
                let m = self
                    .params
                    .movability
                    .movability_with(stance, |f| f.value)
                    .unwrap_or(1.0);
                let node = self.net.node(*partner);
                let t = self.net.node(self.setup.target);
                let h = self
                    .graph
                    .tie(node, t)
                    .map_or(0.0, |tie| self.headroom_of(tie, Some(stance)));
                self.score(&self.reach_ties[*partner], h, m)
            }
        }
    }

    /// Whether partner `p` with score `s` (0: unranked) is in the top k, and is the #1, with
    /// every other partner at its best estimate.
    fn place(&self, p: usize, s: f64) -> (bool, bool) {
        if s <= 0.0 {
            return (false, false);
        }
        // The others in rank order; `p` beats `(t, q)` on a higher score, or an equal one and
        // an earlier position.
        let beats = |&(t, q): &(f64, usize)| s > t || (s == t && p < q);
        let mut others = self.ranked.iter().filter(|(_, q)| *q != p);
        let first = others.clone().next().is_none_or(beats);
        let kth = others.nth(self.k - 1);
        (kth.is_none_or(beats), first)
    }

    /// Who leaves and enters the top k, and the #1 before and after, when `p` scores `s`.
    fn effect(&self, p: usize, s: f64) -> (Vec<usize>, Vec<usize>, Option<usize>) {
        let mut all: Vec<(f64, usize)> = self
            .ranked
            .iter()
            .copied()
            .filter(|(_, q)| *q != p)
            .collect();
        if s > 0.0 {
            all.push((s, p));
        }
        all.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let top: Vec<usize> = all.iter().take(self.k).map(|x| x.1).collect();
        let base: Vec<usize> = self.ranked.iter().take(self.k).map(|x| x.1).collect();
        let left = base.iter().copied().filter(|x| !top.contains(x)).collect();
        let entered = top.iter().copied().filter(|x| !base.contains(x)).collect();
        (left, entered, all.first().map(|x| x.1))
    }
}

fn set_channel(tie: &mut Tie, channel: usize, x: f64) {
    if let Some((_, f)) = tie.channels.iter_mut().nth(channel) {
        f.value = x;
    }
}

/// Finds, for every figure of the graph, the smallest change that alters the top `top_k` of
/// `params.suggest` as a set or its #1.
///
/// Each figure is moved up to 1 and down to 0 (figures are shares); in each direction where
/// the answer changes, bisection finds where, to within [`TOLERANCE`]; the smaller change of
/// the two directions is reported, with whether it stays within the figure's range. At the
/// hop limit 2 only the partner the figure concerns changes score, and its score is monotone
/// in the figure, so the answer changes exactly once per direction and the search is exact.
/// Above 2 a figure can move several partners, and every trial reruns the whole ranking: the
/// first change is located on a grid of [`GRID`] values per direction, then bisected, and a
/// change that reverts within one grid step can be missed.
///
/// The score must be [`ScoreRule::Outreach`]. Receptiveness figures (the `classic` score only)
/// are not examined.
///
/// # Errors
/// As [`crate::analysis::suggest::suggest`]; [`Error::InvalidParameter`] if `top_k` is 0 or
/// the score is `classic`.
///
/// # Complexity
/// Hop limit 2: one ranking, then O(F · log(1/ε) · (|S| + c)) for F figures, |S| sources, c
/// channels per tie and tolerance ε, over the available threads. Above: O(F · (G + log(1/ε)))
/// rankings, each as costly as one [`crate::analysis::suggest::suggest`].
///
/// # Examples
/// ```
/// use leverage::analysis::sensitivity::{sensitivity, SensitivityParams};
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let s = sensitivity(&graph, &SensitivityParams::new(SuggestParams::outreach_letter(&graph)?, 5))?;
/// assert_eq!(s.method, "local");
/// // The most decisive figure changes the answer at least as easily as any other.
/// let first = s.deciding[0].decisive().unwrap();
/// assert!(s.deciding.iter().all(|f| first.within_range || !f.decisive().unwrap().within_range));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn sensitivity(graph: &InfluenceGraph, params: &SensitivityParams) -> Result<Sensitivity> {
    if params.top_k == 0 {
        return Err(Error::InvalidParameter {
            name: "top_k".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    if params.suggest.score != ScoreRule::Outreach {
        return Err(Error::InvalidParameter {
            name: "score".into(),
            value: params.suggest.score.name().into(),
            expected: "the sensitivity is computed for the `outreach` score".into(),
        });
    }
    let mut sp = params.suggest.clone();
    sp.top = None;
    sp.judgement_share = false;
    let model = build(graph, &sp, params.top_k)?;
    let items = items(&model);
    let local = sp.max_hops == 2;
    let base_top: Vec<usize> = model
        .ranked
        .iter()
        .take(params.top_k)
        .map(|x| x.1)
        .collect();
    let base_first = model.ranked.first().map(|x| x.1);
    let parallel = items.len() >= params.parallel_threshold;
    let results: Vec<Option<FigureSensitivity>> = if local {
        let one = |it: &Item| examine_local(&model, it);
        if parallel {
            items.par_iter().map(one).collect()
        } else {
            items.iter().map(one).collect()
        }
    } else {
        let one =
            |g: &mut InfluenceGraph, it: &Item| examine_rerun(g, &model, it, &base_top, base_first);
        if parallel {
            items.par_iter().map_init(|| graph.clone(), one).collect()
        } else {
            let mut g = graph.clone();
            items.iter().map(|it| one(&mut g, it)).collect()
        }
    };
    let mut deciding: Vec<FigureSensitivity> = results.into_iter().flatten().collect();
    // Stable: equal figures stay in graph order.
    deciding.sort_by(|a, b| match (a.decisive(), b.decisive()) {
        (Some(x), Some(y)) => flip_order(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut by_basis: Vec<BasisCount> = Vec::new();
    for f in &deciding {
        let within = f.decisive().is_some_and(|x| x.within_range);
        match by_basis.iter_mut().find(|b| b.basis == f.basis) {
            Some(b) => {
                b.deciding += 1;
                b.within_range += usize::from(within);
            }
            None => by_basis.push(BasisCount {
                basis: f.basis,
                within_range: usize::from(within),
                deciding: 1,
            }),
        }
    }
    by_basis.sort_by(|a, b| a.basis.name().cmp(b.basis.name()));
    let id = |v: usize| graph.actor(model.net.node(v)).id.clone();
    Ok(Sensitivity {
        sources: model.setup.sources.iter().map(|&s| id(s)).collect(),
        target: id(model.setup.target),
        top_k: params.top_k,
        max_hops: sp.max_hops,
        method: if local { "local" } else { "rerun" }.to_owned(),
        top: base_top.iter().map(|&v| id(v)).collect(),
        next: model.ranked.get(params.top_k).map(|x| id(x.1)),
        scores: model
            .ranked
            .iter()
            .take(params.top_k + 1)
            .map(|x| x.0)
            .collect(),
        figures: items.len(),
        deciding,
        by_basis,
    })
}

/// The model at the best estimates.
fn build<'g>(graph: &'g InfluenceGraph, sp: &SuggestParams, k: usize) -> Result<Model<'g>> {
    let net = Network::new(graph, &sp.strength);
    let setup = Setup::new(graph, &net, sp)?;
    let inputs = Inputs::best_estimates(graph, &net, sp);
    let ranked: Vec<(f64, usize)> = rank_partners(&net, &setup, &inputs.view(), sp)
        .into_iter()
        .map(|r| (r.score, r.partner))
        .collect();
    let fams = graph.family_table();
    let families = graph
        .channels()
        .into_iter()
        .map(|c| {
            let f = fams.of(&c);
            (c, f)
        })
        .collect();
    let n = net.node_count();
    let target = setup.target;
    let reach_ties = (0..n)
        .map(|p| setup.sources.iter().map(|&s| net.strength(s, p)).collect())
        .collect();
    let headroom = (0..n)
        .map(|p| net.slot(p, target).map_or(0.0, |s| inputs.headroom[s]))
        .collect();
    let movability = inputs.movability.iter().map(|m| m.unwrap_or(1.0)).collect();
    // Left out only because it presses: not a source, the target, excluded or outside the
    // candidates.
    let mut open = vec![true; n];
    for &s in &setup.sources {
        open[s] = false;
    }
    open[target] = false;
    let pos = |a: &ActorId| graph.node(a).and_then(|x| net.position(x));
    for x in &sp.exclude {
        if let Some(p) = pos(x) {
            open[p] = false;
        }
    }
    if let Some(c) = &sp.candidates {
        let wanted: Vec<usize> = c.iter().filter_map(pos).collect();
        for (v, o) in open.iter_mut().enumerate() {
            *o &= wanted.contains(&v);
        }
    }
    let could_enter = (0..n).map(|v| open[v] && !setup.eligible[v]).collect();
    Ok(Model {
        graph,
        net,
        params: sp.clone(),
        setup,
        families,
        reach_ties,
        headroom,
        movability,
        could_enter,
        ranked,
        k,
    })
}

/// Every figure of the graph, in graph order (ties, then stance signals), with what it
/// concerns at the hop limit 2.
fn items(m: &Model<'_>) -> Vec<Item> {
    let g = m.graph;
    let net = &m.net;
    let target = m.setup.target;
    let source_index = |v: usize| m.setup.sources.iter().position(|&s| s == v);
    let mut out = Vec::new();
    for (_, f, t, tie) in g.ties() {
        let (pf, pt) = (net.position(f), net.position(t));
        for (ci, (c, fig)) in tie.channels.iter().enumerate() {
            let local = match (pf, pt) {
                (Some(a), Some(b)) if source_index(a).is_some() && m.setup.eligible[b] => {
                    Some(Local::Reach {
                        partner: b,
                        source: source_index(a).expect("checked"),
                        tie: tie.clone(),
                        channel: ci,
                    })
                }
                (Some(a), Some(b)) if b == target && m.setup.eligible[a] => Some(Local::Headroom {
                    partner: a,
                    tie: tie.clone(),
                    channel: ci,
                }),
                _ => None,
            };
            out.push(Item {
                figure: FigureRef::Tie {
                    from: g.actor(f).id.clone(),
                    to: g.actor(t).id.clone(),
                    channel: c.clone(),
                },
                fig: fig.clone(),
                target: local,
            });
        }
    }
    for (node, a) in g.actors() {
        let Some(stance) = a.stance_toward(&m.params.target) else {
            continue;
        };
        let p = net.position(node);
        for (signal, fig) in stance.signals() {
            let local = p
                .filter(|&p| {
                    m.setup.eligible[p] || (m.could_enter[p] && signal == Signal::Sanctions)
                })
                .map(|p| Local::Stance {
                    partner: p,
                    stance: Box::new(stance.clone()),
                    signal,
                });
            out.push(Item {
                figure: FigureRef::Stance {
                    actor: a.id.clone(),
                    signal,
                },
                fig: fig.clone(),
                target: local,
            });
        }
    }
    out
}

/// The figure's description with its citations rendered.
fn describe(m: &Model<'_>, it: &Item, partner: Option<usize>, term: Term) -> FigureSensitivity {
    FigureSensitivity {
        figure: it.figure.clone(),
        value: it.fig.value,
        range: it.fig.range,
        basis: it.fig.basis,
        source: it.fig.source.to_string(),
        year: it.fig.year,
        cite: it
            .fig
            .cite
            .ids()
            .map(|id| {
                m.graph
                    .citations
                    .get(id)
                    .map_or_else(|| id.to_owned(), crate::model::Citation::render)
            })
            .collect(),
        partner: partner.map(|p| m.graph.actor(m.net.node(p)).id.clone()),
        term,
        top_k: None,
        first: None,
    }
}

/// The first value from `from` towards `to` at which `changed` holds, by bisection, given
/// that it holds at `to` and not at `from` and flips once in between.
fn bisect(mut from: f64, mut to: f64, changed: &mut dyn FnMut(f64) -> bool) -> f64 {
    for _ in 0..200 {
        if (to - from).abs() <= TOLERANCE {
            break;
        }
        let mid = 0.5 * (from + to);
        if changed(mid) {
            to = mid;
        } else {
            from = mid;
        }
    }
    to
}

fn flip(m: &Model<'_>, fig: &Figure, value: f64, left: &[usize], entered: &[usize]) -> Flip {
    let id = |v: &usize| m.graph.actor(m.net.node(*v)).id.clone();
    let change = value - fig.value;
    let side = fig.range.map(|[lo, hi]| {
        if change > 0.0 {
            hi - fig.value
        } else {
            fig.value - lo
        }
    });
    Flip {
        value,
        change,
        relative: (fig.value != 0.0).then(|| change / fig.value),
        within_range: fig.range.is_some_and(|[lo, hi]| value >= lo && value <= hi),
        range_multiple: side.filter(|&d| d > 0.0).map(|d| change.abs() / d),
        left: left.iter().map(id).collect(),
        entered: entered.iter().map(id).collect(),
    }
}

/// The smaller of the two directions' flips.
fn nearer(a: Option<Flip>, b: Option<Flip>) -> Option<Flip> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.change.abs() < x.change.abs() {
            y
        } else {
            x
        }),
        (x, y) => x.or(y),
    }
}

fn examine_local(m: &Model<'_>, it: &Item) -> Option<FigureSensitivity> {
    let mut local = it.target.clone()?;
    let (p, term) = match &local {
        Local::Reach { partner, .. } => (*partner, Term::Reach),
        Local::Headroom { partner, .. } => (*partner, Term::Headroom),
        Local::Stance { partner, .. } => (*partner, Term::Stance),
    };
    let v = it.fig.value;
    let base = m.place(p, m.score_at(&mut local, v));
    let mut out = describe(m, it, Some(p), term);
    for which in [0usize, 1] {
        let pick = |placed: (bool, bool)| if which == 0 { placed.0 } else { placed.1 };
        let mut found: Option<Flip> = None;
        for end in [1.0, 0.0] {
            if end == v {
                continue;
            }
            let mut changed = |x: f64| pick(m.place(p, m.score_at(&mut local, x))) != pick(base);
            if !changed(end) {
                continue;
            }
            let x = bisect(v, end, &mut changed);
            let (left, entered, new_first) = m.effect(p, m.score_at(&mut local, x));
            let f = if which == 0 {
                flip(m, &it.fig, x, &left, &entered)
            } else {
                let old: Vec<usize> = m.ranked.first().map(|r| r.1).into_iter().collect();
                let new: Vec<usize> = new_first.into_iter().collect();
                flip(m, &it.fig, x, &old, &new)
            };
            found = nearer(found, Some(f));
        }
        if which == 0 {
            out.top_k = found;
        } else {
            out.first = found;
        }
    }
    (out.top_k.is_some() || out.first.is_some()).then_some(out)
}

/// Sets the figure of `it` in `g` to `x` (a share in [0, 1]), its range widened to hold `x`:
/// a trial may move a figure beyond its own range.
fn set_figure(g: &mut InfluenceGraph, it: &Item, x: f64, target: &ActorId) {
    let set = |f: &mut crate::model::Figure| {
        f.value = x;
        if let Some([lo, hi]) = f.range {
            f.range = Some([lo.min(x), hi.max(x)]);
        }
    };
    // The graph's rules hold for every x in [0, 1] with a range that holds it, so an update can
    // only be refused for a figure that is not there, which leaves the graph as it was.
    match &it.figure {
        FigureRef::Tie { from, to, channel } => {
            if let (Some(a), Some(b)) = (g.node(from), g.node(to)) {
                let _ = g.update_tie(a, b, |t| {
                    if let Some(f) = t.channels.get_mut(channel.as_str()) {
                        set(f);
                    }
                });
            }
        }
        FigureRef::Stance { actor, signal } => {
            if let Some(n) = g.node(actor) {
                let _ = g.update_actor(n, |a| {
                    if let Some(f) = a
                        .stance
                        .get_mut(target)
                        .and_then(|s| s.slot_mut(*signal).as_mut())
                    {
                        set(f);
                    }
                });
            }
        }
    }
}

/// The top k and the #1 of the ranking on `g`, by position.
fn rerank(g: &InfluenceGraph, m: &Model<'_>) -> (Vec<usize>, Option<usize>) {
    let net = Network::new(g, &m.params.strength);
    let Ok(setup) = Setup::new(g, &net, &m.params) else {
        return (Vec::new(), None);
    };
    let inputs = Inputs::best_estimates(g, &net, &m.params);
    let ranked = rank_partners(&net, &setup, &inputs.view(), &m.params);
    // A view keeps every actor in order, so positions match the model's.
    let top = ranked.iter().take(m.k).map(|r| r.partner).collect();
    (top, ranked.first().map(|r| r.partner))
}

fn examine_rerun(
    g: &mut InfluenceGraph,
    m: &Model<'_>,
    it: &Item,
    base_top: &[usize],
    base_first: Option<usize>,
) -> Option<FigureSensitivity> {
    let target = m.params.target.clone();
    let v = it.fig.value;
    let same = |a: &[usize], b: &[usize]| a.len() == b.len() && a.iter().all(|x| b.contains(x));
    let mut eval = |x: f64| -> (Vec<usize>, Option<usize>) {
        set_figure(g, it, x, &target);
        let r = rerank(g, m);
        set_figure(g, it, v, &target);
        r
    };
    let changes = |r: &(Vec<usize>, Option<usize>)| [!same(&r.0, base_top), r.1 != base_first];
    let mut found: [Option<Flip>; 2] = [None, None];
    for end in [1.0, 0.0] {
        if end == v {
            continue;
        }
        // The first grid step at which each part of the answer changes.
        let mut from = [v, v];
        let mut hit: [Option<f64>; 2] = [None, None];
        for i in 1..=GRID {
            #[allow(clippy::cast_precision_loss)]
            let x = v + (end - v) * i as f64 / GRID as f64;
            let c = changes(&eval(x));
            for w in 0..2 {
                if hit[w].is_none() {
                    if c[w] {
                        hit[w] = Some(x);
                    } else {
                        from[w] = x;
                    }
                }
            }
            if hit.iter().all(Option::is_some) {
                break;
            }
        }
        // Then bisection inside that step.
        for w in 0..2 {
            let Some(to) = hit[w] else { continue };
            let x = bisect(from[w], to, &mut |x| changes(&eval(x))[w]);
            let (top, first) = eval(x);
            let f = if w == 0 {
                let left: Vec<usize> = base_top
                    .iter()
                    .copied()
                    .filter(|a| !top.contains(a))
                    .collect();
                let entered: Vec<usize> = top
                    .iter()
                    .copied()
                    .filter(|a| !base_top.contains(a))
                    .collect();
                flip(m, &it.fig, x, &left, &entered)
            } else {
                let old: Vec<usize> = base_first.into_iter().collect();
                let new: Vec<usize> = first.into_iter().collect();
                flip(m, &it.fig, x, &old, &new)
            };
            found[w] = nearer(found[w].take(), Some(f));
        }
    }
    let [top_k, first] = found;
    if top_k.is_none() && first.is_none() {
        return None;
    }
    let mut out = describe(m, it, None, Term::Several);
    out.top_k = top_k;
    out.first = first;
    Some(out)
}

#[cfg(test)]
#[path = "tests/sensitivity_tests.rs"]
mod tests;
