//! Harmonic centrality on the chosen distance, over incoming paths.

use crate::analysis::network::{Direction, Network};
use crate::analysis::sssp::{for_each_root, CostGraph};
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
/// Actors run in parallel (rayon, one reusable Dijkstra per thread) when the graph has at least
/// `parallel_threshold` nodes; each value comes from its own search, summed in the order the
/// search settles the actors, so the output is bit-identical whatever the number of threads.
///
/// # Errors
/// None: an actor nothing reaches scores 0, and a network without actors gives an empty vector.
///
/// # Complexity
/// Time **O(|V| (|V| + |E|) log |V|)** (one Dijkstra per actor against the ties, costs
/// computed once); auxiliary space **O(|E|)** for the costs plus **O(|V|)** per thread.
///
/// # References
/// M. Marchiori, V. Latora, "Harmony in the small-world", Physica A 285, 2000; P. Boldi,
/// S. Vigna, "Axioms for centrality", Internet Mathematics 10, 2014.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::harmonic;
/// use leverage::analysis::network::Network;
/// use leverage::model::Distance;
///
/// // 0 -> 1 -> 2 in hops: node 2 is reached from 1 at 1 and from 0 at 2, 1 + 1/2.
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.25)]);
/// assert_eq!(harmonic(&net, Distance::Hops, usize::MAX), vec![0.0, 1.0, 1.5]);
/// ```
pub fn harmonic(net: &Network, distance: Distance, parallel_threshold: usize) -> Vec<f64> {
    let g = CostGraph::new(net, distance, Direction::Backward);
    for_each_root(&g, parallel_threshold, |settled, _| {
        settled
            .iter()
            .filter(|&&(_, d)| d != 0.0)
            .map(|&(_, d)| 1.0 / d)
            .sum()
    })
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
        let h = harmonic(&net, Distance::Inverse, usize::MAX);
        assert!((h[2] - 5.0 / 12.0).abs() < 1e-15 && (h[1] - 0.5).abs() < 1e-15 && h[0] == 0.0);
        // Hops: node 2 is one hop from both: 1 + 1 = 2.
        assert_eq!(
            harmonic(&net, Distance::Hops, usize::MAX),
            vec![0.0, 1.0, 2.0]
        );
    }

    #[test]
    fn zero_cost_paths_are_skipped() {
        // 0 -> 1 with strength 1: cost -ln 1 = 0 under `log`, skipped like NetworkX does.
        let net = Network::from_edges(2, &[(0, 1, 1.0)]);
        assert_eq!(harmonic(&net, Distance::Log, usize::MAX), vec![0.0, 0.0]);
    }

    #[test]
    fn parallel_equals_serial_bit_for_bit() {
        let graph = crate::generate::generate(&crate::generate::GenerateParams {
            actors: 300,
            ties: 3000,
            seed: 5,
            ..Default::default()
        })
        .unwrap();
        let net = Network::new(&graph, &crate::model::StrengthRule::default());
        for d in [Distance::Log, Distance::Inverse, Distance::Hops] {
            let bits = |t| {
                harmonic(&net, d, t)
                    .iter()
                    .map(|x| x.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(usize::MAX), bits(1));
        }
    }
}
