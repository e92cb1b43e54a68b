//! The spectral radius of the strength matrix (its largest eigenvalue), for Katz's attenuation
//! factor: a shifted power iteration bracketed by the Collatz-Wielandt bounds, on the part of the
//! graph that holds its cycles (per strongly connected component when that part is not one).
//! Katz usually finds it from its own first steps (see [`super::katz()`]) and falls back on this.

use rayon::prelude::*;

use crate::analysis::network::{Direction, Network, NONE};
use crate::error::{Error, Result};

/// Iteration cap of [`spectral_radius`] per component. The iteration is O(|E|) per step and only
/// fixes Katz's default attenuation, so the cap is generous: long cycles of weak ties converge
/// slowly.
pub const MAX_ITER: usize = 100_000;

/// Iterations on the whole cyclic core before [`spectral_radius`] splits it into strongly
/// connected components (each then continues from the core's vector).
pub const CORE_ITER: usize = 64;

/// Ties from which an iteration runs in parallel (rayon), in fixed chunks of nodes.
pub const PARALLEL_TIES: usize = 1 << 15;

/// Nodes per parallel chunk.
const CHUNK: usize = 1024;

/// The spectral radius and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct SpectralRadius {
    /// `lambda_max`, the largest eigenvalue of the matrix of tie strengths (0 without cycles).
    pub value: f64,
    /// Iterations run, summed over the core and the components.
    pub iterations: usize,
}

/// The spectral radius `lambda_max` of the strength matrix `A` (`A[u][v]` = strength of `u -> v`).
///
/// Direction: none (a property of the whole graph; `A` and its transpose share it; the iteration
/// runs over the in-ties, as Katz does). For a non-negative matrix it is the largest eigenvalue
/// (Perron-Frobenius), and the largest spectral radius of the strongly connected components.
/// Actors on no cycle do not change it, so they are trimmed first: actors without in-ties or
/// without out-ties among those left are removed until none is (an acyclic graph leaves nothing:
/// radius 0). On what is left, the core `K`, the iteration `x <- B x / max(x)` with
/// `B = A_K + I` runs from `x = 1`; for every positive `x` the Collatz-Wielandt bounds
/// `min_i (Bx)_i / x_i <= 1 + lambda_max <= max_i (Bx)_i / x_i` hold (for any non-negative
/// matrix), and when `K` is strongly connected (the usual case) `B` is primitive, so they close
/// in on it. The iteration stops when the bracket is narrower than `tolerance` relative to its
/// top, and returns its midpoint minus 1: within `tolerance · (1 + lambda_max) / 2` of
/// `lambda_max`. If the bracket is still wider after [`CORE_ITER`] iterations, the core is split
/// into strongly connected components (Pearce's variant of Tarjan's algorithm) and each
/// component with a cycle continues alone from the core's vector; the largest midpoint wins.
///
/// Each actor's new value is summed alone, in tie order, and the bracket takes minima and
/// maxima, so the result is the same bit for bit whatever the number of threads (the iteration
/// runs in parallel from [`PARALLEL_TIES`] ties).
///
/// # Errors
/// [`Error::DidNotConverge`] if a component's bracket is still wider after [`MAX_ITER`]
/// iterations.
///
/// # Complexity
/// O(|V| + |E|) for the trimming (and, only when the core is not strongly connected, for the
/// components), then O(iterations · (|V| + |E|)) time; O(|V|) extra space. The bracket narrows
/// by about `(1 + |lambda_2|) / (1 + lambda_max)` per iteration.
///
/// # References
/// R. A. Horn, C. R. Johnson, *Matrix Analysis*, 2nd ed., Cambridge University Press, 2013,
/// section 8.1 (Collatz-Wielandt) and 8.4-8.5 (Perron-Frobenius); R. Tarjan, "Depth-first search
/// and linear graph algorithms", SIAM J. Comput. 1(2), 1972; D. J. Pearce, "A space-efficient
/// algorithm for finding strongly connected components", Inf. Process. Lett. 116(1), 2016.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::spectral_radius;
/// use leverage::analysis::network::Network;
///
/// // A two-actor cycle 0.4 and 0.9: the eigenvalues of [[0, 0.4], [0.9, 0]] are ±sqrt(0.36).
/// let net = Network::from_edges(2, &[(0, 1, 0.4), (1, 0, 0.9)]);
/// let r = spectral_radius(&net, 1e-9)?;
/// assert!((r.value - 0.6).abs() < 1e-8);
/// // Without a cycle the radius is 0.
/// assert_eq!(spectral_radius(&Network::from_edges(2, &[(0, 1, 0.4)]), 1e-9)?.value, 0.0);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn spectral_radius(net: &Network, tolerance: f64) -> Result<SpectralRadius> {
    if net.edge_count() >= PARALLEL_TIES {
        // On a thread of the pool, so that each step's fork-join is not a round trip to the
        // calling thread.
        rayon::scope(|_| radius_of_core(net, &core(net), tolerance, PARALLEL_TIES))
    } else {
        radius_of_core(net, &core(net), tolerance, PARALLEL_TIES)
    }
}

