//! [`Network`]: the compact adjacency (CSR, both directions) every algorithm runs on, built once
//! from an [`InfluenceGraph`] and a [`StrengthRule`].

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::NodeIndexable;

use crate::model::{Distance, InfluenceGraph, StrengthRule};

/// Marks "no node" in `u32` node arrays.
pub(crate) const NONE: u32 = u32::MAX;

/// A directed weighted graph in compressed sparse row form, out- and in-adjacency.
///
/// Nodes are numbered `0..n` in the graph's file order; each node's out-ties are sorted by target
/// and its in-ties by source, so every algorithm visits them in one fixed order. Ties whose
/// aggregate strength is 0 are left out (MODEL section 2: such a tie is absent).
#[derive(Debug, Clone, Default)]
pub struct Network {
    n: usize,
    /// petgraph node of each position (empty for networks built from raw edges).
    nodes: Vec<NodeIndex>,
    /// position of each petgraph node index (`NONE` for holes).
    position: Vec<u32>,
    out_start: Vec<u32>,
    out_target: Vec<u32>,
    out_weight: Vec<f64>,
    /// petgraph edge of each out-tie (empty for networks built from raw edges).
    out_edge: Vec<EdgeIndex>,
    in_start: Vec<u32>,
    in_source: Vec<u32>,
    in_weight: Vec<f64>,
    /// Out-slot of each in-slot, to re-weight both directions at once.
    in_to_out: Vec<u32>,
}

impl Network {
    /// Builds the network of `graph` with tie strengths from `rule`.
    ///
    /// # Complexity
    /// O(|V| + |E| log |E|) time, O(|V| + |E|) space.
    pub fn new(graph: &InfluenceGraph, rule: &StrengthRule) -> Self {
        Self::build(graph, rule, false)
    }

    /// Like [`Network::new`], but also keeps ties whose strength is 0 at their best estimate and
    /// positive at the top of their ranges (for sampling: a draw may give them weight). Their
    /// strength here is their best estimate, possibly 0 (a cost of infinity: no path uses them).
    ///
    /// # Complexity
    /// O(|V| + |E| log |E|).
    pub fn with_potential_ties(graph: &InfluenceGraph, rule: &StrengthRule) -> Self {
        Self::build(graph, rule, true)
    }

    fn build(graph: &InfluenceGraph, rule: &StrengthRule, potential: bool) -> Self {
        let fams = graph.family_table();
        let pg = graph.graph();
        let nodes: Vec<NodeIndex> = pg.node_indices().collect();
        let mut position = vec![NONE; pg.node_bound()];
        for (i, n) in nodes.iter().enumerate() {
            position[n.index()] = u32::try_from(i).expect("fewer than 2^32 actors");
        }
        let edges: Vec<(u32, u32, f64, EdgeIndex)> = graph
            .ties()
            .filter_map(|(e, f, t, tie)| {
                let w = rule.strength(tie, &|c| fams.of(c));
                let keep = w > 0.0
                    || (potential
                        && tie
                            .channels
                            .iter()
                            .any(|(c, fig)| rule.emphasis.of(c) * fig.bounds()[1] > 0.0));
                keep.then(|| (position[f.index()], position[t.index()], w, e))
            })
            .collect();
        let edges = sort_by_ends(nodes.len(), edges);
        let mut net = Self::from_sorted(nodes.len(), &edges);
        net.nodes = nodes;
        net.position = position;
        net.out_edge = edges.iter().map(|e| e.3).collect();
        net
    }

    /// Builds a network on nodes `0..n` from raw `(from, to, strength)` edges, for generated graphs
    /// and benchmarks. Edges with strength `<= 0` or an end `>= n` are dropped; parallel edges are
    /// kept as given.
    ///
    /// # Complexity
    /// O(|V| + |E| log |E|).
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Self {
        let mut e: Vec<(u32, u32, f64, EdgeIndex)> = edges
            .iter()
            .filter(|&&(f, t, w)| w > 0.0 && (f as usize) < n && (t as usize) < n)
            .map(|&(f, t, w)| (f, t, w, EdgeIndex::end()))
            .collect();
        e.sort_by_key(|&(f, t, _, _)| (f, t));
        Self::from_sorted(n, &e)
    }

