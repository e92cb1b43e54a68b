//! Lifelines (docs/MODEL.md, "Lifelines"): which actors keep the target afloat, so that losing
//! them would cut its support most: the key-player question (Borgatti 2006) asked of the
//! target's dependence on the rest of the world.
//!
//! The target's **support** is the sum over the world of each actor's best-path leverage over
//! the target within the hop limit, with the tie into the target read as the part its holder
//! does not apply yet (its headroom, docs/MODEL.md section 6): the dependence that still flows.
//! A sum, not a noisy-OR: the target's ties add up to far more than 1, where a noisy-OR sits at
//! 99% and barely moves whoever is removed; the sum is the noisy-OR's first-order term, and each
//! actor's part in it is its own, so that removals interact only through paths. [`lifelines`] ranks the actors by how much the support falls when each is removed
//! alone (or its ties cut by a share), and removes them greedily, each step taking the actor
//! whose removal, given those already removed, cuts most. [`support`] is the measure itself on
//! a [`Network`].

use rayon::prelude::*;
use serde::Serialize;

use super::network::{Direction, Network};
use super::suggest::MAX_HOPS;
use crate::error::{Error, Result};
use crate::model::{ActorId, Basis, BasisSet, Combine, InfluenceGraph, StanceClass, StrengthRule};

/// Default number of greedy removals reported.
pub const DEFAULT_STEPS: usize = 10;

/// World size (actors) from which the removals of one step are evaluated in parallel: below
/// it, one evaluation (O(H |E|)) costs less than handing it to a thread.
pub const DEFAULT_PARALLEL_THRESHOLD: usize = 256;

/// Options of [`lifelines`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LifelinesParams {
    /// The actor whose support is measured.
    pub target: ActorId,
    /// Hop limit of a path into the target, in ties (default 2: an actor's own tie, or one
    /// third state between).
    pub max_hops: usize,
    /// How tie strengths are computed.
    pub strength: StrengthRule,
    /// Count the whole world, states that already press the target included, with every tie
    /// at its full strength: the target's whole dependence rather than the support that still
    /// flows. Default `false`: the non-pressing world, ties into the target at their headroom.
    pub include_pressing: bool,
    /// The share of an actor's ties that is cut, in (0, 1]; 1 (the default) removes it.
    pub cut: f64,
    /// How many greedy removals to make (at most the world's size).
    pub steps: usize,
    /// Measure the support through one channel family alone (`economic`: what keeps the
    /// target's economy afloat): ties into the target read in that family only. `None`: every
    /// family.
    pub family: Option<String>,
    /// World size from which one step's removals are evaluated in parallel.
    pub parallel_threshold: usize,
}

impl LifelinesParams {
    /// Lifelines of `target` with the model's defaults.
    pub fn new(target: ActorId) -> Self {
        LifelinesParams {
            target,
            max_hops: 2,
            strength: StrengthRule::default(),
            include_pressing: false,
            cut: 1.0,
            steps: DEFAULT_STEPS,
            family: None,
            parallel_threshold: DEFAULT_PARALLEL_THRESHOLD,
        }
    }
}

/// The support of the target through one channel family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilySupport {
    /// The family (`economic`, `security`, `diplomacy`...).
    pub family: String,
    /// The support through it: ties into the target read in that family alone.
    pub support: f64,
}

/// How much one family's support falls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyDrop {
    /// The family.
    pub family: String,
    /// Its support before less its support after.
    pub drop: f64,
}

/// One actor, removed alone (or its ties cut).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Lifeline {
    /// 1-based rank by `drop`.
    pub rank: usize,
    /// Actor id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// Its stance class towards the target.
    pub stance: StanceClass,
    /// Its best-path leverage over the target within the hop limit: its own part of the
    /// support.
    pub leverage: f64,
    /// Its own tie into the target, as read (0 if it has none).
    pub direct: f64,
    /// The target's support without it (or with its ties cut).
    pub support_without: f64,
    /// `support - support_without`: its own leverage, and what other actors lose of theirs
    /// because their paths ran through it.
    pub drop: f64,
    /// `drop - leverage` (cut): what other actors lose because their best paths ran through it
    /// (0 below rounding, `1e-12` of the support).
    pub through: f64,
    /// The same by family, in the order of [`Lifelines::families`].
    pub family_drops: Vec<FamilyDrop>,
    /// Share of the drop that rests on judgement figures: `1 - drop without them / drop`, in
    /// [0, 1] (`None` when a figure of the graph has an unknown basis).
    pub judgement_share: Option<f64>,
}

