//! Leiden (Traag, Waltman, van Eck 2019): fast local moves, a randomised refinement that keeps
//! every community well connected, and aggregation on the refined partition.

use rand::Rng;
use rand_pcg::Pcg64;

use super::undirected::{renumber, CommunityWeights, Undirected};
use super::{shuffled, Blocs, BlocsParams, Method, Run, Settings};
use crate::analysis::network::Network;
use crate::error::Result;

/// Blocs by the Leiden algorithm: modularity (resolution `γ`) maximised with communities that
/// are guaranteed connected. The default method of [`blocs`](super::blocs).
///
/// Direction: none; it runs on the ties made undirected, `W_uv = s(u -> v) + s(v -> u)` (see
/// [`modularity`](super::modularity())). `params.method` is ignored ([`blocs`](super::blocs)
/// dispatches on it); every other field applies.
///
/// One **iteration** repeats three phases on ever smaller graphs until every community is a
/// single node:
///
/// 1. **Fast local moves.** All nodes are queued in a random order; a node taken from the queue
///    moves to the neighbouring community, or to an empty one, that raises modularity most,
///    `ΔH = k_{v,C} − γ k_v K_C / 2m` (in units of tie strength: `ΔH = m ΔQ`), if any raises
///    it; its neighbours outside its new community are queued again.
/// 2. **Refinement.** Within each community `S`, every node restarts alone. In a random order,
///    each node `v` still alone and well connected to `S` (`E(v, S − v) ≥ γ k_v (K_S − k_v) /
///    2m`) joins a well-connected refined community `C ⊆ S`, or stays alone, picked at random
///    with probability `∝ exp(ΔH / θ)` among those with `ΔH ≥ 0` (`θ` =
///    [`BlocsParams::randomness`], 0.01 by default, as in the paper and igraph).
/// 3. **Aggregation** on the *refined* communities; each aggregate node starts in the community
///    of step 1 that holds it. If a refinement merges nothing, the aggregation uses the
///    communities of step 1 instead (as igraph does), so the graph always shrinks.
///
/// Iterations restart from the last partition and repeat until one changes nothing, raises
/// modularity by `threshold` or less, or `max_iterations` have run ([`Blocs::converged`] is
/// then `false`). Comparable with igraph `community_leiden(objective_function="modularity",
/// weights=W, resolution=γ, beta=θ, n_iterations=-1)`.
///
/// **Connected communities.** The refinement only ever merges a node into a community it is
/// tied to, so each refined community is connected, and each iteration ends with every
/// community a single aggregate node, that is, a refined community (γ-connected, in the terms
/// of Traag et al.'s guarantees). Where the igraph-style fallback of step 3 aggregated unrefined communities, a
/// final pass splits any community that is not connected into its components (which can only
/// raise modularity), so every bloc returned induces a connected subgraph.
///
/// # Errors
/// As [`blocs`](super::blocs).
///
/// # Complexity
/// Time **O(I · L · (|V| + |E|))** expected, for `I` iterations of `L` levels each (small in
/// practice; the first level dominates); a node is requeued only when a neighbour moves.
/// Auxiliary space **O(|V| + |E|)**.
///
/// # References
/// V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing well-connected
/// communities", Scientific Reports 9, 5233, 2019.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::{leiden, BlocsParams};
/// use leverage::analysis::network::Network;
///
/// // Two triangles, ties one way round each, joined by 2 -> 3.
/// let net = Network::from_edges(
///     6,
///     &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0), (2, 3, 1.0)],
/// );
/// let blocs = leiden(&net, &BlocsParams::default())?;
/// assert_eq!(blocs.communities, vec![vec![0, 1, 2], vec![3, 4, 5]]);
/// assert_eq!(blocs.membership, vec![0, 0, 0, 1, 1, 1]);
/// // Q = 2 (6/14 − (7/14)²) = 5/14.
/// assert!((blocs.modularity - 5.0 / 14.0).abs() < 1e-12);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn leiden(net: &Network, params: &BlocsParams) -> Result<Blocs> {
    super::detect(net, params, Method::Leiden)
}

