//! Yen's k best simple paths, on the engine's searches ([`super::search::PathSearch`]).

use super::search::{Limits, PathSearch};
use super::tree::NetPath;
use crate::analysis::network::Network;
use crate::model::Distance;

/// Up to `k` best simple paths `from -> to`, best first (Yen's algorithm), each of at most
/// `max_hops` ties and avoiding `banned` nodes. Equal costs are ordered by node sequence.
///
/// Each spur search is one search from the spur node that leaves out the ties used by accepted
/// paths with the same root and, without a hop limit, stops as soon as `to` is settled. Tie
/// costs are computed once for all of them.
///
/// # Complexity
/// O(|E| + k · L · S) where L is the longest path's length and S the cost of one search
/// ([`super::shortest_tree`]; without a hop limit, only the part of the graph cheaper than
/// `to`).
///
/// # References
/// J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science 17(11),
/// 1971.
///
/// # Examples
/// ```
/// use leverage::analysis::network::Network;
/// use leverage::analysis::paths::k_best_paths;
/// use leverage::model::Distance;
///
/// // Two ways from 0 to 2: through 1 (0.9 × 0.9 = 0.81) and direct (0.5).
/// let net = Network::from_edges(3, &[(0, 1, 0.9), (1, 2, 0.9), (0, 2, 0.5)]);
/// let paths = k_best_paths(&net, 0, 2, 5, Distance::Log, None, &[]);
/// let nodes: Vec<&[usize]> = paths.iter().map(|p| p.nodes.as_slice()).collect();
/// assert_eq!(nodes, [&[0, 1, 2][..], &[0, 2][..]]);
/// ```
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
    let mut search = PathSearch::new(net, distance);
    let Some(first) = search
        .path(from, to, Limits::new(max_hops, banned))
        .and_then(|nodes| NetPath::measure(net, nodes, distance))
    else {
        return accepted;
    };
    accepted.push(first);
    let mut spurs = Spurs {
        net,
        to,
        distance,
        max_hops,
        banned,
        search,
        ban: vec![false; n],
        candidates: Vec::new(),
    };
    while accepted.len() < k {
        spurs.deviations(&accepted);
        let Some(best) = spurs.take_best() else {
            break;
        };
        accepted.push(best);
    }
    accepted
}

/// The state of one Yen run between iterations: the searches and the candidate paths found so
/// far (each differs from every accepted path).
struct Spurs<'a, 'b> {
    net: &'a Network,
    to: usize,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &'b [bool],
    search: PathSearch<'a>,
    /// The banned nodes of the current spur search (reused).
    ban: Vec<bool>,
    candidates: Vec<NetPath>,
}

impl Spurs<'_, '_> {
    /// Adds the deviations of the last accepted path to the candidates: for each of its nodes
    /// but the last (the spur), the best path that follows it up to the spur and then leaves
    /// it by a tie no accepted path with the same beginning takes, never returning to the
    /// beginning.
    fn deviations(&mut self, accepted: &[NetPath]) {
        let last = &accepted.last().expect("accepted is not empty").nodes;
        for i in 0..last.len() - 1 {
            let hops_left = self.max_hops.map(|h| h.saturating_sub(i));
            if hops_left == Some(0) {
                continue;
            }
            let root = &last[..=i];
            // Ban the root's nodes (except the spur) and the given nodes.
            for (v, b) in self.ban.iter_mut().enumerate() {
                *b = self.banned.get(v).copied().unwrap_or(false);
            }
            for &v in &root[..i] {
                self.ban[v] = true;
            }
            // Ties out of the spur already used by accepted paths sharing this root.
            let mut skip: Vec<usize> = accepted
                .iter()
                .filter(|p| p.nodes.len() > i + 1 && p.nodes[..=i] == *root)
                .map(|p| p.nodes[i + 1])
                .collect();
            skip.sort_unstable();
            skip.dedup();
            let limits = Limits {
                max_hops: hops_left,
                banned: &self.ban,
                skip: &skip,
            };
            let Some(spur_path) = self.search.path(root[i], self.to, limits) else {
                continue;
            };
            let mut nodes = root[..i].to_vec();
            nodes.extend(spur_path);
            if let Some(p) = NetPath::measure(self.net, nodes, self.distance) {
                if !self.candidates.iter().any(|c| c.nodes == p.nodes)
                    && !accepted.iter().any(|c| c.nodes == p.nodes)
                {
                    self.candidates.push(p);
                }
            }
        }
    }

    /// Removes and returns the best candidate: lowest cost, then node sequence.
    fn take_best(&mut self) -> Option<NetPath> {
        let c = &self.candidates;
        let best = (0..c.len()).min_by(|&a, &b| {
            c[a].cost
                .total_cmp(&c[b].cost)
                .then_with(|| c[a].nodes.cmp(&c[b].nodes))
        })?;
        Some(self.candidates.swap_remove(best))
    }
}
