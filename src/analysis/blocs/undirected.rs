//! The undirected weighted graph that community detection runs on: `W = A + Aᵀ` over the
//! network's ties, in compressed sparse row form, and its aggregation by communities.

use crate::analysis::network::Network;

/// An undirected weighted graph as a symmetric adjacency matrix `W`, in CSR form.
///
/// Off-diagonal entries `W_uv = W_vu` live in the neighbour lists; the diagonal `W_vv` (a node's
/// self-loop, and after aggregation the weight inside a community, counted in both directions)
/// is kept apart. `degree[v] = Σ_u W_vu` including the diagonal, and `two_m = Σ_v degree[v]`,
/// so the modularity of a partition is `Σ_c [I_c / 2m − γ (K_c / 2m)²]` with `I_c` the sum of
/// `W` over pairs inside `c` and `K_c` the sum of the degrees in `c`.
#[derive(Debug, Clone)]
pub(crate) struct Undirected {
    start: Vec<usize>,
    neighbour: Vec<u32>,
    weight: Vec<f64>,
    /// `W_vv`.
    pub(crate) diagonal: Vec<f64>,
    /// `k_v = Σ_u W_vu`, diagonal included.
    pub(crate) degree: Vec<f64>,
    /// `2m = Σ_v k_v`.
    pub(crate) two_m: f64,
}

impl Undirected {
    /// The symmetrised network: `W_uv = s(u -> v) + s(v -> u)`, so a pair tied both ways weighs
    /// the sum of its two strengths, and `W_vv = 2 s(v -> v)`. Then `2m` is twice the total
    /// strength of the ties and `k_v` is `v`'s out-strength plus its in-strength.
    ///
    /// # Complexity
    /// O(|V| + |E|): each node's out- and in-ties are already sorted by the other end, so one
    /// merge per node sums the two directions.
    pub(crate) fn from_network(net: &Network) -> Self {
        let n = net.node_count();
        let mut g = Undirected {
            start: Vec::with_capacity(n + 1),
            neighbour: Vec::with_capacity(2 * net.edge_count()),
            weight: Vec::with_capacity(2 * net.edge_count()),
            diagonal: vec![0.0; n],
            degree: vec![0.0; n],
            two_m: 0.0,
        };
        g.start.push(0);
        for v in 0..n {
            let (out_t, out_w) = net.out_edges(v);
            let (in_s, in_w) = net.in_edges(v);
            let (mut i, mut j) = (0, 0);
            let mut push = |u: u32, w: f64| {
                if u as usize == v {
                    g.diagonal[v] += w;
                } else {
                    g.neighbour.push(u);
                    g.weight.push(w);
                }
            };
            while i < out_t.len() || j < in_s.len() {
                let a = out_t.get(i).copied().unwrap_or(u32::MAX);
                let b = in_s.get(j).copied().unwrap_or(u32::MAX);
                if a == b {
                    push(a, out_w[i] + in_w[j]);
                    i += 1;
                    j += 1;
                } else if a < b {
                    push(a, out_w[i]);
                    i += 1;
                } else {
                    push(b, in_w[j]);
                    j += 1;
                }
            }
            g.start.push(g.neighbour.len());
        }
        g.finish_degrees();
        g
    }

    /// Builds a graph from symmetric neighbour lists (for tests): `edges` holds each unordered
    /// pair once, `(u, v, w)` with `u != v`, or a self-loop `(v, v, w)` that adds `w` to `W_vv`.
    #[cfg(test)]
    pub(crate) fn from_pairs(n: usize, edges: &[(u32, u32, f64)]) -> Self {
        let mut lists: Vec<Vec<(u32, f64)>> = vec![Vec::new(); n];
        let mut diagonal = vec![0.0; n];
        for &(u, v, w) in edges {
            if u == v {
                diagonal[u as usize] += w;
            } else {
                lists[u as usize].push((v, w));
                lists[v as usize].push((u, w));
            }
        }
        let mut g = Undirected {
            start: vec![0],
            neighbour: Vec::new(),
            weight: Vec::new(),
            diagonal,
            degree: vec![0.0; n],
            two_m: 0.0,
        };
        for l in &mut lists {
            l.sort_by_key(|e| e.0);
            for &(u, w) in l.iter() {
                g.neighbour.push(u);
                g.weight.push(w);
            }
            g.start.push(g.neighbour.len());
        }
        g.finish_degrees();
        g
    }

    fn finish_degrees(&mut self) {
        for v in 0..self.node_count() {
            let (_, w) = self.neighbours(v);
            self.degree[v] = w.iter().sum::<f64>() + self.diagonal[v];
        }
        self.two_m = self.degree.iter().sum();
    }

    /// Number of nodes.
    #[inline]
    pub(crate) fn node_count(&self) -> usize {
        self.degree.len()
    }

