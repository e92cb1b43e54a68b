//! Eigenvector centrality by NetworkX's shifted power iteration on the in-ties.

use super::{l1_change, l2_norm, Iterative, PowerParams};
use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// Eigenvector centrality: an actor is central when central actors hold leverage over it.
///
/// Direction: along the ties; `x_v` is proportional to the sum of `w(u, v) · x_u` over in-ties
/// `u -> v` (the left Perron eigenvector of the strength matrix), so a high value marks
/// **exposure** to leverage from actors that are themselves exposed. Computed exactly as NetworkX
/// `eigenvector_centrality(G, weight="weight")`: start from `1/n` everywhere, iterate
/// `x <- x (A + I)` (the shift by the identity makes the iteration converge on periodic graphs,
/// such as a two-actor cycle), scale to Euclidean norm 1, and stop when the L1 change is below
/// `n · tolerance`.
///
/// On a graph without cycles the spectral radius is 0, no eigenvector dominates, and the
/// iteration does not converge: that is reported as an error, not as numbers.
///
/// # Errors
/// [`Error::EmptyGraph`] for a graph without actors; [`Error::InvalidParameter`] for a
/// tolerance that is not positive; [`Error::DidNotConverge`] after
/// `max_iter` iterations.
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time, O(|V|) extra space. The iteration count grows with
/// `(1 + |lambda_2|) / (1 + lambda_1)`, the ratio of the two largest shifted eigenvalues.
///
/// # References
/// P. Bonacich, "Factoring and weighting approaches to status scores and clique identification",
/// J. Math. Sociol. 2(1), 1972; M. E. J. Newman, *Networks*, 2nd ed., Oxford University Press,
/// 2018, section 7.1.3.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{eigenvector, PowerParams};
/// use leverage::analysis::network::Network;
///
/// // A two-actor cycle: both equally central, scaled to unit norm, 1/sqrt(2) each.
/// let net = Network::from_edges(2, &[(0, 1, 0.5), (1, 0, 0.5)]);
/// let e = eigenvector(&net, &PowerParams::default())?;
/// assert!(e.values.iter().all(|x| (x - 0.5f64.sqrt()).abs() < 1e-12));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn eigenvector(net: &Network, params: &PowerParams) -> Result<Iterative> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph(
            "eigenvector centrality needs at least one actor".into(),
        ));
    }
    params.check()?;
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for iter in 1..=params.max_iter {
        for (v, slot) in next.iter_mut().enumerate() {
            // In-ties in source order, as NetworkX adds them node by node.
            let (from, w) = net.in_edges(v);
            let mut acc = x[v];
            for (&u, &s) in from.iter().zip(w) {
                acc += x[u as usize] * s;
            }
            *slot = acc;
        }
        let norm = l2_norm(&next);
        let norm = if norm == 0.0 { 1.0 } else { norm };
        for y in &mut next {
            *y /= norm;
        }
        let err = l1_change(&next, &x);
        std::mem::swap(&mut x, &mut next);
        if err < nf * params.tolerance {
            return Ok(Iterative {
                values: x,
                iterations: iter,
                tolerance: params.tolerance,
            });
        }
    }
    Err(Error::DidNotConverge {
        measure: "eigenvector".into(),
        iterations: params.max_iter,
        tolerance: params.tolerance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cycle_by_hand() {
        // 0 -> 1 (w 0.8), 1 -> 0 (w 0.2). Left eigenvector of A = [[0, .8], [.2, 0]]:
        // x0 = 0.2 x1 / l, x1 = 0.8 x0 / l with l = sqrt(0.16) = 0.4, so x1 = 2 x0.
        // Unit norm: x0 = 1/sqrt(5), x1 = 2/sqrt(5).
        let net = Network::from_edges(2, &[(0, 1, 0.8), (1, 0, 0.2)]);
        let r = eigenvector(&net, &PowerParams::default()).unwrap();
        let s5 = 5f64.sqrt();
        assert!((r.values[0] - 1.0 / s5).abs() < 1e-10, "{:?}", r.values);
        assert!((r.values[1] - 2.0 / s5).abs() < 1e-10);
    }

    #[test]
    fn dangling_tail_by_hand() {
        // Cycle 0 <-> 1 (w 0.5 both ways, lambda = 0.5) and a tail 1 -> 2 (w 0.5).
        // x0 = 0.5 x1 / 0.5 = x1; x2 = 0.5 x1 / 0.5 = x1. So x = (1, 1, 1)/sqrt(3).
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 0, 0.5), (1, 2, 0.5)]);
        let r = eigenvector(&net, &PowerParams::default()).unwrap();
        for x in &r.values {
            assert!((x - 1.0 / 3f64.sqrt()).abs() < 1e-9, "{:?}", r.values);
        }
    }

    #[test]
    fn acyclic_does_not_converge() {
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5)]);
        let p = PowerParams {
            max_iter: 200,
            ..PowerParams::default()
        };
        assert!(matches!(
            eigenvector(&net, &p),
            Err(Error::DidNotConverge { .. })
        ));
    }
}
