//! Benchmarks (criterion): loading, suggest, paths, every centrality measure, assign, a
//! 1,000-sample robustness run, the sensitivity of every figure, lifelines and a coalition of 3
//! on the bundled graph; every centrality measure, paths, suggest,
//! assign and a 100-sample robustness run on generated graphs of 2,000 actors / 20,000 ties and,
//! with `LEVERAGE_BENCH_LARGE=1`, 20,000 / 200,000; blocs (Leiden and Louvain) on the bundled
//! graph, on a planted-partition graph and on the generated graphs, and the restarts of blocs
//! run serially and in parallel on the bundled graph (which sets
//! `blocs::DEFAULT_PARALLEL_THRESHOLD`). The race against other libraries is
//! `benches/peers/compare.py`. `validation` checks a file of 20,000 broken ties.
//!
//! `scenario` parses and applies scenarios of 100,000 edits on the generated 2,000 / 20,000 graph
//! (mixed edits; and 100,000 new actors put into one group), which must take well under a second
//! (#16).
//!
//! Run: `cargo bench`, or `cargo bench -- bundled` for one group.

// criterion_group! generates an undocumented function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use leverage::analysis::assign::{assign, AssignParams};
use leverage::analysis::blocs::{blocs, planted_partition, BlocsParams, Method, PlantedParams};
use leverage::analysis::centrality::{compute, CentralityParams, Measure};
use leverage::analysis::coalition::{coalition, CoalitionParams};
use leverage::analysis::lifelines::{lifelines, LifelinesParams};
use leverage::analysis::network::Network;
use leverage::analysis::paths::k_best_paths;
use leverage::analysis::robustness::{robustness, RobustnessParams};
use leverage::analysis::sensitivity::{sensitivity, SensitivityParams};
use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::generate::{generate, GenerateParams};
use leverage::io::{embedded::BUNDLED_JSON, json, load, GraphSource};
use leverage::model::{ActorId, Distance, StrengthRule};

/// The allocator of the `leverage` binary, so that benchmarks measure what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bundled(c: &mut Criterion) {
    let mut g = c.benchmark_group("bundled");
    g.bench_function("load", |b| {
        b.iter(|| json::parse(BUNDLED_JSON, "bundled").expect("bundled graph is valid"))
    });
    let graph = load(&GraphSource::Bundled).expect("bundled graph is valid");
    g.bench_function("suggest", |b| {
        let sp = SuggestParams::outreach_letter(&graph).expect("the bundled question");
        b.iter(|| suggest(&graph, &sp).expect("suggest runs"))
    });
    let net = Network::new(&graph, &StrengthRule::default());
    let (aut, rus) = (
        net.position(graph.node_of("AUT").expect("AUT"))
            .expect("in net"),
        net.position(graph.node_of("RUS").expect("RUS"))
            .expect("in net"),
    );
    g.bench_function("paths_k10", |b| {
        b.iter(|| k_best_paths(&net, aut, rus, 10, Distance::Log, Some(4), &[]))
    });
    let params = CentralityParams::default();
    for &m in Measure::ALL {
        g.bench_with_input(BenchmarkId::new("centrality", m.name()), &m, |b, &m| {
            b.iter(|| compute(&net, m, &params).expect("measure converges"))
        });
    }
    g.bench_function("assign", |b| {
        let ap = AssignParams::new(SuggestParams::outreach_letter(&graph).expect("the question"));
        b.iter(|| assign(&graph, &ap).expect("assign runs"))
    });
    // The whole program, as a user runs it: start, load the bundled graph, rank, print. The
    // output goes to /dev/null (opened write-only), as with `hyperfine -N`, not through a pipe
    // that the bench would have to read.
    g.bench_function("process_suggest", |b| {
        b.iter(|| {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_leverage"))
                .arg("suggest")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("the binary runs");
            assert!(status.success());
        })
    });
    bench_blocs(&mut g, &net, "blocs");
    // Eight restarts serially (threshold above the size) and in parallel (threshold 1).
    for (label, threshold) in [("serial", usize::MAX), ("parallel", 1)] {
        let mut p = BlocsParams::default();
        p.restarts = 8;
        p.parallel_threshold = threshold;
        g.bench_function(format!("blocs_restarts_8_{label}"), |b| {
            b.iter(|| blocs(&net, &p).expect("blocs run"))
        });
    }
    // Issue #15: every figure of the bundled graph (1,819), smallest change to the top 5 or the
    // #1; the target is under 1 s on 2 cores.
    g.bench_function("sensitivity_all_figures", |b| {
        let sp = SensitivityParams::new(
            SuggestParams::outreach_letter(&graph).expect("the question"),
            5,
        );
        b.iter(|| sensitivity(&graph, &sp).expect("sensitivity runs"))
    });
    g.bench_function("lifelines", |b| {
        let lp = LifelinesParams::new(ActorId::from("RUS"));
        b.iter(|| lifelines(&graph, &lp).expect("lifelines run"))
    });
    g.bench_function("coalition_k3_exact", |b| {
        let cp = CoalitionParams::new(
            SuggestParams::outreach_letter(&graph).expect("the question"),
            3,
        );
        b.iter(|| coalition(&graph, &cp).expect("coalition runs"))
    });
    g.sample_size(10);
    g.bench_function("robustness_10000", |b| {
        b.iter(|| {
            robustness(
                &graph,
                &RobustnessParams::new(
                    SuggestParams::outreach_letter(&graph).expect("the question"),
                    10_000,
                    1,
                ),
                None,
            )
            .expect("robustness runs")
        })
    });
    g.bench_function("robustness_1000", |b| {
        b.iter(|| {
            robustness(
                &graph,
                &RobustnessParams::new(
                    SuggestParams::outreach_letter(&graph).expect("the question"),
                    1000,
                    1,
                ),
                None,
            )
            .expect("robustness runs")
        })
    });
    g.finish();
}

