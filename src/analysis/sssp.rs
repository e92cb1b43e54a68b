//! Single-source shortest distances for the all-sources measures (closeness, harmonic): tie
//! costs computed once, per-thread scratch reused across sources, sources in parallel above a
//! threshold.

use rayon::prelude::*;

use super::heap::IndexedHeap;
use super::network::{Direction, Network};
use crate::model::Distance;

/// Default graph size (nodes) from which the all-sources measures run sources in parallel. Below
/// it a whole run takes well under a millisecond and rayon's start-up would dominate (the
/// bundled graph has 67 actors; see `benches/leverage.rs`).
pub const DEFAULT_PARALLEL_THRESHOLD: usize = 64;

/// A network's ties in one direction with their costs: the read-only input every search shares.
#[derive(Debug, Clone)]
pub struct CostGraph<'a> {
    start: &'a [u32],
    to: &'a [u32],
    cost: Vec<f64>,
}

impl<'a> CostGraph<'a> {
    /// The ties of `net` followed in direction `dir`, with their cost under `distance`.
    ///
    /// # Complexity
    /// O(|E|) time and space (one cost per tie).
    pub fn new(net: &'a Network, distance: Distance, dir: Direction) -> Self {
        let (start, to, _) = net.csr(dir);
        CostGraph {
            start,
            to,
            cost: net.costs(distance, dir),
        }
    }

    /// Number of nodes.
    #[inline]
    pub fn node_count(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Ties of `v` as `(neighbours, costs)`.
    #[inline]
    pub fn edges(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.start[v] as usize, self.start[v + 1] as usize);
        (&self.to[a..b], &self.cost[a..b])
    }

    /// Slot range of `v`'s ties, for per-tie arrays aligned with [`Network::csr`].
    #[inline]
    pub fn range(&self, v: usize) -> std::ops::Range<usize> {
        self.start[v] as usize..self.start[v + 1] as usize
    }
}

/// Reusable buffers of one Dijkstra search: allocated once per thread, reset in time
/// proportional to what the previous search touched.
#[derive(Debug, Clone)]
pub struct Dijkstra {
    dist: Vec<f64>,
    heap: IndexedHeap,
    settled: Vec<(u32, f64)>,
}

impl Dijkstra {
    /// Buffers for a graph of `n` nodes. O(n).
    pub fn new(n: usize) -> Self {
        Dijkstra {
            dist: vec![f64::INFINITY; n],
            heap: IndexedHeap::new(n),
            settled: Vec::with_capacity(n),
        }
    }

    /// Best costs from `root` along `g`'s ties: returns every node reached as `(node, cost)` in
    /// the order Dijkstra settles them (non-decreasing cost, then node), the root first at 0.
    ///
    /// # Complexity
    /// O((|V'| + |E'|) log |V'|) over the reached part `V'`, `E'` of the graph; no allocation.
    pub fn run(&mut self, g: &CostGraph<'_>, root: usize) -> &[(u32, f64)] {
        for &(v, _) in &self.settled {
            self.dist[v as usize] = f64::INFINITY;
        }
        self.settled.clear();
        self.heap.clear();
        self.dist[root] = 0.0;
        self.heap.push_or_decrease(root as u32, 0.0);
        while let Some((d, v)) = self.heap.pop() {
            // Marking a settled node with a negative cost makes the `c < dist` test below fail
            // for it without a separate `done` array (costs are never negative).
            self.dist[v as usize] = -1.0;
            self.settled.push((v, d));
            let (to, cost) = g.edges(v as usize);
            for (&w, &c) in to.iter().zip(cost) {
                let c = d + c;
                let dw = &mut self.dist[w as usize];
                if c < *dw {
                    *dw = c;
                    self.heap.push_or_decrease(w, c);
                }
            }
        }
        &self.settled
    }
}

/// `f(search, root)` for every root `0..n` of `g`, by position: in parallel (rayon, one
/// [`Dijkstra`] per worker) when `n >= parallel_threshold`. Each value depends only on its own
/// search, so the output is bit-identical whatever the number of threads.
///
/// # Complexity
/// n searches; O(|V|) scratch per thread.
pub fn for_each_root<F>(g: &CostGraph<'_>, parallel_threshold: usize, f: F) -> Vec<f64>
where
    F: Fn(&[(u32, f64)], usize) -> f64 + Sync,
{
    let n = g.node_count();
    if n >= parallel_threshold {
        (0..n)
            .into_par_iter()
            .map_init(|| Dijkstra::new(n), |s, v| f(s.run(g, v), v))
            .collect()
    } else {
        let mut s = Dijkstra::new(n);
        (0..n).map(|v| f(s.run(g, v), v)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settles_in_cost_order_and_resets() {
        // 0 -> 1 (0.5), 1 -> 2 (0.5), 0 -> 2 (0.1): under `inverse`, d(2) = min(10, 4) = 4.
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.1)]);
        let g = CostGraph::new(&net, Distance::Inverse, Direction::Forward);
        let mut s = Dijkstra::new(3);
        assert_eq!(s.run(&g, 0), &[(0, 0.0), (1, 2.0), (2, 4.0)]);
        assert_eq!(s.run(&g, 1), &[(1, 0.0), (2, 2.0)]);
        let b = CostGraph::new(&net, Distance::Inverse, Direction::Backward);
        assert_eq!(s.run(&b, 2), &[(2, 0.0), (1, 2.0), (0, 4.0)]);
    }
}
