//! Blocs: communities of actors tied closely to each other, by modularity maximisation
//! (Leiden or Louvain), seeded and reproducible.
//!
//! Direction: none. A bloc is a set of actors whose ties run among themselves more than chance
//! predicts, whoever holds the leverage; each pair's two directed ties are added into one
//! undirected weight, `W_uv = s(u -> v) + s(v -> u)` ([`modularity()`]). [`blocs`] is the entry:
//! it validates [`BlocsParams`], runs [`leiden()`] (the default) or [`louvain()`] one or more
//! times and returns the best partition found as a [`Blocs`]. [`directed_modularity`] scores a
//! partition on the directed ties; [`adjusted_rand_index`] and
//! [`normalized_mutual_information`] compare two partitions; [`planted_partition`] generates
//! graphs with known blocs, for tests and benchmarks.

pub mod agreement;
pub mod leiden;
pub mod louvain;
pub mod modularity;
pub mod planted;
mod undirected;

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;

pub use agreement::{adjusted_rand_index, normalized_mutual_information};
pub use leiden::leiden;
pub use louvain::louvain;
pub use modularity::{directed_modularity, modularity};
pub use planted::{planted_partition, Planted, PlantedParams};

use crate::analysis::network::Network;
use crate::error::{Error, Result};
use undirected::Undirected;

/// Default graph size (actors) from which the restarts of [`blocs`] run in parallel.
///
/// Below it, one restart costs little more than handing it to a worker thread. The criterion
/// benches `bundled/blocs_restarts_8_{serial,parallel}` measure both sides on the bundled graph
/// (67 actors, one Leiden run about 65 µs): 1.24 ms serially, 0.69 ms on two threads.
pub const DEFAULT_PARALLEL_THRESHOLD: usize = 64;

/// A community detection method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Method {
    /// [`leiden()`]: local moves, refinement, aggregation; communities are connected.
    #[default]
    Leiden,
    /// [`louvain()`]: local moves and aggregation; a community may be disconnected.
    Louvain,
}

impl Method {
    /// Every method, default first.
    pub const ALL: &'static [Method] = &[Method::Leiden, Method::Louvain];

    /// The method's name in output (`leiden`, `louvain`).
    pub fn name(self) -> &'static str {
        match self {
            Method::Leiden => "leiden",
            Method::Louvain => "louvain",
        }
    }
}

/// Options of [`blocs`]. Build with [`BlocsParams::default`] and set the fields that matter.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BlocsParams {
    /// The method (default [`Method::Leiden`]).
    pub method: Method,
    /// Seed of the outer random generator, which draws one seed per restart (default 1). Same
    /// seed, same blocs, whatever the number of threads.
    pub seed: u64,
    /// Resolution `γ ≥ 0` of modularity (default 1, standard modularity): higher values give
    /// more, smaller blocs; 0 gives the connected components.
    pub resolution: f64,
    /// Cap on Leiden iterations or Louvain levels (default 100; reaching it is not an error,
    /// but [`Blocs::converged`] is then `false`).
    pub max_iterations: usize,
    /// Stop when an iteration (Leiden) or a level (Louvain) raises modularity by this much or
    /// less (default `1e-7`, NetworkX's `threshold`; 0 runs until nothing moves).
    pub threshold: f64,
    /// Leiden's refinement randomness `θ > 0` (default 0.01, the paper's and igraph's `beta`):
    /// a merge is drawn with probability `∝ exp(ΔH / θ)`, `ΔH` in units of tie strength, so
    /// small values pick the best merge almost always. Ignored by Louvain.
    pub randomness: f64,
    /// Independent runs, each with its own seed drawn from [`BlocsParams::seed`]; the one with
    /// the highest modularity is kept (the first, on a tie). Default 1.
    pub restarts: usize,
    /// Graph size (actors) from which restarts run in parallel (default
    /// [`DEFAULT_PARALLEL_THRESHOLD`]).
    pub parallel_threshold: usize,
}