/// Leiden and Louvain with their defaults (seed 1) on `net`.
fn bench_blocs(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    net: &Network,
    name: &str,
) {
    for &m in Method::ALL {
        let mut p = BlocsParams::default();
        p.method = m;
        g.bench_with_input(BenchmarkId::new(name, m.name()), &p, |b, p| {
            b.iter(|| blocs(net, p).expect("blocs run"))
        });
    }
}

fn planted(c: &mut Criterion) {
    let mut g = c.benchmark_group("planted_1000");
    let p = planted_partition(&PlantedParams::new(vec![100; 10], 0.1, 0.005, 1))
        .expect("valid planted parameters");
    bench_blocs(&mut g, &p.network, "blocs");
    g.finish();
}

fn generated(c: &mut Criterion) {
    let mut sizes = vec![(2_000usize, 20_000usize)];
    if std::env::var_os("LEVERAGE_BENCH_LARGE").is_some() {
        sizes.push((20_000, 200_000));
    }
    for (n, m) in sizes {
        let graph = generate(&GenerateParams {
            actors: n,
            ties: m,
            seed: 1,
            ..GenerateParams::default()
        })
        .expect("valid sizes");
        let mut g = c.benchmark_group(format!("generated_{n}_{m}"));
        g.sample_size(10);
        let net = Network::new(&graph, &StrengthRule::default());
        let params = CentralityParams::default();
        for &meas in Measure::ALL {
            g.bench_with_input(
                BenchmarkId::new("centrality", meas.name()),
                &meas,
                |b, &meas| b.iter(|| compute(&net, meas, &params).expect("measure converges")),
            );
        }
        g.bench_function("paths_k10", |b| {
            b.iter(|| k_best_paths(&net, 0, 1, 10, Distance::Log, None, &[]))
        });
        bench_blocs(&mut g, &net, "blocs");
        let sources = graph
            .group("sources")
            .expect("generated sources")
            .members
            .clone();
        let sp = SuggestParams::new(sources, ActorId::from("n1"));
        g.bench_function("suggest", |b| {
            b.iter(|| suggest(&graph, &sp).expect("suggest runs"))
        });
        let ap = AssignParams::new(sp.clone());
        g.bench_function("assign", |b| {
            b.iter(|| assign(&graph, &ap).expect("assign runs"))
        });
        g.bench_function("robustness_100", |b| {
            b.iter(|| {
                robustness(&graph, &RobustnessParams::new(sp.clone(), 100, 1), None)
                    .expect("robustness runs")
            })
        });
        g.finish();
    }
}

