//! Tests of the blocs: hand values, brute force on small graphs, planted partitions,
//! determinism, connectivity.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

use super::undirected::Undirected;
use super::*;

fn params(method: Method, seed: u64) -> BlocsParams {
    BlocsParams {
        method,
        seed,
        ..BlocsParams::default()
    }
}

/// A random directed graph on `n` nodes: each ordered pair tied with probability `p`; strengths
/// uniform in (0, 1], or all 1 when `unit`.
fn random_net(n: usize, p: f64, unit: bool, rng: &mut Pcg64) -> Network {
    let mut edges = Vec::new();
    for u in 0..n as u32 {
        for v in 0..n as u32 {
            if u != v && rng.random::<f64>() < p {
                let w = if unit { 1.0 } else { 1.0 - rng.random::<f64>() };
                edges.push((u, v, w));
            }
        }
    }
    Network::from_edges(n, &edges)
}

/// The best modularity over every partition of the `n` nodes (restricted growth strings: node
/// `v` joins one of the communities opened so far, or opens a new one), by brute force on the
/// dense symmetrised matrix. Bell(9) = 21,147 partitions at most.
#[allow(clippy::needless_range_loop)] // a dense matrix reads best with indices
fn brute_force_max(net: &Network, gamma: f64) -> f64 {
    let n = net.node_count();
    let mut w = vec![vec![0.0; n]; n];
    for u in 0..n {
        let (t, s) = net.out_edges(u);
        for (&v, &x) in t.iter().zip(s) {
            w[u][v as usize] += x;
            w[v as usize][u] += x;
        }
    }
    let k: Vec<f64> = w.iter().map(|row| row.iter().sum()).collect();
    let two_m: f64 = k.iter().sum();
    let q = |labels: &[usize]| -> f64 {
        let mut s = 0.0;
        for u in 0..n {
            for v in 0..n {
                if labels[u] == labels[v] {
                    s += w[u][v] - gamma * k[u] * k[v] / two_m;
                }
            }
        }
        s / two_m
    };
    let mut labels = vec![0usize; n];
    let mut best = f64::NEG_INFINITY;
    // Odometer over restricted growth strings: labels[v] <= 1 + max(labels[..v]).
    loop {
        best = best.max(q(&labels));
        let mut v = n;
        loop {
            if v == 1 {
                return best;
            }
            v -= 1;
            let max_before = labels[..v].iter().copied().max().unwrap_or(0);
            if labels[v] <= max_before {
                labels[v] += 1;
                for x in &mut labels[v + 1..] {
                    *x = 0;
                }
                break;
            }
        }
    }
}

#[test]
fn brute_force_counts_bell_numbers() {
    // The enumeration itself: count partitions through a graph with no ties (every Q = 0 ...
    // so count by hand instead).
    fn count(n: usize) -> usize {
        let mut labels = vec![0usize; n];
        let mut c = 0;
        loop {
            c += 1;
            let mut v = n;
            loop {
                if v <= 1 {
                    return c;
                }
                v -= 1;
                let max_before = labels[..v].iter().copied().max().unwrap_or(0);
                if labels[v] <= max_before {
                    labels[v] += 1;
                    for x in &mut labels[v + 1..] {
                        *x = 0;
                    }
                    break;
                }
            }
        }
    }
    assert_eq!(
        (1..=9).map(count).collect::<Vec<_>>(),
        vec![1, 2, 5, 15, 52, 203, 877, 4140, 21147]
    );
}

#[test]
fn two_triangles_both_methods() {
    // Two triangles joined by one tie; Q of the halves = 5/14 by hand (see modularity.rs).
    let net = Network::from_edges(
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
    );
    assert!((brute_force_max(&net, 1.0) - 5.0 / 14.0).abs() < 1e-12);
    for &m in Method::ALL {
        for seed in 0..20 {
            let b = blocs(&net, &params(m, seed)).unwrap();
            assert_eq!(
                b.communities,
                vec![vec![0, 1, 2], vec![3, 4, 5]],
                "{m:?} {seed}"
            );
            assert!((b.modularity - 5.0 / 14.0).abs() < 1e-12);
            assert!(b.converged);
        }
    }
}

