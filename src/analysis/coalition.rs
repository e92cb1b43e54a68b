//! Coalitions (docs/MODEL.md, "The best set of partners"): the `k` partners that, approached
//! together, add the most pressure on the target, with overlap counted once.
//!
//! Each partner `P` of the outreach pool brings its score (`reach × headroom × movability`,
//! [`crate::analysis::suggest`]), split over the channel families of its tie into the target in
//! proportion to its headroom in each: `x(P, f)`. Within a family, the partners of a set press
//! on one dependence of the target, and their pressures overlap: the family gets the noisy-OR
//! `1 - prod_P (1 - x(P, f))`. Across families, the dependences are separate and add:
//!
//! ```text
//! pressure(C) = sum_f [ 1 - prod_{P in C} (1 - x(P, f)) ]
//! ```
//!
//! A partner alone is worth exactly its score. [`Pressures::pressure`] is monotone and
//! submodular (a sum of probabilistic coverage functions), so the greedy set
//! ([`Pressures::greedy`]) is within `1 - 1/e` of the best (Nemhauser, Wolsey and Fisher 1978);
//! [`Pressures::exact`] enumerates every set for small `k` and `n`, and
//! [`Pressures::upper_bound`] bounds the best set from the greedy run's own gains.

use serde::Serialize;

use super::network::Network;
use super::suggest::{rank_partners, Inputs, Pool, Setup, SuggestParams};
use crate::error::{Error, Result};
use crate::model::{ActorId, Combine, InfluenceGraph};

/// Most subsets [`coalition`] enumerates for the exact answer by default.
pub const DEFAULT_EXACT_LIMIT: u64 = 2_000_000;

/// Largest `k` accepted.
pub const MAX_K: usize = 100;

/// The pressure each candidate brings through each family: `x[p][f]` in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct Pressures {
    /// `x[p][f]`: candidate `p`'s pressure through family `f`.
    pub x: Vec<Vec<f64>>,
}

/// A set chosen by [`Pressures::greedy`] or [`Pressures::exact`].
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Candidate indices, in the order chosen (greedy) or ascending (exact).
    pub members: Vec<usize>,
    /// The marginal gain of each member, given those before it.
    pub gains: Vec<f64>,
    /// The set's pressure.
    pub pressure: f64,
}

impl Pressures {
    /// Number of families (the width of each row; 0 without candidates).
    fn families(&self) -> usize {
        self.x.first().map_or(0, Vec::len)
    }

    /// The pressure of the set `members`: `sum_f [1 - prod_{p in members} (1 - x[p][f])]`.
    ///
    /// # Complexity
    /// O(|members| · F) for F families.
    pub fn pressure(&self, members: &[usize]) -> f64 {
        (0..self.families())
            .map(|f| 1.0 - members.iter().map(|&p| 1.0 - self.x[p][f]).product::<f64>())
            .sum()
    }

    /// The gain of adding `p` to a set whose per-family products `prod (1 - x)` are `miss`:
    /// `sum_f x[p][f] · miss[f]`.
    fn gain(&self, p: usize, miss: &[f64]) -> f64 {
        self.x[p].iter().zip(miss).map(|(x, m)| x * m).sum()
    }

