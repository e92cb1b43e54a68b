//! Katz centrality with NetworkX's iteration, its attenuation factor set from the spectral radius.

use super::spectral::spectral_radius;
use super::{l1_change, l2_norm, Iterative, PowerParams};
use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// Attenuation used when the graph has no cycle (spectral radius 0, where any factor converges):
/// NetworkX's default.
pub const ACYCLIC_ALPHA: f64 = 0.1;

/// Default attenuation as a share of `1 / lambda_max`.
pub const ALPHA_SHARE: f64 = 0.5;

/// Options of [`katz`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KatzParams {
    /// Attenuation factor; `None` for `0.5 / lambda_max` ([`ACYCLIC_ALPHA`] if `lambda_max = 0`).
    pub alpha: Option<f64>,
    /// Weight every actor gets for itself (NetworkX `beta`, default 1).
    pub beta: f64,
    /// Tolerance and iteration cap.
    pub power: PowerParams,
}

impl Default for KatzParams {
    fn default() -> Self {
        KatzParams {
            alpha: None,
            beta: 1.0,
            power: PowerParams::default(),
        }
    }
}

/// Katz centrality and the attenuation it used.
#[derive(Debug, Clone, PartialEq)]
pub struct Katz {
    /// Values, iterations and tolerance.
    pub scores: Iterative,
    /// The attenuation factor used.
    pub alpha: f64,
    /// The spectral radius of the strength matrix.
    pub lambda_max: f64,
}

