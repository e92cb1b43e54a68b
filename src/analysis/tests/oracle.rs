//! Brute-force references for the oracle tests of the path kernels (paths, Yen, betweenness):
//! seeded random networks of a few nodes and every simple path between two nodes, enumerated
//! by depth-first search. Nothing here shares code with the kernels it checks.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

use crate::analysis::network::Network;
use crate::model::Distance;

/// How the strengths of a random network are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strengths {
    /// Uniform in [0.05, 0.95]: two different paths practically never cost the same, under any
    /// distance but `hops`.
    Continuous,
    /// One of 1, 1/2, 1/4, 1/8: under `inverse` the costs 1, 2, 4, 8 are exact, so paths of
    /// equal cost tie exactly and floating-point sums cannot split them.
    Dyadic,
}

/// A seeded random network of `n` nodes where each ordered pair has a tie with probability
/// `density`, without self-ties.
pub(crate) fn random_network(seed: u64, n: usize, density: f64, strengths: Strengths) -> Network {
    let mut rng = Pcg64::seed_from_u64(seed);
    let mut edges = Vec::new();
    for f in 0..n as u32 {
        for t in 0..n as u32 {
            if f != t && rng.random_bool(density) {
                let w = match strengths {
                    Strengths::Continuous => rng.random_range(0.05..0.95),
                    Strengths::Dyadic => [1.0, 0.5, 0.25, 0.125][rng.random_range(0..4)],
                };
                edges.push((f, t, w));
            }
        }
    }
    Network::from_edges(n, &edges)
}

/// The strengths that suit `distance` in an oracle: exact ties where they can be exact.
pub(crate) fn strengths_for(distance: Distance) -> Strengths {
    match distance {
        Distance::Log => Strengths::Continuous,
        Distance::Inverse | Distance::Hops => Strengths::Dyadic,
    }
}

/// Every simple path `from -> ... -> to` of at most `max_hops` ties whose nodes after `from` are
/// not `banned`, in depth-first order. `from == to` gives the one-node path.
pub(crate) fn simple_paths(
    net: &Network,
    from: usize,
    to: usize,
    max_hops: Option<usize>,
    banned: &[bool],
) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut on_path = vec![false; net.node_count()];
    let mut path = vec![from];
    on_path[from] = true;
    extend(net, to, max_hops, banned, &mut path, &mut on_path, &mut out);
    out
}

fn extend(
    net: &Network,
    to: usize,
    max_hops: Option<usize>,
    banned: &[bool],
    path: &mut Vec<usize>,
    on_path: &mut [bool],
    out: &mut Vec<Vec<usize>>,
) {
    let v = *path.last().expect("a path has a first node");
    if v == to {
        out.push(path.clone());
        return;
    }
    if max_hops.is_some_and(|h| path.len() > h) {
        return;
    }
    for w in 0..net.node_count() {
        if on_path[w] || banned.get(w).copied().unwrap_or(false) || net.strength(v, w) <= 0.0 {
            continue;
        }
        on_path[w] = true;
        path.push(w);
        extend(net, to, max_hops, banned, path, on_path, out);
        path.pop();
        on_path[w] = false;
    }
}

/// The cost of `nodes` under `distance`, summed from the first tie to the last.
pub(crate) fn cost(net: &Network, nodes: &[usize], distance: Distance) -> f64 {
    nodes
        .windows(2)
        .fold(0.0, |acc, p| acc + distance.cost(net.strength(p[0], p[1])))
}

/// The cost of `nodes` summed from the last tie to the first: how a search against the ties,
/// rooted at the path's end, adds it up.
pub(crate) fn cost_from_end(net: &Network, nodes: &[usize], distance: Distance) -> f64 {
    nodes
        .windows(2)
        .rev()
        .fold(0.0, |acc, p| acc + distance.cost(net.strength(p[0], p[1])))
}

/// The product of the strengths along `nodes`.
pub(crate) fn leverage(net: &Network, nodes: &[usize]) -> f64 {
    nodes.windows(2).map(|p| net.strength(p[0], p[1])).product()
}
