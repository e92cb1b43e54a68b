//! The crate's one Dijkstra engine ([`Dijkstra`], on the [`IndexedHeap`]) and the read-only
//! input every search shares ([`CostGraph`]): tie costs computed once, buffers reused across
//! searches, sources in parallel for the all-sources measures.
//!
//! Every Dijkstra search of the crate runs here: closeness and harmonic (plain costs),
//! betweenness (path counts, through a [`Visitor`]), and the path trees, best paths and Yen spur
//! searches of [`crate::analysis::paths`] (predecessors, banned nodes, early stop).

use std::borrow::Cow;

use rayon::prelude::*;

use super::heap::IndexedHeap;
use super::network::{Direction, Network};
use crate::model::Distance;

/// A network's ties in one direction with their costs: the read-only input every search shares.
#[derive(Debug, Clone)]
pub(crate) struct CostGraph<'a> {
    start: &'a [u32],
    to: &'a [u32],
    cost: Cow<'a, [f64]>,
}

impl<'a> CostGraph<'a> {
    /// The ties of `net` followed in direction `dir`, with their cost under `distance`.
    ///
    /// # Complexity
    /// O(|E|) time and space (one cost per tie).
    pub(crate) fn new(net: &'a Network, distance: Distance, dir: Direction) -> Self {
        let (start, to, _) = net.csr(dir);
        CostGraph {
            start,
            to,
            cost: Cow::Owned(net.costs(distance, dir)),
        }
    }

    /// The ties of `net` in direction `dir` with costs computed beforehand, slot by slot in the
    /// order of [`Network::csr`]`(dir)`. O(1): the costs are borrowed.
    ///
    /// # Panics
    /// If `costs` does not have one entry per tie (a programmer error).
    pub(crate) fn with_costs(net: &'a Network, dir: Direction, costs: &'a [f64]) -> Self {
        assert_eq!(costs.len(), net.edge_count(), "one cost per tie");
        let (start, to, _) = net.csr(dir);
        CostGraph {
            start,
            to,
            cost: Cow::Borrowed(costs),
        }
    }

    /// Number of nodes.
    #[inline]
    pub(crate) fn node_count(&self) -> usize {
        self.start.len().saturating_sub(1)
    }

    /// Ties of `v` as `(neighbours, costs)`.
    #[inline]
    pub(crate) fn edges(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.start[v] as usize, self.start[v + 1] as usize);
        (&self.to[a..b], &self.cost[a..b])
    }
}

/// What a [`Dijkstra`] search does besides computing costs: which ties it may take, what it
/// records on the way (predecessors, path counts) and when it stops. Every method has a default
/// that does nothing, and the search is generic over the visitor, so the plain search compiles
/// to the bare loop.
pub(crate) trait Visitor {
    /// Whether [`Visitor::equal`] is wanted; when `false` the search does not test for equal
    /// costs at all.
    const EQUAL: bool = false;

    /// Whether the search may enter `w` from `v` (called before the cost test).
    #[inline]
    fn enters(&self, _v: usize, _w: usize) -> bool {
        true
    }

    /// `w`'s best cost so far was lowered, by the tie from `v` (settled).
    #[inline]
    fn improved(&mut self, _v: u32, _w: u32) {}

    /// The tie from `v` (settled) reaches `w` (not settled) at exactly its best cost so far.
    /// Only called when [`Visitor::EQUAL`] is set, and only for finite costs.
    #[inline]
    fn equal(&mut self, _v: u32, _w: u32) {}

    /// `v` has been settled at cost `d`; returning `true` ends the search before `v`'s ties
    /// are followed.
    #[inline]
    fn settled(&mut self, _v: u32, _d: f64) -> bool {
        false
    }
}

/// The visitor of a plain search: costs only.
struct Plain;

impl Visitor for Plain {}

/// The crate's one Dijkstra search, with the reusable buffers of one search: allocated once per
/// thread (or per Yen run), reset in time proportional to what the previous search touched.
///
/// Nodes are settled in the order of the [`IndexedHeap`], non-decreasing cost and then node, so
/// every search is deterministic; what a caller records on the way (predecessors for path
/// trees, path counts for betweenness) is given by a [`Visitor`].
#[derive(Debug, Clone)]
pub(crate) struct Dijkstra {
    /// Best cost so far; `-1` once settled (costs are never negative, so the `c < dist` test
    /// fails for settled nodes without a separate `done` array).
    dist: Vec<f64>,
    heap: IndexedHeap,
    settled: Vec<(u32, f64)>,
}

impl Dijkstra {
    /// Buffers for a graph of `n` nodes. O(n).
    pub(crate) fn new(n: usize) -> Self {
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
    pub(crate) fn run(&mut self, g: &CostGraph<'_>, root: usize) -> &[(u32, f64)] {
        self.run_with(g, root, &mut Plain)
    }

    /// The nodes settled by the last search, in settling order, with their costs.
    #[inline]
    pub(crate) fn settled(&self) -> &[(u32, f64)] {
        &self.settled
    }

    /// [`Dijkstra::run`] with a [`Visitor`]: returns the nodes settled, in order (if the visitor
    /// stops the search, the last one is where it stopped).
    ///
    /// # Complexity
    /// As [`Dijkstra::run`], plus the visitor's calls: one per tie followed.
    pub(crate) fn run_with<V: Visitor>(
        &mut self,
        g: &CostGraph<'_>,
        root: usize,
        visit: &mut V,
    ) -> &[(u32, f64)] {
        self.reset();
        self.dist[root] = 0.0;
        self.heap.push_or_decrease(root as u32, 0.0);
        while let Some((d, v)) = self.heap.pop() {
            self.dist[v as usize] = -1.0;
            self.settled.push((v, d));
            if visit.settled(v, d) {
                break;
            }
            let (to, cost) = g.edges(v as usize);
            for (&w, &c) in to.iter().zip(cost) {
                if !visit.enters(v as usize, w as usize) {
                    continue;
                }
                let c = d + c;
                let dw = &mut self.dist[w as usize];
                if c < *dw {
                    *dw = c;
                    visit.improved(v, w);
                    self.heap.push_or_decrease(w, c);
                } else if V::EQUAL && c == *dw && c < f64::INFINITY {
                    visit.equal(v, w);
                }
            }
        }
        &self.settled
    }

    /// Forgets the last search: the nodes it settled and those still in the heap (a search
    /// stopped early). O(nodes touched).
    fn reset(&mut self) {
        for &(v, _) in &self.settled {
            self.dist[v as usize] = f64::INFINITY;
        }
        for v in self.heap.nodes() {
            self.dist[v as usize] = f64::INFINITY;
        }
        self.settled.clear();
        self.heap.clear();
    }
}

/// `f(search, root)` for every root `0..n` of `g`, by position: in parallel (rayon, one
/// [`Dijkstra`] per worker) when `n >= parallel_threshold`. Each value depends only on its own
/// search, so the output is bit-identical whatever the number of threads.
///
/// # Complexity
/// n searches; O(|V|) scratch per thread.
pub(crate) fn for_each_root<F>(g: &CostGraph<'_>, parallel_threshold: usize, f: F) -> Vec<f64>
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
