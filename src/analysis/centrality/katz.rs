//! Katz centrality with NetworkX's iteration, its attenuation factor set from the spectral radius,
//! which the iteration's own first steps give.

use rayon::prelude::*;

use super::spectral::{core, radius_of_core, Bracket, Core, PARALLEL_TIES};
use super::{l2_norm, Iterative, PowerParams};
use crate::analysis::network::{Direction, Network};
use crate::error::{Error, Result};

/// Attenuation used when the graph has no cycle (spectral radius 0, where any factor converges):
/// NetworkX's default.
pub const ACYCLIC_ALPHA: f64 = 0.1;

/// Default attenuation as a share of `1 / lambda_max`.
pub const ALPHA_SHARE: f64 = 0.5;

/// Relative width of the Collatz-Wielandt bracket at which `lambda_max` is taken for Katz,
/// whatever the Katz tolerance: the reported `lambda_max` is within `5e-7 · lambda_max` of the
/// true value (`5e-7 · (1 + lambda_max)` when it comes from [`spectral_radius`]), far closer
/// than the default attenuation `0.5 / lambda_max` needs.
///
/// [`spectral_radius`]: super::spectral_radius
pub const LAMBDA_TOLERANCE: f64 = 1e-6;

/// Most terms of the Katz series [`katz`] keeps while it finds `lambda_max` from them.
pub const MAX_TERMS: usize = 64;

/// Most values (terms times actors) [`katz`] keeps: 2^22, 32 MiB. Above 2^16 actors fewer than
/// [`MAX_TERMS`] terms fit, and above about 2^18 too few for the bracket to close, so large graphs
/// find `lambda_max` apart (no slower than that alone).
pub const TERM_VALUES: usize = 1 << 22;

/// Actors per chunk of a step (fixed, so sums do not depend on the thread count).
const CHUNK: usize = 1024;

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
#[non_exhaustive]
pub struct Katz {
    /// Values, iterations and tolerance.
    pub scores: Iterative,
    /// The attenuation factor used.
    pub alpha: f64,
    /// The spectral radius of the strength matrix, to [`LAMBDA_TOLERANCE`].
    pub lambda_max: f64,
}