impl Default for BlocsParams {
    fn default() -> Self {
        BlocsParams {
            method: Method::Leiden,
            seed: 1,
            resolution: 1.0,
            max_iterations: 100,
            threshold: 1e-7,
            randomness: 0.01,
            restarts: 1,
            parallel_threshold: DEFAULT_PARALLEL_THRESHOLD,
        }
    }
}

/// The blocs found: a partition of the network's actors, and how it was found.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Blocs {
    /// The blocs, each a sorted list of network positions; largest first, then by smallest
    /// member. Actors without ties are blocs of their own.
    pub communities: Vec<Vec<usize>>,
    /// The bloc of each position: an index into `communities`.
    pub membership: Vec<usize>,
    /// Modularity of the partition, with the resolution used ([`modularity()`]).
    pub modularity: f64,
    /// The method used.
    pub method: Method,
    /// The seed given.
    pub seed: u64,
    /// The resolution used.
    pub resolution: f64,
    /// Leiden iterations or Louvain levels that changed the partition, in the kept run.
    pub iterations: usize,
    /// Whether the kept run stopped on its own (nothing moved, or the gain fell to the
    /// threshold) rather than at `max_iterations`.
    pub converged: bool,
}

/// Finds blocs: communities of the network's actors that maximise modularity, by
/// `params.method`.
///
/// Direction: none; the ties are made undirected by adding both directions (see
/// [`modularity()`]). Runs `params.restarts` independent runs, each seeded from one outer
/// [`Pcg64`] seeded with `params.seed`, and keeps the one of highest modularity (the first on a
/// tie). Restarts run in parallel when the network has at least `params.parallel_threshold`
/// actors and there is more than one; each run is sequential and owns its generator, and the
/// best is picked in restart order, so the result is identical whatever the number of threads.
/// For one method's details, see [`leiden()`] and [`louvain()`].
///
/// # Errors
/// [`Error::EmptyGraph`] for a network without actors; [`Error::InvalidParameter`] naming the
/// field (`resolution`, `threshold`, `randomness`, `max_iterations`, `restarts`) when it is out
/// of its domain.
///
/// # Complexity
/// `restarts` times the method's own (near linear in `|V| + |E|` per level); space
/// O(|V| + |E|) per concurrent run.
///
/// # References
/// M. E. J. Newman, M. Girvan, "Finding and evaluating community structure in networks",
/// Phys. Rev. E 69, 026113, 2004; and the methods' own.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::{blocs, BlocsParams, Method};
/// use leverage::analysis::network::Network;
///
/// // Two pairs tied both ways, one weak tie between them.
/// let net = Network::from_edges(
///     4,
///     &[(0, 1, 0.8), (1, 0, 0.6), (2, 3, 0.9), (3, 2, 0.5), (1, 2, 0.1)],
/// );
/// let mut params = BlocsParams::default();
/// params.method = Method::Louvain;
/// params.seed = 7;
/// let found = blocs(&net, &params)?;
/// assert_eq!(found.communities, vec![vec![0, 1], vec![2, 3]]);
/// assert_eq!(found.method.name(), "louvain");
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn blocs(net: &Network, params: &BlocsParams) -> Result<Blocs> {
    detect(net, params, params.method)
}

/// The settings one run needs, checked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    pub(crate) gamma: f64,
    pub(crate) threshold: f64,
    pub(crate) max_iterations: usize,
    pub(crate) randomness: f64,
}

/// What one run found: a partition of the original nodes (labels below the node count).
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) membership: Vec<u32>,
    pub(crate) iterations: usize,
    pub(crate) converged: bool,
}

fn invalid(name: &str, value: impl ToString, expected: &str) -> Error {
    Error::InvalidParameter {
        name: name.into(),
        value: value.to_string(),
        expected: expected.into(),
    }
}

