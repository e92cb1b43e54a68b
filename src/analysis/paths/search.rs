//! The shortest-path engine: best-path trees from one root, by Dijkstra's algorithm (on the
//! crate's one Dijkstra, [`crate::analysis::sssp::Dijkstra`]) or, under a hop limit, by a
//! layered search; and the best path between two nodes, which Yen's spur searches reuse.

use super::tree::{NetPath, ShortestTree};
use crate::analysis::network::{Direction, Network, NONE};
use crate::analysis::sssp::{CostGraph, Dijkstra, Visitor};
use crate::model::Distance;

/// Best paths from (`Forward`) or to (`Backward`) `root` within `max_hops` ties, never entering a
/// node marked in `banned` (the root itself is allowed).
///
/// Without a hop limit this is Dijkstra's algorithm on an indexed 4-ary heap; with one it is a
/// layered Bellman-Ford relaxation, exact for "best path of at most H ties" (with positive costs
/// the optimum is a simple path). Of paths of equal cost, both keep the one whose nodes, read
/// from the root, come first (for a forward tree the path's own order; for a backward tree its
/// reverse), so the result does not depend on how the search runs. Costs are compared exactly;
/// ties of cost 0 (strength 1 under `log`) can hide an equal path from Dijkstra, and then the
/// path is one of the cheapest, not necessarily the first.
///
/// # Complexity
/// Dijkstra: O((|V| + |E|) log |V|). Hop-limited: O(H (|V| + |E|)) time and O(H |V|) space.
/// Both take O(|E|) more to compute the tie costs.
///
/// # Examples
/// ```
/// use leverage::analysis::network::{Direction, Network};
/// use leverage::analysis::paths::shortest_tree;
/// use leverage::model::Distance;
///
/// // 0 -> 1 -> 2 with strengths 0.9 and 0.9 beats the direct 0 -> 2 of 0.5: 0.81 > 0.5.
/// let net = Network::from_edges(3, &[(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.5)]);
/// let tree = shortest_tree(&net, 0, Direction::Forward, Distance::Log, None, &[]);
/// assert_eq!(tree.path(2), Some(vec![0, 1, 2]));
/// // Within one tie only the direct path is left.
/// let tree = shortest_tree(&net, 0, Direction::Forward, Distance::Log, Some(1), &[]);
/// assert_eq!(tree.path(2), Some(vec![0, 2]));
/// ```
pub fn shortest_tree(
    net: &Network,
    root: usize,
    dir: Direction,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> ShortestTree {
    let g = CostGraph::new(net, distance, dir);
    tree(&g, root, dir, Limits::new(max_hops, banned))
}

/// [`shortest_tree`] on tie costs computed beforehand with [`Network::costs`]`(distance, dir)`:
/// for callers that search the same network many times (suggest, robustness), so no search
/// computes them again. Same result as [`shortest_tree`] with that distance.
///
/// # Panics
/// If `costs` does not have one entry per tie (a programmer error).
///
/// # Complexity
/// As [`shortest_tree`], without the O(|E|) for the costs.
///
/// # Examples
/// ```
/// use leverage::analysis::network::{Direction, Network};
/// use leverage::analysis::paths::shortest_tree_with_costs;
/// use leverage::model::Distance;
///
/// let net = Network::from_edges(3, &[(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.5)]);
/// let costs = net.costs(Distance::Log, Direction::Backward);
/// // Best paths *to* node 2, against the ties.
/// let tree = shortest_tree_with_costs(&net, &costs, 2, Direction::Backward, None, &[]);
/// assert_eq!(tree.path(0), Some(vec![0, 1, 2]));
/// assert!((tree.dist[0] + 0.81f64.ln()).abs() < 1e-12);
/// ```
pub fn shortest_tree_with_costs(
    net: &Network,
    costs: &[f64],
    root: usize,
    dir: Direction,
    max_hops: Option<usize>,
    banned: &[bool],
) -> ShortestTree {
    let g = CostGraph::with_costs(net, dir, costs);
    tree(&g, root, dir, Limits::new(max_hops, banned))
}

/// The best path `from -> to` of at most `max_hops` ties avoiding `banned` nodes; `None` if
/// there is none.
///
/// # Complexity
/// One search ([`shortest_tree`]); without a hop limit it stops once `to` is settled.
///
/// # Examples
/// ```
/// use leverage::analysis::network::Network;
/// use leverage::analysis::paths::best_path;
/// use leverage::model::Distance;
///
/// let net = Network::from_edges(3, &[(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.5)]);
/// let p = best_path(&net, 0, 2, Distance::Log, None, &[]).unwrap();
/// assert_eq!(p.nodes, vec![0, 1, 2]);
/// assert!((p.leverage - 0.81).abs() < 1e-12);
/// // Avoiding node 1 leaves the direct tie.
/// let p = best_path(&net, 0, 2, Distance::Log, None, &[false, true, false]).unwrap();
/// assert_eq!(p.nodes, vec![0, 2]);
/// ```
pub fn best_path(
    net: &Network,
    from: usize,
    to: usize,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> Option<NetPath> {
    let n = net.node_count();
    if from >= n || to >= n {
        return None;
    }
    let mut search = PathSearch::new(net, distance);
    let nodes = search.path(from, to, Limits::new(max_hops, banned))?;
    NetPath::measure(net, nodes, distance)
}

/// What a search may not use: ties beyond a hop limit, banned nodes, and ties out of the root
/// to the nodes in `skip` (sorted; Yen's spur searches leave out the first hops already taken).
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits<'a> {
    /// Hop limit (`None`: unlimited).
    pub(super) max_hops: Option<usize>,
    /// Nodes never entered (the root itself is allowed); shorter than the network means "not
    /// banned" for the rest.
    pub(super) banned: &'a [bool],
    /// Nodes the root's own ties may not lead to, sorted.
    pub(super) skip: &'a [usize],
}

impl<'a> Limits<'a> {
    /// A hop limit and banned nodes, nothing skipped.
    pub(super) fn new(max_hops: Option<usize>, banned: &'a [bool]) -> Self {
        Limits {
            max_hops,
            banned,
            skip: &[],
        }
    }

    /// Whether the tie `v -> w` of a search from `root` may be taken.
    #[inline]
    fn allows(&self, root: usize, v: usize, w: usize) -> bool {
        let banned = self.banned.get(w).copied().unwrap_or(false);
        let skipped = v == root && !self.skip.is_empty() && self.skip.binary_search(&w).is_ok();
        !(banned || skipped)
    }
}

/// Best paths `from -> to`, one search after the other on the same network (the first path
/// and every spur search of Yen's algorithm): tie costs computed once, Dijkstra's buffers reused.
pub(super) struct PathSearch<'a> {
    graph: CostGraph<'a>,
    dijkstra: Dijkstra,
    /// Predecessor of each node reached by the last Dijkstra search; entries of nodes it did not
    /// reach are stale, and never read (a path is read back from a settled node).
    pred: Vec<u32>,
    chains: Chains,
}