/// [`spectral_radius`] given the graph's [`core()`], with the tie count from which an iteration
/// runs in parallel.
pub(crate) fn radius_of_core(
    net: &Network,
    core: &Core,
    tolerance: f64,
    parallel_ties: usize,
) -> Result<SpectralRadius> {
    let n = net.node_count();
    let (label, nodes) = (&core.label, &core.nodes);
    if nodes.is_empty() {
        return Ok(SpectralRadius {
            value: 0.0,
            iterations: 0,
        });
    }
    // Both vectors are 0 outside the part being iterated, so ties from outside it add nothing.
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    for &v in nodes {
        x[v as usize] = 1.0;
    }
    let whole = Part::new(net, nodes, label, 0, parallel_ties);
    let (found, mut iterations) = iterate(net, &whole, &mut x, &mut y, 1.0, tolerance, CORE_ITER);
    if let Some(value) = found {
        return Ok(SpectralRadius { value, iterations });
    }

    // The core is not strongly connected (or converges slowly): component by component, each
    // from the core's vector.
    let saved = x;
    let mut x = vec![0.0; n];
    y.fill(0.0);
    let comp = components(net);
    let count = comp.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut start = vec![0u32; count + 1];
    for &c in &comp {
        start[c as usize + 1] += 1;
    }
    for c in 0..count {
        start[c + 1] += start[c];
    }
    let mut fill = start.clone();
    let mut order = vec![0u32; n];
    for (v, &c) in comp.iter().enumerate() {
        order[fill[c as usize] as usize] = v as u32;
        fill[c as usize] += 1;
    }
    let mut best = 0.0f64;
    for c in 0..count {
        let members = &order[start[c] as usize..start[c + 1] as usize];
        let v0 = members[0] as usize;
        if members.len() < 2 && net.strength(v0, v0) == 0.0 {
            continue;
        }
        // The core's vector, scaled by its largest entry here; from 1 if it underflowed.
        let usable = members.iter().all(|&v| saved[v as usize] > 0.0);
        let mut top = 1.0f64;
        if usable {
            top = 0.0;
            for &v in members {
                x[v as usize] = saved[v as usize];
                top = top.max(saved[v as usize]);
            }
        } else {
            for &v in members {
                x[v as usize] = 1.0;
            }
        }
        let part = Part::new(net, members, &comp, c as u32, parallel_ties);
        let (found, its) = iterate(net, &part, &mut x, &mut y, top, tolerance, MAX_ITER);
        iterations += its;
        for &v in members {
            x[v as usize] = 0.0;
            y[v as usize] = 0.0;
        }
        match found {
            Some(r) => best = best.max(r),
            None => {
                return Err(Error::DidNotConverge {
                    measure: "lambda_max (spectral radius for katz)".into(),
                    iterations: MAX_ITER,
                    tolerance,
                })
            }
        }
    }
    Ok(SpectralRadius {
        value: best,
        iterations,
    })
}

/// Runs the iteration on `part` from `x` (whose largest entry is `top`) until the bracket is
/// narrower than `tolerance` relative to its top or `cap` iterations have run: the midpoint
/// minus 1 if it closed, and the iterations run. `x` holds the last vector.
fn iterate(
    net: &Network,
    part: &Part<'_>,
    x: &mut Vec<f64>,
    y: &mut Vec<f64>,
    mut top: f64,
    tolerance: f64,
    cap: usize,
) -> (Option<f64>, usize) {
    for it in 1..=cap {
        let b = sweep(net, part, x, y, 1.0 / top);
        std::mem::swap(x, y);
        top = b.top;
        if b.closed(tolerance) {
            return (Some(0.5 * (b.lo + b.hi) - 1.0), it);
        }
    }
    (None, cap)
}

