//! Modularity of a partition of the actors: Newman-Girvan on the ties made undirected (what
//! Louvain and Leiden optimise), and Leicht-Newman on the directed ties.

use super::undirected::Undirected;
use crate::analysis::network::Network;
use crate::error::{Error, Result};

/// Newman-Girvan modularity, with resolution `γ`, of a partition of the network's actors into
/// communities, on the ties made undirected.
///
/// Direction: none. A tie's direction says who holds leverage over whom; a bloc is a set of
/// actors tied closely *to each other*, whichever way, so each pair's two directions are
/// **added**: `W_uv = s(u -> v) + s(v -> u)` (and `W_vv = 2 s(v -> v)`, a self-tie counted in
/// both directions). A pair tied both ways therefore weighs more than a pair tied one way.
/// NetworkX's `DiGraph.to_undirected()` does *not* do this (it keeps one direction's
/// attributes); the cross-check (`tests/crosscheck/blocs.py`) builds the summed graph itself.
///
/// With `k_v = Σ_u W_uv` (out-strength plus in-strength), `2m = Σ_v k_v`, `I_c` the sum of `W`
/// over ordered pairs inside community `c` and `K_c = Σ_{v ∈ c} k_v`:
///
/// ```text
/// Q = Σ_c [ I_c / 2m  −  γ (K_c / 2m)² ]
/// ```
///
/// equal to NetworkX `modularity(G, communities, weight="weight", resolution=γ)` on the
/// undirected graph with weights `W` (where a self-tie is a loop of weight `s(v -> v)`, which
/// NetworkX counts twice in the degree). `γ = 1` is standard modularity; a higher `γ` favours
/// smaller communities. A network without ties has modularity 0 by convention (the formula
/// divides by `2m = 0`).
///
/// # Errors
/// [`Error::InvalidParameter`] if `resolution` is negative or not finite, or if `communities`
/// is not a partition of `0..net.node_count()` (a position out of range, or in two
/// communities, or in none); empty communities are allowed and count for nothing.
///
/// # Complexity
/// O(|V| + |E|) time and space.
///
/// # References
/// M. E. J. Newman, M. Girvan, "Finding and evaluating community structure in networks",
/// Phys. Rev. E 69, 026113, 2004; the resolution `γ`: J. Reichardt, S. Bornholdt, "Statistical
/// mechanics of community detection", Phys. Rev. E 74, 016110, 2006.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::modularity;
/// use leverage::analysis::network::Network;
///
/// // Two pairs tied both ways, one weak tie between them.
/// let net = Network::from_edges(
///     4,
///     &[(0, 1, 1.0), (1, 0, 1.0), (2, 3, 1.0), (3, 2, 1.0), (1, 2, 0.5)],
/// );
/// let q = modularity(&net, &[vec![0, 1], vec![2, 3]], 1.0)?;
/// // W: 0-1 = 2, 2-3 = 2, 1-2 = 0.5; 2m = 9; K = 4.5 each; I = 4 each.
/// assert!((q - 2.0 * (4.0 / 9.0 - 0.25)).abs() < 1e-12);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn modularity(net: &Network, communities: &[Vec<usize>], resolution: f64) -> Result<f64> {
    check_resolution(resolution)?;
    let membership = membership_of(net.node_count(), communities)?;
    Ok(Undirected::from_network(net).modularity(&membership, resolution))
}