impl<'a> PathSearch<'a> {
    /// A search on `net` along its ties under `distance`. O(|V| + |E|).
    pub(super) fn new(net: &'a Network, distance: Distance) -> Self {
        let n = net.node_count();
        PathSearch {
            graph: CostGraph::new(net, distance, Direction::Forward),
            dijkstra: Dijkstra::new(n),
            pred: vec![NONE; n],
            chains: Chains::default(),
        }
    }

    /// The nodes of the best path `from -> to` within `limits`; `None` if there is none.
    /// Without a hop limit, the search stops as soon as `to` is settled.
    pub(super) fn path(
        &mut self,
        from: usize,
        to: usize,
        limits: Limits<'_>,
    ) -> Option<Vec<usize>> {
        if limits.max_hops.is_some() {
            return tree(&self.graph, from, Direction::Forward, limits).path(to);
        }
        let mut visit = TreeVisit {
            root: from,
            limits,
            pred: &mut self.pred,
            chains: &mut self.chains,
            stop_at: Some(to as u32),
        };
        let settled = self.dijkstra.run_with(&self.graph, from, &mut visit);
        if settled.last().map(|&(v, _)| v as usize) != Some(to) {
            return None;
        }
        let mut nodes = vec![to];
        let mut cur = to;
        while cur != from && nodes.len() <= self.pred.len() {
            cur = self.pred[cur] as usize;
            nodes.push(cur);
        }
        nodes.reverse();
        Some(nodes)
    }
}