/// Katz centrality: leverage received over paths of every length, attenuated by `alpha` per tie.
///
/// Direction: along the ties; `x_v = alpha · sum over in-ties u -> v of w(u, v) · x_u + beta`,
/// so a high value marks **exposure** (many actors, directly or through chains, hold leverage
/// over the actor). Computed as NetworkX `katz_centrality(G, alpha, beta, weight="weight")`:
/// start from 0, iterate, stop when the L1 change is below `n · tolerance`, scale to Euclidean
/// norm 1. The series converges only for `alpha < 1 / lambda_max`; by default
/// `alpha = 0.5 / lambda_max` (so each extra tie counts at most half as much as in the limit),
/// and [`ACYCLIC_ALPHA`] when the graph has no cycle; a given `alpha` is checked against
/// `lambda_max`.
///
/// `lambda_max` comes from the iteration itself. From 0, step `k` adds the term
/// `beta · alpha^(k-1) · (A^T)^(k-1) 1` (`A` the strength matrix), and those terms, without
/// their factors, are a power iteration `x <- A^T x` from `x = 1`. On the cyclic core of the
/// graph (see [`spectral_radius`]) its Collatz-Wielandt bracket
/// `min_i (A^T x)_i / x_i <= lambda_max <= max_i (A^T x)_i / x_i` holds once the actors that
/// feed the core from outside hold 0 (a few steps), and closes in on `lambda_max` when the core
/// is strongly connected and aperiodic (the usual case). So the first terms are kept (at most
/// [`MAX_TERMS`], and [`TERM_VALUES`] values) until the bracket is narrower than
/// [`LAMBDA_TOLERANCE`] relative to its top; `lambda_max` is its midpoint; then `alpha` is
/// known, the kept terms are summed with their factors (checking the L1 change at each step as
/// NetworkX does), and the iteration goes on as NetworkX's, `x <- alpha A^T x + beta`. If the
/// bracket does not close within the kept terms, `lambda_max` comes from [`spectral_radius`]
/// (to the same tolerance) and the kept terms are used all the same. The values are NetworkX's
/// partial sums, equal up to rounding (NetworkX nests the first terms, `beta + alpha A^T (...)`,
/// where they are added one by one here); the step at which the change falls below the
/// tolerance, and so `iterations`, is the same but for a change within rounding of the
/// threshold.
///
/// Every value is summed alone in tie order and every total in fixed chunks of actors, so the
/// result is the same bit for bit whatever the number of threads (steps run in parallel from
/// [`PARALLEL_TIES`] ties).
///
/// # Errors
/// [`Error::EmptyGraph`] for a graph without actors; [`Error::InvalidParameter`] for a
/// tolerance that is not positive; [`Error::InvalidParameter`] for an `alpha`
/// that is not positive or not below `1 / lambda_max`, or a `beta` that is not finite;
/// [`Error::DidNotConverge`] after `max_iter` iterations (or if `lambda_max` does not).
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time, the first steps giving `lambda_max` (the bracket narrows by
/// about `|lambda_2| / lambda_max` per step; plus [`spectral_radius`] when it does not close in
/// time), and the error of the sum shrinking by about `alpha · lambda_max` per step;
/// O(|V| · min(kept terms, [`MAX_TERMS`])) extra space, at most [`TERM_VALUES`] values.
///
/// # References
/// L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1), 1953;
/// R. A. Horn, C. R. Johnson, *Matrix Analysis*, 2nd ed., Cambridge University Press, 2013,
/// section 8.1 (Collatz-Wielandt bounds).
///
/// [`spectral_radius`]: super::spectral_radius
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{katz, KatzParams};
/// use leverage::analysis::network::Network;
///
/// // A two-actor cycle of strength 0.5: lambda_max = 0.5, so alpha = 0.5 / 0.5 = 1; by symmetry
/// // both values are equal, 1/sqrt(2) after scaling to unit norm.
/// let net = Network::from_edges(2, &[(0, 1, 0.5), (1, 0, 0.5)]);
/// let k = katz(&net, &KatzParams::default())?;
/// assert!((k.lambda_max - 0.5).abs() < 1e-6 && (k.alpha - 1.0).abs() < 1e-5);
/// assert!(k.scores.values.iter().all(|x| (x - 0.5f64.sqrt()).abs() < 1e-9));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn katz(net: &Network, params: &KatzParams) -> Result<Katz> {
    katz_with(net, params, PARALLEL_TIES)
}

/// [`katz`] with the tie count from which steps run in parallel.
fn katz_with(net: &Network, params: &KatzParams, parallel_ties: usize) -> Result<Katz> {
    if net.edge_count() >= parallel_ties {
        // On a thread of the pool, so that each step's fork-join is not a round trip to the
        // calling thread.
        rayon::scope(|_| run(net, params, parallel_ties))
    } else {
        run(net, params, parallel_ties)
    }
}

