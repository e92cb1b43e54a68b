//! Betweenness on the chosen distance (Brandes), sources in parallel, bit-identical across
//! thread counts.

use rayon::prelude::*;

use crate::analysis::network::{Direction, Network};
use crate::analysis::sssp::{CostGraph, Dijkstra, Visitor};
use crate::model::Distance;

/// Sources per block: blocks are the unit of parallel work and of the fixed-order reduction, so
/// the result does not depend on the number of threads.
const BLOCK: usize = 32;

/// Blocks per wave: the partial sums of one wave are kept, then added in block order before the
/// next wave starts, which bounds the memory of the partials by `WAVE · |V|` numbers (10 MB at
/// 20,000 actors) instead of one vector per block.
const WAVE: usize = 64;

/// Default graph size (nodes) from which sources run in parallel.
pub const DEFAULT_PARALLEL_THRESHOLD: usize = 64;

/// Betweenness on the chosen distance: how often an actor lies on best leverage paths.
///
/// Direction: along ties (`from -> to`); a high score marks a **broker**. Brandes' algorithm with
/// Dijkstra on [`Distance`] costs, normalised like NetworkX
/// `betweenness_centrality(G, weight="dist")` for a directed graph: divided by `(n-1)(n-2)` when
/// `n > 2`; endpoints not counted. Shortest paths of exactly equal cost all count.
///
/// One deliberate difference: a tie of strength exactly 1 costs 0 under [`Distance::Log`], and
/// zero-cost cycles make shortest paths degenerate. NetworkX's Dijkstra then keeps adding
/// equal-cost predecessors to actors it has already settled; this function follows Brandes and
/// does not, so on such graphs the two can differ.
///
/// Sources run in parallel (rayon) in fixed blocks of 32 when the graph has at least
/// `parallel_threshold` nodes; block results are added in block order, so the output is
/// bit-identical whatever the number of threads, and equal to the serial run. Tie costs are
/// computed once; each worker reuses one set of buffers (and the crate's one Dijkstra search, on
/// an indexed 4-ary heap) for all its sources, so the per-source loop does not allocate.
///
/// # Complexity
/// Time **O(|V||E| + |V|² log|V|)** (the `log` from the heap); auxiliary space
/// **O(|V| + |E|)** per thread plus **O(64 |V|)** for the partial sums of one wave.
///
/// # References
/// U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::betweenness;
/// use leverage::analysis::network::Network;
/// use leverage::model::Distance;
///
/// // 0 -> 1 -> 2: node 1 lies on the one path 0 -> 2, normalised by (n-1)(n-2) = 2.
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5)]);
/// assert_eq!(betweenness(&net, Distance::Log, usize::MAX), vec![0.0, 0.5, 0.0]);
/// ```
pub fn betweenness(net: &Network, distance: Distance, parallel_threshold: usize) -> Vec<f64> {
    let n = net.node_count();
    let g = CostGraph::new(net, distance, Direction::Forward);
    let blocks: Vec<std::ops::Range<usize>> = (0..n.div_ceil(BLOCK))
        .map(|b| b * BLOCK..((b + 1) * BLOCK).min(n))
        .collect();
    let run = |scratch: &mut Scratch, range: &std::ops::Range<usize>| {
        let mut acc = vec![0.0; n];
        for s in range.clone() {
            scratch.single_source(&g, s, &mut acc);
        }
        acc
    };
    let mut total = vec![0.0; n];
    let mut serial_scratch = None;
    for wave in blocks.chunks(WAVE) {
        let partials: Vec<Vec<f64>> = if n >= parallel_threshold {
            wave.par_iter()
                .map_init(|| Scratch::new(net), run)
                .collect()
        } else {
            let scratch = serial_scratch.get_or_insert_with(|| Scratch::new(net));
            wave.iter().map(|r| run(scratch, r)).collect()
        };
        for p in &partials {
            for (t, x) in total.iter_mut().zip(p) {
                *t += x;
            }
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
        for t in &mut total {
            *t *= scale;
        }
    }
    total
}

/// Per-thread buffers reused across sources: no allocation inside the per-source loop.
struct Scratch {
    /// The Dijkstra search; its settled list is Brandes' stack `S` (every node reached is
    /// settled, since costs are non-negative).
    search: Dijkstra,
    counts: Counts,
    delta: Vec<f64>,
}

/// What one Brandes pass records during its search: `sigma` = number of shortest paths from
/// the source, and each node's predecessors on them.
struct Counts {
    sigma: Vec<f64>,
    /// Predecessors of `w` live in `pred[pred_start[w] .. pred_start[w] + pred_len[w]]`.
    pred: Vec<u32>,
    pred_len: Vec<u32>,
    pred_start: Vec<u32>,
}

impl Visitor for Counts {
    const EQUAL: bool = true;

    #[inline]
    fn improved(&mut self, v: u32, w: u32) {
        let wu = w as usize;
        self.sigma[wu] = self.sigma[v as usize];
        self.pred[self.pred_start[wu] as usize] = v;
        self.pred_len[wu] = 1;
    }

    #[inline]
    fn equal(&mut self, v: u32, w: u32) {
        let wu = w as usize;
        self.sigma[wu] += self.sigma[v as usize];
        let slot = (self.pred_start[wu] + self.pred_len[wu]) as usize;
        self.pred[slot] = v;
        self.pred_len[wu] += 1;
    }
}

impl Scratch {
    fn new(net: &Network) -> Self {
        let n = net.node_count();
        // A node has at most as many predecessors as in-ties.
        let pred_start = net.csr(Direction::Backward).0.to_vec();
        Scratch {
            search: Dijkstra::new(n),
            counts: Counts {
                sigma: vec![0.0; n],
                pred: vec![0; net.edge_count()],
                pred_len: vec![0; n],
                pred_start,
            },
            delta: vec![0.0; n],
        }
    }

    /// One Brandes pass from `s`, adding dependencies into `acc`.
    /// Symbols: `sigma` = number of shortest paths from s, `delta` = dependency of s on v.
    fn single_source(&mut self, g: &CostGraph<'_>, s: usize, acc: &mut [f64]) {
        let c = &mut self.counts;
        for &(v, _) in self.search.settled() {
            let v = v as usize;
            c.sigma[v] = 0.0;
            self.delta[v] = 0.0;
            c.pred_len[v] = 0;
        }
        c.sigma[s] = 1.0;
        let order = self.search.run_with(g, s, c);
        // Accumulate dependencies in order of non-increasing distance.
        for &(w, _) in order.iter().rev() {
            let wu = w as usize;
            let coeff = (1.0 + self.delta[wu]) / c.sigma[wu];
            let start = c.pred_start[wu] as usize;
            for &v in &c.pred[start..start + c.pred_len[wu] as usize] {
                let v = v as usize;
                self.delta[v] += c.sigma[v] * coeff;
            }
            if wu != s {
                acc[wu] += self.delta[wu];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_graph_by_hand() {
        // 0 -> 1 -> 2: node 1 lies on the one path 0 -> 2. Normalised by (n-1)(n-2) = 2.
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5)]);
        assert_eq!(
            betweenness(&net, Distance::Log, usize::MAX),
            vec![0.0, 0.5, 0.0]
        );
    }

    #[test]
    fn equal_paths_split() {
        // 0 -> 1 -> 3 and 0 -> 2 -> 3 with equal hops: 1 and 2 each carry half of (0, 3).
        let net = Network::from_edges(4, &[(0, 1, 0.5), (1, 3, 0.5), (0, 2, 0.9), (2, 3, 0.1)]);
        let b = betweenness(&net, Distance::Hops, usize::MAX);
        // raw 0.5 each, / (3 * 2)
        assert!((b[1] - 0.5 / 6.0).abs() < 1e-15 && (b[2] - 0.5 / 6.0).abs() < 1e-15);
        // Under -ln w: 0-1-3 = 0.25 beats 0-2-3 = 0.09, so node 1 carries it all.
        let b = betweenness(&net, Distance::Log, usize::MAX);
        assert!((b[1] - 1.0 / 6.0).abs() < 1e-15 && b[2] == 0.0);
    }

    #[test]
    fn parallel_equals_serial_bit_for_bit() {
        let mut edges = Vec::new();
        let mut x: u64 = 7;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let f = (x >> 33) % 300;
            let t = (x >> 13) % 300;
            let w = ((x >> 40) % 1000) as f64 / 1000.0 + 0.001;
            edges.push((f as u32, t as u32, w.min(1.0)));
        }
        edges.retain(|e| e.0 != e.1);
        edges.sort_by_key(|e| (e.0, e.1));
        edges.dedup_by_key(|e| (e.0, e.1));
        let net = Network::from_edges(300, &edges);
        let serial = betweenness(&net, Distance::Log, usize::MAX);
        let parallel = betweenness(&net, Distance::Log, 1);
        assert_eq!(
            serial.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            parallel.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }

    /// Betweenness by enumeration: for every ordered pair `(s, t)`, every simple path, the
    /// cheapest of them (costs summed from `s`, compared exactly), and for each actor the share
    /// of those it lies inside; normalised by `(n - 1)(n - 2)`. Also counts the pairs with more
    /// than one shortest path.
    fn brute_force(net: &Network, distance: Distance) -> (Vec<f64>, usize) {
        use crate::analysis::oracle;
        let n = net.node_count();
        let mut b = vec![0.0; n];
        let mut split = 0;
        for s in 0..n {
            for t in (0..n).filter(|&t| t != s) {
                let paths = oracle::simple_paths(net, s, t, None, &[]);
                let costs: Vec<f64> = paths
                    .iter()
                    .map(|p| oracle::cost(net, p, distance))
                    .collect();
                let Some(best) = costs.iter().copied().min_by(f64::total_cmp) else {
                    continue;
                };
                let shortest: Vec<&Vec<usize>> = paths
                    .iter()
                    .zip(&costs)
                    .filter(|&(_, &c)| c == best)
                    .map(|(p, _)| p)
                    .collect();
                split += usize::from(shortest.len() > 1);
                let share = 1.0 / shortest.len() as f64;
                for p in shortest {
                    for &v in &p[1..p.len() - 1] {
                        b[v] += share;
                    }
                }
            }
        }
        if n > 2 {
            let scale = 1.0 / ((n - 1) * (n - 2)) as f64;
            b.iter_mut().for_each(|x| *x *= scale);
        }
        (b, split)
    }

    #[test]
    fn equals_a_brute_force_over_all_shortest_paths() {
        // Under `inverse` (costs 1, 2, 4, 8) and `hops` many pairs have several shortest paths,
        // so the path counts (sigma) are exercised; under `log` the strengths are continuous.
        use crate::analysis::oracle;
        let mut several = 0;
        for seed in 0..300u64 {
            let n = 2 + (seed % 7) as usize;
            let density = [0.3, 0.5, 0.8][(seed / 7 % 3) as usize];
            for distance in [Distance::Log, Distance::Inverse, Distance::Hops] {
                let net = oracle::random_network(seed, n, density, oracle::strengths_for(distance));
                let (want, split) = brute_force(&net, distance);
                several += split;
                let got = betweenness(&net, distance, usize::MAX);
                for v in 0..n {
                    assert!(
                        (got[v] - want[v]).abs() < 1e-12,
                        "seed {seed}, {distance:?}, node {v}: {} vs brute force {}",
                        got[v],
                        want[v]
                    );
                }
                if want
                    .iter()
                    .any(|x| x.fract() != 0.0 && (x * 1e9).fract() != 0.0)
                {
                    several += 1;
                }
            }
        }
        assert!(
            several > 1000,
            "only {several} pairs with several shortest paths"
        );
    }
}