/// One Leiden run on `g0` with its own random generator: iterations until stable. The
/// communities are those of the last aggregation, before any split (see [`leiden`]).
pub(crate) fn run(g0: &Undirected, s: &Settings, rng: &mut Pcg64) -> Run {
    let n0 = g0.node_count();
    let mut membership: Vec<u32> = (0..n0 as u32).collect();
    let mut q = g0.modularity(&membership, s.gamma);
    let mut iterations = 0;
    let mut converged = false;
    while iterations < s.max_iterations {
        if !iteration(g0, &mut membership, s, rng) {
            converged = true;
            break;
        }
        iterations += 1;
        let next = g0.modularity(&membership, s.gamma);
        if next - q <= s.threshold {
            converged = true;
            break;
        }
        q = next;
    }
    Run {
        membership,
        iterations,
        converged,
    }
}

/// One Leiden iteration from `membership` (a partition of `g0`, updated in place). Returns
/// whether any node moved.
fn iteration(g0: &Undirected, membership: &mut [u32], s: &Settings, rng: &mut Pcg64) -> bool {
    let n0 = g0.node_count();
    let mut g = std::borrow::Cow::Borrowed(g0);
    let mut p = membership.to_vec();
    // `node_of[v]`: the node of the current level that holds original node `v`.
    let mut node_of: Vec<u32> = (0..n0 as u32).collect();
    let mut moved = false;
    loop {
        moved |= move_nodes_fast(&g, &mut p, s.gamma, rng);
        let count = renumber(&mut p);
        let n = g.node_count();
        if count == n {
            break;
        }
        let mut refined = refine(&g, &p, count, s, rng);
        let mut refined_count = renumber(&mut refined);
        if refined_count == n {
            // Nothing merged: aggregate on the communities themselves (igraph's rule), so that
            // the graph shrinks.
            refined.clone_from(&p);
            refined_count = count;
        }
        let mut start = vec![0u32; refined_count];
        for v in 0..n {
            start[refined[v] as usize] = p[v];
        }
        for x in &mut node_of {
            *x = refined[*x as usize];
        }
        g = std::borrow::Cow::Owned(g.aggregate(&refined, refined_count));
        p = start;
    }
    for (m, &x) in membership.iter_mut().zip(&node_of) {
        *m = p[x as usize];
    }
    moved
}

/// Phase 1: the queue-driven local moves. `p` holds labels below `g.node_count()`. Returns
/// whether any node moved.
fn move_nodes_fast(g: &Undirected, p: &mut [u32], gamma: f64, rng: &mut Pcg64) -> bool {
    let n = g.node_count();
    let mut total = vec![0.0; n];
    let mut size = vec![0u32; n];
    for v in 0..n {
        total[p[v] as usize] += g.degree[v];
        size[p[v] as usize] += 1;
    }
    // Empty labels, to move a node to a community of its own.
    let mut free: Vec<u32> = (0..n as u32)
        .rev()
        .filter(|&c| size[c as usize] == 0)
        .collect();
    // A ring buffer: every node is queued at most once at a time.
    let mut queue = shuffled(n, rng);
    let (mut head, mut len) = (0usize, n);
    let mut queued = vec![true; n];
    let mut to = CommunityWeights::new(n);
    let per_unit = gamma / g.two_m;
    let mut moved = false;
    while len > 0 {
        let v = queue[head] as usize;
        head = if head + 1 == n { 0 } else { head + 1 };
        len -= 1;
        queued[v] = false;
        let (nb, w) = g.neighbours(v);
        if nb.is_empty() {
            continue;
        }
        let kv = g.degree[v];
        let a = p[v];
        total[a as usize] -= kv;
        size[a as usize] -= 1;
        for (&u, &x) in nb.iter().zip(w) {
            to.add(p[u as usize], x);
        }
        let scale = per_unit * kv;
        let stay = to.get(a) - scale * total[a as usize];
        let (mut best, mut best_gain) = (a, f64::NEG_INFINITY);
        for &c in &to.touched {
            if c != a {
                let gain = to.get(c) - scale * total[c as usize];
                if gain > best_gain {
                    best = c;
                    best_gain = gain;
                }
            }
        }
        // A community of its own gains 0; when `v` was alone, that is staying.
        let alone = size[a as usize] > 0 && 0.0 > best_gain;
        if alone {
            best_gain = 0.0;
        }
        let mut target = a;
        if best_gain > stay + super::tolerance(kv, gamma) {
            target = if alone {
                free.pop()
                    .expect("a label is free: n labels, and at most n - 1 other nodes")
            } else {
                best
            };
            if size[a as usize] == 0 {
                free.push(a);
            }
            p[v] = target;
            moved = true;
            for &u in nb {
                let ui = u as usize;
                if !queued[ui] && p[ui] != target {
                    queued[ui] = true;
                    let slot = head + len;
                    queue[if slot >= n { slot - n } else { slot }] = u;
                    len += 1;
                }
            }
        }
        total[target as usize] += kv;
        size[target as usize] += 1;
        to.clear();
    }
    moved
}