/// Katz centrality: leverage received over paths of every length, attenuated by `alpha` per tie.
///
/// Direction: along the ties; `x_v = alpha · sum over in-ties u -> v of w(u, v) · x_u + beta`,
/// so a high value marks **exposure** (many actors, directly or through chains, hold leverage
/// over the actor). Computed exactly as NetworkX
/// `katz_centrality(G, alpha, beta, weight="weight")`: start from 0, iterate, stop when the L1
/// change is below `n · tolerance`, scale to Euclidean norm 1. The series converges only for
/// `alpha < 1 / lambda_max`; by default `alpha = 0.5 / lambda_max` (so each extra tie counts at
/// most half as much as in the limit), with `lambda_max` from [`spectral_radius`], and
/// [`ACYCLIC_ALPHA`] when the graph has no cycle.
///
/// # Errors
/// [`Error::EmptyGraph`] for a graph without actors; [`Error::InvalidParameter`] for a
/// tolerance that is not positive; [`Error::InvalidParameter`] for an `alpha`
/// that is not positive or not below `1 / lambda_max`, or a `beta` that is not finite;
/// [`Error::DidNotConverge`] after `max_iter` iterations (or if `lambda_max` does not).
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time (plus the spectral radius), O(|V|) extra space; the error
/// shrinks by about `alpha · lambda_max` per iteration.
///
/// # References
/// L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1), 1953.
pub fn katz(net: &Network, params: &KatzParams) -> Result<Katz> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph(
            "Katz centrality needs at least one actor".into(),
        ));
    }
    params.power.check()?;
    let lambda_max = spectral_radius(net, params.power.tolerance)?.value;
    let alpha = match params.alpha {
        Some(a) => a,
        None if lambda_max > 0.0 => ALPHA_SHARE / lambda_max,
        None => ACYCLIC_ALPHA,
    };
    if !(alpha > 0.0 && alpha.is_finite()) || alpha * lambda_max >= 1.0 {
        return Err(Error::InvalidParameter {
            name: "--alpha".into(),
            value: alpha.to_string(),
            expected: format!(
                "Katz attenuation must be positive and below 1/lambda_max = {}",
                if lambda_max > 0.0 {
                    (1.0 / lambda_max).to_string()
                } else {
                    "infinity".to_owned()
                }
            ),
        });
    }
    if !params.beta.is_finite() {
        return Err(Error::InvalidParameter {
            name: "beta".into(),
            value: params.beta.to_string(),
            expected: "it must be a finite number".into(),
        });
    }
    let nf = n as f64;
    let mut x = vec![0.0; n];
    let mut next = vec![0.0; n];
    for iter in 1..=params.power.max_iter {
        for (v, slot) in next.iter_mut().enumerate() {
            let (from, w) = net.in_edges(v);
            let mut acc = 0.0;
            for (&u, &s) in from.iter().zip(w) {
                acc += x[u as usize] * s;
            }
            *slot = alpha * acc + params.beta;
        }
        let err = l1_change(&next, &x);
        std::mem::swap(&mut x, &mut next);
        if err < nf * params.power.tolerance {
            let norm = l2_norm(&x);
            if norm > 0.0 {
                for y in &mut x {
                    *y /= norm;
                }
            }
            return Ok(Katz {
                scores: Iterative {
                    values: x,
                    iterations: iter,
                    tolerance: params.power.tolerance,
                },
                alpha,
                lambda_max,
            });
        }
    }
    Err(Error::DidNotConverge {
        measure: "katz".into(),
        iterations: params.power.max_iter,
        tolerance: params.power.tolerance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_by_hand() {
        // 0 -> 1 (w 0.5), alpha 0.5: x0 = 1, x1 = 1 + 0.5 * 0.5 * 1 = 1.25.
        // Norm sqrt(1 + 1.5625) = sqrt(2.5625); acyclic, so lambda_max = 0.
        let net = Network::from_edges(2, &[(0, 1, 0.5)]);
        let p = KatzParams {
            alpha: Some(0.5),
            ..KatzParams::default()
        };
        let k = katz(&net, &p).unwrap();
        let norm = 2.5625f64.sqrt();
        assert!((k.scores.values[0] - 1.0 / norm).abs() < 1e-12);
        assert!((k.scores.values[1] - 1.25 / norm).abs() < 1e-12);
        assert_eq!(k.lambda_max, 0.0);
        assert_eq!(
            katz(&net, &KatzParams::default()).unwrap().alpha,
            ACYCLIC_ALPHA
        );
    }

    #[test]
    fn two_cycle_default_alpha_by_hand() {
        // 0 -> 1 (0.8), 1 -> 0 (0.2): lambda_max = sqrt(0.16) = 0.4, alpha = 0.5 / 0.4 = 1.25.
        // x0 = 1 + 1.25 * 0.2 * x1, x1 = 1 + 1.25 * 0.8 * x0 = 1 + x0
        // => x0 = 1 + 0.25 (1 + x0) => x0 = 1.25 / 0.75 = 5/3, x1 = 8/3.
        // Norm: sqrt(25 + 64) / 3, so x = (5, 8) / sqrt(89).
        let net = Network::from_edges(2, &[(0, 1, 0.8), (1, 0, 0.2)]);
        let k = katz(&net, &KatzParams::default()).unwrap();
        assert!((k.lambda_max - 0.4).abs() < 1e-12);
        assert!((k.alpha - 1.25).abs() < 1e-10);
        let s = 89f64.sqrt();
        assert!((k.scores.values[0] - 5.0 / s).abs() < 1e-9, "{k:?}");
        assert!((k.scores.values[1] - 8.0 / s).abs() < 1e-9);
    }

    #[test]
    fn alpha_too_large_is_rejected() {
        let net = Network::from_edges(2, &[(0, 1, 0.8), (1, 0, 0.2)]);
        let p = KatzParams {
            alpha: Some(3.0), // 3.0 * 0.4 = 1.2 >= 1
            ..KatzParams::default()
        };
        assert!(matches!(
            katz(&net, &p),
            Err(Error::InvalidParameter { .. })
        ));
    }

    #[test]
    fn non_convergence_is_an_error() {
        let net = Network::from_edges(2, &[(0, 1, 0.8), (1, 0, 0.2)]);
        let p = KatzParams {
            power: PowerParams {
                max_iter: 3,
                ..PowerParams::default()
            },
            ..KatzParams::default()
        };
        assert!(matches!(katz(&net, &p), Err(Error::DidNotConverge { .. })));
    }
}