/// Leicht-Newman modularity, with resolution `γ`, of a partition on the **directed** ties.
///
/// Direction: along ties. With `A_uv = s(u -> v)`, `m = Σ A_uv`, `k_v^out` and `k_v^in` the
/// out- and in-strengths, and per community `A_c` the strength of the ties inside it (self-ties
/// included), `K_c^out` and `K_c^in` the sums of its members' strengths:
///
/// ```text
/// Q_d = Σ_c [ A_c / m  −  γ K_c^out K_c^in / m² ]
/// ```
///
/// equal to NetworkX `modularity(G, communities, weight="weight", resolution=γ)` on the
/// `DiGraph`. It rewards communities whose ties run inside them more than the out- and
/// in-strengths predict; it is not what [`blocs`](super::blocs) optimises (that is
/// [`modularity`], on ties made undirected), but it tells whether a partition also holds up when
/// the direction of leverage is kept. A network without ties has 0 by convention.
///
/// # Errors
/// As [`modularity`].
///
/// # Complexity
/// O(|V| + |E|).
///
/// # References
/// E. A. Leicht, M. E. J. Newman, "Community structure in directed networks", Phys. Rev. Lett.
/// 100, 118703, 2008.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::directed_modularity;
/// use leverage::analysis::network::Network;
///
/// // 0 -> 1 and 2 -> 3, strength 1: m = 2; each community has K_out = K_in = 1.
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (2, 3, 1.0)]);
/// let q = directed_modularity(&net, &[vec![0, 1], vec![2, 3]], 1.0)?;
/// assert!((q - 2.0 * (1.0 / 2.0 - 1.0 / 4.0)).abs() < 1e-12);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn directed_modularity(
    net: &Network,
    communities: &[Vec<usize>],
    resolution: f64,
) -> Result<f64> {
    check_resolution(resolution)?;
    let membership = membership_of(net.node_count(), communities)?;
    let n = net.node_count();
    let count = communities.len();
    let (mut inside, mut k_out, mut k_in) = (vec![0.0; count], vec![0.0; count], vec![0.0; count]);
    let mut m = 0.0;
    for v in 0..n {
        let c = membership[v] as usize;
        let (targets, w) = net.out_edges(v);
        for (&u, &x) in targets.iter().zip(w) {
            m += x;
            k_out[c] += x;
            k_in[membership[u as usize] as usize] += x;
            if membership[u as usize] as usize == c {
                inside[c] += x;
            }
        }
    }
    if m <= 0.0 {
        return Ok(0.0);
    }
    Ok((0..count)
        .map(|c| inside[c] / m - resolution * (k_out[c] / m) * (k_in[c] / m))
        .sum())
}

/// Checks a resolution: finite and at least 0.
pub(crate) fn check_resolution(resolution: f64) -> Result<()> {
    if resolution.is_finite() && resolution >= 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "resolution".into(),
            value: resolution.to_string(),
            expected: "it must be a finite number of at least 0 (1 is standard modularity; \
                       higher values give smaller blocs)"
                .into(),
        })
    }
}