/// The body of [`katz_with`].
fn run(net: &Network, params: &KatzParams, parallel_ties: usize) -> Result<Katz> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph(
            "Katz centrality needs at least one actor".into(),
        ));
    }
    params.power.check()?;
    let parallel = net.edge_count() >= parallel_ties;
    let core = core(net);
    let (terms, scales, found) = first_terms(net, &core, parallel);
    let lambda_max = match found {
        Some(l) => l,
        None => radius_of_core(net, &core, LAMBDA_TOLERANCE, parallel_ties)?.value,
    };
    drop(core);
    let alpha = match params.alpha {
        Some(a) => a,
        None if lambda_max > 0.0 => ALPHA_SHARE / lambda_max,
        None => ACYCLIC_ALPHA,
    };
    if !(alpha > 0.0 && alpha.is_finite()) || alpha * lambda_max >= 1.0 {
        return Err(Error::InvalidParameter {
            name: "alpha".into(),
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
    let beta = params.beta;
    if !beta.is_finite() {
        return Err(Error::InvalidParameter {
            name: "beta".into(),
            value: beta.to_string(),
            expected: "it must be a finite number".into(),
        });
    }
    let limit = n as f64 * params.power.tolerance;
    let done = |mut x: Vec<f64>, iterations: usize| {
        let norm = l2_norm(&x);
        if norm > 0.0 {
            for y in &mut x {
                *y /= norm;
            }
        }
        Ok(Katz {
            scores: Iterative {
                values: x,
                iterations,
                tolerance: params.power.tolerance,
            },
            alpha,
            lambda_max,
        })
    };
    let mut x = vec![0.0; n];

    // The kept terms: step k adds beta · alpha^(k-1) · (A^T)^(k-1) 1, term k-1 times its factor.
    let kept = terms.len().min(params.power.max_iter);
    let mut factors = Vec::with_capacity(kept);
    let mut factor = beta;
    for j in 0..kept {
        factors.push(factor);
        if let Some(&scale) = scales.get(j) {
            factor = factor * alpha / scale;
        }
    }
    let changes = sum_terms(&terms[..kept], &factors, &mut x, parallel);
    if let Some(j) = changes.iter().position(|&err| err < limit) {
        if j + 1 < kept {
            sum_terms(&terms[..=j], &factors[..=j], &mut x, parallel);
        }
        return done(x, j + 1);
    }
    drop(terms);

    // Then NetworkX's step, x <- alpha A^T x + beta.
    let mut next = vec![0.0; n];
    let mut partial = vec![0.0; n.div_ceil(CHUNK)];
    let (start, source, weight) = net.csr(Direction::Backward);
    for iter in kept + 1..=params.power.max_iter {
        let err = by_chunks(&mut next, &mut partial, parallel, |base, out| {
            let mut sum = 0.0;
            // The chunk's in-ties are contiguous: walk them with one cursor.
            let mut a = start[base] as usize;
            let ends = &start[base + 1..=base + out.len()];
            for ((slot, &old), &end) in out.iter_mut().zip(&x[base..]).zip(ends) {
                let b = end as usize;
                let mut acc = 0.0;
                for (&u, &s) in source[a..b].iter().zip(&weight[a..b]) {
                    acc += x[u as usize] * s;
                }
                a = b;
                let value = alpha * acc + beta;
                sum += (value - old).abs();
                *slot = value;
            }
            sum
        });
        std::mem::swap(&mut x, &mut next);
        if err < limit {
            return done(x, iter);
        }
    }
    Err(Error::DidNotConverge {
        measure: "katz".into(),
        iterations: params.power.max_iter,
        tolerance: params.power.tolerance,
    })
}

/// Fills `out` chunk by chunk with `step(first actor, chunk)`, which returns the chunk's share
/// of a total; returns the total, summed in chunk order.
fn by_chunks<F>(out: &mut [f64], partial: &mut [f64], parallel: bool, step: F) -> f64
where
    F: Fn(usize, &mut [f64]) -> f64 + Sync,
{
    let run = |(i, (chunk, share)): (usize, (&mut [f64], &mut f64))| {
        *share = step(i * CHUNK, chunk);
    };
    if parallel {
        out.par_chunks_mut(CHUNK)
            .zip(partial.par_iter_mut())
            .enumerate()
            .for_each(run);
    } else {
        out.chunks_mut(CHUNK)
            .zip(partial.iter_mut())
            .enumerate()
            .for_each(run);
    }
    partial.iter().sum()
}

/// Sets `x` to the sum of `terms[j] · factors[j]`, added one by one for each actor, and returns
/// the L1 change each term made (NetworkX's `err` at that step), each totalled over fixed chunks
/// of actors in order. One pass over the terms.
fn sum_terms(terms: &[Vec<f64>], factors: &[f64], x: &mut [f64], parallel: bool) -> Vec<f64> {
    let m = terms.len();
    if m == 0 {
        return Vec::new();
    }
    let chunks = x.len().div_ceil(CHUNK);
    let mut shares = vec![0.0; chunks * m];
    let run = |(i, (out, share)): (usize, (&mut [f64], &mut [f64]))| {
        let (base, len) = (i * CHUNK, out.len());
        out.fill(0.0);
        for ((term, &factor), change) in terms.iter().zip(factors).zip(share) {
            let mut sum = 0.0;
            for (slot, &t) in out.iter_mut().zip(&term[base..base + len]) {
                let value = *slot + factor * t;
                sum += (value - *slot).abs();
                *slot = value;
            }
            *change = sum;
        }
    };
    if parallel {
        x.par_chunks_mut(CHUNK)
            .zip(shares.par_chunks_mut(m))
            .enumerate()
            .for_each(run);
    } else {
        x.chunks_mut(CHUNK)
            .zip(shares.chunks_mut(m))
            .enumerate()
            .for_each(run);
    }
    (0..m)
        .map(|j| (0..chunks).map(|c| shares[c * m + j]).sum())
        .collect()
}

/// The first terms of the Katz series without their factors, `(A^T)^j 1` each scaled by the
/// reciprocal of the previous one's largest entry (`scales[j]` makes term `j + 1` from term `j`),
/// run until their Collatz-Wielandt bracket on the core closes: the terms, the scales, and the
/// bracket's midpoint if it closed (0 at once for a graph without cycles).
fn first_terms(
    net: &Network,
    core: &Core,
    parallel: bool,
) -> (Vec<Vec<f64>>, Vec<f64>, Option<f64>) {
    let n = net.node_count();
    let mut terms = vec![vec![1.0; n]];
    let mut scales = Vec::new();
    if core.nodes.is_empty() {
        return (terms, scales, Some(0.0));
    }
    let (start, source, weight) = net.csr(Direction::Backward);
    let cap = MAX_TERMS.min(TERM_VALUES / n);
    let mut top = 1.0f64;
    while terms.len() < cap {
        let scale = 1.0 / top;
        let mut out = vec![0.0; n];
        let x = &terms[terms.len() - 1];
        let step = |(i, chunk): (usize, &mut [f64])| {
            let mut b = Bracket::EMPTY;
            let base = i * CHUNK;
            let mut a = start[base] as usize;
            for (j, slot) in chunk.iter_mut().enumerate() {
                let v = base + j;
                let e = start[v + 1] as usize;
                let mut acc = 0.0;
                for (&u, &s) in source[a..e].iter().zip(&weight[a..e]) {
                    acc += x[u as usize] * s;
                }
                a = e;
                let value = acc * scale;
                *slot = value;
                b.top = b.top.max(value);
                if core.label[v] == 0 {
                    b.ratio(acc / x[v]);
                }
            }
            b
        };
        let b = if parallel {
            out.par_chunks_mut(CHUNK)
                .enumerate()
                .map(step)
                .reduce(|| Bracket::EMPTY, Bracket::merge)
        } else {
            out.chunks_mut(CHUNK)
                .enumerate()
                .map(step)
                .fold(Bracket::EMPTY, Bracket::merge)
        };
        // The bracket holds once the input is 0 on every actor feeding the core from outside.
        let holds = terms.len() > core.depth + 1;
        terms.push(out);
        scales.push(scale);
        top = b.top;
        if holds && b.closed(LAMBDA_TOLERANCE) {
            return (terms, scales, Some(0.5 * (b.lo + b.hi)));
        }
    }
    (terms, scales, None)
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
    fn parallel_equals_serial_bit_for_bit() {
        let graph = crate::generate::generate(&crate::generate::GenerateParams {
            actors: 3000,
            ties: 30_000,
            seed: 7,
            ..Default::default()
        })
        .unwrap();
        let net = Network::new(&graph, &crate::model::StrengthRule::default());
        let bits = |k: &Katz| {
            let mut b: Vec<u64> = k.scores.values.iter().map(|x| x.to_bits()).collect();
            b.extend([k.alpha.to_bits(), k.lambda_max.to_bits()]);
            b.push(k.scores.iterations as u64);
            b
        };
        let p = KatzParams::default();
        let serial = bits(&katz_with(&net, &p, usize::MAX).unwrap());
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            assert_eq!(
                pool.install(|| bits(&katz_with(&net, &p, 0).unwrap())),
                serial
            );
            assert_eq!(pool.install(|| bits(&katz(&net, &p).unwrap())), serial);
        }
    }

    /// NetworkX's iteration as written: from 0, `x <- alpha A^T x + beta` until the L1 change is
    /// below `n · tolerance`, then scaled to norm 1.
    fn networkx(net: &Network, alpha: f64, tolerance: f64) -> (Vec<f64>, usize) {
        let n = net.node_count();
        let mut x = vec![0.0; n];
        for iter in 1.. {
            let next: Vec<f64> = (0..n)
                .map(|v| {
                    let (from, w) = net.in_edges(v);
                    let acc: f64 = from.iter().zip(w).map(|(&u, &s)| x[u as usize] * s).sum();
                    alpha * acc + 1.0
                })
                .collect();
            let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
            x = next;
            if err < n as f64 * tolerance {
                let norm = l2_norm(&x);
                return (x.iter().map(|v| v / norm).collect(), iter);
            }
        }
        unreachable!()
    }

    #[test]
    fn same_as_networkx_iteration() {
        let graph = crate::generate::generate(&crate::generate::GenerateParams {
            actors: 400,
            ties: 4000,
            seed: 11,
            ..Default::default()
        })
        .unwrap();
        let generated = Network::new(&graph, &crate::model::StrengthRule::default());
        // Ties only between even and odd actors, both ways: every cycle is even, so the
        // unshifted bracket cannot close and lambda_max comes from spectral_radius.
        let mut edges = Vec::new();
        for v in 0..60u32 {
            for d in [1, 3, 7] {
                edges.push((v, (v + d) % 60, 0.1 + f64::from((v * d) % 9) / 10.0));
            }
        }
        let periodic = Network::from_edges(60, &edges);
        for (net, from_terms) in [(&generated, true), (&periodic, false)] {
            let k = katz(net, &KatzParams::default()).unwrap();
            let (.., found) = first_terms(net, &core(net), false);
            assert_eq!(found.is_some(), from_terms);
            for alpha in [k.alpha, 0.9 / k.lambda_max] {
                for tolerance in [1e-12, 1e-6] {
                    let p = KatzParams {
                        alpha: Some(alpha),
                        power: PowerParams {
                            tolerance,
                            ..PowerParams::default()
                        },
                        ..KatzParams::default()
                    };
                    let ours = katz(net, &p).unwrap();
                    let (theirs, iterations) = networkx(net, alpha, tolerance);
                    assert_eq!(ours.scores.iterations, iterations, "{alpha} {tolerance}");
                    for (a, b) in ours.scores.values.iter().zip(&theirs) {
                        assert!((a - b).abs() <= 1e-14, "{a} vs {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn lambda_max_within_its_tolerance() {
        let graph = crate::generate::generate(&crate::generate::GenerateParams {
            actors: 500,
            ties: 5000,
            seed: 3,
            ..Default::default()
        })
        .unwrap();
        let net = Network::new(&graph, &crate::model::StrengthRule::default());
        let k = katz(&net, &KatzParams::default()).unwrap();
        let exact = super::super::spectral_radius(&net, 1e-14).unwrap().value;
        assert!(
            (k.lambda_max - exact).abs() <= LAMBDA_TOLERANCE * exact / 2.0,
            "{} vs {exact}",
            k.lambda_max
        );
        assert_eq!(k.alpha, ALPHA_SHARE / k.lambda_max);
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