    /// Neighbours of `v` other than itself, with the weights `W_vu`.
    #[inline]
    pub(crate) fn neighbours(&self, v: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.start[v], self.start[v + 1]);
        (&self.neighbour[a..b], &self.weight[a..b])
    }

    /// The graph of the communities of `membership` (labels `0..count`): one node per community,
    /// `W'_cd = Σ_{u ∈ c, v ∈ d} W_uv`, and on the diagonal `W'_cc` the weight inside `c` (both
    /// directions, plus the members' own diagonals). Degrees add up, so every partition of the
    /// new graph has the modularity of the partition it induces on this one.
    ///
    /// # Complexity
    /// O(|V| + |E|) time and O(|V| + |E|) space for the result.
    pub(crate) fn aggregate(&self, membership: &[u32], count: usize) -> Undirected {
        let n = self.node_count();
        // Members of each community, by a counting sort (nodes stay in increasing order).
        let mut first = vec![0usize; count + 1];
        for &c in membership {
            first[c as usize + 1] += 1;
        }
        for c in 0..count {
            first[c + 1] += first[c];
        }
        let mut fill = first.clone();
        let mut members = vec![0u32; n];
        for (v, &c) in membership.iter().enumerate() {
            members[fill[c as usize]] = v as u32;
            fill[c as usize] += 1;
        }
        let mut g = Undirected {
            start: Vec::with_capacity(count + 1),
            neighbour: Vec::new(),
            weight: Vec::new(),
            diagonal: vec![0.0; count],
            degree: vec![0.0; count],
            two_m: self.two_m,
        };
        g.start.push(0);
        let mut acc = vec![0.0f64; count];
        let mut seen = vec![false; count];
        let mut touched: Vec<u32> = Vec::new();
        for c in 0..count {
            let (mut inside, mut k) = (0.0, 0.0);
            for &v in &members[first[c]..first[c + 1]] {
                let v = v as usize;
                inside += self.diagonal[v];
                k += self.degree[v];
                let (nb, w) = self.neighbours(v);
                for (&u, &x) in nb.iter().zip(w) {
                    let d = membership[u as usize];
                    if d as usize == c {
                        inside += x;
                    } else {
                        if !seen[d as usize] {
                            seen[d as usize] = true;
                            touched.push(d);
                        }
                        acc[d as usize] += x;
                    }
                }
            }
            for &d in &touched {
                g.neighbour.push(d);
                g.weight.push(acc[d as usize]);
                acc[d as usize] = 0.0;
                seen[d as usize] = false;
            }
            touched.clear();
            g.diagonal[c] = inside;
            g.degree[c] = k;
            g.start.push(g.neighbour.len());
        }
        g
    }

    /// Modularity with resolution `gamma` of the partition `membership` (any labels below
    /// `node_count()`), `Σ_c [I_c / 2m − γ (K_c / 2m)²]`; 0 when the graph has no weight.
    /// Sums run in node order, then community order.
    ///
    /// # Complexity
    /// O(|V| + |E|).
    pub(crate) fn modularity(&self, membership: &[u32], gamma: f64) -> f64 {
        if self.two_m <= 0.0 {
            return 0.0;
        }
        let n = self.node_count();
        let mut inside = vec![0.0; n];
        let mut total = vec![0.0; n];
        for v in 0..n {
            let c = membership[v] as usize;
            let (nb, w) = self.neighbours(v);
            let mut i = self.diagonal[v];
            for (&u, &x) in nb.iter().zip(w) {
                if membership[u as usize] as usize == c {
                    i += x;
                }
            }
            inside[c] += i;
            total[c] += self.degree[v];
        }
        let two_m = self.two_m;
        inside
            .iter()
            .zip(&total)
            .map(|(&i, &k)| i / two_m - gamma * (k / two_m) * (k / two_m))
            .sum()
    }
}

/// Relabels `membership` to `0..count` in order of first appearance (node order) and returns
/// `count`. Labels must be below `membership.len()`.
pub(crate) fn renumber(membership: &mut [u32]) -> usize {
    let mut label = vec![u32::MAX; membership.len()];
    let mut count = 0u32;
    for c in membership.iter_mut() {
        let l = &mut label[*c as usize];
        if *l == u32::MAX {
            *l = count;
            count += 1;
        }
        *c = *l;
    }
    count as usize
}

/// Splits every community of `membership` that does not induce a connected subgraph of `g`
/// into its connected components (which can only raise modularity: no weight joins two
/// components, and the null-model term of the parts is smaller). Returns the number of
/// communities added; labels are renumbered to `0..count` in order of first appearance.
///
/// # Complexity
/// O(|V| + |E|).
pub(crate) fn split_disconnected(g: &Undirected, membership: &mut [u32]) -> usize {
    let n = g.node_count();
    let before = renumber(membership);
    let mut part = vec![u32::MAX; n];
    let mut stack = Vec::new();
    let mut count = 0u32;
    for s in 0..n {
        if part[s] != u32::MAX {
            continue;
        }
        part[s] = count;
        stack.push(s as u32);
        while let Some(v) = stack.pop() {
            let c = membership[v as usize];
            for &u in g.neighbours(v as usize).0 {
                if part[u as usize] == u32::MAX && membership[u as usize] == c {
                    part[u as usize] = count;
                    stack.push(u);
                }
            }
        }
        count += 1;
    }
    membership.copy_from_slice(&part);
    count as usize - before
}