/// Reaching the brute-force optimum on 300 small random graphs (4 to 9 nodes, weighted and
/// unit strengths, γ = 0.5, 1, 1.5). Neither method guarantees the optimum: a run can stop in a
/// partition that no single move improves. What we require is stated in the assertions.
#[test]
fn small_graphs_reach_the_brute_force_optimum() {
    let mut rng = Pcg64::seed_from_u64(2024);
    let mut graphs = 0;
    // [method][one run, 8 restarts]
    let mut hits = [[0usize; 2]; 2];
    let mut worst = [[0.0f64; 2]; 2];
    for trial in 0..300 {
        let n = 4 + trial % 6; // 4..=9 nodes
        let p = [0.2, 0.35, 0.5][trial % 3];
        let unit = trial % 4 == 0;
        let gamma = [1.0, 1.0, 0.5, 1.5][trial % 4];
        let net = random_net(n, p, unit, &mut rng);
        if net.edge_count() == 0 {
            continue;
        }
        graphs += 1;
        let best = brute_force_max(&net, gamma);
        for (i, &m) in Method::ALL.iter().enumerate() {
            for (j, restarts) in [1, 8].into_iter().enumerate() {
                let mut pm = params(m, trial as u64);
                pm.resolution = gamma;
                pm.restarts = restarts;
                let got = blocs(&net, &pm).unwrap().modularity;
                assert!(got <= best + 1e-12, "above the optimum: {got} > {best}");
                if best - got < 1e-9 {
                    hits[i][j] += 1;
                }
                worst[i][j] = worst[i][j].max(best - got);
            }
        }
    }
    println!(
        "{graphs} graphs; optimum reached by leiden {:?}, louvain {:?} (one run, 8 restarts); \
         worst gaps {:?}, {:?}",
        hits[0], hits[1], worst[0], worst[1]
    );
    assert!(graphs >= 290);
    for i in 0..2 {
        let m = Method::ALL[i];
        // One run: the optimum on at least 88% of the graphs (seen: leiden 95%, louvain 91%).
        assert!(
            hits[i][0] * 100 >= graphs * 88,
            "{m:?}: {:?} of {graphs}",
            hits[i]
        );
        // Eight restarts: on at least 95% (seen: 98%, 97%).
        assert!(
            hits[i][1] * 100 >= graphs * 95,
            "{m:?}: {:?} of {graphs}",
            hits[i]
        );
        // Never more than 0.06 below it. The worst case seen, 1/18, is a 6-node graph of unit
        // ties whose optimum is 1/18 itself: NetworkX's louvain and igraph's leiden also stop
        // at a partition of modularity 0 for most seeds.
        assert!(
            worst[i][0] < 0.06 && worst[i][1] < 0.06,
            "{m:?}: gaps {:?}",
            worst[i]
        );
    }
}

#[test]
fn planted_groups_are_recovered() {
    for (sizes, p_in, p_out, seed) in [
        (vec![50, 50, 50, 50], 0.2, 0.01, 1),
        (vec![100, 60, 40, 30, 20], 0.25, 0.01, 2),
        (vec![200, 200], 0.05, 0.005, 3),
        (vec![30; 10], 0.3, 0.01, 4),
    ] {
        let g = planted_partition(&PlantedParams {
            sizes: sizes.clone(),
            p_in,
            p_out,
            seed,
        })
        .unwrap();
        for &m in Method::ALL {
            let b = blocs(&g.network, &params(m, seed)).unwrap();
            let ari = adjusted_rand_index(&b.membership, &g.groups);
            let nmi = normalized_mutual_information(&b.membership, &g.groups);
            assert!(ari >= 0.9, "{m:?} on {sizes:?}: ARI {ari}, NMI {nmi}");
            assert!(nmi >= 0.9, "{m:?} on {sizes:?}: ARI {ari}, NMI {nmi}");
            // The planted partition itself is a lower bound worth beating or nearly matching.
            let planted: Vec<Vec<usize>> = (0..sizes.len())
                .map(|c| (0..g.groups.len()).filter(|&v| g.groups[v] == c).collect())
                .collect();
            let q_planted = modularity(&g.network, &planted, 1.0).unwrap();
            assert!(
                b.modularity >= q_planted - 1e-3,
                "{m:?}: {} < {q_planted}",
                b.modularity
            );
        }
    }
}

