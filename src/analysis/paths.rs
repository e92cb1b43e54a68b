//! Leverage paths: the best path (greatest product of strengths) and the k best simple paths
//! (Yen), under a hop limit and with actors to avoid.
//!
//! A path's leverage is the product of its ties' strengths (pressure weakens at every hop); under
//! the default distance `-ln w` the best path is the shortest one. With the `inverse` or `hops`
//! distances the path is chosen by that cost, and its leverage is still the product of strengths.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use serde::Serialize;

use super::network::{Direction, Network, NONE};
use crate::error::{Error, Result};
use crate::model::{ActorId, Basis, Distance, InfluenceGraph, StrengthRule};

/// Default hop limit of `paths`: a chain of three ties ("A asks B to ask C to press D") is the
/// longest that reads as diplomacy (docs/MODEL.md, "Hop limit").
pub const DEFAULT_MAX_HOPS: usize = 3;

/// Shortest-path tree from one root, along or against the ties.
#[derive(Debug, Clone)]
pub struct ShortestTree {
    /// The root.
    pub root: usize,
    /// Which way the ties were followed.
    pub direction: Direction,
    /// Cost of the best path to (or, backward, from) each node; `f64::INFINITY` if none.
    pub dist: Vec<f64>,
    /// Predecessor per hop layer (one layer without a hop limit).
    pred: Vec<Vec<u32>>,
    /// Whether `pred` holds one layer per hop (hop-limited search).
    layered: bool,
}

impl ShortestTree {
    /// The best path between the root and `v`, as nodes in the direction of the ties: for a
    /// forward tree `root -> ... -> v`, for a backward tree `v -> ... -> root`. `None` if `v` is
    /// unreachable.
    pub fn path(&self, v: usize) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        self.path_into(v, &mut out).then_some(out)
    }

    /// [`ShortestTree::path`] into a buffer the caller reuses: `out` is cleared, and on `true`
    /// holds the path. O(path length), no allocation once `out` is large enough.
    pub fn path_into(&self, v: usize, out: &mut Vec<usize>) -> bool {
        out.clear();
        if !self.dist.get(v).is_some_and(|d| d.is_finite()) {
            return false;
        }
        out.push(v);
        let mut cur = v;
        if self.layered {
            for layer in self.pred.iter().rev() {
                if cur == self.root {
                    break;
                }
                let p = layer[cur];
                if p == NONE {
                    return false;
                }
                cur = p as usize;
                out.push(cur);
            }
        } else {
            let pred = &self.pred[0];
            while cur != self.root && out.len() <= pred.len() {
                let p = pred[cur];
                if p == NONE {
                    return false;
                }
                cur = p as usize;
                out.push(cur);
            }
        }
        if cur != self.root {
            return false;
        }
        if self.direction == Direction::Forward {
            out.reverse();
        }
        true
    }
}