/// The nodes an iteration runs on: `nodes` (ascending), exactly those `v` with `label[v] == id`.
struct Part<'a> {
    nodes: &'a [u32],
    label: &'a [u32],
    id: u32,
    /// Sweep the node range `nodes[0]..=nodes[last]` in parallel chunks (the part has at least
    /// the threshold's ties and fills a quarter of that range), rather than the list in order.
    parallel: bool,
}

impl<'a> Part<'a> {
    fn new(
        net: &Network,
        nodes: &'a [u32],
        label: &'a [u32],
        id: u32,
        parallel_ties: usize,
    ) -> Self {
        let (start, _, _) = net.csr(Direction::Backward);
        let ties: usize = nodes
            .iter()
            .map(|&v| (start[v as usize + 1] - start[v as usize]) as usize)
            .sum();
        let span = nodes.last().map_or(0, |&l| (l - nodes[0]) as usize + 1);
        Part {
            nodes,
            label,
            id,
            parallel: ties >= parallel_ties && span <= 4 * nodes.len(),
        }
    }
}

/// The Collatz-Wielandt bracket of one step (minimum and maximum of the ratios new / old over
/// the actors it is taken on), and the largest new entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bracket {
    pub(crate) lo: f64,
    pub(crate) hi: f64,
    pub(crate) top: f64,
}

impl Bracket {
    /// Nothing seen yet.
    pub(crate) const EMPTY: Bracket = Bracket {
        lo: f64::INFINITY,
        hi: 0.0,
        top: 0.0,
    };

    /// Minima and maxima: exact in any order, so the result does not depend on the split.
    pub(crate) fn merge(self, o: Bracket) -> Bracket {
        Bracket {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
            top: self.top.max(o.top),
        }
    }

    /// Takes one actor's ratio; 0 / 0 (an entry that underflowed) counts as infinite, so that
    /// such a bracket never closes.
    #[inline]
    pub(crate) fn ratio(&mut self, r: f64) {
        let r = if r.is_nan() { f64::INFINITY } else { r };
        self.lo = self.lo.min(r);
        self.hi = self.hi.max(r);
    }

    /// Whether the bracket holds a ratio, is finite and is narrower than `tolerance` relative to
    /// its top.
    #[inline]
    pub(crate) fn closed(&self, tolerance: f64) -> bool {
        self.lo <= self.hi && self.hi.is_finite() && self.hi - self.lo <= tolerance * self.hi
    }
}

/// One step on `part`: `y = (A + I)^T x · scale` on its nodes, with the bracket of
/// `(A + I)^T x` against `x`. Each node's value is computed alone, in the same order whichever
/// way the part is swept.
fn sweep(net: &Network, part: &Part<'_>, x: &[f64], y: &mut [f64], scale: f64) -> Bracket {
    let (start, source, weight) = net.csr(Direction::Backward);
    let node = |v: usize, b: &mut Bracket| -> f64 {
        let (a, e) = (start[v] as usize, start[v + 1] as usize);
        let xv = x[v];
        let mut acc = xv;
        for (&u, &s) in source[a..e].iter().zip(&weight[a..e]) {
            acc += s * x[u as usize];
        }
        let out = acc * scale;
        b.ratio(acc / xv);
        b.top = b.top.max(out);
        out
    };
    if part.parallel {
        let first = part.nodes[0] as usize;
        let end = part.nodes[part.nodes.len() - 1] as usize + 1;
        y[first..end]
            .par_chunks_mut(CHUNK)
            .enumerate()
            .map(|(i, chunk)| {
                let mut b = Bracket::EMPTY;
                let base = first + i * CHUNK;
                for (j, slot) in chunk.iter_mut().enumerate() {
                    if part.label[base + j] == part.id {
                        *slot = node(base + j, &mut b);
                    }
                }
                b
            })
            .reduce(|| Bracket::EMPTY, Bracket::merge)
    } else {
        let mut b = Bracket::EMPTY;
        for &v in part.nodes {
            y[v as usize] = node(v as usize, &mut b);
        }
        b
    }
}

