//! The engine's results: [`ShortestTree`], the best paths from (or to) one root, and
//! [`NetPath`], one path measured.

use crate::analysis::network::{Direction, Network, NONE};
use crate::model::Distance;

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
    pub(super) pred: Vec<Vec<u32>>,
    /// Whether `pred` holds one layer per hop (hop-limited search).
    pub(super) layered: bool,
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