#[test]
fn same_seed_same_blocs_whatever_the_threads() {
    let g = planted_partition(&PlantedParams {
        sizes: vec![80, 60, 40, 40],
        p_in: 0.08,
        p_out: 0.02,
        seed: 9,
    })
    .unwrap();
    for &m in Method::ALL {
        let mut p = params(m, 42);
        p.restarts = 6;
        p.parallel_threshold = usize::MAX;
        let serial = blocs(&g.network, &p).unwrap();
        assert_eq!(serial, blocs(&g.network, &p).unwrap());
        p.parallel_threshold = 1;
        for threads in [1, 4] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let par = pool.install(|| blocs(&g.network, &p)).unwrap();
            assert_eq!(
                par.communities, serial.communities,
                "{m:?}, {threads} threads"
            );
            assert_eq!(par.modularity.to_bits(), serial.modularity.to_bits());
        }
        // Seeds matter on this weakly separated graph: some other seed gives other blocs.
        let other = (43..60).any(|s| {
            let mut q = params(m, s);
            q.restarts = 1;
            blocs(&g.network, &q).unwrap().communities != serial.communities
        });
        assert!(other, "{m:?}: every seed gave the same blocs");
    }
}

/// Whether every community of `labels` induces a connected subgraph of `g`.
fn all_connected(g: &Undirected, labels: &[u32]) -> bool {
    let mut split = labels.to_vec();
    undirected::split_disconnected(g, &mut split) == 0
}

#[test]
fn leiden_communities_are_connected_before_any_split() {
    // The raw output of the runs (before the safety split of `detect`) on sparse random and
    // planted graphs. (Louvain rarely disconnects a community on such graphs, so this is a
    // weak test alone; the next one starts from a disconnected partition.)
    let mut rng = Pcg64::seed_from_u64(5);
    let mut louvain_disconnected = 0;
    for trial in 0..60u64 {
        let net = if trial % 2 == 0 {
            random_net(60 + trial as usize, 0.04, trial % 3 == 0, &mut rng)
        } else {
            planted_partition(&PlantedParams {
                sizes: vec![40, 30, 30, 20],
                p_in: 0.1,
                p_out: 0.02,
                seed: trial,
            })
            .unwrap()
            .network
        };
        let g = Undirected::from_network(&net);
        let s = check(&params(Method::Leiden, trial)).unwrap();
        for gamma in [0.5, 1.0, 2.0] {
            let s = Settings { gamma, ..s };
            let run = leiden::run(&g, &s, &mut Pcg64::seed_from_u64(trial));
            assert!(
                all_connected(&g, &run.membership),
                "trial {trial}, γ {gamma}"
            );
            let run = louvain::run(&g, &s, &mut Pcg64::seed_from_u64(trial));
            if !all_connected(&g, &run.membership) {
                louvain_disconnected += 1;
            }
        }
    }
    println!("louvain left a disconnected community in {louvain_disconnected} of 180 runs");
}

#[test]
fn refinement_splits_a_disconnected_community() {
    // Two planted groups with no tie between them, started as one community. Local moves alone
    // keep it: every node gains by staying (all its ties are inside), and no other community
    // exists. One Leiden iteration refines it into its two parts and separates them.
    let g = planted_partition(&PlantedParams {
        sizes: vec![20, 20],
        p_in: 0.3,
        p_out: 0.0,
        seed: 8,
    })
    .unwrap();
    let u = Undirected::from_network(&g.network);
    let s = check(&params(Method::Leiden, 1)).unwrap();
    let mut rng = Pcg64::seed_from_u64(1);
    let mut local = vec![0u32; 40];
    leiden::tests::move_nodes_fast(&u, &mut local, 1.0, &mut rng);
    assert!(
        !all_connected(&u, &local),
        "local moves alone keep it whole: {local:?}"
    );
    let mut one = vec![0u32; 40];
    leiden::tests::iteration(&u, &mut one, &s, &mut rng);
    assert!(all_connected(&u, &one), "{one:?}");
    let labels: Vec<usize> = one.iter().map(|&c| c as usize).collect();
    assert_eq!(adjusted_rand_index(&labels, &g.groups), 1.0);
}