/// Best paths from (`Forward`) or to (`Backward`) `root` within `max_hops` ties, never entering a
/// node marked in `banned` (the root itself is allowed).
///
/// Without a hop limit this is Dijkstra's algorithm with a binary heap; with one it is a layered
/// Bellman-Ford relaxation, exact for "best path of at most H ties" (with positive costs the
/// optimum is a simple path).
///
/// # Complexity
/// Dijkstra: O((|V| + |E|) log |V|). Hop-limited: O(H (|V| + |E|)) time and O(H |V|) space.
pub fn shortest_tree(
    net: &Network,
    root: usize,
    dir: Direction,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> ShortestTree {
    search(
        net,
        Costs::Compute(distance),
        root,
        dir,
        max_hops,
        banned,
        None,
        &[],
    )
}

/// [`shortest_tree`] on tie costs computed beforehand with [`Network::costs`]`(distance, dir)`:
/// for callers that search the same network many times (suggest, robustness), so no search
/// takes a logarithm per relaxation. Same result as [`shortest_tree`] with that distance.
///
/// # Panics
/// If `costs` does not have one entry per tie (a programmer error).
///
/// # Complexity
/// As [`shortest_tree`].
pub fn shortest_tree_with_costs(
    net: &Network,
    costs: &[f64],
    root: usize,
    dir: Direction,
    max_hops: Option<usize>,
    banned: &[bool],
) -> ShortestTree {
    assert_eq!(costs.len(), net.edge_count(), "one cost per tie");
    search(
        net,
        Costs::Given(costs),
        root,
        dir,
        max_hops,
        banned,
        None,
        &[],
    )
}

/// Where a search takes tie costs from.
#[derive(Clone, Copy)]
enum Costs<'a> {
    /// From the strengths, tie by tie.
    Compute(Distance),
    /// Precomputed, slot by slot in the order of [`Network::csr`].
    Given(&'a [f64]),
}

/// [`shortest_tree`] with two options for Yen's spur searches: without a hop limit, stop as soon
/// as `stop_at` is settled (its path is then final; other nodes' may not be); and never take
/// the root's ties to the nodes listed in `skip` (sorted).
#[allow(clippy::too_many_arguments)]
fn search(
    net: &Network,
    costs: Costs<'_>,
    root: usize,
    dir: Direction,
    max_hops: Option<usize>,
    banned: &[bool],
    stop_at: Option<usize>,
    skip: &[usize],
) -> ShortestTree {
    let n = net.node_count();
    let skipped =
        |v: usize, w: usize| v == root && !skip.is_empty() && skip.binary_search(&w).is_ok();
    let is_banned = |v: usize| banned.get(v).copied().unwrap_or(false);
    let (start, to, strength) = net.csr(dir);
    let cost = |slot: usize| match costs {
        Costs::Compute(d) => d.cost(strength[slot]),
        Costs::Given(c) => c[slot],
    };
    let mut dist = vec![f64::INFINITY; n];
    dist[root] = 0.0;
    match max_hops {
        None => {
            let mut pred = vec![NONE; n];
            let mut done = vec![false; n];
            let mut heap = BinaryHeap::new();
            heap.push(HeapItem {
                cost: 0.0,
                node: root as u32,
            });
            while let Some(HeapItem { cost: d, node }) = heap.pop() {
                let v = node as usize;
                if done[v] {
                    continue;
                }
                done[v] = true;
                if stop_at == Some(v) {
                    break;
                }
                let first = start[v] as usize;
                for (slot, &w) in (first..).zip(&to[first..start[v + 1] as usize]) {
                    let w = w as usize;
                    if done[w] || is_banned(w) || skipped(v, w) {
                        continue;
                    }
                    let c = d + cost(slot);
                    if c < dist[w] {
                        dist[w] = c;
                        pred[w] = node;
                        heap.push(HeapItem {
                            cost: c,
                            node: w as u32,
                        });
                    }
                }
            }
            ShortestTree {
                root,
                direction: dir,
                dist,
                pred: vec![pred],
                layered: false,
            }
        }
        Some(h) => {
            let mut layers: Vec<Vec<u32>> = Vec::with_capacity(h.max(1));
            let mut pred = vec![NONE; n];
            // The frontier with its costs as they stood when the layer began: a layer extends
            // paths of at most one tie fewer.
            let mut frontier = vec![(root, 0.0)];
            let mut next: Vec<usize> = Vec::new();
            let mut changed = vec![false; n];
            for _ in 0..h {
                for &(v, dv) in &frontier {
                    let first = start[v] as usize;
                    for (slot, &w) in (first..).zip(&to[first..start[v + 1] as usize]) {
                        let w = w as usize;
                        if w == root || is_banned(w) || skipped(v, w) {
                            continue;
                        }
                        let c = dv + cost(slot);
                        if c < dist[w] {
                            dist[w] = c;
                            pred[w] = v as u32;
                            if !changed[w] {
                                changed[w] = true;
                                next.push(w);
                            }
                        }
                    }
                }
                next.sort_unstable();
                frontier.clear();
                for &w in &next {
                    changed[w] = false;
                    frontier.push((w, dist[w]));
                }
                next.clear();
                layers.push(pred.clone());
                if frontier.is_empty() {
                    break;
                }
            }
            if layers.is_empty() {
                layers.push(pred);
            }
            ShortestTree {
                root,
                direction: dir,
                dist,
                pred: layers,
                layered: true,
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct HeapItem {
    cost: f64,
    node: u32,
}

impl Eq for HeapItem {}

impl Ord for HeapItem {
    fn cmp(&self, other: &Self) -> Ordering {
        // Min-heap on cost, then on node for a fixed order among equal costs.
        other
            .cost
            .total_cmp(&self.cost)
            .then_with(|| other.node.cmp(&self.node))
    }
}

impl PartialOrd for HeapItem {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A path through the network with its cost and leverage.
#[derive(Debug, Clone, PartialEq)]
pub struct NetPath {
    /// Nodes, from the first to the last.
    pub nodes: Vec<usize>,
    /// Sum of the chosen distance over its ties.
    pub cost: f64,
    /// Product of its ties' strengths.
    pub leverage: f64,
}

impl NetPath {
    /// The leverage of a node sequence, exactly as [`NetPath::measure`] computes it, without
    /// building the path; `None` if some consecutive pair has no tie. O(L log deg).
    pub fn leverage_of(net: &Network, nodes: &[usize]) -> Option<f64> {
        let mut leverage = 1.0;
        for pair in nodes.windows(2) {
            let s = net.strength(pair[0], pair[1]);
            if s <= 0.0 {
                return None;
            }
            leverage *= s;
        }
        Some(leverage)
    }

    /// Measures a node sequence; `None` if some consecutive pair has no tie.
    pub fn measure(net: &Network, nodes: Vec<usize>, distance: Distance) -> Option<NetPath> {
        let mut cost = 0.0;
        let mut leverage = 1.0;
        for pair in nodes.windows(2) {
            let s = net.strength(pair[0], pair[1]);
            if s <= 0.0 {
                return None;
            }
            cost += distance.cost(s);
            leverage *= s;
        }
        Some(NetPath {
            nodes,
            cost,
            leverage,
        })
    }
}

/// The best path `from -> to` of at most `max_hops` ties avoiding `banned` nodes.
///
/// # Complexity
/// One search ([`shortest_tree`]); without a hop limit it stops once `to` is settled.
pub fn best_path(
    net: &Network,
    from: usize,
    to: usize,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> Option<NetPath> {
    let tree = search(
        net,
        Costs::Compute(distance),
        from,
        Direction::Forward,
        max_hops,
        banned,
        Some(to),
        &[],
    );
    NetPath::measure(net, tree.path(to)?, distance)
}

/// Up to `k` best simple paths `from -> to`, best first (Yen's algorithm), each of at most
/// `max_hops` ties and avoiding `banned` nodes. Equal costs are ordered by node sequence.
///
/// Each spur search is one search from the spur node that leaves out the ties used by accepted
/// paths with the same root and, without a hop limit, stops as soon as `to` is settled.
///
/// # Complexity
/// O(k · L · S) where L is the longest path's length and S the cost of one search
/// ([`shortest_tree`]; without a hop limit, only the part of the graph cheaper than `to`).
///
/// # References
/// J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science 17(11),
/// 1971.
pub fn k_best_paths(
    net: &Network,
    from: usize,
    to: usize,
    k: usize,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> Vec<NetPath> {
    let n = net.node_count();
    let mut accepted: Vec<NetPath> = Vec::new();
    if k == 0 || from >= n || to >= n || from == to {
        return accepted;
    }
    let Some(first) = best_path(net, from, to, distance, max_hops, banned) else {
        return accepted;
    };
    accepted.push(first);
    let mut candidates: Vec<NetPath> = Vec::new();
    let mut ban = vec![false; n];
    while accepted.len() < k {
        let last = accepted
            .last()
            .expect("accepted is not empty")
            .nodes
            .clone();
        for i in 0..last.len() - 1 {
            let spur = last[i];
            let root = &last[..=i];
            let hops_left = max_hops.map(|h| h.saturating_sub(i));
            if hops_left == Some(0) {
                continue;
            }
            // Ban the root's nodes (except the spur) and the given nodes.
            for (v, b) in ban.iter_mut().enumerate() {
                *b = banned.get(v).copied().unwrap_or(false);
            }
            for &v in &root[..i] {
                ban[v] = true;
            }
            // Ties out of the spur already used by accepted paths sharing this root.
            let mut skip: Vec<usize> = accepted
                .iter()
                .filter(|p| p.nodes.len() > i + 1 && p.nodes[..=i] == *root)
                .map(|p| p.nodes[i + 1])
                .collect();
            skip.sort_unstable();
            skip.dedup();
            let Some(spur_path) = spur_search(net, spur, to, distance, hops_left, &ban, &skip)
            else {
                continue;
            };
            let mut nodes = root[..i].to_vec();
            nodes.extend(spur_path);
            if let Some(p) = NetPath::measure(net, nodes, distance) {
                if !candidates.iter().any(|c| c.nodes == p.nodes)
                    && !accepted.iter().any(|c| c.nodes == p.nodes)
                {
                    candidates.push(p);
                }
            }
        }
        if candidates.is_empty() {
            break;
        }
        let best = (0..candidates.len())
            .min_by(|&a, &b| {
                candidates[a]
                    .cost
                    .total_cmp(&candidates[b].cost)
                    .then_with(|| candidates[a].nodes.cmp(&candidates[b].nodes))
            })
            .expect("candidates is not empty");
        accepted.push(candidates.swap_remove(best));
    }
    accepted
}

/// One Yen spur search: best path `spur -> to` skipping the ties `spur -> s` for `s` in `skip`
/// (sorted): one search that stops once `to` is settled.
fn spur_search(
    net: &Network,
    spur: usize,
    to: usize,
    distance: Distance,
    max_hops: Option<usize>,
    ban: &[bool],
    skip: &[usize],
) -> Option<Vec<usize>> {
    let tree = search(
        net,
        Costs::Compute(distance),
        spur,
        Direction::Forward,
        max_hops,
        ban,
        Some(to),
        skip,
    );
    tree.path(to)
}

/// Options of [`paths`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PathsParams {
    /// Start actor.
    pub from: ActorId,
    /// End actor.
    pub to: ActorId,
    /// How many paths.
    pub k: usize,
    /// Hop limit (`None`: unlimited).
    pub max_hops: Option<usize>,
    /// Actors to avoid.
    pub avoid: Vec<ActorId>,
    /// Path cost.
    pub distance: Distance,
    /// How tie strengths are computed.
    pub strength: StrengthRule,
}

impl PathsParams {
    /// The best path `from -> to` of at most [`DEFAULT_MAX_HOPS`] ties.
    pub fn new(from: ActorId, to: ActorId) -> Self {
        PathsParams {
            from,
            to,
            k: 1,
            max_hops: Some(DEFAULT_MAX_HOPS),
            avoid: Vec::new(),
            distance: Distance::Log,
            strength: StrengthRule::default(),
        }
    }
}

/// One tie of an explained path, with the channel figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TieStep {
    /// The actor holding leverage.
    pub from: String,
    /// The dependent actor.
    pub to: String,
    /// Aggregate strength under the emphasis used.
    pub strength: f64,
    /// On a tie into the target of a suggestion: the part of the strength its holder does not
    /// apply yet (its headroom); absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headroom: Option<f64>,
    /// Channel figures, strongest first.
    pub channels: Vec<ChannelFigure>,
}

/// One channel's figure on a tie.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelFigure {
    /// Channel name.
    pub channel: String,
    /// The figure's value.
    pub value: f64,
    /// Its range, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// Its source.
    pub source: String,
    /// Its year.
    pub year: i32,
    /// Its basis.
    pub basis: Basis,
    /// Its citations, rendered (`publisher, title (table), year; url`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
    /// On a tie into the target of a suggestion: the part of the value its holder does not
    /// apply yet (`value × (1 - applied)`); absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unapplied: Option<f64>,
}

/// A path explained: actor ids, leverage, and each tie's channels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedPath {
    /// Actor ids along the path.
    pub nodes: Vec<String>,
    /// Product of the ties' strengths.
    pub leverage: f64,
    /// Sum of the chosen distance.
    pub cost: f64,
    /// The ties.
    pub ties: Vec<TieStep>,
}

/// The result of [`paths`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathsResult {
    /// Start actor id.
    pub from: String,
    /// End actor id.
    pub to: String,
    /// Distance used.
    pub distance: String,
    /// Hop limit used (`null`: none).
    pub max_hops: Option<usize>,
    /// Avoided actors.
    pub avoid: Vec<String>,
    /// Paths, best first.
    pub paths: Vec<ExplainedPath>,
}

/// Explains a node path of `net` with the ties of `graph`.
pub fn explain(
    graph: &InfluenceGraph,
    net: &Network,
    path: &NetPath,
    rule: &StrengthRule,
) -> ExplainedPath {
    let id = |v: usize| graph.actor(net.node(v)).id.to_string();
    let ties = path
        .nodes
        .windows(2)
        .map(|p| {
            let (f, t) = (net.node(p[0]), net.node(p[1]));
            let tie = graph.tie(f, t).expect("a network tie is a graph tie");
            let mut channels: Vec<ChannelFigure> = tie
                .channels
                .iter()
                .map(|(c, fig)| ChannelFigure {
                    channel: c.to_string(),
                    value: fig.value,
                    range: fig.range,
                    source: fig.source.to_string(),
                    year: fig.year,
                    basis: fig.basis,
                    cite: fig
                        .cite
                        .ids()
                        .map(|id| {
                            graph
                                .citations
                                .get(id)
                                .map_or_else(|| id.to_owned(), crate::model::Citation::render)
                        })
                        .collect(),
                    unapplied: None,
                })
                .collect();
            channels.sort_by(|a, b| {
                b.value
                    .total_cmp(&a.value)
                    .then_with(|| a.channel.cmp(&b.channel))
            });
            TieStep {
                from: id(p[0]),
                to: id(p[1]),
                strength: graph.strength(tie, rule),
                headroom: None,
                channels,
            }
        })
        .collect();
    ExplainedPath {
        nodes: path.nodes.iter().map(|&v| id(v)).collect(),
        leverage: path.leverage,
        cost: path.cost,
        ties,
    }
}

/// The best path and the k best simple paths between two actors, explained.
///
/// # Errors
/// [`Error::UnknownName`] for ids not in the graph; [`Error::InvalidParameter`] if `from`
/// equals `to`, `k` is 0 or an avoided actor is an end; [`Error::NoPath`] if no path exists
/// under the constraints.
///
/// # Complexity
/// As [`k_best_paths`], plus O(|V| + |E| log |E|) to build the network.
///
/// # Examples
/// ```
/// use leverage::analysis::paths::{paths, PathsParams};
/// use leverage::io::{load, GraphSource};
/// use leverage::model::ActorId;
///
/// let graph = load(&GraphSource::Bundled)?;
/// let mut p = PathsParams::new(ActorId::from("AUT"), ActorId::from("RUS"));
/// p.k = 3;
/// let r = paths(&graph, &p)?;
/// assert!(r.paths.iter().all(|x| x.nodes.len() - 1 <= 3));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn paths(graph: &InfluenceGraph, params: &PathsParams) -> Result<PathsResult> {
    let node = |a: &ActorId, field: &str| {
        graph.node(a).ok_or_else(|| Error::UnknownName {
            context: format!("{field}: "),
            name: a.to_string(),
            suggestions: crate::model::Resolver::new(graph).suggestions(a.as_str()),
        })
    };
    let from = node(&params.from, "from")?;
    let to = node(&params.to, "to")?;
    if from == to {
        return Err(Error::InvalidParameter {
            name: "to".into(),
            value: params.to.to_string(),
            expected: "it must differ from `from`".into(),
        });
    }
    if params.k == 0 {
        return Err(Error::InvalidParameter {
            name: "k".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    let net = Network::new(graph, &params.strength);
    let mut banned = vec![false; net.node_count()];
    let mut avoid = Vec::new();
    for a in &params.avoid {
        let n = node(a, "avoid")?;
        if n == from || n == to {
            return Err(Error::InvalidParameter {
                name: "avoid".into(),
                value: a.to_string(),
                expected: "it must not contain the path's own ends".into(),
            });
        }
        if let Some(p) = net.position(n) {
            banned[p] = true;
        }
        avoid.push(n);
    }
    let (f, t) = (
        net.position(from)
            .expect("resolved actors are in the network"),
        net.position(to)
            .expect("resolved actors are in the network"),
    );
    let found = k_best_paths(
        &net,
        f,
        t,
        params.k,
        params.distance,
        params.max_hops,
        &banned,
    );
    let from_id = graph.actor(from).id.to_string();
    let to_id = graph.actor(to).id.to_string();
    if found.is_empty() {
        let mut detail = String::new();
        if let Some(h) = params.max_hops {
            detail.push_str(&format!(
                " within {h} {}",
                if h == 1 { "tie" } else { "ties" }
            ));
        }
        if !avoid.is_empty() {
            detail.push_str(" avoiding the given actors");
        }
        return Err(Error::NoPath {
            from: from_id,
            to: to_id,
            detail,
        });
    }
    Ok(PathsResult {
        from: from_id,
        to: to_id,
        distance: params.distance.name().to_owned(),
        max_hops: params.max_hops,
        avoid: avoid
            .iter()
            .map(|&a| graph.actor(a).id.to_string())
            .collect(),
        paths: found
            .iter()
            .map(|p| explain(graph, &net, p, &params.strength))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 -> 1 (0.5), 1 -> 3 (0.5), 0 -> 2 (0.9), 2 -> 3 (0.2), 0 -> 3 (0.2), 2 -> 1 (0.8)
    /// Leverage by hand: 0-1-3 = 0.25; 0-2-1-3 = 0.9*0.8*0.5 = 0.36; 0-2-3 = 0.18; 0-3 = 0.2.
    fn diamond() -> Network {
        Network::from_edges(
            4,
            &[
                (0, 1, 0.5),
                (1, 3, 0.5),
                (0, 2, 0.9),
                (2, 3, 0.2),
                (0, 3, 0.2),
                (2, 1, 0.8),
            ],
        )
    }

    #[test]
    fn best_path_maximises_product() {
        let p = best_path(&diamond(), 0, 3, Distance::Log, None, &[]).unwrap();
        assert_eq!(p.nodes, vec![0, 2, 1, 3]);
        assert!((p.leverage - 0.36).abs() < 1e-12);
    }

    #[test]
    fn hop_limit_changes_the_answer() {
        let p = best_path(&diamond(), 0, 3, Distance::Log, Some(2), &[]).unwrap();
        assert_eq!(p.nodes, vec![0, 1, 3]);
        assert!((p.leverage - 0.25).abs() < 1e-12);
        let p = best_path(&diamond(), 0, 3, Distance::Log, Some(1), &[]).unwrap();
        assert_eq!(p.nodes, vec![0, 3]);
    }

    #[test]
    fn hops_distance_takes_fewest_ties() {
        let p = best_path(&diamond(), 0, 3, Distance::Hops, None, &[]).unwrap();
        assert_eq!(p.nodes, vec![0, 3]);
    }

    #[test]
    fn avoid_bans_nodes() {
        let mut ban = vec![false; 4];
        ban[2] = true;
        let p = best_path(&diamond(), 0, 3, Distance::Log, None, &ban).unwrap();
        assert_eq!(p.nodes, vec![0, 1, 3]);
    }

    #[test]
    fn yen_lists_all_simple_paths_in_order() {
        let ps = k_best_paths(&diamond(), 0, 3, 10, Distance::Log, None, &[]);
        let got: Vec<Vec<usize>> = ps.iter().map(|p| p.nodes.clone()).collect();
        // By hand: 0.36 > 0.25 > 0.2 > 0.18; there are exactly four simple paths.
        assert_eq!(
            got,
            vec![vec![0, 2, 1, 3], vec![0, 1, 3], vec![0, 3], vec![0, 2, 3]]
        );
        let lev: Vec<f64> = ps.iter().map(|p| p.leverage).collect();
        for (a, b) in lev.iter().zip([0.36, 0.25, 0.2, 0.18]) {
            assert!((a - b).abs() < 1e-12);
        }
    }

    #[test]
    fn yen_respects_hop_limit() {
        let ps = k_best_paths(&diamond(), 0, 3, 10, Distance::Log, Some(2), &[]);
        assert_eq!(ps.len(), 3);
        assert!(ps.iter().all(|p| p.nodes.len() <= 3));
    }

    #[test]
    fn backward_tree_gives_paths_to_root() {
        let t = shortest_tree(&diamond(), 3, Direction::Backward, Distance::Log, None, &[]);
        assert_eq!(t.path(0).unwrap(), vec![0, 2, 1, 3]);
        assert!((t.dist[0] - (-(0.36f64).ln())).abs() < 1e-12);
        let t = shortest_tree(
            &diamond(),
            3,
            Direction::Backward,
            Distance::Log,
            Some(2),
            &[],
        );
        assert_eq!(t.path(0).unwrap(), vec![0, 1, 3]);
    }

    #[test]
    fn unreachable_has_no_path() {
        assert!(best_path(&diamond(), 3, 0, Distance::Log, None, &[]).is_none());
        assert!(k_best_paths(&diamond(), 3, 0, 3, Distance::Log, None, &[]).is_empty());
    }
}
