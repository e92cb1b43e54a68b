//! In- and out-strength: the sum of tie strengths into or out of each actor.

use crate::analysis::network::Network;

/// In-strength of every node: the sum of the strengths of ties into it.
///
/// Direction: along the ties; a high value marks **exposure** (others hold leverage over the
/// actor). Equals NetworkX `G.in_degree(weight="weight")`.
///
/// # Complexity
/// O(|V| + |E|).
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::strength_in;
/// use leverage::analysis::network::Network;
///
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (0, 2, 0.25), (2, 1, 1.0)]);
/// assert_eq!(strength_in(&net), vec![0.0, 1.5, 0.25]);
/// ```
pub fn strength_in(net: &Network) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| net.in_edges(v).1.iter().fold(0.0, |a, &w| a + w))
        .collect()
}

/// Out-strength of every node: the sum of the strengths of ties out of it.
///
/// Direction: against the ties; a high value marks **influence** (the actor holds leverage over
/// many). Equals NetworkX `G.out_degree(weight="weight")`.
///
/// # Complexity
/// O(|V| + |E|).
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::strength_out;
/// use leverage::analysis::network::Network;
///
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (0, 2, 0.25), (2, 1, 1.0)]);
/// assert_eq!(strength_out(&net), vec![0.75, 0.0, 1.0]);
/// ```
pub fn strength_out(net: &Network) -> Vec<f64> {
    (0..net.node_count())
        .map(|v| net.out_edges(v).1.iter().fold(0.0, |a, &w| a + w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        let net = Network::from_edges(3, &[(0, 1, 0.5), (0, 2, 0.25), (2, 1, 0.125)]);
        assert_eq!(strength_out(&net), vec![0.75, 0.0, 0.125]);
        assert_eq!(strength_in(&net), vec![0.0, 0.625, 0.25]);
    }
}