/// The [`Visitor`] of a path-tree search: predecessors, limits, and an optional node at which to
/// stop (its path is then final; other nodes' may not be).
///
/// Of two paths of equal cost it keeps the one whose nodes, read from the root, come first. The
/// choice is local and exact: every predecessor `v` of `w` on a cheapest path is settled before
/// `w` (costs are positive), each one's own path is final and the first of its cost by induction,
/// and the first cheapest path to `w` extends the first cheapest path to its predecessor.
struct TreeVisit<'a, 'b> {
    root: usize,
    limits: Limits<'b>,
    pred: &'a mut [u32],
    chains: &'a mut Chains,
    stop_at: Option<u32>,
}

impl Visitor for TreeVisit<'_, '_> {
    const EQUAL: bool = true;

    #[inline]
    fn enters(&self, v: usize, w: usize) -> bool {
        self.limits.allows(self.root, v, w)
    }

    #[inline]
    fn improved(&mut self, v: u32, w: u32) {
        self.pred[w as usize] = v;
    }

    fn equal(&mut self, v: u32, w: u32) {
        let (w, u) = (w as usize, self.pred[w as usize]);
        if u == v {
            return;
        }
        let pred: &[u32] = self.pred;
        let steps = std::iter::repeat_n(pred, pred.len());
        let before = self
            .chains
            .before(self.root, v as usize, u as usize, w, steps.clone(), steps);
        if before {
            self.pred[w] = v;
        }
    }

    #[inline]
    fn settled(&mut self, v: u32, _d: f64) -> bool {
        self.stop_at == Some(v)
    }
}

/// The tree of best paths from `root` on `g` within `limits`.
fn tree(g: &CostGraph<'_>, root: usize, dir: Direction, limits: Limits<'_>) -> ShortestTree {
    match limits.max_hops {
        None => dijkstra_tree(g, root, dir, limits),
        Some(h) => layered_tree(g, root, dir, h, limits),
    }
}

/// [`tree`] without a hop limit: one full Dijkstra search.
fn dijkstra_tree(
    g: &CostGraph<'_>,
    root: usize,
    dir: Direction,
    limits: Limits<'_>,
) -> ShortestTree {
    let n = g.node_count();
    let mut pred = vec![NONE; n];
    let mut dist = vec![f64::INFINITY; n];
    let mut search = Dijkstra::new(n);
    let mut chains = Chains::default();
    let mut visit = TreeVisit {
        root,
        limits,
        pred: &mut pred,
        chains: &mut chains,
        stop_at: None,
    };
    for &(v, d) in search.run_with(g, root, &mut visit) {
        dist[v as usize] = d;
    }
    ShortestTree {
        root,
        direction: dir,
        dist,
        pred: vec![pred],
        layered: false,
    }
}

/// [`tree`] within `h` ties: layer `k` extends the paths of at most `k - 1` ties found so far by
/// one tie, from the nodes whose path the previous layer changed, in node order; each layer's
/// predecessors are kept, so that a path is read back one layer per tie.
///
/// Of two paths of equal cost it keeps the one whose nodes, read from the root, come first: the
/// first cheapest path of at most `k` ties extends the first cheapest one of at most `k - 1`
/// ties to its predecessor (costs are positive). A node whose path changed only in its order
/// (same cost, a first predecessor's path came earlier) joins the next frontier too, so that the
/// nodes after it compare again.
fn layered_tree(
    g: &CostGraph<'_>,
    root: usize,
    dir: Direction,
    h: usize,
    limits: Limits<'_>,
) -> ShortestTree {
    let n = g.node_count();
    let mut state = Layers::new(n, root, h);
    // The frontier with its costs as they stood when the layer began: a layer extends paths of
    // at most one tie fewer.
    let mut frontier = vec![(root, 0.0)];
    let mut next: Vec<usize> = Vec::new();
    let mut changed = vec![false; n];
    for _ in 0..h {
        for &(v, dv) in &frontier {
            let (to, cost) = g.edges(v);
            for (&w, &c) in to.iter().zip(cost) {
                let w = w as usize;
                if w == root || !limits.allows(root, v, w) {
                    continue;
                }
                if state.offer(v, w, dv + c) && !changed[w] {
                    changed[w] = true;
                    next.push(w);
                }
            }
        }
        next.sort_unstable();
        frontier.clear();
        for &w in &next {
            changed[w] = false;
            frontier.push((w, state.dist[w]));
        }
        next.clear();
        state.layers.push(state.pred.clone());
        if frontier.is_empty() {
            break;
        }
    }
    if state.layers.is_empty() {
        state.layers.push(state.pred);
    }
    ShortestTree {
        root,
        direction: dir,
        dist: state.dist,
        pred: state.layers,
        layered: true,
    }
}