fn check(params: &BlocsParams) -> Result<Settings> {
    modularity::check_resolution(params.resolution)?;
    if !(params.threshold.is_finite() && params.threshold >= 0.0) {
        return Err(invalid(
            "threshold",
            params.threshold,
            "it must be a finite number of at least 0",
        ));
    }
    if !(params.randomness.is_finite() && params.randomness > 0.0) {
        return Err(invalid(
            "randomness",
            params.randomness,
            "it must be a positive finite number (0.01 is usual)",
        ));
    }
    if params.max_iterations == 0 {
        return Err(invalid("max_iterations", 0, "it must be at least 1"));
    }
    if params.restarts == 0 {
        return Err(invalid("restarts", 0, "it must be at least 1"));
    }
    Ok(Settings {
        gamma: params.resolution,
        threshold: params.threshold,
        max_iterations: params.max_iterations,
        randomness: params.randomness,
    })
}

/// Validates, runs the restarts of `method`, keeps the best, and orders the blocs.
fn detect(net: &Network, params: &BlocsParams, method: Method) -> Result<Blocs> {
    let settings = check(params)?;
    if net.node_count() == 0 {
        return Err(Error::EmptyGraph("blocs need at least one actor".into()));
    }
    let g = Undirected::from_network(net);
    let mut outer = Pcg64::seed_from_u64(params.seed);
    let seeds: Vec<u64> = (0..params.restarts).map(|_| outer.random()).collect();
    let one = |&seed: &u64| {
        let mut rng = Pcg64::seed_from_u64(seed);
        let mut run = match method {
            Method::Leiden => {
                let mut run = leiden::run(&g, &settings, &mut rng);
                undirected::split_disconnected(&g, &mut run.membership);
                run
            }
            Method::Louvain => louvain::run(&g, &settings, &mut rng),
        };
        undirected::renumber(&mut run.membership);
        let q = g.modularity(&run.membership, settings.gamma);
        (run, q)
    };
    let runs: Vec<(Run, f64)> =
        if params.restarts > 1 && net.node_count() >= params.parallel_threshold {
            seeds.par_iter().map(one).collect()
        } else {
            seeds.iter().map(one).collect()
        };
    let mut best = 0;
    for (i, r) in runs.iter().enumerate() {
        if r.1 > runs[best].1 {
            best = i;
        }
    }
    let (run, q) = runs
        .into_iter()
        .nth(best)
        .expect("restarts >= 1, checked above");
    let (communities, membership) = ordered(&run.membership);
    Ok(Blocs {
        communities,
        membership,
        modularity: q,
        method,
        seed: params.seed,
        resolution: params.resolution,
        iterations: run.iterations,
        converged: run.converged,
    })
}

/// The communities of `labels` as sorted lists, largest first, then by smallest member; and
/// each node's index in that order.
fn ordered(labels: &[u32]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let count = labels.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut communities: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (v, &c) in labels.iter().enumerate() {
        communities[c as usize].push(v);
    }
    communities.retain(|c| !c.is_empty());
    communities.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a[0].cmp(&b[0])));
    let mut membership = vec![0; labels.len()];
    for (i, c) in communities.iter().enumerate() {
        for &v in c {
            membership[v] = i;
        }
    }
    (communities, membership)
}

/// `0..n` in a random order (Fisher-Yates).
pub(crate) fn shuffled(n: usize, rng: &mut Pcg64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = rng.random_range(0..=i);
        order.swap(i, j);
    }
    order
}

/// The smallest gain over staying that moves a node of degree `k`: far above the rounding of
/// the gains (sums of `k`-sized terms), far below any real improvement, so that rounding
/// cannot make two nodes swap forever.
#[inline]
pub(crate) fn tolerance(k: f64, gamma: f64) -> f64 {
    1e-10 * k * (1.0 + gamma)
}

#[cfg(test)]
mod tests;