/// One greedy step: the actor whose removal, given those already removed, cuts most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GreedyStep {
    /// 1-based step.
    pub step: usize,
    /// Actor id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// The support once it and every earlier actor are removed.
    pub support_after: f64,
    /// How much this step cut (the marginal drop).
    pub drop: f64,
    /// How much the steps so far cut together.
    pub cumulative_drop: f64,
    /// Its rank removed alone.
    pub rank_alone: Option<usize>,
}

/// The result of [`lifelines`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Lifelines {
    /// Target id.
    pub target: ActorId,
    /// Hop limit used.
    pub max_hops: usize,
    /// The channel combination used.
    pub combine: Combine,
    /// Share of an actor's ties cut (1: removed).
    pub cut: f64,
    /// The one family measured, if asked for.
    pub family: Option<String>,
    /// Whether states that already press the target are counted, at full strength.
    pub include_pressing: bool,
    /// How many actors the world holds (every actor but the target, less the pressing states
    /// unless they are included).
    pub world: usize,
    /// States left out of the world because they already press the target.
    pub left_out: Vec<ActorId>,
    /// The target's support: `sum_a leverage(a)` over the world.
    pub support: f64,
    /// The support through each family, largest first (families with none left out).
    pub families: Vec<FamilySupport>,
    /// Every actor whose removal lowers the support, by drop (largest first, then file order).
    pub alone: Vec<Lifeline>,
    /// The greedy removals, in order; it stops early when no removal lowers the support.
    pub greedy: Vec<GreedyStep>,
}

/// The target's support on `net`: the sum over the actors marked in `world` of each one's
/// best-path leverage over `target` within `max_hops` ties, on `weights` (one strength per tie,
/// in the CSR order of [`Network::out_weights`]) with every tie `u -> v` scaled by
/// `factor[u] · factor[v]` (1 for an intact actor, `1 - cut` for a cut one, 0 for a removed
/// one). Paths run through actors of the world only. Returns the support and each position's
/// leverage (0 outside the world); the sum runs in position order.
///
/// Direction: against the ties: the leverage of `a` over the target is the greatest product of
/// strengths along `a -> ... -> target`, the target's dependence on `a` through those ties.
///
/// Weights are strengths in [0, 1], so a cycle never raises a product and the best walk of at
/// most `max_hops` ties is a simple path; the layered recursion
/// `b_k(v) = max(b_{k-1}(v), max_{v -> u} w(v, u) · b_{k-1}(u))`, `b_0 = [v = target]`, is exact.
///
/// # Panics
/// If `weights` does not have one entry per tie, or `world` or `factor` one entry per actor
/// (programmer errors).
///
/// # Complexity
/// O(H (|V| + |E|)) time for hop limit H, O(|V|) space.
///
/// # References
/// S. P. Borgatti, "Identifying sets of key players in a social network", Computational and
/// Mathematical Organization Theory 12(1), 2006.
///
/// # Examples
/// ```
/// use leverage::analysis::lifelines::support;
/// use leverage::analysis::network::Network;
///
/// // Actor 3 is the target: 0 -> 3 holds 0.5, 1 -> 3 holds 0.2, and 2 reaches it through 0.
/// let net = Network::from_edges(4, &[(0, 3, 0.5), (1, 3, 0.2), (2, 0, 0.4)]);
/// let w = net.out_weights().to_vec();
/// let world = [true, true, true, false];
/// let (s, lev) = support(&net, &w, 3, &world, &[1.0; 4], 2);
/// // Leverage 0.5, 0.2 and 0.4 × 0.5 = 0.2: support 0.9.
/// assert!((s - 0.9).abs() < 1e-12);
/// assert!((lev[2] - 0.2).abs() < 1e-12);
/// // Without actor 0, actor 2 loses its path too: 0.2 is left.
/// let (s0, _) = support(&net, &w, 3, &world, &[0.0, 1.0, 1.0, 1.0], 2);
/// assert!((s0 - 0.2).abs() < 1e-12);
/// ```
pub fn support(
    net: &Network,
    weights: &[f64],
    target: usize,
    world: &[bool],
    factor: &[f64],
    max_hops: usize,
) -> (f64, Vec<f64>) {
    let n = net.node_count();
    assert_eq!(weights.len(), net.edge_count(), "one weight per tie");
    assert!(world.len() == n && factor.len() == n, "one entry per actor");
    let (start, to, _) = net.csr(Direction::Forward);
    let mut cur = vec![0.0f64; n];
    cur[target] = 1.0;
    let mut next = cur.clone();
    for _ in 0..max_hops {
        for v in 0..n {
            if v == target || !world[v] || factor[v] == 0.0 {
                continue;
            }
            let mut best = cur[v];
            for slot in start[v] as usize..start[v + 1] as usize {
                let u = to[slot] as usize;
                if u != target && !world[u] {
                    continue;
                }
                let x = weights[slot] * factor[v] * factor[u] * cur[u];
                if x > best {
                    best = x;
                }
            }
            next[v] = best;
        }
        cur.copy_from_slice(&next);
    }
    cur[target] = 0.0;
    for (v, x) in cur.iter_mut().enumerate() {
        if !world[v] {
            *x = 0.0;
        }
    }
    let total = cur.iter().sum();
    (total, cur)
}

