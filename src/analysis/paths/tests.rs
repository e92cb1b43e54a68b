//! Unit tests of the paths engine, Yen and the command.

use super::*;
use crate::analysis::network::{Direction, Network};
use crate::model::Distance;

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

use crate::analysis::oracle;

const DISTANCES: [Distance; 3] = [Distance::Log, Distance::Inverse, Distance::Hops];

/// A random network of 2 to 8 nodes for `seed`, with a root and some banned nodes (never the
/// root).
fn oracle_case(seed: u64, distance: Distance) -> (Network, usize, Vec<bool>) {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_pcg::Pcg64::seed_from_u64(seed ^ 0x9e37_79b9);
    let n = rng.random_range(2..=8);
    let density = [0.25, 0.45, 0.7][rng.random_range(0..3)];
    let net = oracle::random_network(seed, n, density, oracle::strengths_for(distance));
    let root = rng.random_range(0..n);
    let banned = (0..n).map(|v| v != root && rng.random_bool(0.15)).collect();
    (net, root, banned)
}

/// Every simple path between `root` and `v` that a search from `root` in direction `dir` may
/// take, in the direction of the ties, with its cost summed from the root's end.
fn brute_paths(
    net: &Network,
    root: usize,
    v: usize,
    dir: Direction,
    distance: Distance,
    max_hops: Option<usize>,
    banned: &[bool],
) -> Vec<(Vec<usize>, f64)> {
    if banned[v] {
        return Vec::new();
    }
    match dir {
        Direction::Forward => oracle::simple_paths(net, root, v, max_hops, banned)
            .into_iter()
            .map(|p| {
                let c = oracle::cost(net, &p, distance);
                (p, c)
            })
            .collect(),
        Direction::Backward => {
            let mut ban = banned.to_vec();
            ban[root] = false;
            oracle::simple_paths(net, v, root, max_hops, &ban)
                .into_iter()
                .map(|p| {
                    let c = oracle::cost_from_end(net, &p, distance);
                    (p, c)
                })
                .collect()
        }
    }
}

#[test]
fn trees_equal_a_brute_force_over_simple_paths_within_the_hop_limit() {
    // See: #12
    // For every node: the tree's cost is the least cost of any simple path of at most H ties
    // avoiding the banned nodes, its path is the first of those with that cost (nodes read from
    // the root), and under `log` its leverage is the best product of strengths among them.
    let mut reached = 0;
    for seed in 0..500 {
        for distance in DISTANCES {
            let (net, root, banned) = oracle_case(seed, distance);
            for dir in [Direction::Forward, Direction::Backward] {
                for max_hops in [None, Some(1), Some(2), Some(3), Some(4)] {
                    let tree = shortest_tree(&net, root, dir, distance, max_hops, &banned);
                    let at =
                        |v| format!("seed {seed}, {distance:?}, {dir:?}, hops {max_hops:?}, v {v}");
                    for v in (0..net.node_count()).filter(|&v| v != root) {
                        let all = brute_paths(&net, root, v, dir, distance, max_hops, &banned);
                        let best = all.iter().map(|p| p.1).min_by(f64::total_cmp);
                        let Some(best) = best else {
                            assert!(
                                tree.path(v).is_none() && tree.dist[v].is_infinite(),
                                "{}",
                                at(v)
                            );
                            continue;
                        };
                        reached += 1;
                        assert_eq!(tree.dist[v], best, "{}", at(v));
                        // The first cheapest path, its nodes read from the root.
                        let from_root = |p: &Vec<usize>| match dir {
                            Direction::Forward => p.clone(),
                            Direction::Backward => p.iter().rev().copied().collect(),
                        };
                        let first = all
                            .iter()
                            .filter(|(_, c)| *c == best)
                            .map(|(p, _)| p)
                            .min_by_key(|p| from_root(p))
                            .unwrap();
                        let path = tree.path(v).unwrap();
                        assert_eq!(&path, first, "{}", at(v));
                        if distance == Distance::Log {
                            let top = all
                                .iter()
                                .map(|(p, _)| oracle::leverage(&net, p))
                                .fold(0.0, f64::max);
                            let got = oracle::leverage(&net, &path);
                            assert!((got - top).abs() <= 1e-12 * top, "{}", at(v));
                        }
                    }
                }
            }
        }
    }
    assert!(reached > 10_000, "only {reached} nodes reached");
}

#[test]
fn yen_equals_a_brute_force_over_all_simple_paths() {
    // See: #12
    // Every simple path from -> to, enumerated, sorted by cost and then node sequence: Yen's
    // algorithm must give the same paths in the same order, for every k, with and without a
    // hop limit and with banned actors. Under `inverse` and `hops` equal costs are common and
    // exact, so the order among them is tested too.
    use rand::{Rng, SeedableRng};
    let mut compared = 0;
    let mut tied = 0;
    for seed in 0..600 {
        for distance in DISTANCES {
            let (net, from, banned) = oracle_case(seed, distance);
            let n = net.node_count();
            let mut rng = rand_pcg::Pcg64::seed_from_u64(seed);
            let to = (from + rng.random_range(1..n)) % n;
            let mut banned = banned;
            banned[to] = false;
            for max_hops in [None, Some(1), Some(2), Some(3)] {
                let mut all = oracle::simple_paths(&net, from, to, max_hops, &banned);
                let key = |p: &Vec<usize>| oracle::cost(&net, p, distance);
                all.sort_by(|a, b| key(a).total_cmp(&key(b)).then_with(|| a.cmp(b)));
                tied += all.windows(2).filter(|w| key(&w[0]) == key(&w[1])).count();
                for k in [1, 2, all.len().div_ceil(2).max(1), all.len() + 1] {
                    let got = k_best_paths(&net, from, to, k, distance, max_hops, &banned);
                    let got_nodes: Vec<&Vec<usize>> = got.iter().map(|p| &p.nodes).collect();
                    let want: Vec<&Vec<usize>> = all.iter().take(k).collect();
                    assert_eq!(
                        got_nodes, want,
                        "seed {seed}, {distance:?}, hops {max_hops:?}, k {k}, {from} -> {to}, \
                         banned {banned:?}"
                    );
                    for p in &got {
                        assert_eq!(p.cost, key(&p.nodes));
                        assert!((p.leverage - oracle::leverage(&net, &p.nodes)).abs() < 1e-15);
                    }
                    compared += got.len();
                }
            }
        }
    }
    assert!(compared > 10_000, "only {compared} paths compared");
    assert!(tied > 1_000, "only {tied} equal-cost neighbours");
}