/// The community of each of the `n` positions, checking that `communities` partitions `0..n`.
fn membership_of(n: usize, communities: &[Vec<usize>]) -> Result<Vec<u32>> {
    let mut membership = vec![u32::MAX; n];
    for (c, members) in communities.iter().enumerate() {
        for &v in members {
            let bad = |expected: String| Error::InvalidParameter {
                name: format!("communities[{c}]"),
                value: v.to_string(),
                expected,
            };
            match membership.get(v) {
                None => {
                    return Err(bad(format!(
                        "positions are below {n}, the number of actors"
                    )))
                }
                Some(&u32::MAX) => {}
                Some(&other) => {
                    return Err(bad(format!(
                        "position {v} is already in communities[{other}]; each actor belongs \
                         to exactly one"
                    )))
                }
            }
            membership[v] = u32::try_from(c).expect("fewer than 2^32 communities");
        }
    }
    if let Some(v) = membership.iter().position(|&c| c == u32::MAX) {
        return Err(Error::InvalidParameter {
            name: "communities".into(),
            value: format!("{} communities", communities.len()),
            expected: format!("every actor must be in one, and position {v} is in none"),
        });
    }
    Ok(membership)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles {0, 1, 2} and {3, 4, 5}, every tie 0 -> 1 style one way with strength 1,
    /// joined by the tie 2 -> 3.
    fn two_triangles() -> Network {
        Network::from_edges(
            6,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (5, 3, 1.0),
                (2, 3, 1.0),
            ],
        )
    }

    #[test]
    fn two_triangles_by_hand() {
        // Undirected, every W = 1: m = 7 edges, 2m = 14. Degrees: 2, 2, 3 | 3, 2, 2.
        // Triangle {0, 1, 2}: I = 2 · 3 edges = 6, K = 7; same for {3, 4, 5}.
        // Q = 2 · (6/14 − (7/14)²) = 2 · (3/7 − 1/4) = 5/14 ≈ 0.357142857.
        let net = two_triangles();
        let halves = vec![vec![0, 1, 2], vec![3, 4, 5]];
        let q = modularity(&net, &halves, 1.0).unwrap();
        assert!((q - 5.0 / 14.0).abs() < 1e-15, "{q}");
        // One community: I = 14, K = 14, Q = 1 − 1 = 0.
        let all = vec![(0..6).collect::<Vec<_>>()];
        assert!(modularity(&net, &all, 1.0).unwrap().abs() < 1e-15);
        // Singletons: I = 0, Σ (k/14)² = (4·4 + 2·9)/196 = 34/196, Q = −17/98.
        let singles: Vec<Vec<usize>> = (0..6).map(|v| vec![v]).collect();
        let q = modularity(&net, &singles, 1.0).unwrap();
        assert!((q + 17.0 / 98.0).abs() < 1e-15, "{q}");
        // γ = 2 on the halves: 2 · (3/7 − 2/4) = −1/7.
        let q = modularity(&net, &halves, 2.0).unwrap();
        assert!((q + 1.0 / 7.0).abs() < 1e-15, "{q}");
        // Directed: m = 7; the cycle 0->1->2->0 gives each of 0, 1 out 1 and in 1; node 2 has
        // out 2, in 1; node 3 out 1, in 2. Community {0,1,2}: A = 3, K_out = 4, K_in = 3;
        // {3,4,5}: A = 3, K_out = 3, K_in = 4. Q_d = 6/7 − 2 · 12/49 = 18/49.
        let q = directed_modularity(&net, &halves, 1.0).unwrap();
        assert!((q - 18.0 / 49.0).abs() < 1e-15, "{q}");
    }

    #[test]
    fn reciprocal_ties_add_up() {
        // The same pair tied both ways: W_01 = 0.5 + 0.25.
        let a = Network::from_edges(3, &[(0, 1, 0.5), (1, 0, 0.25), (1, 2, 0.25)]);
        let b = Network::from_edges(3, &[(0, 1, 0.75), (2, 1, 0.25)]);
        let p = vec![vec![0, 1], vec![2]];
        assert_eq!(
            modularity(&a, &p, 1.0).unwrap(),
            modularity(&b, &p, 1.0).unwrap()
        );
    }

    #[test]
    fn bad_partitions_and_resolutions_name_the_field() {
        let net = two_triangles();
        let e = modularity(&net, &[vec![0, 1, 2], vec![3, 4, 9]], 1.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "communities[1] is `9`, but positions are below 6, the number of actors"
        );
        let e = modularity(&net, &[vec![0, 1, 2], vec![2, 3, 4, 5]], 1.0).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("communities[1] is `2`, but position 2 is already"));
        let e = modularity(&net, &[vec![0, 1, 2], vec![3, 4]], 1.0).unwrap_err();
        assert!(e.to_string().contains("position 5 is in none"), "{e}");
        let e = modularity(&net, &[(0..6).collect()], -1.0).unwrap_err();
        assert!(e.to_string().starts_with("resolution is `-1`"), "{e}");
        assert!(directed_modularity(&net, &[(0..6).collect()], f64::NAN).is_err());
    }

    #[test]
    fn no_ties_is_zero() {
        let net = Network::from_edges(3, &[]);
        let p: Vec<Vec<usize>> = (0..3).map(|v| vec![v]).collect();
        assert_eq!(modularity(&net, &p, 1.0).unwrap(), 0.0);
        assert_eq!(directed_modularity(&net, &p, 1.0).unwrap(), 0.0);
    }
}