/// The question on network positions, with the weights it reads.
struct Problem<'a> {
    net: &'a Network,
    target: usize,
    world: Vec<bool>,
    /// Strength of every tie as read: plain, except ties into the target at their headroom
    /// (unless the pressing states are included).
    weights: Vec<f64>,
    /// Per family: the same, with ties into the target read in that family alone.
    families: Vec<(String, Vec<f64>)>,
    hops: usize,
    keep: f64,
}

impl Problem<'_> {
    /// The factor vector with every actor in `gone` cut.
    fn factor(&self, gone: &[usize]) -> Vec<f64> {
        let mut f = vec![1.0; self.net.node_count()];
        for &g in gone {
            f[g] = self.keep;
        }
        f
    }

    fn support(&self, weights: &[f64], gone: &[usize]) -> f64 {
        support(
            self.net,
            weights,
            self.target,
            &self.world,
            &self.factor(gone),
            self.hops,
        )
        .0
    }
}

/// Ranks the actors that keep `params.target` afloat (docs/MODEL.md, "Lifelines").
///
/// The support is [`support`] (a sum of best-path leverage) over the world (every actor but the target, less the states that
/// already press it unless `include_pressing`), on the tie strengths of `params.strength`, with
/// each tie into the target read as the part its holder does not apply (its sanctions, and for
/// diplomacy its UN alignment; at full strength with `include_pressing`). Each actor of the
/// world is then removed alone (its ties scaled by `1 - cut`, so `cut = 1` removes it), and
/// `steps` greedy removals follow, each taking the actor whose removal, given those already
/// removed, lowers the support most (largest drop, then file order); the greedy run stops early
/// when no removal lowers the support. Each removal alone is also broken down by channel family:
/// the support through a family reads the ties into the target in that family alone.
///
/// Direction: against the ties (the target's dependence on each actor).
///
/// # Errors
/// [`Error::UnknownName`] for a target not in the graph; [`Error::InvalidParameter`] if
/// `max_hops` is outside 1..=[`MAX_HOPS`], `cut` outside (0, 1], or `family` not a family of
/// the ties into the target.
///
/// # Complexity
/// O((|W| (F + 1) + s |W|) · H (|V| + |E|)) for a world of |W| actors, F families, s greedy
/// steps and hop limit H: one [`support`] per removal.
///
/// # References
/// S. P. Borgatti, "Identifying sets of key players in a social network", Computational and
/// Mathematical Organization Theory 12(1), 2006 (the key-player problem, and its greedy
/// heuristic); R. O. Keohane and J. S. Nye, *Power and Interdependence*, 1977 (vulnerability).
///
/// # Examples
/// ```
/// use leverage::analysis::lifelines::{lifelines, LifelinesParams};
/// use leverage::io::{load, GraphSource};
/// use leverage::model::ActorId;
///
/// let graph = load(&GraphSource::Bundled)?;
/// let l = lifelines(&graph, &LifelinesParams::new(ActorId::from("RUS")))?;
/// // Removing the first lifeline alone cuts at least as much as any other removal, and the
/// // greedy run begins with it.
/// assert_eq!(l.greedy[0].id, l.alone[0].id);
/// assert!(l.alone.windows(2).all(|w| w[0].drop >= w[1].drop));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn lifelines(graph: &InfluenceGraph, params: &LifelinesParams) -> Result<Lifelines> {
    if !(1..=MAX_HOPS).contains(&params.max_hops) {
        return Err(Error::InvalidParameter {
            name: "max_hops".into(),
            value: params.max_hops.to_string(),
            expected: format!("a path into the target has 1 to {MAX_HOPS} ties"),
        });
    }
    if !(params.cut > 0.0 && params.cut <= 1.0) {
        return Err(Error::InvalidParameter {
            name: "cut".into(),
            value: params.cut.to_string(),
            expected: "a share in (0, 1]: 1 removes an actor, 0.5 halves its ties".into(),
        });
    }
    let net = Network::new(graph, &params.strength);
    let target = graph
        .node(&params.target)
        .and_then(|n| net.position(n))
        .ok_or_else(|| Error::UnknownName {
            context: "target: ".into(),
            name: params.target.to_string(),
            suggestions: crate::model::Resolver::new(graph).suggestions(params.target.as_str()),
        })?;
    let n = net.node_count();
    let actor = |v: usize| graph.actor(net.node(v));
    let class = |v: usize| {
        actor(v)
            .stance_toward(&params.target)
            .map_or(StanceClass::Unknown, |s| s.class())
    };
    let mut left_out = Vec::new();
    let world: Vec<bool> = (0..n)
        .map(|v| {
            let pressing = class(v) == StanceClass::Presses;
            if v != target && pressing && !params.include_pressing {
                left_out.push(actor(v).id.clone());
            }
            v != target && (params.include_pressing || !pressing)
        })
        .collect();
    let (weights, families) = chosen_weights(graph, &net, params, target)?;
    let problem = Problem {
        net: &net,
        target,
        world,
        weights,
        families,
        hops: params.max_hops,
        keep: 1.0 - params.cut,
    };
    let (base, lev) = support(
        &net,
        &problem.weights,
        target,
        &problem.world,
        &problem.factor(&[]),
        params.max_hops,
    );
    let base_f: Vec<f64> = problem
        .families
        .iter()
        .map(|(_, w)| problem.support(w, &[]))
        .collect();
    let members: Vec<usize> = (0..n).filter(|&v| problem.world[v]).collect();
    let parallel = members.len() >= params.parallel_threshold;

    // Removed alone, with the drop by family.
    let one = |&a: &usize| -> (usize, f64, f64, Vec<f64>) {
        let (s, l) = support(
            &net,
            &problem.weights,
            target,
            &problem.world,
            &problem.factor(&[a]),
            params.max_hops,
        );
        let f = problem
            .families
            .iter()
            .map(|(_, w)| problem.support(w, &[a]))
            .collect();
        (a, s, l[a], f)
    };
    let removals: Vec<(usize, f64, f64, Vec<f64>)> = if parallel {
        members.par_iter().map(one).collect()
    } else {
        members.iter().map(one).collect()
    };
    let mut alone: Vec<(usize, f64, f64, Vec<f64>)> =
        removals.into_iter().filter(|r| base - r.1 > 0.0).collect();
    alone.sort_by(|x, y| (base - y.1).total_cmp(&(base - x.1)).then(x.0.cmp(&y.0)));
    let direct = |v: usize| net.slot(v, target).map_or(0.0, |s| problem.weights[s]);
    let alone: Vec<Lifeline> = alone
        .into_iter()
        .enumerate()
        .map(|(i, (a, s, own, f))| Lifeline {
            rank: i + 1,
            id: actor(a).id.clone(),
            name: actor(a).name.clone(),
            stance: class(a),
            leverage: lev[a],
            direct: direct(a),
            support_without: s,
            drop: base - s,
            through: {
                // With a cut, the actor keeps part of its own leverage.
                let x = (base - s) - (lev[a] - own);
                if x > 1e-12 * base.max(1.0) {
                    x
                } else {
                    0.0
                }
            },
            family_drops: problem
                .families
                .iter()
                .zip(&base_f)
                .zip(&f)
                .map(|(((name, _), b), x)| FamilyDrop {
                    family: name.clone(),
                    drop: b - x,
                })
                .collect(),
            judgement_share: None,
        })
        .collect();
    let positions: Vec<usize> = alone
        .iter()
        .filter_map(|l| graph.node(&l.id).and_then(|n| net.position(n)))
        .collect();
    let mut alone = alone;
    if let Some(without) = drops_without_judgement(graph, params, &problem.world, &positions) {
        for (l, w) in alone.iter_mut().zip(without) {
            l.judgement_share = Some((1.0 - w / l.drop).clamp(0.0, 1.0));
        }
    }

    // Greedy: the next best to remove, given those already removed.
    let mut gone: Vec<usize> = Vec::new();
    let mut greedy = Vec::new();
    let mut current = base;
    for step in 0..params.steps.min(members.len()) {
        let rest: Vec<usize> = members
            .iter()
            .copied()
            .filter(|v| !gone.contains(v))
            .collect();
        let eval = |&a: &usize| -> f64 {
            let mut with = gone.clone();
            with.push(a);
            problem.support(&problem.weights, &with)
        };
        let after: Vec<f64> = if parallel {
            rest.par_iter().map(eval).collect()
        } else {
            rest.iter().map(eval).collect()
        };
        // Sequential choice: the lowest support after, the first in file order on a tie.
        let Some((best, s)) =
            rest.iter()
                .zip(&after)
                .fold(None, |acc: Option<(usize, f64)>, (&a, &s)| match acc {
                    Some((_, b)) if b <= s => acc,
                    _ => Some((a, s)),
                })
        else {
            break;
        };
        if current - s <= 0.0 {
            break;
        }
        gone.push(best);
        greedy.push(GreedyStep {
            step: step + 1,
            id: actor(best).id.clone(),
            name: actor(best).name.clone(),
            support_after: s,
            drop: current - s,
            cumulative_drop: base - s,
            rank_alone: alone
                .iter()
                .find(|l| l.id == actor(best).id)
                .map(|l| l.rank),
        });
        current = s;
    }

    let mut fam: Vec<FamilySupport> = problem
        .families
        .iter()
        .zip(&base_f)
        .filter(|(_, &s)| s > 0.0)
        .map(|((name, _), &s)| FamilySupport {
            family: name.clone(),
            support: s,
        })
        .collect();
    fam.sort_by(|a, b| {
        b.support
            .total_cmp(&a.support)
            .then_with(|| a.family.cmp(&b.family))
    });
    // Family drops follow the order of `families`.
    let order: Vec<usize> = fam
        .iter()
        .filter_map(|f| problem.families.iter().position(|(n, _)| *n == f.family))
        .collect();
    let alone = alone
        .into_iter()
        .map(|mut l| {
            l.family_drops = order.iter().map(|&i| l.family_drops[i].clone()).collect();
            l
        })
        .collect();
    Ok(Lifelines {
        target: params.target.clone(),
        max_hops: params.max_hops,
        combine: params.strength.combine,
        cut: params.cut,
        family: params.family.clone(),
        include_pressing: params.include_pressing,
        world: members.len(),
        left_out,
        support: base,
        families: fam,
        alone,
        greedy,
    })
}