/// The cyclic core of a graph: what is left after repeatedly removing the actors without
/// in-ties or without out-ties among the actors left. The removed actors lie on no cycle.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Core {
    /// 0 for the actors of the core, [`NONE`] for the removed ones.
    pub(crate) label: Vec<u32>,
    /// The actors of the core, ascending.
    pub(crate) nodes: Vec<u32>,
    /// The longest chain of ties leading to an actor removed for having no in-ties left (0 if
    /// there is none). Every tie from outside the core into it leaves such an actor, all of whose
    /// predecessors are such actors too; so after `depth + 1` steps of `x <- A^T x` (sums over
    /// in-ties) every one of them holds exactly 0, and the core's sums see the core alone.
    pub(crate) depth: usize,
}

/// The [`Core`] of `net`. O(|V| + |E|).
pub(crate) fn core(net: &Network) -> Core {
    let n = net.node_count();
    let (out_start, out_target, _) = net.csr(Direction::Forward);
    let (in_start, in_source, _) = net.csr(Direction::Backward);
    let mut label = vec![0u32; n];
    let mut ins: Vec<u32> = (0..n).map(|v| in_start[v + 1] - in_start[v]).collect();
    let mut outs: Vec<u32> = (0..n).map(|v| out_start[v + 1] - out_start[v]).collect();
    // Chain length of the actors removed for lack of in-ties; NONE for the others.
    let mut depth = vec![NONE; n];
    let mut queue: Vec<u32> = Vec::new();
    for v in 0..n {
        if ins[v] == 0 {
            depth[v] = 0;
        }
        if ins[v] == 0 || outs[v] == 0 {
            label[v] = NONE;
            queue.push(v as u32);
        }
    }
    let mut deepest = 0u32;
    while let Some(v) = queue.pop() {
        let v = v as usize;
        for &t in &out_target[out_start[v] as usize..out_start[v + 1] as usize] {
            let t = t as usize;
            if label[t] == 0 {
                ins[t] -= 1;
                if ins[t] == 0 {
                    label[t] = NONE;
                    depth[t] = 0;
                    queue.push(t as u32);
                }
            }
        }
        let inward = depth[v] != NONE;
        for &u in &in_source[in_start[v] as usize..in_start[v + 1] as usize] {
            let u = u as usize;
            if inward {
                // Every predecessor of such an actor was removed before it, for the same reason.
                depth[v] = depth[v].max(depth[u].saturating_add(1));
            }
            if label[u] == 0 {
                outs[u] -= 1;
                if outs[u] == 0 {
                    label[u] = NONE;
                    queue.push(u as u32);
                }
            }
        }
        if inward {
            deepest = deepest.max(depth[v]);
        }
    }
    let nodes = (0..n as u32).filter(|&v| label[v as usize] == 0).collect();
    Core {
        label,
        nodes,
        depth: deepest as usize,
    }
}

