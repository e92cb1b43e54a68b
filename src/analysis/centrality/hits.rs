//! HITS hubs and authorities by power iteration on the strength matrix.

use super::{l1_change, PowerParams};
use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// HITS scores: hubs and authorities, each summing to 1.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Hits {
    /// Hub score per node: leverage held over good authorities (**influence**).
    pub hubs: Vec<f64>,
    /// Authority score per node: leverage received from good hubs (**exposure**).
    pub authorities: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Tolerance used.
    pub tolerance: f64,
}

/// HITS (Kleinberg) hubs and authorities on the strength matrix `A` (`A[u][v]` = strength of
/// `u -> v`).
///
/// Direction: the **authority** vector `a` is the principal eigenvector of `AᵀA` (mass along the
/// ties: an actor exposed to strong hubs is an authority, so a high value marks **exposure**);
/// the **hub** vector is `h = A a` (against the ties: an actor holding leverage over
/// authorities, **influence**). Both are scaled to sum 1. Equals NetworkX `hits(G)`, which takes
/// the `weight` attribute through its adjacency matrix and finds `a` as the principal right
/// singular vector of `A` (ARPACK); here it is power iteration from `a = 1/n`: `h = A a`,
/// `a <- Aᵀ h`, scaled to sum 1, until the L1 change is below `n · tolerance`.
///
/// A graph without ties has no principal direction; both vectors are then all 0.
///
/// # Errors
/// [`Error::EmptyGraph`] for a graph without actors; [`Error::InvalidParameter`] for a
/// tolerance that is not positive; [`Error::DidNotConverge`] after
/// `max_iter` iterations (the two largest singular values are equal or nearly so, and the answer
/// is not unique).
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time, O(|V|) extra space; the error shrinks by
/// `(sigma_2 / sigma_1)²` per iteration.
///
/// # References
/// J. M. Kleinberg, "Authoritative sources in a hyperlinked environment", J. ACM 46(5), 1999.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{hits, PowerParams};
/// use leverage::analysis::network::Network;
///
/// // One tie 0 -> 1: 0 is the only hub, 1 the only authority.
/// let net = Network::from_edges(2, &[(0, 1, 0.5)]);
/// let h = hits(&net, &PowerParams::default())?;
/// assert_eq!((h.hubs, h.authorities), (vec![1.0, 0.0], vec![0.0, 1.0]));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn hits(net: &Network, params: &PowerParams) -> Result<Hits> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph("HITS needs at least one actor".into()));
    }
    params.check()?;
    if net.edge_count() == 0 {
        return Ok(Hits {
            hubs: vec![0.0; n],
            authorities: vec![0.0; n],
            iterations: 0,
            tolerance: params.tolerance,
        });
    }
    let nf = n as f64;
    let mut a = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let mut h = vec![0.0; n];
    let hub_of = |a: &[f64], h: &mut [f64]| {
        for (u, slot) in h.iter_mut().enumerate() {
            let (to, w) = net.out_edges(u);
            *slot = to.iter().zip(w).map(|(&v, &s)| s * a[v as usize]).sum();
        }
    };
    for iter in 1..=params.max_iter {
        hub_of(&a, &mut h);
        for (v, slot) in next.iter_mut().enumerate() {
            let (from, w) = net.in_edges(v);
            *slot = from.iter().zip(w).map(|(&u, &s)| s * h[u as usize]).sum();
        }
        scale_to_sum_one(&mut next);
        let err = l1_change(&next, &a);
        std::mem::swap(&mut a, &mut next);
        if err < nf * params.tolerance {
            hub_of(&a, &mut h);
            scale_to_sum_one(&mut h);
            return Ok(Hits {
                hubs: h,
                authorities: a,
                iterations: iter,
                tolerance: params.tolerance,
            });
        }
    }
    Err(Error::DidNotConverge {
        measure: "hits".into(),
        iterations: params.max_iter,
        tolerance: params.tolerance,
    })
}

fn scale_to_sum_one(x: &mut [f64]) {
    let s: f64 = x.iter().sum();
    if s > 0.0 {
        for y in x {
            *y /= s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // 0 -> 2 (0.6), 1 -> 2 (0.2), 1 -> 3 (0.5). Columns of A: a_2 = (0.6, 0.2), a_3 = (0, 0.5).
        // AᵀA on {2, 3} = [[0.36 + 0.04, 0.1], [0.1, 0.25]] = [[0.4, 0.1], [0.1, 0.25]].
        // (2, 1) is an eigenvector: 0.4*2 + 0.1 = 0.9 = 0.45*2, 0.1*2 + 0.25 = 0.45; the other
        // eigenvalue is 0.65 - 0.45 = 0.2. Authorities (0, 0, 2/3, 1/3).
        // Hubs A a: h0 = 0.6 * 2/3 = 0.4, h1 = 0.2 * 2/3 + 0.5 * 1/3 = 0.3; sum 0.7 -> (4/7, 3/7).
        let net = Network::from_edges(4, &[(0, 2, 0.6), (1, 2, 0.2), (1, 3, 0.5)]);
        let r = hits(&net, &PowerParams::default()).unwrap();
        let want_a = [0.0, 0.0, 2.0 / 3.0, 1.0 / 3.0];
        let want_h = [4.0 / 7.0, 3.0 / 7.0, 0.0, 0.0];
        for i in 0..4 {
            assert!((r.authorities[i] - want_a[i]).abs() < 1e-10, "{r:?}");
            assert!((r.hubs[i] - want_h[i]).abs() < 1e-10, "{r:?}");
        }
    }

    #[test]
    fn no_ties_gives_zeros() {
        let r = hits(&Network::from_edges(2, &[]), &PowerParams::default()).unwrap();
        assert_eq!(r.hubs, vec![0.0, 0.0]);
        assert_eq!(r.authorities, vec![0.0, 0.0]);
    }

    #[test]
    fn non_convergence_is_an_error() {
        // A three-cycle of strengths 0.6, 0.3, 0.5: AᵀA = diag(0.25, 0.36, 0.09), so one step
        // from the uniform start moves `a` to (0.5 * 0.5, 0.6 * 0.6, 0.3 * 0.3) / 0.7, far from
        // 1/3 each: one iteration cannot converge.
        let net = Network::from_edges(3, &[(0, 1, 0.6), (1, 2, 0.3), (2, 0, 0.5)]);
        let p = PowerParams {
            max_iter: 1,
            ..PowerParams::default()
        };
        assert!(matches!(hits(&net, &p), Err(Error::DidNotConverge { .. })));
    }
}