/// The state of a layered search: best costs and predecessors so far, and the predecessors as
/// each finished layer left them.
struct Layers {
    root: usize,
    dist: Vec<f64>,
    pred: Vec<u32>,
    layers: Vec<Vec<u32>>,
    chains: Chains,
}

impl Layers {
    fn new(n: usize, root: usize, h: usize) -> Self {
        let mut dist = vec![f64::INFINITY; n];
        dist[root] = 0.0;
        Layers {
            root,
            dist,
            pred: vec![NONE; n],
            layers: Vec::with_capacity(h.max(1)),
            chains: Chains::default(),
        }
    }

    /// Offers `w` the path of the last layer to `v` and the tie `v -> w`, of total cost `c`;
    /// returns whether `w`'s path changed (in cost, or only in order).
    #[inline]
    fn offer(&mut self, v: usize, w: usize, c: f64) -> bool {
        if c < self.dist[w] {
            self.dist[w] = c;
            self.pred[w] = v as u32;
            return true;
        }
        if c != self.dist[w] || c == f64::INFINITY {
            return false;
        }
        let u = self.pred[w] as usize;
        if u == v {
            // The same predecessor, whose own path came earlier in the last layer.
            return true;
        }
        // Paths of the last layer are read back through the layers kept so far.
        let steps = || self.layers.iter().rev().map(Vec::as_slice);
        if self.chains.before(self.root, v, u, w, steps(), steps()) {
            self.pred[w] = v as u32;
            return true;
        }
        false
    }
}

/// Two buffers for comparing paths read back through predecessors, reused from one comparison to
/// the next.
#[derive(Debug, Default)]
struct Chains {
    a: Vec<usize>,
    b: Vec<usize>,
}

impl Chains {
    /// Whether `root -> ... -> v -> w` comes before `root -> ... -> u -> w` in node order, the
    /// paths to `v` and `u` read back one predecessor array per tie (`via_v`, `via_u`). A path
    /// through `v` that already holds `w` never comes first (it would not be simple).
    fn before<'p>(
        &mut self,
        root: usize,
        v: usize,
        u: usize,
        w: usize,
        via_v: impl Iterator<Item = &'p [u32]>,
        via_u: impl Iterator<Item = &'p [u32]>,
    ) -> bool {
        read_back(&mut self.a, root, v, via_v);
        read_back(&mut self.b, root, u, via_u);
        if self.a.contains(&w) {
            return false;
        }
        self.a.push(w);
        self.b.push(w);
        self.a < self.b
    }
}

/// The nodes `root -> ... -> x` into `out`, read back from `x` taking each predecessor from the
/// next array of `steps`; stops early at a node without one.
fn read_back<'p>(
    out: &mut Vec<usize>,
    root: usize,
    x: usize,
    mut steps: impl Iterator<Item = &'p [u32]>,
) {
    out.clear();
    out.push(x);
    let mut cur = x;
    while cur != root {
        match steps.next().map(|pred| pred[cur]) {
            Some(p) if p != NONE => {
                cur = p as usize;
                out.push(cur);
            }
            _ => break,
        }
    }
    out.reverse();
}
