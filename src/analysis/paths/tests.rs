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
