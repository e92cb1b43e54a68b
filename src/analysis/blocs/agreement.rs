//! How far two partitions of the same actors agree: adjusted Rand index and normalised mutual
//! information (to compare blocs with a planted partition, with declared groups, or with
//! another run).

/// Counts of the contingency table of two labelings: `(cells, rows, columns)`, each a list of
/// counts in a fixed order (sorted labels).
fn contingency(a: &[usize], b: &[usize]) -> (Vec<u64>, Vec<u64>, Vec<u64>) {
    assert_eq!(a.len(), b.len(), "two labelings of the same actors");
    let counts = |mut xs: Vec<usize>| -> Vec<u64> {
        xs.sort_unstable();
        let mut out: Vec<u64> = Vec::new();
        let mut last = None;
        for x in xs {
            if last == Some(x) {
                *out.last_mut()
                    .expect("a count was pushed for the last label") += 1;
            } else {
                out.push(1);
                last = Some(x);
            }
        }
        out
    };
    let mut pairs: Vec<(usize, usize)> = a.iter().copied().zip(b.iter().copied()).collect();
    pairs.sort_unstable();
    let mut cells: Vec<u64> = Vec::new();
    let mut last = None;
    for p in pairs {
        if last == Some(p) {
            *cells
                .last_mut()
                .expect("a count was pushed for the last pair") += 1;
        } else {
            cells.push(1);
            last = Some(p);
        }
    }
    (cells, counts(a.to_vec()), counts(b.to_vec()))
}

/// The adjusted Rand index of two labelings of the same actors (`a[v]` and `b[v]` are actor
/// `v`'s community in each; labels are arbitrary).
///
/// 1 for identical partitions (up to labels), about 0 for independent ones, negative when they
/// agree less than chance. With `n_ij` the contingency counts, `a_i` and `b_j` its margins:
///
/// ```text
/// ARI = (Σ C(n_ij, 2) − E) / (½ [Σ C(a_i, 2) + Σ C(b_j, 2)] − E),
/// E   = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2)
/// ```
///
/// When the denominator is 0 (both partitions all singletons, or both one community, or fewer
/// than two actors) the partitions are identical and the index is 1, as in scikit-learn's
/// `adjusted_rand_score`.
///
/// # Panics
/// If `a` and `b` have different lengths (a programmer error).
///
/// # Complexity
/// O(n log n) time (sorting the pairs of labels), O(n) space.
///
/// # References
/// L. Hubert, P. Arabie, "Comparing partitions", Journal of Classification 2, 193–218, 1985.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::adjusted_rand_index;
///
/// assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[5, 5, 3, 3]), 1.0);
/// // Table [[1, 1], [1, 1]]: index 0, E = 2 · 2 / 6, max 2: ARI = (0 − 2/3) / (2 − 2/3).
/// assert!((adjusted_rand_index(&[0, 0, 1, 1], &[0, 1, 0, 1]) + 0.5).abs() < 1e-12);
/// ```
pub fn adjusted_rand_index(a: &[usize], b: &[usize]) -> f64 {
    let (cells, rows, cols) = contingency(a, b);
    let pairs = |x: &u64| (x * x.saturating_sub(1) / 2) as f64;
    let n = a.len() as u64;
    let index: f64 = cells.iter().map(pairs).sum();
    let sum_a: f64 = rows.iter().map(pairs).sum();
    let sum_b: f64 = cols.iter().map(pairs).sum();
    let total = pairs(&n);
    if total == 0.0 {
        return 1.0;
    }
    let expected = sum_a * sum_b / total;
    let max = 0.5 * (sum_a + sum_b);
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// The normalised mutual information of two labelings of the same actors: the mutual
/// information `I(a; b)` divided by the mean of the entropies, `2 I / (H(a) + H(b))` (scikit-learn's
/// default "arithmetic" normalisation; igraph's `compare_communities(method="nmi")`, after Danon
/// et al.).
///
/// 1 for identical partitions, 0 for independent ones. When both entropies are 0 (each
/// labeling is one community) the partitions are identical and the result is 1.
///
/// # Panics
/// If `a` and `b` have different lengths (a programmer error).
///
/// # Complexity
/// O(n log n) time, O(n) space.
///
/// # References
/// L. Danon, A. Díaz-Guilera, J. Duch, A. Arenas, "Comparing community structure
/// identification", J. Stat. Mech. P09008, 2005.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::normalized_mutual_information;
///
/// assert!((normalized_mutual_information(&[0, 0, 1, 1], &[1, 1, 0, 0]) - 1.0).abs() < 1e-12);
/// assert!(normalized_mutual_information(&[0, 0, 1, 1], &[0, 1, 0, 1]).abs() < 1e-12);
/// ```
pub fn normalized_mutual_information(a: &[usize], b: &[usize]) -> f64 {
    let (cells, rows, cols) = contingency(a, b);
    let n = a.len() as f64;
    if n == 0.0 {
        return 1.0;
    }
    let entropy = |xs: &[u64]| -> f64 {
        xs.iter()
            .map(|&x| {
                let p = x as f64 / n;
                -p * p.ln()
            })
            .sum()
    };
    let (ha, hb) = (entropy(&rows), entropy(&cols));
    if ha + hb == 0.0 {
        return 1.0;
    }
    // I = H(a) + H(b) − H(a, b), with H(a, b) the entropy of the joint table.
    let mutual = ha + hb - entropy(&cells);
    (2.0 * mutual / (ha + hb)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ari_by_hand() {
        // a = {0,1,2}{3,4,5}, b = {0,1}{2,3}{4,5}: table rows [2,1,0], [0,1,2].
        // Σ C(n_ij,2) = 1 + 1 = 2; Σ C(a_i,2) = 3 + 3 = 6; Σ C(b_j,2) = 3; C(6,2) = 15.
        // E = 18/15 = 1.2; max = 4.5; ARI = 0.8 / 3.3.
        let a = [0, 0, 0, 1, 1, 1];
        let b = [0, 0, 1, 1, 2, 2];
        assert!((adjusted_rand_index(&a, &b) - 0.8 / 3.3).abs() < 1e-12);
        assert!((adjusted_rand_index(&b, &a) - 0.8 / 3.3).abs() < 1e-12);
        assert_eq!(adjusted_rand_index(&[0, 1, 2], &[7, 8, 9]), 1.0);
        assert_eq!(adjusted_rand_index(&[3, 3], &[1, 1]), 1.0);
        assert_eq!(adjusted_rand_index(&[], &[]), 1.0);
    }

    #[test]
    fn nmi_by_hand() {
        // Same a, b: H(a) = ln 2; H(b) = ln 3; H(a,b): cells 2,1,1,2 of 6 →
        // −(2·(1/3) ln(1/3) + 2·(1/6) ln(1/6)) = (2/3) ln 3 + (1/3) ln 6.
        let a = [0, 0, 0, 1, 1, 1];
        let b = [0, 0, 1, 1, 2, 2];
        let (ha, hb) = (2f64.ln(), 3f64.ln());
        let hab = (2.0 / 3.0) * 3f64.ln() + (1.0 / 3.0) * 6f64.ln();
        let expected = 2.0 * (ha + hb - hab) / (ha + hb);
        assert!((normalized_mutual_information(&a, &b) - expected).abs() < 1e-12);
        assert_eq!(normalized_mutual_information(&[1, 1, 1], &[0, 0, 0]), 1.0);
    }
}