/// Strongly connected component of every node, numbered from 0 in the order they complete
/// (Pearce's single-array variant of Tarjan's algorithm, iterative): one look-up per tie.
fn components(net: &Network) -> Vec<u32> {
    let n = net.node_count();
    let (start, target, _) = net.csr(Direction::Forward);
    // 0: unseen; while a node is open, its (lowest reachable) visit index, counting up from 1;
    // once its component is complete, the component's number counting down from n - 1. Open
    // indices stay below every component number, so one comparison tells both apart.
    let mut rindex = vec![0u32; n];
    // Open nodes that are not roots of their component, in visit order.
    let mut stack: Vec<u32> = Vec::new();
    // Call stack of (node, next out-tie slot, still a root).
    let mut calls: Vec<(u32, u32, bool)> = Vec::new();
    let mut index = 1u32;
    let mut next_comp = u32::try_from(n).expect("fewer than 2^32 actors");
    for root in 0..n {
        if rindex[root] != 0 {
            continue;
        }
        rindex[root] = index;
        index += 1;
        calls.push((root as u32, start[root], true));
        while let Some(top) = calls.last_mut() {
            let v = top.0 as usize;
            if top.1 < start[v + 1] {
                let t = target[top.1 as usize] as usize;
                top.1 += 1;
                if rindex[t] == 0 {
                    rindex[t] = index;
                    index += 1;
                    calls.push((t as u32, start[t], true));
                } else if rindex[t] < rindex[v] {
                    rindex[v] = rindex[t];
                    top.2 = false;
                }
                continue;
            }
            let (_, _, is_root) = calls.pop().expect("a call is open");
            if is_root {
                next_comp -= 1;
                index -= 1;
                while let Some(&w) = stack.last() {
                    if rindex[v] > rindex[w as usize] {
                        break;
                    }
                    stack.pop();
                    rindex[w as usize] = next_comp;
                    index -= 1;
                }
                rindex[v] = next_comp;
            } else {
                stack.push(v as u32);
            }
            if let Some(parent) = calls.last_mut() {
                let p = parent.0 as usize;
                if rindex[v] < rindex[p] {
                    rindex[p] = rindex[v];
                    parent.2 = false;
                }
            }
        }
    }
    let last = u32::try_from(n).expect("fewer than 2^32 actors") - 1;
    rindex.iter_mut().for_each(|r| *r = last - *r);
    rindex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_by_hand() {
        // 0 <-> 1 -> 2 <-> 3, 4 alone: components {0, 1}, {2, 3}, {4}.
        let net = Network::from_edges(
            5,
            &[
                (0, 1, 0.5),
                (1, 0, 0.5),
                (1, 2, 0.5),
                (2, 3, 0.5),
                (3, 2, 0.5),
            ],
        );
        let c = components(&net);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert!(c[0] != c[2] && c[4] != c[0] && c[4] != c[2]);
    }

    #[test]
    fn radius_by_hand() {
        // Two-cycle 0 <-> 1 with strengths 0.8 and 0.2: eigenvalues +-sqrt(0.8 * 0.2) = +-0.4.
        // Three-cycle 2 -> 3 -> 4 -> 2 with strengths 0.5, 0.5, 0.216: (0.054)^(1/3) ~ 0.378.
        // The larger, 0.4, is the radius.
        let net = Network::from_edges(
            5,
            &[
                (0, 1, 0.8),
                (1, 0, 0.2),
                (2, 3, 0.5),
                (3, 4, 0.5),
                (4, 2, 0.216),
            ],
        );
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert!((r.value - 0.4).abs() < 1e-11, "{r:?}");
        // Without the two-cycle: (0.5 * 0.5 * 0.216)^(1/3) = 0.054^(1/3) = 0.3779763...
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5), (2, 0, 0.216)]);
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert!((r.value - 0.054f64.cbrt()).abs() < 1e-11, "{r:?}");
    }

    #[test]
    fn acyclic_is_zero() {
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.9)]);
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert_eq!(r.value, 0.0);
        // Nothing survives the trimming, so nothing is iterated.
        assert_eq!(r.iterations, 0);
    }

    #[test]
    fn core_by_hand() {
        // 5 -> 0 <-> 1 -> 2 -> 3 -> 4 -> 2 -> 6 -> 7: the source 5 and the tail 6 -> 7 lie on no
        // cycle; 0, 1 and 2, 3, 4 do.
        let net = Network::from_edges(
            8,
            &[
                (5, 0, 0.5),
                (0, 1, 0.5),
                (1, 0, 0.5),
                (1, 2, 0.5),
                (2, 3, 0.5),
                (3, 4, 0.5),
                (4, 2, 0.5),
                (2, 6, 0.5),
                (6, 7, 0.5),
            ],
        );
        let c = core(&net);
        assert_eq!(c.label, vec![0, 0, 0, 0, 0, NONE, NONE, NONE]);
        assert_eq!(c.nodes, vec![0, 1, 2, 3, 4]);
        assert_eq!(c.depth, 0);
        // A chain 8 -> 9 -> 10 into the core: 10 is two ties from a source.
        let mut edges = vec![
            (5, 0, 0.5),
            (0, 1, 0.5),
            (1, 0, 0.5),
            (8, 9, 0.5),
            (9, 10, 0.5),
        ];
        edges.extend([(10, 0, 0.5), (8, 10, 0.5), (1, 11, 0.5)]);
        let c = core(&Network::from_edges(12, &edges));
        assert_eq!(c.nodes, vec![0, 1]);
        assert_eq!(c.depth, 2);
    }

    #[test]
    fn core_split_into_components_when_needed() {
        // Two-cycle 0 <-> 1 (radius 0.4) and three-cycle 2 -> 3 -> 4 -> 2 (radius 0.054^(1/3)),
        // joined by one tie, plus a source and a sink. Tie 1 -> 2: every actor of the core is
        // downstream of the two-cycle, whose rate dominates everywhere in the end, so the bracket
        // closes on the whole core, if slowly (the three-cycle's own rate is close). Tie 2 -> 0
        // instead: the three-cycle only grows at its own rate, the bracket cannot close, and the
        // core must be split.
        let cycles = [
            (0, 1, 0.8),
            (1, 0, 0.2),
            (2, 3, 0.5),
            (3, 4, 0.5),
            (4, 2, 0.216),
            (5, 2, 0.3),
            (0, 6, 0.7),
        ];
        for (link, must_split) in [((1, 2, 0.9), false), ((2, 0, 0.9), true)] {
            let mut edges = cycles.to_vec();
            edges.push(link);
            let net = Network::from_edges(7, &edges);
            for tolerance in [1e-12, 1e-6] {
                let r = spectral_radius(&net, tolerance).unwrap();
                assert!(
                    (r.value - 0.4).abs() <= tolerance * 1.4 / 2.0 + 1e-15,
                    "{link:?} {tolerance}: {r:?}"
                );
                if must_split {
                    assert!(r.iterations > CORE_ITER, "{link:?}: {r:?}");
                }
            }
        }
    }

    #[test]
    fn bracket_closes_only_on_finite_ratios() {
        assert!(!Bracket::EMPTY.closed(1e-6));
        let mut b = Bracket::EMPTY;
        b.ratio(2.0);
        b.ratio(2.0 + 1e-7);
        assert!(b.closed(1e-6) && !b.closed(1e-9));
        b.ratio(f64::NAN);
        assert!(!b.closed(1e-6) && b.hi.is_infinite());
    }

    #[test]
    fn self_tie_counts() {
        // A self-tie is a cycle of one actor (Network::from_edges keeps it).
        let net = Network::from_edges(3, &[(0, 0, 0.7), (0, 1, 0.5), (1, 2, 0.5), (2, 1, 0.02)]);
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert!((r.value - 0.7).abs() < 1e-11, "{r:?}");
    }

    #[test]
    fn parallel_equals_serial_bit_for_bit() {
        let graph = crate::generate::generate(&crate::generate::GenerateParams {
            actors: 3000,
            ties: 30_000,
            seed: 5,
            ..Default::default()
        })
        .unwrap();
        let net = Network::new(&graph, &crate::model::StrengthRule::default());
        // The same graph with a second, weaker strongly connected part upstream that the first
        // does not reach, so that the core is split and components are iterated too.
        let mut edges = Vec::new();
        for v in 0..3000u32 {
            let (to, w) = net.out_edges(v as usize);
            for (&t, &s) in to.iter().zip(w) {
                edges.push((v, t, s));
                edges.push((v + 3000, t + 3000, s * 0.5));
            }
        }
        edges.push((3001, 1, 0.5));
        let split = Network::from_edges(6000, &edges);
        for net in [&net, &split] {
            let c = core(net);
            let serial = radius_of_core(net, &c, 1e-9, usize::MAX).unwrap();
            for threads in [1, 3] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let parallel = pool.install(|| radius_of_core(net, &c, 1e-9, 0).unwrap());
                assert_eq!(serial.value.to_bits(), parallel.value.to_bits());
                assert_eq!(serial.iterations, parallel.iterations);
            }
        }
        let whole = spectral_radius(&net, 1e-9).unwrap();
        let halves = spectral_radius(&split, 1e-9).unwrap();
        assert!(whole.iterations <= CORE_ITER, "{whole:?}");
        assert!(halves.iterations > CORE_ITER, "{halves:?}");
        assert!(
            (whole.value - halves.value).abs() <= 1e-9 * whole.value,
            "{whole:?} {halves:?}"
        );
    }
}
