//! Louvain (Blondel et al. 2008): greedy local moves of nodes between communities, then the
//! communities become the nodes of the next level, until modularity stops rising.

use rand_pcg::Pcg64;

use super::undirected::{renumber, CommunityWeights, Undirected};
use super::{shuffled, Blocs, BlocsParams, Method, Run, Settings};
use crate::analysis::network::Network;
use crate::error::Result;

/// Blocs by the Louvain method: modularity (resolution `γ`) maximised greedily, level by level.
///
/// Direction: none; it runs on the ties made undirected, `W_uv = s(u -> v) + s(v -> u)` (see
/// [`modularity`](super::modularity())). `params.method` is ignored ([`blocs`](super::blocs)
/// dispatches on it); every other field applies.
///
/// One **level**: every node starts in a community of its own; the nodes are visited in a
/// random order (drawn once per level from the seed), and each is moved to the neighbouring
/// community that raises modularity most, `ΔQ ∝ k_{v,C} − γ k_v K_C / 2m`, if any raises it;
/// sweeps repeat in the same order until one moves no node. The communities then become the
/// nodes of a smaller graph (weights between them summed, weight inside them on the diagonal)
/// and the next level starts. It stops when a level moves no node, when a level raises
/// modularity by `threshold` or less (NetworkX's rule; that level's partition is kept), or after
/// `max_iterations` levels ([`Blocs::converged`] is then `false`). Same as NetworkX
/// `louvain_communities(G, weight="weight", resolution=γ, threshold, seed)` on the same
/// undirected graph, up to the random order.
///
/// Louvain can leave a community internally **disconnected** (a node that held it together
/// moves away, and the rest cannot follow once aggregated); [`leiden`](super::leiden()) cannot.
///
/// # Errors
/// As [`blocs`](super::blocs).
///
/// # Complexity
/// Time **O(L · S · (|V| + |E|))** for `L` levels and `S` sweeps per level (both small in
/// practice: the work is dominated by the first level); auxiliary space **O(|V| + |E|)**.
///
/// # References
/// V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding of communities in
/// large networks", J. Stat. Mech. P10008, 2008.
///
/// # Examples
/// ```
/// use leverage::analysis::blocs::{louvain, BlocsParams};
/// use leverage::analysis::network::Network;
///
/// // Two triangles, ties one way round each, joined by 2 -> 3.
/// let net = Network::from_edges(
///     6,
///     &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0), (2, 3, 1.0)],
/// );
/// let blocs = louvain(&net, &BlocsParams::default())?;
/// assert_eq!(blocs.communities, vec![vec![0, 1, 2], vec![3, 4, 5]]);
/// assert!((blocs.modularity - 5.0 / 14.0).abs() < 1e-12);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn louvain(net: &Network, params: &BlocsParams) -> Result<Blocs> {
    super::detect(net, params, Method::Louvain)
}

/// One Louvain run on `g` with its own random generator.
pub(crate) fn run(g0: &Undirected, s: &Settings, rng: &mut Pcg64) -> Run {
    let n0 = g0.node_count();
    // `node_of[v]`: the node of the current level that holds original node `v`.
    let mut node_of: Vec<u32> = (0..n0 as u32).collect();
    let mut g = std::borrow::Cow::Borrowed(g0);
    let singletons: Vec<u32> = (0..n0 as u32).collect();
    let mut q = g0.modularity(&singletons, s.gamma);
    let mut levels = 0;
    let mut converged = false;
    while levels < s.max_iterations {
        let n = g.node_count();
        let mut membership: Vec<u32> = (0..n as u32).collect();
        let order = shuffled(n, rng);
        if !local_moves(&g, &mut membership, &order, s.gamma) {
            converged = true;
            break;
        }
        levels += 1;
        let count = renumber(&mut membership);
        for x in &mut node_of {
            *x = membership[*x as usize];
        }
        let next = g.modularity(&membership, s.gamma);
        if next - q <= s.threshold {
            converged = true;
            break;
        }
        q = next;
        g = std::borrow::Cow::Owned(g.aggregate(&membership, count));
    }
    Run {
        membership: node_of,
        iterations: levels,
        converged,
    }
}

/// Sweeps over `order` moving each node to its best neighbouring community, until a sweep moves
/// nothing. Returns whether any node moved.
fn local_moves(g: &Undirected, membership: &mut [u32], order: &[u32], gamma: f64) -> bool {
    let n = g.node_count();
    // K_c: total degree of community c.
    let mut total = vec![0.0; n];
    for v in 0..n {
        total[membership[v] as usize] += g.degree[v];
    }
    let mut to = CommunityWeights::new(n);
    let per_unit = gamma / g.two_m;
    let mut any = false;
    loop {
        let mut moved = false;
        for &v in order {
            let v = v as usize;
            let kv = g.degree[v];
            let (nb, w) = g.neighbours(v);
            if nb.is_empty() {
                continue;
            }
            let a = membership[v];
            total[a as usize] -= kv;
            for (&u, &x) in nb.iter().zip(w) {
                to.add(membership[u as usize], x);
            }
            // Gain of joining c (up to the factor 1/m): k_{v,c} − γ k_v K_c / 2m.
            let scale = per_unit * kv;
            let stay = to.get(a) - scale * total[a as usize];
            let (mut best, mut best_gain) = (a, f64::NEG_INFINITY);
            for &c in &to.touched {
                if c != a {
                    let gain = to.get(c) - scale * total[c as usize];
                    if gain > best_gain {
                        best = c;
                        best_gain = gain;
                    }
                }
            }
            if best != a && best_gain > stay + super::tolerance(kv, gamma) {
                membership[v] = best;
                moved = true;
            } else {
                best = a;
            }
            total[best as usize] += kv;
            to.clear();
        }
        if !moved {
            return any;
        }
        any = true;
    }
}
