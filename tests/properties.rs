//! Property tests (issue #6): invariants of paths, monotonicity, relabelling, determinism across
//! thread counts, round trips, Monte Carlo with zero-width ranges, and blocs (issue #15), on
//! random valid graphs.
//!
//! Each property runs on small graphs (2 to 9 actors) so that the whole file stays within a few
//! seconds in a debug build; `PROPTEST_CASES=5000 cargo test --release --test properties` runs a
//! longer campaign.

use std::collections::BTreeMap;

use proptest::prelude::*;

use leverage::analysis::assign::{assign, AssignParams};
use leverage::analysis::blocs::{blocs, modularity, BlocsParams, Method};
use leverage::analysis::brokerage_roles::{brokerage_roles, RolesParams};
use leverage::analysis::centrality::{betweenness, centrality_table, CentralityParams, Measure};
use leverage::analysis::compare::compare;
use leverage::analysis::info::info;
use leverage::analysis::network::Network;
use leverage::analysis::paths::{paths, PathsParams};
use leverage::analysis::robustness::{robustness, RobustnessParams};
use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};
use leverage::model::{
    Actor, ActorId, Channel, Distance, Figure, Group, InfluenceGraph, Meta, StrengthRule, Tie,
};

/// A tie as drawn: ends (modulo the actor count), a trade value, an optional spread of its range
/// (fractions of the room below and above the value), and an optional energy value.
#[derive(Debug, Clone)]
struct TieSpec {
    from: usize,
    to: usize,
    trade: f64,
    spread: Option<(f64, f64)>,
    energy: Option<f64>,
}

/// A random valid graph, as drawn (kept so that it can be rebuilt relabelled or changed).
#[derive(Debug, Clone)]
struct Spec {
    n: usize,
    ties: Vec<TieSpec>,
    sources: Vec<usize>,
}

fn tie_spec() -> impl Strategy<Value = TieSpec> {
    (
        0usize..64,
        0usize..64,
        0.0f64..=1.0,
        proptest::option::of((0.0f64..=1.0, 0.0f64..=1.0)),
        proptest::option::of(0.0f64..=1.0),
    )
        .prop_map(|(from, to, trade, spread, energy)| TieSpec {
            from,
            to,
            trade,
            spread,
            energy,
        })
}

fn spec() -> impl Strategy<Value = Spec> {
    (2usize..10)
        .prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec(tie_spec(), 0..30),
                proptest::collection::vec(0usize..64, 1..4),
            )
        })
        .prop_map(|(n, ties, sources)| Spec { n, ties, sources })
}

fn figure(value: f64, spread: Option<(f64, f64)>) -> Figure {
    let mut f = Figure::new(value, "proptest", 2024);
    if let Some((lo, hi)) = spread {
        f.range = Some([value * lo, (value + (1.0 - value) * hi).min(1.0)]);
    }
    f
}

/// Builds the graph of `spec`, naming actor `i` by `label(i)` and adding actors in `order`.
fn build_with(spec: &Spec, label: &dyn Fn(usize) -> String, order: &[usize]) -> InfluenceGraph {
    let mut g = InfluenceGraph::new(Meta {
        title: "proptest".into(),
        date: "2025-01-01".into(),
        description: None,
        notes: Vec::new(),
        build: None,
    });
    for &i in order {
        g.add_actor(Actor::new(&label(i), &format!("Actor {}", label(i))))
            .expect("labels are distinct");
    }
    let node = |g: &InfluenceGraph, i: usize| g.node_of(&label(i)).expect("actor exists");
    for t in &spec.ties {
        let (f, to) = (t.from % spec.n, t.to % spec.n);
        if f == to {
            continue;
        }
        let mut tie = Tie::default();
        tie.channels
            .insert(Channel::from("trade"), figure(t.trade, t.spread));
        if let Some(e) = t.energy {
            tie.channels
                .insert(Channel::from("energy"), figure(e, None));
        }
        let (a, b) = (node(&g, f), node(&g, to));
        // The first tie drawn for a pair wins (a later one would replace it, which is not
        // "adding" a tie).
        if g.tie(a, b).is_none() {
            g.set_tie(a, b, tie).expect("figures are drawn in [0, 1]");
        }
    }
    let mut members: Vec<ActorId> = Vec::new();
    for &s in &spec.sources {
        let id = ActorId(label(s % spec.n));
        if !members.contains(&id) {
            members.push(id);
        }
    }
    g.set_group(Group::new("sources", members))
        .expect("at least one source");
    g
}