/// Per-node scratch of the local moves: the weight from one node to each community it touches,
/// reset in O(touched) after use.
#[derive(Debug)]
pub(crate) struct CommunityWeights {
    weight: Vec<f64>,
    seen: Vec<bool>,
    /// Communities touched, in the order of the node's neighbour list.
    pub(crate) touched: Vec<u32>,
}

impl CommunityWeights {
    /// Scratch for community labels below `n`.
    pub(crate) fn new(n: usize) -> Self {
        CommunityWeights {
            weight: vec![0.0; n],
            seen: vec![false; n],
            touched: Vec::new(),
        }
    }

    /// Adds `w` to the weight towards community `c`.
    #[inline]
    pub(crate) fn add(&mut self, c: u32, w: f64) {
        let i = c as usize;
        if !self.seen[i] {
            self.seen[i] = true;
            self.touched.push(c);
        }
        self.weight[i] += w;
    }

    /// The weight towards `c` (0 if untouched).
    #[inline]
    pub(crate) fn get(&self, c: u32) -> f64 {
        self.weight[c as usize]
    }

    /// Forgets every weight.
    #[inline]
    pub(crate) fn clear(&mut self) {
        for &c in &self.touched {
            self.weight[c as usize] = 0.0;
            self.seen[c as usize] = false;
        }
        self.touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetrisation_sums_both_directions() {
        // 0 -> 1 (0.5) and 1 -> 0 (0.25) become one pair of weight 0.75; 1 -> 2 (0.5) stays 0.5;
        // the self-tie 2 -> 2 (0.1) counts twice on the diagonal.
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 0, 0.25), (1, 2, 0.5), (2, 2, 0.1)]);
        let g = Undirected::from_network(&net);
        assert_eq!(g.neighbours(0), (&[1u32][..], &[0.75][..]));
        assert_eq!(g.neighbours(1), (&[0u32, 2][..], &[0.75, 0.5][..]));
        assert_eq!(g.neighbours(2), (&[1u32][..], &[0.5][..]));
        assert_eq!(g.diagonal, vec![0.0, 0.0, 0.2]);
        assert_eq!(g.degree, vec![0.75, 1.25, 0.7]);
        assert!((g.two_m - 2.0 * 1.35).abs() < 1e-15);
    }

    #[test]
    fn aggregation_keeps_modularity() {
        // A path 0-1-2-3-4 with weights 1, 2, 3, 4; communities {0,1}, {2,3}, {4}.
        let g = Undirected::from_pairs(5, &[(0, 1, 1.0), (1, 2, 2.0), (2, 3, 3.0), (3, 4, 4.0)]);
        let memb = [0u32, 0, 1, 1, 2];
        let a = g.aggregate(&memb, 3);
        // Inside {0,1}: W_01 + W_10 = 2; inside {2,3}: 6; between them W_12 = 2, then W_34 = 4.
        assert_eq!(a.diagonal, vec![2.0, 6.0, 0.0]);
        assert_eq!(a.neighbours(0), (&[1u32][..], &[2.0][..]));
        assert_eq!(a.neighbours(1), (&[0u32, 2][..], &[2.0, 4.0][..]));
        assert_eq!(a.degree, vec![4.0, 12.0, 4.0]);
        for gamma in [0.5, 1.0, 2.0] {
            let on_g = g.modularity(&memb, gamma);
            let singletons = a.modularity(&[0, 1, 2], gamma);
            assert!((on_g - singletons).abs() < 1e-15, "{on_g} {singletons}");
            let merged = a.modularity(&[0, 0, 1], gamma);
            assert!((g.modularity(&[0, 0, 0, 0, 1], gamma) - merged).abs() < 1e-15);
        }
    }

    #[test]
    fn renumber_and_split() {
        let mut m = vec![4u32, 4, 1, 0, 1];
        assert_eq!(renumber(&mut m), 3);
        assert_eq!(m, vec![0, 0, 1, 2, 1]);
        // 0-1 and 2-3 are tied, but {0, 1, 2, 3} is one community: split in two.
        let g = Undirected::from_pairs(5, &[(0, 1, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
        let mut m = vec![0u32, 0, 0, 0, 1];
        assert_eq!(split_disconnected(&g, &mut m), 1);
        assert_eq!(m, vec![0, 0, 1, 1, 2]);
        assert!(g.modularity(&m, 1.0) > g.modularity(&[0, 0, 0, 0, 1], 1.0));
    }
}