    fn from_sorted(n: usize, edges: &[(u32, u32, f64, EdgeIndex)]) -> Self {
        let m = edges.len();
        let mut out_start = vec![0u32; n + 1];
        for &(f, _, _, _) in edges {
            out_start[f as usize + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let out_target: Vec<u32> = edges.iter().map(|e| e.1).collect();
        let out_weight: Vec<f64> = edges.iter().map(|e| e.2).collect();

        // In-adjacency by counting sort on targets; stable, so sources stay sorted.
        let mut in_start = vec![0u32; n + 1];
        for &(_, t, _, _) in edges {
            in_start[t as usize + 1] += 1;
        }
        for i in 0..n {
            in_start[i + 1] += in_start[i];
        }
        let mut fill = in_start.clone();
        let mut in_source = vec![0u32; m];
        let mut in_weight = vec![0f64; m];
        let mut in_to_out = vec![0u32; m];
        for (i, &(f, t, w, _)) in edges.iter().enumerate() {
            let slot = fill[t as usize] as usize;
            in_source[slot] = f;
            in_weight[slot] = w;
            in_to_out[slot] = u32::try_from(i).expect("fewer than 2^32 ties");
            fill[t as usize] += 1;
        }
        Network {
            n,
            nodes: Vec::new(),
            position: Vec::new(),
            out_start,
            out_target,
            out_weight,
            out_edge: Vec::new(),
            in_start,
            in_source,
            in_weight,
            in_to_out,
        }
    }

    /// Replaces every tie's strength: `weights` is indexed like [`Network::out_weights`] (CSR
    /// order). Both directions are updated. Time O(|E|).
    ///
    /// # Panics
    /// If `weights` does not have one entry per tie (a programmer error).
    pub fn set_weights(&mut self, weights: &[f64]) {
        assert_eq!(weights.len(), self.out_weight.len(), "one weight per tie");
        self.out_weight.copy_from_slice(weights);
        for (slot, &o) in self.in_to_out.iter().enumerate() {
            self.in_weight[slot] = weights[o as usize];
        }
    }

    /// The petgraph edge behind each tie, in CSR order (empty for raw-edge networks).
    pub fn edge_indices(&self) -> &[EdgeIndex] {
        &self.out_edge
    }

    /// Number of nodes.
    #[inline]
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of ties (with positive strength).
    #[inline]
    pub fn edge_count(&self) -> usize {
        self.out_target.len()
    }

    /// Out-ties of `v` as `(targets, strengths)`, sorted by target.
    #[inline]
    pub fn out_edges(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.out_start[v] as usize, self.out_start[v + 1] as usize);
        (&self.out_target[a..b], &self.out_weight[a..b])
    }

    /// In-ties of `v` as `(sources, strengths)`, sorted by source.
    #[inline]
    pub fn in_edges(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.in_start[v] as usize, self.in_start[v + 1] as usize);
        (&self.in_source[a..b], &self.in_weight[a..b])
    }

    /// Ties along (`Forward`) or against (`Backward`) their direction.
    #[inline]
    pub fn edges(&self, v: usize, dir: Direction) -> (&[u32], &[f64]) {
        match dir {
            Direction::Forward => self.out_edges(v),
            Direction::Backward => self.in_edges(v),
        }
    }

    /// Strength of the tie `from -> to`, or 0 if absent. O(log deg).
    pub fn strength(&self, from: usize, to: usize) -> f64 {
        let (t, w) = self.out_edges(from);
        t.binary_search(&(to as u32)).map_or(0.0, |i| w[i])
    }

    /// The petgraph node at position `v`.
    ///
    /// # Panics
    /// For a network built with [`Network::from_edges`] (it has no petgraph nodes).
    pub fn node(&self, v: usize) -> NodeIndex {
        self.nodes[v]
    }

    /// The position of a petgraph node, if it is in the network.
    pub fn position(&self, node: NodeIndex) -> Option<usize> {
        self.position
            .get(node.index())
            .filter(|&&p| p != NONE)
            .map(|&p| p as usize)
    }

    /// The CSR out-slot of the tie `from -> to` (its index in [`Network::out_weights`]), if
    /// there is one. O(log deg).
    pub fn slot(&self, from: usize, to: usize) -> Option<usize> {
        let (a, b) = (
            *self.out_start.get(from)? as usize,
            *self.out_start.get(from + 1)? as usize,
        );
        let i = self.out_target[a..b].binary_search(&(to as u32)).ok()?;
        Some(a + i)
    }

    /// Values given per out-slot (CSR order of [`Network::out_weights`]) rearranged into the
    /// in-slot order of [`Network::csr`]`(Direction::Backward)`. O(|E|).
    ///
    /// # Panics
    /// If `by_out_slot` does not have one entry per tie (a programmer error).
    pub fn to_backward(&self, by_out_slot: &[f64]) -> Vec<f64> {
        assert_eq!(
            by_out_slot.len(),
            self.out_target.len(),
            "one value per tie"
        );
        self.in_to_out
            .iter()
            .map(|&o| by_out_slot[o as usize])
            .collect()
    }

    /// The petgraph edge of the tie `from -> to`, if the network was built from a graph.
    pub fn edge(&self, from: usize, to: usize) -> Option<EdgeIndex> {
        let (a, b) = (
            self.out_start[from] as usize,
            self.out_start[from + 1] as usize,
        );
        let i = self.out_target[a..b].binary_search(&(to as u32)).ok()?;
        self.out_edge.get(a + i).copied()
    }

