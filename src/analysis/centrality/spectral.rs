//! The spectral radius of the strength matrix (its largest eigenvalue), for Katz's attenuation
//! factor: per strongly connected component, by a shifted power iteration bracketed by the
//! Collatz-Wielandt bounds.

use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// Iteration cap of [`spectral_radius`] per component. The iteration is O(|E|) per step and only
/// fixes Katz's default attenuation, so the cap is generous: long cycles of weak ties converge
/// slowly.
pub const MAX_ITER: usize = 100_000;

/// The spectral radius and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpectralRadius {
    /// `lambda_max`, the largest eigenvalue of the matrix of tie strengths (0 without cycles).
    pub value: f64,
    /// Iterations run, summed over components.
    pub iterations: usize,
}

/// The spectral radius `lambda_max` of the strength matrix `A` (`A[u][v]` = strength of `u -> v`).
///
/// Direction: none (a property of the whole graph; `A` and its transpose share it). For a
/// non-negative matrix it is the largest eigenvalue (Perron-Frobenius), and it is the largest
/// spectral radius of the strongly connected components, so each component of two or more actors
/// is solved alone (a single actor has no self-tie, so radius 0; an acyclic graph has radius 0).
/// On a component `C`, `B = A_C + I` is primitive; the iteration `x <- B x / max(B x)` from
/// `x = 1` converges to its Perron vector, and for every positive `x` the Collatz-Wielandt bounds
/// `min_i (Bx)_i / x_i <= 1 + lambda_C <= max_i (Bx)_i / x_i` hold. The iteration stops when the
/// bracket is narrower than `tolerance` relative to its top, and returns its midpoint minus 1.
///
/// # Errors
/// [`Error::DidNotConverge`] if a component's bracket is still wider after [`MAX_ITER`]
/// iterations.
///
/// # Complexity
/// O(|V| + |E|) for the components (Tarjan), then O(iterations · (|V| + |E|)) time; O(|V|) extra
/// space.
///
/// # References
/// R. A. Horn, C. R. Johnson, *Matrix Analysis*, 2nd ed., Cambridge University Press, 2013,
/// section 8.1 (Collatz-Wielandt) and 8.4-8.5 (Perron-Frobenius); R. Tarjan, "Depth-first search
/// and linear graph algorithms", SIAM J. Comput. 1(2), 1972.
pub fn spectral_radius(net: &Network, tolerance: f64) -> Result<SpectralRadius> {
    let n = net.node_count();
    let comp = components(net);
    let count = comp.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (v, &c) in comp.iter().enumerate() {
        members[c].push(v);
    }
    let (mut best, mut iterations) = (0.0f64, 0usize);
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    for (c, nodes) in members.iter().enumerate() {
        if nodes.len() < 2 {
            continue;
        }
        for &v in nodes {
            x[v] = 1.0;
        }
        let mut converged = None;
        for _ in 0..MAX_ITER {
            iterations += 1;
            let (mut lo, mut hi, mut top) = (f64::INFINITY, 0.0f64, 0.0f64);
            for &v in nodes {
                let (to, w) = net.out_edges(v);
                let mut acc = x[v];
                for (&t, &s) in to.iter().zip(w) {
                    if comp[t as usize] == c {
                        acc += s * x[t as usize];
                    }
                }
                y[v] = acc;
                lo = lo.min(acc / x[v]);
                hi = hi.max(acc / x[v]);
                top = top.max(acc);
            }
            for &v in nodes {
                x[v] = y[v] / top;
            }
            if hi - lo <= tolerance * hi {
                converged = Some(0.5 * (lo + hi) - 1.0);
                break;
            }
        }
        match converged {
            Some(r) => best = best.max(r),
            None => {
                return Err(Error::DidNotConverge {
                    measure: "lambda_max (spectral radius for katz)".into(),
                    iterations: MAX_ITER,
                    tolerance,
                })
            }
        }
    }
    Ok(SpectralRadius {
        value: best,
        iterations,
    })
}

/// Strongly connected component of every node, numbered from 0 (Tarjan, iterative).
fn components(net: &Network) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = net.node_count();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut comp = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    // Call stack of (node, next out-tie position).
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let (mut next_index, mut next_comp) = (0usize, 0usize);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        calls.push((root, 0));
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = calls.last_mut() {
            let (v, pos) = *top;
            if let Some(&t) = net.out_edges(v).0.get(pos) {
                top.1 += 1;
                let t = t as usize;
                if index[t] == UNSEEN {
                    index[t] = next_index;
                    low[t] = next_index;
                    next_index += 1;
                    stack.push(t);
                    on_stack[t] = true;
                    calls.push((t, 0));
                } else if on_stack[t] {
                    low[v] = low[v].min(index[t]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = next_comp;
                    if w == v {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    comp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_by_hand() {
        // 0 <-> 1 -> 2 <-> 3, 4 alone: components {0, 1}, {2, 3}, {4}.
        let net = Network::from_edges(
            5,
            &[
                (0, 1, 0.5),
                (1, 0, 0.5),
                (1, 2, 0.5),
                (2, 3, 0.5),
                (3, 2, 0.5),
            ],
        );
        let c = components(&net);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert!(c[0] != c[2] && c[4] != c[0] && c[4] != c[2]);
    }

    #[test]
    fn radius_by_hand() {
        // Two-cycle 0 <-> 1 with strengths 0.8 and 0.2: eigenvalues +-sqrt(0.8 * 0.2) = +-0.4.
        // Three-cycle 2 -> 3 -> 4 -> 2 with strengths 0.5, 0.5, 0.216: (0.054)^(1/3) ~ 0.378.
        // The larger, 0.4, is the radius.
        let net = Network::from_edges(
            5,
            &[
                (0, 1, 0.8),
                (1, 0, 0.2),
                (2, 3, 0.5),
                (3, 4, 0.5),
                (4, 2, 0.216),
            ],
        );
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert!((r.value - 0.4).abs() < 1e-11, "{r:?}");
        // Without the two-cycle: (0.5 * 0.5 * 0.216)^(1/3) = 0.054^(1/3) = 0.3779763...
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5), (2, 0, 0.216)]);
        let r = spectral_radius(&net, 1e-12).unwrap();
        assert!((r.value - 0.054f64.cbrt()).abs() < 1e-11, "{r:?}");
    }

    #[test]
    fn acyclic_is_zero() {
        let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5), (0, 2, 0.9)]);
        assert_eq!(spectral_radius(&net, 1e-12).unwrap().value, 0.0);
    }
}
