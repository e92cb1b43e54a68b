//! Weighted PageRank by power iteration, with NetworkX's conventions.

use super::Iterative;
use crate::analysis::network::{Direction, Network};
use crate::error::{Error, Result};

/// Options of [`pagerank`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankParams {
    /// Damping factor (NetworkX default 0.85).
    pub alpha: f64,
    /// Convergence: stop when the L1 change is below `n * tolerance` (NetworkX's rule).
    pub tolerance: f64,
    /// Iteration cap; reaching it is an error.
    pub max_iter: usize,
}

impl Default for PageRankParams {
    fn default() -> Self {
        PageRankParams {
            alpha: 0.85,
            tolerance: 1e-12,
            max_iter: 1000,
        }
    }
}

/// Weighted PageRank along (`Forward`) or against (`Backward`) the ties.
///
/// Direction: `Forward` ("pagerank") lets mass flow along the ties `from -> to`, gathering it at
/// actors many hold leverage over (**exposure**); `Backward` ("influence") gathers it at actors
/// that hold leverage (**influence**). Each node passes its mass to its out-neighbours in
/// proportion to tie strength; nodes without out-ties (dangling) spread theirs uniformly; teleport
/// is uniform. Equals NetworkX `pagerank(G, alpha, weight="weight")` (on `G.reverse()` for
/// `Backward`). Unlike petgraph's `page_rank`, it uses the weights and costs O(|V| + |E|) per
/// iteration.
///
/// # Errors
/// [`Error::InvalidParameter`] for `alpha` outside (0, 1); [`Error::DidNotConverge`] after
/// `max_iter` iterations; [`Error::EmptyGraph`] for a graph without nodes.
///
/// # Complexity
/// O(iterations · (|V| + |E|)) time, O(|V|) extra space.
///
/// # References
/// S. Brin, L. Page, "The anatomy of a large-scale hypertextual web search engine", 1998.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{pagerank, PageRankParams};
/// use leverage::analysis::network::{Direction, Network};
///
/// // 0 -> 1 and 1 -> 0: by symmetry each actor holds half the mass.
/// let net = Network::from_edges(2, &[(0, 1, 0.3), (1, 0, 0.3)]);
/// let r = pagerank(&net, Direction::Forward, &PageRankParams::default())?;
/// assert!(r.values.iter().all(|x| (x - 0.5).abs() < 1e-12));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn pagerank(net: &Network, dir: Direction, params: &PageRankParams) -> Result<Iterative> {
    let n = net.node_count();
    if n == 0 {
        return Err(Error::EmptyGraph(
            "PageRank needs at least one actor".into(),
        ));
    }
    if !(params.alpha > 0.0 && params.alpha < 1.0) {
        return Err(Error::InvalidParameter {
            name: "alpha".into(),
            value: params.alpha.to_string(),
            expected: "the damping factor is in (0, 1)".into(),
        });
    }
    // Mass flows along `dir`; a node's share of its mass for each tie is strength / its total.
    let flow_out = |v: usize| match dir {
        Direction::Forward => net.out_edges(v),
        Direction::Backward => net.in_edges(v),
    };
    let flow_in = |v: usize| match dir {
        Direction::Forward => net.in_edges(v),
        Direction::Backward => net.out_edges(v),
    };
    let total: Vec<f64> = (0..n).map(|v| flow_out(v).1.iter().sum()).collect();
    let dangling: Vec<usize> = (0..n).filter(|&v| total[v] == 0.0).collect();
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for iter in 1..=params.max_iter {
        let dangle: f64 = params.alpha * dangling.iter().map(|&v| x[v]).sum::<f64>();
        let base = dangle / nf + (1.0 - params.alpha) / nf;
        for (v, slot) in next.iter_mut().enumerate() {
            let (from, w) = flow_in(v);
            let mut acc = 0.0;
            for (&u, &s) in from.iter().zip(w) {
                let u = u as usize;
                acc += x[u] * s / total[u];
            }
            *slot = params.alpha * acc + base;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
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
        measure: "pagerank".into(),
        iterations: params.max_iter,
        tolerance: params.tolerance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cycle_is_uniform() {
        let net = Network::from_edges(2, &[(0, 1, 0.3), (1, 0, 0.9)]);
        let r = pagerank(&net, Direction::Forward, &PageRankParams::default()).unwrap();
        assert!((r.values[0] - 0.5).abs() < 1e-12 && (r.values[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn dangling_chain_by_hand() {
        // 0 -> 1, node 1 dangling. Stationary x solves
        // x0 = a*x1/2 + (1-a)/2, x1 = a*x0 + a*x1/2 + (1-a)/2.
        // With a = 0.85: x0 = 0.425 x1 + 0.075; x1 = 0.85 x0 + 0.425 x1 + 0.075
        // => x1 (0.575) = 0.85 (0.425 x1 + 0.075) + 0.075 = 0.36125 x1 + 0.13875
        // => x1 = 0.13875 / 0.21375 = 0.649122807..., x0 = 0.350877192...
        let net = Network::from_edges(2, &[(0, 1, 0.5)]);
        let r = pagerank(&net, Direction::Forward, &PageRankParams::default()).unwrap();
        assert!(
            (r.values[1] - 0.13875 / 0.21375).abs() < 1e-10,
            "{:?}",
            r.values
        );
        assert!((r.values.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        let b = pagerank(&net, Direction::Backward, &PageRankParams::default()).unwrap();
        assert!((b.values[0] - 0.13875 / 0.21375).abs() < 1e-10);
    }

    #[test]
    fn non_convergence_is_an_error() {
        let net = Network::from_edges(3, &[(0, 1, 0.5), (0, 2, 0.2), (1, 2, 0.5), (2, 0, 0.1)]);
        let p = PageRankParams {
            max_iter: 2,
            ..PageRankParams::default()
        };
        assert!(matches!(
            pagerank(&net, Direction::Forward, &p),
            Err(Error::DidNotConverge { .. })
        ));
    }
}