fn build(spec: &Spec) -> InfluenceGraph {
    let order: Vec<usize> = (0..spec.n).collect();
    build_with(spec, &|i| format!("n{i}"), &order)
}

/// Best-path leverage `from -> to` (0 when no path), under `-ln w` and an optional hop limit.
fn best_leverage(g: &InfluenceGraph, from: &str, to: &str, max_hops: Option<usize>) -> f64 {
    let mut p = PathsParams::new(ActorId::from(from), ActorId::from(to));
    p.max_hops = max_hops;
    match paths(g, &p) {
        Ok(r) => r.paths.first().map_or(0.0, |p| p.leverage),
        Err(leverage::Error::NoPath { .. }) => 0.0,
        Err(e) => panic!("paths failed: {e}"),
    }
}

/// The generated question: the `sources` group pressing `target`.
fn suggest_params(g: &InfluenceGraph, target: &str) -> SuggestParams {
    let sources = g.group("sources").expect("a sources group").members.clone();
    SuggestParams::new(sources, ActorId::from(target))
}

/// Whether `target` is one of the sources: the only reason the generated question fails.
fn target_is_source(g: &InfluenceGraph, target: &str) -> bool {
    g.group("sources")
        .is_some_and(|s| s.members.iter().any(|m| m.as_str() == target))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// A path's leverage is in [0, 1], is the product of its ties' strengths, and is never above
    /// any single tie on the path; this holds for every distance and hop limit, and for the k
    /// best paths, not just the first.
    #[test]
    fn path_leverage_is_a_share_below_every_tie(
        spec in spec(),
        a in 0usize..64,
        b in 0usize..64,
        hops in 0usize..5,
        distance in prop_oneof![Just(Distance::Log), Just(Distance::Inverse), Just(Distance::Hops)],
    ) {
        let g = build(&spec);
        let (a, b) = (a % spec.n, b % spec.n);
        prop_assume!(a != b);
        let mut p = PathsParams::new(ActorId(format!("n{a}")), ActorId(format!("n{b}")));
        p.k = 3;
        p.max_hops = (hops > 0).then_some(hops);
        p.distance = distance;
        match paths(&g, &p) {
            Err(leverage::Error::NoPath { .. }) => {}
            Err(e) => prop_assert!(false, "paths failed: {}", e),
            Ok(r) => for path in &r.paths {
                prop_assert!(path.nodes.len() - 1 <= hops.max(1) || hops == 0, "{} ties over {}", path.nodes.len() - 1, hops);
                prop_assert!((0.0..=1.0).contains(&path.leverage), "{}", path.leverage);
                let product: f64 = path.ties.iter().map(|t| t.strength).product();
                prop_assert!((path.leverage - product).abs() <= 1e-12);
                for t in &path.ties {
                    prop_assert!(path.leverage <= t.strength + 1e-15);
                }
            },
        }
    }

    /// Adding a tie or raising a weight never lowers a best-path leverage under `-ln w`, with or
    /// without a hop limit: both only add options (a new path, a stronger tie), and the hop-limited
    /// search is exact for "best path of at most H ties". (Under `inverse` or `hops` the chosen
    /// path minimises another cost, so its leverage may fall: the property is about `log`.)
    #[test]
    fn adding_or_strengthening_a_tie_never_lowers_best_leverage(
        spec in spec(),
        extra in tie_spec(),
        raise in 0.0f64..=1.0,
        a in 0usize..64,
        b in 0usize..64,
        hops in 0usize..4,
    ) {
        let (a, b) = (format!("n{}", a % spec.n), format!("n{}", b % spec.n));
        prop_assume!(a != b);
        let max_hops = (hops > 0).then_some(hops);
        let before = best_leverage(&build(&spec), &a, &b, max_hops);

        let mut added = spec.clone();
        added.ties.push(extra);
        let after = best_leverage(&build(&added), &a, &b, max_hops);
        prop_assert!(after >= before * (1.0 - 1e-12), "added a tie: {before} -> {after}");

        if !spec.ties.is_empty() {
            let mut raised = spec.clone();
            let t = &mut raised.ties[0];
            t.trade += (1.0 - t.trade) * raise;
            t.spread = None;
            let after = best_leverage(&build(&raised), &a, &b, max_hops);
            prop_assert!(after >= before * (1.0 - 1e-12), "raised a weight: {before} -> {after}");
        }
    }

    /// Renaming the actors and adding them in another order permutes every result and changes
    /// nothing else: centrality scores, partner scores and path leverages per actor agree.
    #[test]
    fn relabelling_permutes_results(
        spec in spec(),
        perm in Just(()).prop_perturb(|_, mut rng| {
            let mut p: Vec<usize> = (0..16).collect();
            for i in (1..p.len()).rev() {
                p.swap(i, (rng.next_u32() as usize) % (i + 1));
            }
            p
        }),
        target in 0usize..64,
    ) {
        let n = spec.n;
        let perm: Vec<usize> = perm.into_iter().filter(|&i| i < n).collect();
        let g = build(&spec);
        let h = build_with(&spec, &|i| format!("x{}", perm[i]), &{
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| perm[i]);
            order
        });
        let rename = |id: &str| -> String {
            let i: usize = id[1..].parse().expect("ids are n<i>");
            format!("x{}", perm[i])
        };

        let params = CentralityParams::default();
        let (tg, th) = (
            centrality_table(&g, Measure::ALL, &params),
            centrality_table(&h, Measure::ALL, &params),
        );
        prop_assert_eq!(tg.is_ok(), th.is_ok());
        if let (Ok(tg), Ok(th)) = (tg, th) {
            let by_id: BTreeMap<String, _> =
                th.nodes.iter().map(|r| (r.id.clone(), &r.scores)).collect();
            for row in &tg.nodes {
                let other = by_id[&rename(&row.id)];
                for (m, v) in &row.scores {
                    let w = other[m];
                    prop_assert!(
                        (v.is_nan() && w.is_nan()) || (v - w).abs() <= 1e-9 * (1.0 + v.abs()),
                        "{m} of {}: {v} vs {w}", row.id
                    );
                }
            }
        }

        let t = format!("n{}", target % n);
        let (sg, sh) = (suggest(&g, &suggest_params(&g, &t)), suggest(&h, &suggest_params(&h, &rename(&t))));
        prop_assert_eq!(sg.is_ok(), sh.is_ok());
        prop_assert!(sg.is_ok() || target_is_source(&g, &t), "suggest failed: {:?}", sg.err());
        if let (Ok(sg), Ok(sh)) = (sg, sh) {
            let scores: BTreeMap<String, f64> =
                sh.partners.iter().map(|p| (p.id.to_string(), p.score)).collect();
            prop_assert_eq!(sg.partners.len(), sh.partners.len());
            for p in &sg.partners {
                let s = scores.get(&rename(p.id.as_str())).copied().unwrap_or(f64::NAN);
                prop_assert!((p.score - s).abs() <= 1e-9 * (1.0 + p.score.abs()), "{}: {} vs {s}", p.id, p.score);
            }
        }

        for a in 0..n {
            let (x, y) = (format!("n{a}"), t.clone());
            if x != y {
                let l = best_leverage(&g, &x, &y, None);
                let m = best_leverage(&h, &rename(&x), &rename(&y), None);
                prop_assert!((l - m).abs() <= 1e-12, "{x} -> {y}: {l} vs {m}");
            }
        }
    }

    /// The same seed gives bit-identical results whatever the parallel threshold and the number
    /// of threads: robustness (samples in parallel) and betweenness (sources in parallel).
    #[test]
    fn same_seed_same_output_across_threads(spec in spec(), seed in any::<u64>(), target in 0usize..64) {
        let g = build(&spec);
        let t = format!("n{}", target % spec.n);
        let run = |threshold: usize, threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            pool.install(|| {
                let mut rp = RobustnessParams::new(suggest_params(&g, &t), 24, seed);
                rp.top_k = 2;
                rp.parallel_threshold = threshold;
                let r = robustness(&g, &rp, None);
                let net = Network::new(&g, &StrengthRule::default());
                let b = betweenness(&net, Distance::Log, threshold);
                format!("{r:?}\n{:?}", b.iter().map(|x| x.to_bits()).collect::<Vec<_>>())
            })
        };
        let sequential = run(usize::MAX, 1);
        prop_assert_eq!(&sequential, &run(1, 1));
        prop_assert_eq!(&sequential, &run(1, 4));
        prop_assert_eq!(&sequential, &run(usize::MAX, 4));
    }

    /// The native JSON round trip is the identity: write, read back, same document, same text.
    #[test]
    fn native_json_round_trip_is_identity(spec in spec()) {
        let g = build(&spec);
        let text = leverage::io::json::to_string(&g);
        let back = leverage::io::json::parse(&text, "round-trip.json")
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(leverage::io::json::to_doc(&back), leverage::io::json::to_doc(&g));
        prop_assert_eq!(leverage::io::json::to_string(&back), text);
    }

    /// The GraphML round trip is the identity too: every actor, tie, channel figure (value,
    /// range, source, year), group and attribute comes back, in order, through leverage's own
    /// GraphML export and import.
    #[test]
    fn graphml_round_trip_is_identity(spec in spec()) {
        use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};
        let g = build(&spec);
        let bytes = to_bytes(&AnnotatedGraph::new(&g), ExportFormat::Graphml)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let defaults = leverage::io::ImportDefaults {
            file: "round-trip.graphml".into(),
            title: "round trip".into(),
            date: "2000-01-01".into(),
        };
        let back = leverage::io::graphml::parse(&text, &defaults, &leverage::io::LoadOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(leverage::io::json::to_string(&back), leverage::io::json::to_string(&g));
    }

    /// The GEXF round trip is the identity as well: leverage's GEXF carries the metadata and the
    /// groups in its manifest, and every actor, tie and channel figure in attributes.
    #[test]
    fn gexf_round_trip_is_identity(spec in spec()) {
        use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};
        let g = build(&spec);
        let bytes = to_bytes(&AnnotatedGraph::new(&g), ExportFormat::Gexf)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let defaults = leverage::io::ImportDefaults {
            file: "round-trip.gexf".into(),
            title: "round trip".into(),
            date: "2000-01-01".into(),
        };
        let back = leverage::io::gexf::parse(&text, &defaults, &leverage::io::LoadOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(leverage::io::json::to_string(&back), leverage::io::json::to_string(&g));
    }

    /// Monte Carlo over figures whose ranges have zero width (or no range) equals the
    /// deterministic run: every sample ranks as the deterministic run does.
    #[test]
    fn zero_width_ranges_give_the_deterministic_run(spec in spec(), seed in any::<u64>(), target in 0usize..64, explicit in any::<bool>()) {
        let mut flat = spec.clone();
        for t in &mut flat.ties {
            // A spread of (1, 0) gives `[value, value]`; no spread gives no range at all.
            t.spread = explicit.then_some((1.0, 0.0));
        }
        let g = build(&flat);
        let t = format!("n{}", target % spec.n);
        prop_assume!(!target_is_source(&g, &t));
        let params = suggest_params(&g, &t);
        let det = suggest(&g, &params).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut rp = RobustnessParams::new(params, 16, seed);
        rp.top_k = 2;
        rp.parallel_threshold = usize::MAX;
        let r = robustness(&g, &rp, None).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&r.deterministic, &det);
        prop_assert_eq!(r.uncertain_figures, 0);
        for p in &r.partners {
            let rank = p.rank.expect("every reported partner ranks in the deterministic run");
            prop_assert_eq!(p.median_rank, rank as f64);
            prop_assert_eq!(p.rank_range, [rank, rank]);
            prop_assert_eq!(p.score_interval, [p.score, p.score]);
            prop_assert_eq!(p.median_score, p.score);
            prop_assert_eq!(p.p_top_k, if rank <= 2 { 1.0 } else { 0.0 });
        }
    }

    /// Blocs partition the actors, are sorted and ordered (size down, then smallest member), carry
    /// the modularity of that partition, are connected under Leiden, and do not depend on the
    /// parallel threshold or the number of threads.
    #[test]
    fn blocs_are_an_ordered_partition_with_its_modularity(
        spec in spec(),
        seed in any::<u64>(),
        louvain in any::<bool>(),
        resolution in prop_oneof![Just(0.5), Just(1.0), Just(2.0)],
    ) {
        let net = Network::new(&build(&spec), &StrengthRule::default());
        let n = net.node_count();
        let mut p = BlocsParams::default();
        p.method = if louvain { Method::Louvain } else { Method::Leiden };
        p.seed = seed;
        p.resolution = resolution;
        p.restarts = 3;
        p.parallel_threshold = usize::MAX;
        let b = blocs(&net, &p).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut seen = vec![false; n];
        for (i, c) in b.communities.iter().enumerate() {
            prop_assert!(!c.is_empty() && c.windows(2).all(|w| w[0] < w[1]));
            for &v in c {
                prop_assert!(!seen[v]);
                seen[v] = true;
                prop_assert_eq!(b.membership[v], i);
            }
        }
        prop_assert!(seen.iter().all(|&x| x));
        let ordered = b.communities.windows(2).all(|w| {
            w[0].len() > w[1].len() || (w[0].len() == w[1].len() && w[0][0] < w[1][0])
        });
        prop_assert!(ordered, "blocs out of order: {:?}", b.communities);
        let q = modularity(&net, &b.communities, resolution).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!((q - b.modularity).abs() <= 1e-12, "{} vs {q}", b.modularity);
        if !louvain {
            for c in &b.communities {
                // Breadth-first over ties either way, inside the bloc.
                let mut reached = vec![c[0]];
                let mut i = 0;
                while i < reached.len() {
                    let v = reached[i];
                    i += 1;
                    for u in net.out_edges(v).0.iter().chain(net.in_edges(v).0) {
                        let u = *u as usize;
                        if b.membership[u] == b.membership[v] && !reached.contains(&u) {
                            reached.push(u);
                        }
                    }
                }
                prop_assert_eq!(reached.len(), c.len(), "bloc {:?} is not connected", c);
            }
        }
        p.parallel_threshold = 1;
        let pool = rayon::ThreadPoolBuilder::new().num_threads(3).build().expect("a thread pool");
        let par = pool.install(|| blocs(&net, &p)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(par, b);
    }

    /// Every analysis and every exporter runs on any valid graph without a panic (the
    /// structured fuzz target `fuzz/fuzz_targets/analyses.rs` does the same for longer).
    #[test]
    fn every_analysis_runs_on_any_valid_graph(spec in spec(), target in 0usize..64, hops in 2usize..6) {
        let g = build(&spec);
        let t = format!("n{}", target % spec.n);
        let mut params = suggest_params(&g, &t);
        params.max_hops = hops;
        let s = suggest(&g, &params);
        if let Ok(s) = &s {
            // Every printed path has at most `max_hops` ties (see: #10).
            for p in &s.partners {
                prop_assert!(p.path.len() - 1 <= hops, "{:?} over {} ties", p.path, hops);
            }
        }
        // The one question a valid graph may refuse is a target among the sources: every other
        // error fails the property, instead of being ignored (see: #12).
        let source_target = target_is_source(&g, &t);
        prop_assert!(s.is_ok() || source_target, "suggest: {:?}", s.err());
        let table = centrality_table(&g, Measure::ALL, &CentralityParams::default());
        prop_assert!(table.is_ok(), "centrality: {:?}", table.err());
        let mut ap = AssignParams::new(params.clone());
        ap.partners = 3;
        ap.max_per_messenger = Some(1);
        let plan = assign(&g, &ap);
        prop_assert!(plan.is_ok() || source_target, "assign: {:?}", plan.err());
        let cmp = compare(&g, &g, Vec::new(), &params);
        prop_assert!(cmp.is_ok() || source_target, "compare: {:?}", cmp.err());
        let roles = brokerage_roles(&g, &RolesParams { target: ActorId(t), partition: vec!["sources".into()], ..RolesParams::default() });
        prop_assert!(roles.is_ok(), "roles: {:?}", roles.err());
        prop_assert_eq!(info(&g).actors, spec.n);
        let annotated = AnnotatedGraph::new(&g);
        for &f in ExportFormat::ALL {
            prop_assert!(to_bytes(&annotated, f).is_ok());
        }
    }
}