/// Phase 2: the refined partition of `p` (`count` communities), as labels below
/// `g.node_count()` (not renumbered).
fn refine(g: &Undirected, p: &[u32], count: usize, s: &Settings, rng: &mut Pcg64) -> Vec<u32> {
    let n = g.node_count();
    let per_unit = s.gamma / g.two_m;
    // K_S of each community of `p`.
    let mut total_s = vec![0.0; count];
    for v in 0..n {
        total_s[p[v] as usize] += g.degree[v];
    }
    // Refined communities start as singletons, labelled by their node.
    let mut r: Vec<u32> = (0..n as u32).collect();
    let mut total_r = g.degree.clone();
    let mut size_r = vec![1u32; n];
    // E(C, S − C): weight from refined community C to the rest of its community S.
    let mut external: Vec<f64> = (0..n)
        .map(|v| {
            let (nb, w) = g.neighbours(v);
            nb.iter()
                .zip(w)
                .filter(|(&u, _)| p[u as usize] == p[v])
                .map(|(_, &x)| x)
                .sum()
        })
        .collect();
    let mut to = CommunityWeights::new(n);
    let mut candidates: Vec<(u32, f64)> = Vec::new();
    for v in shuffled(n, rng) {
        let v = v as usize;
        if size_r[r[v] as usize] != 1 {
            continue;
        }
        let sc = p[v];
        let kv = g.degree[v];
        let ks = total_s[sc as usize];
        // Only nodes well connected to their community may merge.
        if external[v] < per_unit * kv * (ks - kv) {
            continue;
        }
        let (nb, w) = g.neighbours(v);
        for (&u, &x) in nb.iter().zip(w) {
            if p[u as usize] == sc {
                to.add(r[u as usize], x);
            }
        }
        // Staying alone gains 0 and is always a candidate.
        candidates.clear();
        candidates.push((v as u32, 0.0));
        let mut max_gain = 0.0f64;
        for &c in &to.touched {
            let kc = total_r[c as usize];
            if external[c as usize] >= per_unit * kc * (ks - kc) {
                let gain = to.get(c) - per_unit * kv * kc;
                if gain >= 0.0 {
                    candidates.push((c, gain));
                    max_gain = max_gain.max(gain);
                }
            }
        }
        let chosen = if candidates.len() == 1 {
            v as u32
        } else {
            // exp((ΔH − max) / θ): the same odds as exp(ΔH / θ), without overflow.
            let mut sum = 0.0;
            for c in &mut candidates {
                c.1 = ((c.1 - max_gain) / s.randomness).exp();
                sum += c.1;
            }
            let mut x = rng.random::<f64>() * sum;
            let mut pick = candidates[candidates.len() - 1].0;
            for &(c, weight) in &candidates {
                if x < weight {
                    pick = c;
                    break;
                }
                x -= weight;
            }
            pick
        };
        if chosen != v as u32 {
            let c = chosen as usize;
            external[c] += external[v] - 2.0 * to.get(chosen);
            total_r[c] += kv;
            size_r[c] += 1;
            size_r[v] = 0;
            r[v] = chosen;
        }
        to.clear();
    }
    r
}

#[cfg(test)]
pub(crate) mod tests {
    //! The phases, for the tests of `super::super::tests`.
    use super::*;

    /// Phase 1 alone.
    pub(crate) fn move_nodes_fast(g: &Undirected, p: &mut [u32], gamma: f64, rng: &mut Pcg64) {
        super::move_nodes_fast(g, p, gamma, rng);
    }

    /// One whole iteration.
    pub(crate) fn iteration(g: &Undirected, p: &mut [u32], s: &Settings, rng: &mut Pcg64) {
        super::iteration(g, p, s, rng);
    }
}