    /// The greedy set of (at most) `k` candidates: each step adds the candidate of largest
    /// marginal gain (the lowest index on a tie).
    ///
    /// For a monotone submodular function with value 0 on the empty set, the greedy set's
    /// value is at least `(1 - 1/e)` of the best set's of the same size.
    ///
    /// # Complexity
    /// O(k · n · F) for n candidates and F families.
    ///
    /// # References
    /// G. L. Nemhauser, L. A. Wolsey and M. L. Fisher, "An analysis of approximations for
    /// maximizing submodular set functions—I", Mathematical Programming 14, 1978; D. Kempe,
    /// J. Kleinberg and É. Tardos, "Maximizing the spread of influence through a social
    /// network", KDD 2003.
    ///
    /// # Examples
    /// ```
    /// use leverage::analysis::coalition::Pressures;
    ///
    /// // Two families. 0 and 1 press through the first, 2 through the second.
    /// let p = Pressures { x: vec![vec![0.5, 0.0], vec![0.4, 0.0], vec![0.0, 0.3]] };
    /// let g = p.greedy(2);
    /// // 1 adds 0.4 × (1 - 0.5) = 0.2 after 0; 2 adds 0.3: the second family wins.
    /// assert_eq!(g.members, vec![0, 2]);
    /// assert!((g.pressure - 0.8).abs() < 1e-12);
    /// assert_eq!(p.exact(2).members, vec![0, 2]);
    /// ```
    pub fn greedy(&self, k: usize) -> Chosen {
        let n = self.x.len();
        let mut miss = vec![1.0; self.families()];
        let mut taken = vec![false; n];
        let mut members = Vec::new();
        let mut gains = Vec::new();
        for _ in 0..k.min(n) {
            let mut best: Option<(usize, f64)> = None;
            for p in (0..n).filter(|&p| !taken[p]) {
                let g = self.gain(p, &miss);
                if best.is_none_or(|(_, b)| g > b) {
                    best = Some((p, g));
                }
            }
            let Some((p, g)) = best else { break };
            taken[p] = true;
            for (m, x) in miss.iter_mut().zip(&self.x[p]) {
                *m *= 1.0 - x;
            }
            members.push(p);
            gains.push(g);
        }
        let pressure = self.pressure(&members);
        Chosen {
            members,
            gains,
            pressure,
        }
    }

    /// An upper bound on the best set of `k`: for any set `S`,
    /// `best <= pressure(S) + sum of the k largest gains given S` (submodularity). Evaluated at
    /// every prefix of `greedy`'s members; the smallest is returned.
    ///
    /// # Complexity
    /// O(k · n · F).
    ///
    /// # References
    /// J. Leskovec, A. Krause, C. Guestrin, C. Faloutsos, J. VanBriesen and N. Glance,
    /// "Cost-effective outbreak detection in networks", KDD 2007 (the online bound).
    pub fn upper_bound(&self, k: usize, greedy: &Chosen) -> f64 {
        let n = self.x.len();
        let mut miss = vec![1.0; self.families()];
        let mut best = f64::INFINITY;
        for i in 0..=greedy.members.len() {
            let prefix = &greedy.members[..i];
            let mut gains: Vec<f64> = (0..n)
                .filter(|p| !prefix.contains(p))
                .map(|p| self.gain(p, &miss))
                .collect();
            gains.sort_by(|a, b| b.total_cmp(a));
            let bound = self.pressure(prefix) + gains.iter().take(k).sum::<f64>();
            best = best.min(bound);
            if let Some(&p) = greedy.members.get(i) {
                for (m, x) in miss.iter_mut().zip(&self.x[p]) {
                    *m *= 1.0 - x;
                }
            }
        }
        best
    }

