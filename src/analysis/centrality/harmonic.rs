//! Harmonic centrality on the chosen distance, over incoming paths.

use crate::analysis::network::{Direction, Network};
use crate::analysis::paths::shortest_tree;
use crate::model::Distance;

/// Harmonic centrality of every actor: the sum of `1 / d(u, v)` over the actors `u` that reach it.
///
/// Direction: along the ties, measured at the end of the paths (incoming distances, as NetworkX
/// does: `d(u, v)` is the cost of the best path `u -> ... -> v`); a high value marks
/// **exposure**. Unreachable actors add 0; so does a path of cost exactly 0 (ties of strength 1
/// under `log`), which NetworkX skips as it skips self-distances. Not normalised. Equals NetworkX
/// `harmonic_centrality(G, distance="dist")` on the exported graph. Unlike closeness it needs no
/// correction for unreachable actors.
///
/// # Errors
/// None: an actor nothing reaches scores 0, and a network without actors gives an empty vector.
///
/// # Complexity
/// Time **O(|V| (|V| + |E|) log |V|)** (one Dijkstra per actor); auxiliary space **O(|V|)**.
///
/// # References
/// M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285, 2000; P. Boldi,
/// S. Vigna, "Axioms for centrality", Internet Mathematics 10, 2014.
pub fn harmonic(net: &Network, distance: Distance) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| {
            let tree = shortest_tree(net, v, Direction::Backward, distance, None, &[]);
            tree.dist
                .iter()
                .filter(|&&d| d.is_finite() && d != 0.0)
                .map(|&d| 1.0 / d)
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // 0 -> 1 (w 0.5, cost 2), 1 -> 2 (w 0.25, cost 4), 0 -> 2 (w 0.1, cost 10), inverse.
        // Node 2: d(1, 2) = 4, d(0, 2) = min(10, 6) = 6: 1/4 + 1/6 = 5/12.
        // Node 1: d(0, 1) = 2: 1/2. Node 0: nothing reaches it: 0.
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.25), (0, 2, 0.1)]);
        let h = harmonic(&net, Distance::Inverse);
        assert!((h[2] - 5.0 / 12.0).abs() < 1e-15 && (h[1] - 0.5).abs() < 1e-15 && h[0] == 0.0);
        // Hops: node 2 is one hop from both: 1 + 1 = 2.
        assert_eq!(harmonic(&net, Distance::Hops), vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn zero_cost_paths_are_skipped() {
        // 0 -> 1 with strength 1: cost -ln 1 = 0 under `log`, skipped like NetworkX does.
        let net = Network::from_edges(2, &[(0, 1, 1.0)]);
        assert_eq!(harmonic(&net, Distance::Log), vec![0.0, 0.0]);
    }
}