/// Tie strengths by CSR out-slot, and the same per channel family.
type Weights = (Vec<f64>, Vec<(String, Vec<f64>)>);

/// [`read_weights`], with `params.family` chosen: then the main weights are that family's, and
/// it is the only family.
///
/// # Errors
/// [`Error::InvalidParameter`] if the family is not one of the ties into the target.
fn chosen_weights(
    graph: &InfluenceGraph,
    net: &Network,
    params: &LifelinesParams,
    target: usize,
) -> Result<Weights> {
    let (weights, mut families) = read_weights(graph, net, params, target);
    let Some(only) = &params.family else {
        return Ok((weights, families));
    };
    let i = families
        .iter()
        .position(|(name, _)| name == only)
        .ok_or_else(|| {
            let known: Vec<&str> = families.iter().map(|(n, _)| n.as_str()).collect();
            Error::InvalidParameter {
                name: "family".into(),
                value: only.clone(),
                expected: format!(
                    "a channel family of the ties into `{}`: {}",
                    params.target,
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            }
        })?;
    let (name, w) = families.swap_remove(i);
    Ok((w.clone(), vec![(name, w)]))
}

/// Each actor's drop on the graph without judgement figures, by position (`None` if a figure
/// has an unknown basis, so that the share cannot be told).
fn drops_without_judgement(
    graph: &InfluenceGraph,
    params: &LifelinesParams,
    world: &[bool],
    actors: &[usize],
) -> Option<Vec<f64>> {
    let unknown = graph
        .ties()
        .flat_map(|(_, _, _, t)| t.channels.values())
        .chain(
            graph
                .actors()
                .filter_map(|(_, a)| a.stance_toward(&params.target))
                .flat_map(|s| s.signals().map(|(_, f)| f)),
        )
        .any(|f| f.basis.is_unknown());
    if unknown {
        return None;
    }
    let (checked, _) = graph.with_bases(BasisSet::ALL.without(Basis::Judgement));
    let net = Network::new(&checked, &params.strength);
    // A view keeps every actor in order: positions are the full graph's.
    let target = checked.node(&params.target).and_then(|n| net.position(n))?;
    let weights = match chosen_weights(&checked, &net, params, target) {
        Ok((w, _)) => w,
        // The family has no figure left: nothing flows through it.
        Err(_) => {
            let mut w = net.out_weights().to_vec();
            for &u in net.in_edges(target).0 {
                if let Some(s) = net.slot(u as usize, target) {
                    w[s] = 0.0;
                }
            }
            w
        }
    };
    let keep = 1.0 - params.cut;
    let factor = |gone: Option<usize>| {
        let mut f = vec![1.0; net.node_count()];
        if let Some(g) = gone {
            f[g] = keep;
        }
        f
    };
    let base = support(
        &net,
        &weights,
        target,
        world,
        &factor(None),
        params.max_hops,
    )
    .0;
    Some(
        actors
            .iter()
            .map(|&a| {
                base - support(
                    &net,
                    &weights,
                    target,
                    world,
                    &factor(Some(a)),
                    params.max_hops,
                )
                .0
            })
            .collect(),
    )
}

/// The tie strengths lifelines read, by CSR out-slot: plain, except each tie into the target
/// read as its holder's headroom (docs/MODEL.md section 6; plain with `include_pressing`); and,
/// per channel family of the ties into the target, the same with those ties read in that family
/// alone (families in order of first appearance).
fn read_weights(
    graph: &InfluenceGraph,
    net: &Network,
    params: &LifelinesParams,
    target: usize,
) -> Weights {
    let fams = graph.family_table();
    let rule = &params.strength;
    let plain = net.out_weights().to_vec();
    let mut weights = plain.clone();
    let edges = net.edge_indices();
    let (sources, _) = net.in_edges(target);
    let mut into: Vec<(usize, &crate::model::Tie, usize)> = Vec::new();
    for &u in sources {
        let u = u as usize;
        let slot = net.slot(u, target).expect("an in-tie has an out-slot");
        into.push((u, &graph.graph()[edges[slot]], slot));
    }
    let mut names: Vec<String> = Vec::new();
    for (_, tie, _) in &into {
        for c in tie.channels.keys() {
            let f = graph.family_name(c).to_owned();
            if !names.contains(&f) {
                names.push(f);
            }
        }
    }
    let read = |u: usize, tie: &crate::model::Tie, only: Option<&str>| -> f64 {
        let stance = graph.actor(net.node(u)).stance_toward(&params.target);
        rule.strength_by(tie, &|c| fams.of(c), |c, f| {
            if only.is_some_and(|o| graph.family_name(c) != o) {
                return 0.0;
            }
            if params.include_pressing {
                f.value
            } else {
                let applied = stance.map_or(0.0, |s| s.applied(fams.is_diplomatic(c)));
                f.value * (1.0 - applied).clamp(0.0, 1.0)
            }
        })
    };
    for &(u, tie, slot) in &into {
        weights[slot] = read(u, tie, None);
    }
    let families = names
        .into_iter()
        .map(|name| {
            let mut w = plain.clone();
            for &(u, tie, slot) in &into {
                w[slot] = read(u, tie, Some(&name));
            }
            (name, w)
        })
        .collect();
    (weights, families)
}

#[cfg(test)]
#[path = "tests/lifelines_tests.rs"]
mod tests;