    /// The best set of `min(k, n)` candidates, by enumerating every one (depth-first, keeping
    /// the per-family products of the path). The first best in lexicographic order is kept.
    ///
    /// # Complexity
    /// O(C(n, k) · F) time (each subset costs one family update at its last member), O(k · F)
    /// space.
    pub fn exact(&self, k: usize) -> Chosen {
        let n = self.x.len();
        let k = k.min(n);
        let fams = self.families();
        let mut best: (f64, Vec<usize>) = (f64::NEG_INFINITY, Vec::new());
        let mut stack: Vec<usize> = Vec::with_capacity(k);
        // miss[d] holds the per-family products after the first d members.
        let mut miss = vec![vec![1.0; fams]; k + 1];
        fn walk(
            p: &Pressures,
            from: usize,
            k: usize,
            stack: &mut Vec<usize>,
            miss: &mut [Vec<f64>],
            best: &mut (f64, Vec<usize>),
        ) {
            let d = stack.len();
            if d == k {
                let value: f64 = miss[d].iter().map(|m| 1.0 - m).sum();
                if value > best.0 {
                    *best = (value, stack.clone());
                }
                return;
            }
            let n = p.x.len();
            for c in from..=n - (k - d) {
                let (head, tail) = miss.split_at_mut(d + 1);
                for ((t, h), x) in tail[0].iter_mut().zip(&head[d]).zip(&p.x[c]) {
                    *t = h * (1.0 - x);
                }
                stack.push(c);
                walk(p, c + 1, k, stack, miss, best);
                stack.pop();
            }
        }
        walk(self, 0, k, &mut stack, &mut miss, &mut best);
        let members = best.1;
        let mut gains = Vec::with_capacity(members.len());
        let mut prev = 0.0;
        for i in 1..=members.len() {
            let v = self.pressure(&members[..i]);
            gains.push(v - prev);
            prev = v;
        }
        Chosen {
            pressure: self.pressure(&members),
            members,
            gains,
        }
    }
}

/// The number of subsets of size `k` of `n`, saturating at `u64::MAX`.
pub fn subsets(n: usize, k: usize) -> u64 {
    if k > n {
        return 0;
    }
    let k = k.min(n - k);
    let mut c: u128 = 1;
    for i in 0..k {
        c = c * (n - i) as u128 / (i + 1) as u128;
        if c > u128::from(u64::MAX) {
            return u64::MAX;
        }
    }
    u64::try_from(c).unwrap_or(u64::MAX)
}

/// Options of [`coalition`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CoalitionParams {
    /// The question and model, as for `suggest` (its `top` is ignored: every partner with a
    /// positive score is a candidate).
    pub suggest: SuggestParams,
    /// How many partners the set holds.
    pub k: usize,
    /// Enumerate the best set exactly when there are at most this many subsets (0: never).
    pub exact_limit: u64,
}

impl CoalitionParams {
    /// A set of `k` partners for `suggest`'s question, solved exactly where there are at most
    /// [`DEFAULT_EXACT_LIMIT`] subsets.
    pub fn new(suggest: SuggestParams, k: usize) -> Self {
        CoalitionParams {
            suggest,
            k,
            exact_limit: DEFAULT_EXACT_LIMIT,
        }
    }
}

/// A member's pressure through one family.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyPart {
    /// The family.
    pub family: String,
    /// Its part of the member's score.
    pub pressure: f64,
}

/// One member of the set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Member {
    /// 1-based order in which the greedy run took it.
    pub order: usize,
    /// Actor id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// Its rank in `suggest`.
    pub rank: usize,
    /// Its score alone (`suggest`'s score).
    pub score: f64,
    /// What it adds given the members before it.
    pub gain: f64,
    /// Its score split over the families of its tie into the target, largest first.
    pub families: Vec<FamilyPart>,
    /// Its messenger (the source with the strongest leverage over it).
    pub messenger: ActorId,
}

/// The exact optimum, when enumerated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exact {
    /// The best set, in the candidates' rank order.
    pub members: Vec<ActorId>,
    /// Its pressure.
    pub pressure: f64,
    /// `1 - greedy / exact`: how much the greedy set falls short (0: it is a best set).
    pub gap: f64,
    /// Subsets enumerated.
    pub subsets: u64,
}

/// A family's pressure in the set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyPressure {
    /// The family.
    pub family: String,
    /// `1 - prod_P (1 - x(P, f))` over the members.
    pub pressure: f64,
    /// The members' parts summed (what the family would get without overlap).
    pub sum: f64,
}

