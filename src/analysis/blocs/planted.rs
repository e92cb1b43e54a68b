//! Planted-partition graphs: random directed ties, denser inside known groups than between
//! them, to check that community detection finds the groups.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// Options of [`planted_partition`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PlantedParams {
    /// Size of each group; actors are numbered group after group.
    pub sizes: Vec<usize>,
    /// Probability of a tie `u -> v` between two actors of the same group.
    pub p_in: f64,
    /// Probability of a tie `u -> v` between actors of different groups.
    pub p_out: f64,
    /// Seed.
    pub seed: u64,
}

impl PlantedParams {
    /// Groups of `sizes`, tied with probability `p_in` inside a group and `p_out` across
    /// groups, drawn with `seed`. Checked by [`planted_partition`], not here.
    pub fn new(sizes: Vec<usize>, p_in: f64, p_out: f64, seed: u64) -> Self {
        PlantedParams {
            sizes,
            p_in,
            p_out,
            seed,
        }
    }
}

/// A planted-partition graph and its groups.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Planted {
    /// The ties `(from, to, strength)`, sorted by `(from, to)`.
    pub edges: Vec<(u32, u32, f64)>,
    /// The network of those ties.
    pub network: Network,
    /// The group of each actor (`0..sizes.len()`).
    pub groups: Vec<usize>,
}

/// A random directed graph with planted groups: every ordered pair `u != v` is tied
/// independently, with probability `p_in` inside a group and `p_out` across groups, and with a
/// strength drawn uniformly from (0, 1]. Same parameters, same graph.
///
/// Direction: a tie `u -> v` and `v -> u` are drawn independently, so some pairs are tied both
/// ways (their undirected weight in [`modularity`](super::modularity()) is the sum).
///
/// # Errors
/// [`Error::InvalidParameter`] if `sizes` is empty, contains 0 or adds up to 2^32 or more, or
/// if a probability is outside [0, 1].
///
/// # Complexity
/// O(|V| + |E|) expected time, skipping geometrically over absent ties (Batagelj and Brandes).
///
/// # References
/// A. Condon, R. M. Karp, "Algorithms for graph partitioning on the planted partition model",
/// Random Structures & Algorithms 18(2), 2001; V. Batagelj, U. Brandes, "Efficient generation
/// of large random networks", Phys. Rev. E 71, 036113, 2005.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::{planted_partition, PlantedParams};
///
/// let g = planted_partition(&PlantedParams::new(vec![3, 3], 1.0, 0.0, 1))?;
/// // Two groups of three, every ordered pair inside a group tied: 2 · 3 · 2 ties.
/// assert_eq!(g.edges.len(), 12);
/// assert_eq!(g.groups, vec![0, 0, 0, 1, 1, 1]);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn planted_partition(params: &PlantedParams) -> Result<Planted> {
    let n: usize = params.sizes.iter().sum();
    if params.sizes.is_empty() || params.sizes.contains(&0) || n >= u32::MAX as usize {
        return Err(Error::InvalidParameter {
            name: "sizes".into(),
            value: format!("{:?}", params.sizes),
            expected: "it must list at least one group, each of at least one actor, fewer than \
                       2^32 in all"
                .into(),
        });
    }
    for (name, p) in [("p_in", params.p_in), ("p_out", params.p_out)] {
        if !(0.0..=1.0).contains(&p) {
            return Err(Error::InvalidParameter {
                name: name.into(),
                value: p.to_string(),
                expected: "it is a probability, in [0, 1]".into(),
            });
        }
    }
    let mut groups = Vec::with_capacity(n);
    let mut bounds = Vec::with_capacity(params.sizes.len());
    let mut lo = 0;
    for (g, &s) in params.sizes.iter().enumerate() {
        groups.extend(std::iter::repeat_n(g, s));
        bounds.push((lo, lo + s));
        lo += s;
    }
    let mut rng = Pcg64::seed_from_u64(params.seed);
    let mut edges = Vec::new();
    for u in 0..n {
        for &(a, b) in &bounds {
            let p = if groups[u] == groups[a] {
                params.p_in
            } else {
                params.p_out
            };
            ties_into(&mut rng, u, a, b, p, &mut edges);
        }
    }
    let network = Network::from_edges(n, &edges);
    Ok(Planted {
        edges,
        network,
        groups,
    })
}

/// Draws the ties from `u` to each of `lo..hi` (but `u` itself) with probability `p`, in
/// increasing order of target, by skipping geometrically distributed gaps.
fn ties_into(
    rng: &mut Pcg64,
    u: usize,
    lo: usize,
    hi: usize,
    p: f64,
    out: &mut Vec<(u32, u32, f64)>,
) {
    if p <= 0.0 {
        return;
    }
    let mut push = |rng: &mut Pcg64, v: usize| {
        if v != u {
            let strength = 1.0 - rng.random::<f64>();
            out.push((u as u32, v as u32, strength));
        }
    };
    if p >= 1.0 {
        for v in lo..hi {
            push(rng, v);
        }
        return;
    }
    let log_q = (1.0 - p).ln();
    let mut v = lo as f64 - 1.0;
    loop {
        // Gap before the next tie: floor(ln(r) / ln(1 − p)), r uniform in (0, 1].
        let r = 1.0 - rng.random::<f64>();
        v += 1.0 + (r.ln() / log_q).floor();
        if v >= hi as f64 {
            return;
        }
        push(rng, v as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn densities_match_the_probabilities() {
        let g = planted_partition(&PlantedParams {
            sizes: vec![100, 100],
            p_in: 0.3,
            p_out: 0.05,
            seed: 3,
        })
        .unwrap();
        let (mut inside, mut across) = (0usize, 0usize);
        for &(u, v, w) in &g.edges {
            assert!(u != v && w > 0.0 && w <= 1.0);
            if g.groups[u as usize] == g.groups[v as usize] {
                inside += 1;
            } else {
                across += 1;
            }
        }
        // 2 · 100 · 99 ordered pairs inside (expected 5,940 ties, sd ≈ 65); 2 · 100 · 100
        // across (expected 1,000, sd ≈ 31): within 5 sd.
        assert!((inside as f64 - 5940.0).abs() < 325.0, "{inside}");
        assert!((across as f64 - 1000.0).abs() < 155.0, "{across}");
        assert_eq!(g.network.edge_count(), g.edges.len());
        // Sorted and unique.
        assert!(g
            .edges
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
    }

    #[test]
    fn bad_parameters() {
        let p = |sizes: Vec<usize>, p_in| PlantedParams {
            sizes,
            p_in,
            p_out: 0.1,
            seed: 1,
        };
        assert!(planted_partition(&p(vec![], 0.5)).is_err());
        assert!(planted_partition(&p(vec![3, 0], 0.5)).is_err());
        let e = planted_partition(&p(vec![3], 1.5)).unwrap_err();
        assert!(e.to_string().starts_with("p_in is `1.5`"), "{e}");
    }
}