/// A native graph of `n` actors and `n` ties, each tie broken twice: its `to` names no actor
/// and its trade share is 1.7 (over 1).
fn broken_graph(n: usize) -> String {
    let mut s = String::from(
        r#"{"version": 2, "meta": {"title": "broken", "date": "2025-01-01"}, "actors": ["#,
    );
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(r#"{{"id": "n{i}", "name": "actor {i}"}}"#));
    }
    s.push_str(r#"], "ties": ["#);
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"from": "n{i}", "to": "zz{i}", "channels": {{"trade": {{"value": 1.7, "source": "x", "year": 2024}}}}}}"#
        ));
    }
    s.push_str("]}");
    s
}

/// Validation of a file full of problems stays linear (#11, #16): 20,000 and 50,000 broken ties,
/// 40,000 and 100,000 problems, of which the first 50 are placed and explained and the rest
/// counted.
fn validation(c: &mut Criterion) {
    let mut g = c.benchmark_group("validation");
    g.sample_size(10);
    // 20,000 broken ties hold 40,000 problems (#11); 50,000 hold 100,000 (#16).
    for n in [20_000, 50_000] {
        let text = broken_graph(n);
        g.bench_function(format!("{n}_bad_ties"), |b| {
            b.iter(|| {
                let err = json::parse(&text, "broken.json").expect_err("the ties are broken");
                assert!(err.to_string().contains("more problems"));
            })
        });
    }
    g.finish();
}

/// A scenario of 100,000 mixed edits on the generated graph (`n0..n1999`), each of which
/// changes something: blocks of `set`, `scale` of that figure, `stance`, `add_actor` and a
/// `group` edit that adds the new actor to one group (which grows to 20,000 members, edited
/// 20,000 times).
fn mixed_edits(blocks: usize) -> String {
    let mut edits = Vec::with_capacity(blocks * 5);
    for j in 0..blocks {
        let a = j % 2000;
        let b = (a + j / 2000 + 1) % 2000;
        let v = (j % 997 + 1) as f64 / 1000.0;
        edits.push(format!(
            r#"{{"op":"set","from":"n{a}","to":"n{b}","channel":"trade","value":{v},"source":"bench","year":2026}}"#
        ));
        edits.push(format!(
            r#"{{"op":"scale","from":"n{a}","to":"n{b}","channel":"trade","factor":0.5}}"#
        ));
        edits.push(format!(
            r#"{{"op":"stance","actor":"n{a}","target":"n{b}","signal":"sanctions","value":{v},"source":"bench","year":2026}}"#
        ));
        edits.push(format!(
            r#"{{"op":"add_actor","id":"x{j}","name":"added {j}"}}"#
        ));
        edits.push(format!(r#"{{"op":"group","id":"bench","add":["x{j}"]}}"#));
    }
    format!(
        r#"{{"scenario":1,"title":"bench","edits":[{}]}}"#,
        edits.join(",\n")
    )
}

/// A scenario adding `n` actors, then all of them to one new group in one edit.
fn big_group(n: usize) -> String {
    let mut edits: Vec<String> = (0..n)
        .map(|j| format!(r#"{{"op":"add_actor","id":"x{j}","name":"added {j}"}}"#))
        .collect();
    let names: Vec<String> = (0..n).map(|j| format!(r#""x{j}""#)).collect();
    edits.push(format!(
        r#"{{"op":"group","id":"bench","add":[{}]}}"#,
        names.join(",")
    ));
    format!(
        r#"{{"scenario":1,"title":"bench","edits":[{}]}}"#,
        edits.join(",\n")
    )
}

fn scenario(c: &mut Criterion) {
    let graph = generate(&GenerateParams {
        actors: 2000,
        ties: 20_000,
        seed: 1,
        ..GenerateParams::default()
    })
    .expect("generated graph");
    let mut g = c.benchmark_group("scenario");
    g.sample_size(10);
    for (name, text) in [
        ("100k mixed edits", mixed_edits(20_000)),
        ("100k actors into one group", big_group(100_000)),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let s = leverage::scenario::parse(&text, "bench.json").expect("valid scenario");
                leverage::scenario::apply_all(&graph, &[s]).expect("applies")
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bundled, planted, generated, validation, scenario);
criterion_main!(benches);
