//! Closeness on the chosen distance, over incoming paths, with the Wasserman-Faust correction for
//! actors that only part of the graph reaches.

use crate::analysis::network::{Direction, Network};
use crate::analysis::sssp::{for_each_root, CostGraph};
use crate::model::Distance;

/// Closeness of every actor: how short the best leverage paths *into* it are.
///
/// Direction: along the ties, measured at the end of the paths (incoming distances); a high value
/// marks **exposure**: many actors reach the actor cheaply. For node `v`, let `R(v)` be the actors
/// with a path to `v` (v excluded), `r = |R(v)|` and `D = sum over u in R(v) of d(u, v)` on
/// [`Distance`] costs. Then `C(v) = (r / D) · (r / (n - 1))` (the Wasserman-Faust improved
/// formula), and `C(v) = 0` when `D = 0` (nothing reaches `v`, or only through zero-cost ties of
/// strength 1 under `log`) or `n = 1`. Equals NetworkX
/// `closeness_centrality(G, distance="dist")` on the exported graph, which reverses a directed
/// graph before measuring.
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
/// S. Wasserman, K. Faust, *Social Network Analysis: Methods and Applications*, Cambridge
/// University Press, 1994, section 5.3; A. Bavelas, "Communication patterns in task-oriented
/// groups", J. Acoust. Soc. Am. 22(6), 1950.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::closeness;
/// use leverage::analysis::network::Network;
/// use leverage::model::Distance;
///
/// // 0 -> 1 -> 2 in hops (n = 3). Node 1: reached by {0} at total 1, (1/1)(1/2) = 1/2.
/// // Node 2: reached by {0, 1} at total 2 + 1, (2/3)(2/2) = 2/3. Nothing reaches node 0.
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.25)]);
/// let c = closeness(&net, Distance::Hops, usize::MAX);
/// assert_eq!(c[0], 0.0);
/// assert!((c[1] - 0.5).abs() < 1e-15 && (c[2] - 2.0 / 3.0).abs() < 1e-15);
/// ```
pub fn closeness(net: &Network, distance: Distance, parallel_threshold: usize) -> Vec<f64> {
    let n = net.node_count();
    // Costs of the best paths u -> v for every u, by Dijkstra against the ties.
    let g = CostGraph::new(net, distance, Direction::Backward);
    for_each_root(&g, parallel_threshold, |settled, _| {
        // `settled` starts with v itself at cost 0; the rest is R(v).
        let r = settled.len() - 1;
        let total: f64 = settled[1..].iter().map(|&(_, d)| d).sum();
        if total > 0.0 && n > 1 {
            let r = r as f64;
            (r / total) * (r / (n - 1) as f64)
        } else {
            0.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_by_hand() {
        // 0 -> 1 -> 2 and an isolated 3 (n = 4), hops distance.
        // Node 0: nothing reaches it -> 0.
        // Node 1: R = {0}, D = 1: (1/1) * (1/3) = 1/3.
        // Node 2: R = {0, 1}, D = 2 + 1 = 3: (2/3) * (2/3) = 4/9.
        let net = Network::from_edges(4, &[(0, 1, 0.5), (1, 2, 0.25)]);
        let c = closeness(&net, Distance::Hops, usize::MAX);
        let want = [0.0, 1.0 / 3.0, 4.0 / 9.0, 0.0];
        for (a, b) in c.iter().zip(want) {
            assert!((a - b).abs() < 1e-15, "{c:?}");
        }
    }

    #[test]
    fn inverse_costs_by_hand() {
        // 0 -> 1 (w 0.5, cost 2), 1 -> 2 (w 0.25, cost 4), 0 -> 2 (w 0.1, cost 10).
        // Node 2: d(1, 2) = 4, d(0, 2) = min(10, 2 + 4) = 6; r = 2, D = 10:
        // (2/10) * (2/2) = 0.2. Node 1: d(0, 1) = 2; (1/2) * (1/2) = 0.25.
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.25), (0, 2, 0.1)]);
        let c = closeness(&net, Distance::Inverse, usize::MAX);
        assert!((c[2] - 0.2).abs() < 1e-15 && (c[1] - 0.25).abs() < 1e-15 && c[0] == 0.0);
    }

    #[test]
    fn zero_cost_and_single_node() {
        // Strength 1 under `log` costs -ln 1 = 0, so D = 0 and closeness is 0 (NetworkX's rule).
        let net = Network::from_edges(2, &[(0, 1, 1.0)]);
        assert_eq!(closeness(&net, Distance::Log, usize::MAX), vec![0.0, 0.0]);
        assert_eq!(
            closeness(&Network::from_edges(1, &[]), Distance::Log, usize::MAX),
            vec![0.0]
        );
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
                closeness(&net, d, t)
                    .iter()
                    .map(|x| x.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(usize::MAX), bits(1));
        }
    }
}