/// The result of [`coalition`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Coalition {
    /// Source ids.
    pub sources: Vec<ActorId>,
    /// Target id.
    pub target: ActorId,
    /// The set size asked for.
    pub k: usize,
    /// Hop limit.
    pub max_hops: usize,
    /// The channel combination used.
    pub combine: Combine,
    /// Who was left out of the pool, and why (as in `suggest`).
    pub pool: Pool,
    /// Partners with a positive score: the candidates.
    pub candidates: usize,
    /// The greedy set, in the order taken.
    pub members: Vec<Member>,
    /// Its combined pressure.
    pub pressure: f64,
    /// The members' scores summed (the pressure if nothing overlapped).
    pub sum_of_scores: f64,
    /// The pressure of each family in the set, largest first.
    pub families: Vec<FamilyPressure>,
    /// The greedy guarantee, `1 - 1/e`.
    pub guarantee: f64,
    /// An upper bound on the best set's pressure from the greedy run's gains.
    pub upper_bound: f64,
    /// The exact optimum, when the candidates allow enumerating it.
    pub exact: Option<Exact>,
}

/// The best set of `params.k` partners approached together (docs/MODEL.md, "The best set of
/// partners").
///
/// The candidates are `suggest`'s partners with a positive score, in its pool (states that
/// already press the target left out by default). Each brings its score split over the families
/// of the tie into the target on its headroom path (with the hop limit 2, its own tie), in
/// proportion to the headroom of each family read alone; the set's pressure is
/// [`Pressures::pressure`]. The greedy set is returned with each member's marginal gain, an upper
/// bound on the optimum ([`Pressures::upper_bound`]), and, where there are at most
/// `exact_limit` subsets, the exact optimum and the greedy set's gap to it.
///
/// Direction: the sources press the target through the members.
///
/// # Errors
/// As [`crate::analysis::suggest::suggest`]; [`Error::InvalidParameter`] if `k` is 0 or above
/// [`MAX_K`].
///
/// # Complexity
/// One ranking (as `suggest`), then O(k · n · F) for the greedy set and the bound over n
/// candidates and F families, and O(C(n, k) · F) for the exact set when enumerated.
///
/// # References
/// G. L. Nemhauser, L. A. Wolsey and M. L. Fisher, Mathematical Programming 14, 1978; D. Kempe,
/// J. Kleinberg and É. Tardos, KDD 2003.
///
/// # Examples
/// ```
/// use leverage::analysis::coalition::{coalition, CoalitionParams};
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let c = coalition(&graph, &CoalitionParams::new(SuggestParams::outreach_letter(&graph)?, 3))?;
/// assert_eq!(c.members.len(), 3);
/// // Overlap counts once: the set adds no more than its members' scores.
/// assert!(c.pressure <= c.sum_of_scores + 1e-15);
/// assert!(c.exact.as_ref().is_some_and(|e| c.pressure >= (1.0 - 1.0 / std::f64::consts::E) * e.pressure));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn coalition(graph: &InfluenceGraph, params: &CoalitionParams) -> Result<Coalition> {
    if params.k == 0 || params.k > MAX_K {
        return Err(Error::InvalidParameter {
            name: "k".into(),
            value: params.k.to_string(),
            expected: format!("a set holds 1 to {MAX_K} partners"),
        });
    }
    let mut sp = params.suggest.clone();
    sp.top = None;
    sp.judgement_share = false;
    let net = Network::new(graph, &sp.strength);
    let setup = Setup::new(graph, &net, &sp)?;
    let inputs = Inputs::best_estimates(graph, &net, &sp);
    let ranked = rank_partners(&net, &setup, &inputs.view(), &sp);
    let fams = graph.family_table();
    let id = |v: usize| graph.actor(net.node(v)).id.clone();

    // Each candidate's family parts on the last tie of its headroom path.
    let mut names: Vec<String> = Vec::new();
    let mut parts: Vec<Vec<(String, f64)>> = Vec::with_capacity(ranked.len());
    for r in &ranked {
        let nodes = &r.pull_path.nodes;
        let (holder, last) = (nodes[nodes.len() - 2], nodes[nodes.len() - 1]);
        let tie = graph
            .tie(net.node(holder), net.node(last))
            .expect("a path's tie is a graph tie");
        let stance = graph.actor(net.node(holder)).stance_toward(&sp.target);
        let mut own: Vec<(String, f64)> = Vec::new();
        for c in tie.channels.keys() {
            let f = graph.family_name(c).to_owned();
            if own.iter().any(|(g, _)| *g == f) {
                continue;
            }
            let h = sp.strength.strength_by(tie, &|c| fams.of(c), |c, fig| {
                if graph.family_name(c) != f {
                    return 0.0;
                }
                let applied = stance.map_or(0.0, |s| s.applied(fams.is_diplomatic(c)));
                fig.value * (1.0 - applied).clamp(0.0, 1.0)
            });
            if !names.contains(&f) {
                names.push(f.clone());
            }
            own.push((f, h));
        }
        parts.push(own);
    }
    let x: Vec<Vec<f64>> = ranked
        .iter()
        .zip(&parts)
        .map(|(r, own)| {
            let total: f64 = own.iter().map(|(_, h)| h).sum();
            names
                .iter()
                .map(|f| {
                    let h = own.iter().find(|(g, _)| g == f).map_or(0.0, |(_, h)| *h);
                    if total > 0.0 {
                        r.score * h / total
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    let pressures = Pressures { x };
    let greedy = pressures.greedy(params.k);
    let upper_bound = pressures.upper_bound(params.k, &greedy);
    let count = subsets(ranked.len(), params.k.min(ranked.len()));
    let exact = (count <= params.exact_limit && !ranked.is_empty()).then(|| {
        let e = pressures.exact(params.k);
        Exact {
            members: e.members.iter().map(|&p| id(ranked[p].partner)).collect(),
            pressure: e.pressure,
            gap: if e.pressure > 0.0 {
                (1.0 - greedy.pressure / e.pressure).max(0.0)
            } else {
                0.0
            },
            subsets: count,
        }
    });
    let members: Vec<Member> = greedy
        .members
        .iter()
        .zip(&greedy.gains)
        .enumerate()
        .map(|(i, (&p, &gain))| {
            let r = &ranked[p];
            let mut families: Vec<FamilyPart> = names
                .iter()
                .zip(&pressures.x[p])
                .filter(|(_, &x)| x > 0.0)
                .map(|(f, &x)| FamilyPart {
                    family: f.clone(),
                    pressure: x,
                })
                .collect();
            families.sort_by(|a, b| b.pressure.total_cmp(&a.pressure));
            Member {
                order: i + 1,
                id: id(r.partner),
                name: graph.actor(net.node(r.partner)).name.clone(),
                rank: p + 1,
                score: r.score,
                gain,
                families,
                messenger: id(r.messenger),
            }
        })
        .collect();
    let mut families: Vec<FamilyPressure> = names
        .iter()
        .enumerate()
        .map(|(f, name)| FamilyPressure {
            family: name.clone(),
            pressure: 1.0
                - greedy
                    .members
                    .iter()
                    .map(|&p| 1.0 - pressures.x[p][f])
                    .product::<f64>(),
            sum: greedy.members.iter().map(|&p| pressures.x[p][f]).sum(),
        })
        .filter(|f| f.sum > 0.0)
        .collect();
    families.sort_by(|a, b| {
        b.pressure
            .total_cmp(&a.pressure)
            .then_with(|| a.family.cmp(&b.family))
    });
    Ok(Coalition {
        sources: setup.sources.iter().map(|&s| id(s)).collect(),
        target: id(setup.target),
        k: params.k,
        max_hops: sp.max_hops,
        combine: sp.strength.combine,
        pool: setup.pool.clone(),
        candidates: ranked.len(),
        sum_of_scores: members.iter().map(|m| m.score).sum(),
        members,
        pressure: greedy.pressure,
        families,
        guarantee: 1.0 - (-1.0f64).exp(),
        upper_bound,
        exact,
    })
}

#[cfg(test)]
#[path = "tests/coalition_tests.rs"]
mod tests;