#[test]
fn actors_without_ties_are_blocs_of_their_own() {
    // 0-1-2 tied both ways, 3 and 4 alone.
    let net = Network::from_edges(5, &[(0, 1, 0.5), (1, 0, 0.5), (1, 2, 0.5), (2, 1, 0.5)]);
    for &m in Method::ALL {
        let b = blocs(&net, &params(m, 1)).unwrap();
        // W_01 = W_12 = 1, 2m = 4. The whole path: I = 4, K = 4, Q = 1 − 1 = 0. {0,1} and {2}:
        // 2/4 − (3/4)² − (1/4)² = −1/8; singletons −6/16: the whole path is the optimum.
        assert_eq!(
            b.communities,
            vec![vec![0, 1, 2], vec![3], vec![4]],
            "{m:?}"
        );
        assert_eq!(b.membership, vec![0, 0, 0, 1, 2]);
        assert!(b.modularity.abs() < 1e-15);
    }
    let empty = Network::from_edges(3, &[]);
    let b = blocs(&empty, &BlocsParams::default()).unwrap();
    assert_eq!(b.communities, vec![vec![0], vec![1], vec![2]]);
    assert_eq!((b.modularity, b.iterations, b.converged), (0.0, 0, true));
}

#[test]
fn resolution_zero_gives_the_connected_components() {
    let g = planted_partition(&PlantedParams {
        sizes: vec![20, 15, 10],
        p_in: 0.3,
        p_out: 0.0,
        seed: 11,
    })
    .unwrap();
    let mut p = params(Method::Leiden, 3);
    p.resolution = 0.0;
    let b = blocs(&g.network, &p).unwrap();
    assert_eq!(b.communities.len(), 3);
    assert!((adjusted_rand_index(&b.membership, &g.groups) - 1.0).abs() < 1e-12);
    // With γ = 0, Q = I / 2m = 1 when no weight leaves a community.
    assert!((b.modularity - 1.0).abs() < 1e-12);
}

#[test]
fn higher_resolution_gives_smaller_blocs() {
    let g = planted_partition(&PlantedParams {
        sizes: vec![60, 60],
        p_in: 0.15,
        p_out: 0.01,
        seed: 2,
    })
    .unwrap();
    let count = |gamma: f64| {
        let mut p = params(Method::Leiden, 1);
        p.resolution = gamma;
        blocs(&g.network, &p).unwrap().communities.len()
    };
    assert!(count(0.5) <= count(1.0));
    assert!(count(1.0) < count(6.0));
}

#[test]
fn invalid_parameters_name_the_field() {
    let net = Network::from_edges(2, &[(0, 1, 1.0)]);
    let bad = |f: &dyn Fn(&mut BlocsParams)| {
        let mut p = BlocsParams::default();
        f(&mut p);
        blocs(&net, &p).unwrap_err().to_string()
    };
    assert!(bad(&|p| p.resolution = -0.5).starts_with("resolution is `-0.5`"));
    assert!(bad(&|p| p.threshold = f64::NAN).starts_with("threshold is `NaN`"));
    assert!(bad(&|p| p.randomness = 0.0).starts_with("randomness is `0`"));
    assert!(bad(&|p| p.max_iterations = 0).starts_with("max_iterations is `0`"));
    assert!(bad(&|p| p.restarts = 0).starts_with("restarts is `0`"));
    let e = blocs(&Network::from_edges(0, &[]), &BlocsParams::default()).unwrap_err();
    assert!(matches!(e, Error::EmptyGraph(_)));
}

#[test]
fn order_of_blocs_is_by_size_then_smallest_member() {
    let (c, m) = ordered(&[2, 0, 2, 1, 1, 3]);
    assert_eq!(c, vec![vec![0, 2], vec![3, 4], vec![1], vec![5]]);
    assert_eq!(m, vec![0, 2, 0, 1, 1, 3]);
}

#[test]
fn max_iterations_caps_the_run() {
    let g = planted_partition(&PlantedParams {
        sizes: vec![30; 6],
        p_in: 0.2,
        p_out: 0.02,
        seed: 4,
    })
    .unwrap();
    for &m in Method::ALL {
        let mut p = params(m, 1);
        p.max_iterations = 1;
        p.threshold = 0.0;
        let b = blocs(&g.network, &p).unwrap();
        assert_eq!(b.iterations, 1);
        // Louvain's first level leaves communities to merge; Leiden's first iteration may
        // already be stable, but is not known to be.
        if m == Method::Louvain {
            assert!(!b.converged);
        }
    }
}
