//! Structured fuzzing: random *valid* graphs (built through the model API from arbitrary bytes)
//! run through every analysis with random parameters. Never a panic; results keep their
//! invariants (leverage in [0, 1]); parallel and sequential runs are bit-identical; the native
//! JSON writes back and reloads to the same graph; every exporter writes.
#![no_main]

use leverage::analysis::assign::{assign, AssignParams};
use leverage::analysis::brokerage_roles::{brokerage_roles, RolesParams};
use leverage::analysis::centrality::{centrality, centrality_table, CentralityParams, Measure};
use leverage::analysis::compare::compare;
use leverage::analysis::info::info;
use leverage::analysis::paths::{paths, PathsParams};
use leverage::analysis::robustness::{robustness, RobustnessParams};
use leverage::analysis::suggest::{suggest, Coordination, SuggestParams};
use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};
use leverage::model::{
    Actor, ActorId, Channel, ChannelEmphasis, Distance, Figure, Group, InfluenceGraph, Meta,
    StrengthRule, Tie,
};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct TieSpec {
    from: u8,
    to: u8,
    value: u8,
    spread: Option<(u8, u8)>,
    energy: Option<u8>,
}

#[derive(Debug, Arbitrary)]
struct Input {
    actors: u8,
    ties: Vec<TieSpec>,
    sources: Vec<u8>,
    target: u8,
    receptive: Vec<(u8, u8)>,
    distance: u8,
    max_hops: u8,
    k: u8,
    alone: bool,
    trade_emphasis: u8,
    samples: u8,
    seed: u64,
}

fn share(b: u8) -> f64 {
    f64::from(b) / 255.0
}

fn figure(value: u8, spread: Option<(u8, u8)>) -> Figure {
    let v = share(value);
    let mut fig = Figure::new(v, "fuzz", 2024);
    if let Some((a, b)) = spread {
        fig.range = Some([v * share(a), (v + (1.0 - v) * share(b)).min(1.0)]);
    }
    fig
}

fn build(input: &Input) -> (InfluenceGraph, usize) {
    let n = usize::from(input.actors % 24) + 2;
    let mut g = InfluenceGraph::new(Meta {
        title: "fuzz".into(),
        date: "2025-01-01".into(),
        description: None,
        notes: Vec::new(),
        build: None,
    });
    let nodes: Vec<_> = (0..n)
        .map(|i| {
            let mut a = Actor::new(&format!("n{i}"), &format!("Actor {i}"));
            if let Some(&(_, r)) = input
                .receptive
                .iter()
                .find(|(who, _)| usize::from(*who) % n == i)
            {
                a.receptiveness = Some(figure(r, Some((128, 128))));
            }
            g.add_actor(a).expect("a valid actor with a distinct id")
        })
        .collect();
    for t in input.ties.iter().take(200) {
        let (f, to) = (usize::from(t.from) % n, usize::from(t.to) % n);
        if f == to {
            continue;
        }
        let mut tie = Tie::default();
        tie.channels
            .insert(Channel::from("trade"), figure(t.value, t.spread));
        if let Some(e) = t.energy {
            tie.channels
                .insert(Channel::from("energy"), figure(e, None));
        }
        g.set_tie(nodes[f], nodes[to], tie)
            .expect("figures in [0, 1] between two actors");
    }
    let mut members: Vec<ActorId> = Vec::new();
    for &s in input.sources.iter().take(8) {
        let id = ActorId(format!("n{}", usize::from(s) % n));
        if !members.contains(&id) {
            members.push(id);
        }
    }
    if members.is_empty() {
        members.push(ActorId("n0".into()));
    }
    g.set_group(Group::new("sources", members))
        .expect("distinct members, at least one");
    (g, usize::from(input.target) % n)
}

fuzz_target!(|input: Input| {
    let (graph, target) = build(&input);
    let target = format!("n{target}");
    let distance = match input.distance % 3 {
        0 => Distance::Log,
        1 => Distance::Inverse,
        _ => Distance::Hops,
    };
    let max_hops = (input.max_hops % 6 > 0).then_some(usize::from(input.max_hops % 6));
    let emphasis: ChannelEmphasis = format!("trade={}", share(input.trade_emphasis))
        .parse()
        .expect("a share is a valid emphasis");
    let strength = StrengthRule::new(emphasis);
    let sources = graph
        .group("sources")
        .expect("built with a sources group")
        .members
        .clone();
    let mut sp = SuggestParams::new(sources, ActorId(target.clone()));
    sp.coordination = if input.alone {
        Coordination::Alone
    } else {
        Coordination::Unison
    };
    sp.distance = distance;
    sp.max_hops = max_hops.unwrap_or(2).max(2);
    sp.strength = strength.clone();

    if let Ok(r) = suggest(&graph, &sp) {
        for p in &r.partners {
            assert!((0.0..=1.0).contains(&p.reach), "reach {}", p.reach);
            assert!((0.0..=1.0).contains(&p.pull), "pull {}", p.pull);
        }
    }

    let mut pp = PathsParams::new(ActorId::from("n0"), ActorId(target.clone()));
    pp.k = usize::from(input.k % 4) + 1;
    pp.max_hops = max_hops;
    pp.distance = distance;
    pp.strength = strength.clone();
    if let Ok(r) = paths(&graph, &pp) {
        for p in &r.paths {
            assert!((0.0..=1.0).contains(&p.leverage), "leverage {}", p.leverage);
            for t in &p.ties {
                assert!(p.leverage <= t.strength + 1e-12, "path above a tie");
            }
        }
    }

    let mut seq = CentralityParams::default();
    seq.strength = strength.clone();
    seq.distance = distance;
    seq.parallel_threshold = usize::MAX;
    let mut par = seq.clone();
    par.parallel_threshold = 1;
    let a = centrality_table(&graph, Measure::ALL, &seq);
    let b = centrality_table(&graph, Measure::ALL, &par);
    assert_eq!(format!("{a:?}"), format!("{b:?}"), "centrality seq == par");
    for &m in Measure::ALL {
        let _ = centrality(&graph, m, &seq);
    }

    let mut rp = RobustnessParams::new(sp.clone(), usize::from(input.samples % 8) + 1, input.seed);
    rp.top_k = 2;
    rp.parallel_threshold = usize::MAX;
    let mut rp_par = rp.clone();
    rp_par.parallel_threshold = 1;
    let a = robustness(&graph, &rp, None);
    let b = robustness(&graph, &rp_par, None);
    assert_eq!(format!("{a:?}"), format!("{b:?}"), "robustness seq == par");

    let mut ap = AssignParams::new(sp.clone());
    ap.partners = 3;
    ap.max_per_messenger = Some(usize::from(input.k % 3) + 1);
    let _ = assign(&graph, &ap);
    let _ = compare(&graph, &graph, Vec::new(), &sp);
    let mut roles = RolesParams::default();
    roles.target = ActorId(target);
    roles.partition = vec!["sources".into()];
    roles.strength = strength.clone();
    let _ = brokerage_roles(&graph, &roles);
    let _ = info(&graph);

    let mut annotated = AnnotatedGraph::new(&graph);
    annotated.strength = strength;
    annotated.distance = distance;
    for &f in ExportFormat::ALL {
        to_bytes(&annotated, f).expect("every exporter writes a valid graph");
    }
    let written = leverage::io::json::to_string(&graph);
    let again = leverage::io::json::parse(&written, "fuzz.json")
        .expect("a valid graph reloads from its own JSON");
    assert_eq!(leverage::io::json::to_string(&again), written, "round trip");
});