    /// The same network with every tie reversed.
    pub fn reversed(&self) -> Network {
        let mut edges = Vec::with_capacity(self.edge_count());
        for v in 0..self.n {
            let (t, w) = self.out_edges(v);
            for (&u, &x) in t.iter().zip(w) {
                edges.push((u, v as u32, x));
            }
        }
        let mut r = Network::from_edges(self.n, &edges);
        r.nodes.clone_from(&self.nodes);
        r.position.clone_from(&self.position);
        r
    }

    /// The whole adjacency in direction `dir` as `(start, neighbours, strengths)`: the ties of
    /// `v` are the slots `start[v]..start[v + 1]` of the other two slices (for kernels that keep
    /// per-tie arrays, such as [`Network::costs`]). O(1).
    #[inline]
    pub fn csr(&self, dir: Direction) -> (&[u32], &[u32], &[f64]) {
        match dir {
            Direction::Forward => (&self.out_start, &self.out_target, &self.out_weight),
            Direction::Backward => (&self.in_start, &self.in_source, &self.in_weight),
        }
    }

    /// The cost of every tie under `distance`, slot by slot in the order of
    /// [`Network::csr`]`(dir)`: computed once so that searches do not take a logarithm per
    /// relaxation. O(|E|) time and space.
    pub fn costs(&self, distance: Distance, dir: Direction) -> Vec<f64> {
        self.csr(dir).2.iter().map(|&w| distance.cost(w)).collect()
    }

    /// Strengths of all ties, in CSR order (for sampling and re-weighting).
    pub fn out_weights(&self) -> &[f64] {
        &self.out_weight
    }
}

/// Which way to follow ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Along ties, `from -> to`.
    Forward,
    /// Against ties, `to -> from`.
    Backward,
}

/// Sorts ties by `(from, to)`: a counting sort on `from`, then each actor's ties by `to`.
/// Pairs are unique in an [`InfluenceGraph`], so the order is fully determined.
///
/// # Complexity
/// O(|V| + |E| + sum over actors of d log d) for out-degrees d, instead of O(|E| log |E|).
fn sort_by_ends(
    n: usize,
    edges: Vec<(u32, u32, f64, EdgeIndex)>,
) -> Vec<(u32, u32, f64, EdgeIndex)> {
    let mut start = vec![0usize; n + 1];
    for e in &edges {
        start[e.0 as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut sorted = vec![(0u32, 0u32, 0f64, EdgeIndex::end()); edges.len()];
    let mut fill = start.clone();
    for e in edges {
        sorted[fill[e.0 as usize]] = e;
        fill[e.0 as usize] += 1;
    }
    for v in 0..n {
        sorted[start[v]..start[v + 1]].sort_unstable_by_key(|e| e.1);
    }
    sorted
}

#[cfg(test)]
mod tests {

    #[test]
    fn counting_sort_by_ends_matches_a_comparison_sort() {
        // A fixed pseudo-random multiset of unique pairs, some actors without ties.
        let n = 50u32;
        let mut seen = std::collections::HashSet::new();
        let mut edges = Vec::new();
        let mut x: u64 = 12345;
        for i in 0..600u32 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let (f, t) = (
                ((x >> 33) % u64::from(n)) as u32,
                ((x >> 45) % u64::from(n)) as u32,
            );
            if seen.insert((f, t)) {
                edges.push((f, t, f64::from(i), EdgeIndex::new(i as usize)));
            }
        }
        let mut expected = edges.clone();
        expected.sort_by_key(|&(f, t, _, _)| (f, t));
        assert_eq!(super::sort_by_ends(n as usize, edges), expected);
        assert!(super::sort_by_ends(3, Vec::new()).is_empty());
    }
    use super::*;

    #[test]
    fn csr_both_directions() {
        let net = Network::from_edges(3, &[(0, 2, 0.5), (0, 1, 0.25), (2, 1, 1.0), (1, 1, 0.0)]);
        assert_eq!(net.edge_count(), 3);
        assert_eq!(net.out_edges(0), (&[1u32, 2][..], &[0.25, 0.5][..]));
        assert_eq!(net.in_edges(1), (&[0u32, 2][..], &[0.25, 1.0][..]));
        assert_eq!(net.strength(2, 1), 1.0);
        assert_eq!(net.strength(1, 2), 0.0);
        let mut net2 = net.clone();
        net2.set_weights(&[0.5, 0.5, 0.5]);
        assert_eq!(net2.in_edges(1).1, &[0.5, 0.5][..]);
        let r = net.reversed();
        assert_eq!(r.out_edges(1), (&[0u32, 2][..], &[0.25, 1.0][..]));
    }
}
