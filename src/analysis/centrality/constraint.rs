//! Burt's constraint: how much an actor's ties are concentrated on actors tied to each other.

use crate::analysis::network::Network;

/// Burt's constraint of every actor, on the ties taken in both directions.
///
/// Direction: none; ties count both ways. With `m(i, j) = w(i, j) + w(j, i)` (mutual strength)
/// and `p(i, j) = m(i, j) / sum_k m(i, k)` (i's proportional investment in j),
/// `c(i) = sum over neighbours j of (p(i, j) + sum over q of p(i, q) p(q, j))²`.
/// A **high** value marks an actor whose partners are tied to one another (little room to
/// broker, easily constrained); a **low** value marks a broker across **structural holes**. An
/// actor without ties has no constraint: `NaN` (JSON `null`, an empty CSV cell, `-` in tables).
/// Equals NetworkX `constraint(G, weight="weight")` as it computes all actors at once with
/// SciPy. (NetworkX's pure-Python path, used without SciPy or for a subset of nodes, also gives
/// `NaN` for actors with in-ties but no out-ties; we follow the SciPy path, which counts ties in
/// both directions throughout.)
///
/// # Errors
/// None: an actor without ties gets `NaN` (undefined), not an error.
///
/// # Complexity
/// O(sum over i of deg(i)² log deg) time, O(|V| + |E|) space.
///
/// # References
/// R. S. Burt, *Structural Holes: The Social Structure of Competition*, Harvard University Press,
/// 1992; R. S. Burt, "Structural holes and good ideas", Am. J. Sociol. 110(2), 2004.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::constraint;
/// use leverage::analysis::network::Network;
///
/// // One tie 0 -> 1: each end invests everything in the other, c = 1² = 1; node 2 has no tie.
/// let net = Network::from_edges(3, &[(0, 1, 0.5)]);
/// let c = constraint(&net);
/// assert_eq!((c[0], c[1]), (1.0, 1.0));
/// assert!(c[2].is_nan());
/// ```
pub fn constraint(net: &Network) -> Vec<f64> {
    let n = net.node_count();
    // Mutual neighbours of each node, sorted by id, with p(i, j).
    let p: Vec<Vec<(u32, f64)>> = (0..n).map(|i| proportions(net, i)).collect();
    let p_of = |q: usize, j: u32| {
        p[q].binary_search_by_key(&j, |e| e.0)
            .map_or(0.0, |k| p[q][k].1)
    };
    (0..n)
        .map(|i| {
            if p[i].is_empty() {
                return f64::NAN;
            }
            p[i].iter()
                .map(|&(j, pij)| {
                    let indirect: f64 =
                        p[i].iter().map(|&(q, piq)| piq * p_of(q as usize, j)).sum();
                    (pij + indirect).powi(2)
                })
                .sum()
        })
        .collect()
}

/// `p(i, j)` for every neighbour `j` of `i` (in- or out-tie), sorted by `j`.
fn proportions(net: &Network, i: usize) -> Vec<(u32, f64)> {
    let (ot, ow) = net.out_edges(i);
    let (it, iw) = net.in_edges(i);
    let mut m: Vec<(u32, f64)> = Vec::with_capacity(ot.len() + it.len());
    let (mut a, mut b) = (0, 0);
    // Merge the two sorted lists, adding the strengths of ties both ways.
    while a < ot.len() || b < it.len() {
        match (ot.get(a), it.get(b)) {
            (Some(&x), Some(&y)) if x == y => {
                m.push((x, ow[a] + iw[b]));
                a += 1;
                b += 1;
            }
            (Some(&x), Some(&y)) if x < y => {
                m.push((x, ow[a]));
                a += 1;
            }
            (Some(&x), None) => {
                m.push((x, ow[a]));
                a += 1;
            }
            (_, Some(&y)) => {
                m.push((y, iw[b]));
                b += 1;
            }
            (None, None) => unreachable!("loop condition"),
        }
    }
    let total: f64 = m.iter().map(|e| e.1).sum();
    for e in &mut m {
        e.1 /= total;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_hand() {
        // 0 -> 1 (0.4), 1 -> 0 (0.2), 0 -> 2 (0.4), 2 -> 1 (0.3), 3 alone.
        // Mutual: m01 = 0.6, m02 = 0.4, m12 = 0.3; totals s0 = 1.0, s1 = 0.9, s2 = 0.7.
        // p01 = 0.6, p02 = 0.4; p10 = 2/3, p12 = 1/3; p20 = 4/7, p21 = 3/7.
        // c0 = (p01 + p02 p21)² + (p02 + p01 p12)² = (0.6 + 1.2/7)² + (0.4 + 0.2)²
        //    = (5.4/7)² + 0.36
        // c1 = (p10 + p12 p20)² + (p12 + p10 p02)² = (2/3 + 4/21)² + (1/3 + 0.8/3)²
        //    = (6/7)² + 0.36
        // c2 = (p20 + p21 p10)² + (p21 + p20 p01)² = (4/7 + 2/7)² + (3/7 + 2.4/7)²
        //    = (6/7)² + (5.4/7)²
        let net = Network::from_edges(4, &[(0, 1, 0.4), (1, 0, 0.2), (0, 2, 0.4), (2, 1, 0.3)]);
        let c = constraint(&net);
        let want = [
            (5.4f64 / 7.0).powi(2) + 0.36,
            (6.0f64 / 7.0).powi(2) + 0.36,
            (6.0f64 / 7.0).powi(2) + (5.4f64 / 7.0).powi(2),
        ];
        for i in 0..3 {
            assert!((c[i] - want[i]).abs() < 1e-14, "{c:?}");
        }
        assert!(c[3].is_nan());
    }

    #[test]
    fn star_centre_is_least_constrained() {
        // 0 -> 1, 0 -> 2, 0 -> 3 (0.5 each): p(0, j) = 1/3, no indirect paths:
        // c0 = 3 · (1/3)² = 1/3; each leaf has one neighbour: c = 1² = 1.
        let net = Network::from_edges(4, &[(0, 1, 0.5), (0, 2, 0.5), (0, 3, 0.5)]);
        let c = constraint(&net);
        assert!((c[0] - 1.0 / 3.0).abs() < 1e-15 && c[1] == 1.0 && c[3] == 1.0);
    }
}
