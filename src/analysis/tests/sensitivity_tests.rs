//! Unit tests of `src/analysis/sensitivity.rs`: the worked example by hand, and a brute force
//! on small random graphs that perturbs every figure over a grid and reruns `suggest`.

use super::*;
use crate::analysis::suggest::suggest;
use crate::model::{Actor, Group, Meta};
use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

/// Adds `actors` to `g`, then their stances: a stance may name an actor added after it.
fn add_all(g: &mut InfluenceGraph, actors: Vec<Actor>) {
    let mut stances = Vec::new();
    for mut a in actors {
        stances.push(std::mem::take(&mut a.stance));
        g.add_actor(a).unwrap();
    }
    let nodes: Vec<_> = g.actors().map(|(n, _)| n).collect();
    for (n, s) in nodes.into_iter().zip(stances) {
        g.update_actor(n, |a| a.stance = s).unwrap();
    }
}

fn five() -> InfluenceGraph {
    crate::io::json::parse(
        include_str!("../../../tests/fixtures/five.json"),
        "five.json",
    )
    .unwrap()
}

#[test]
fn worked_example_by_hand() {
    // docs/MODEL.md section 12: Türkiye 0.0116 = 0.145 × 0.08, India 0.00666 = 0.02 × 0.37 ×
    // 0.9. With k = 1, the #1 and the top 1 are the same question.
    let g = five();
    let s = sensitivity(
        &g,
        &SensitivityParams::new(SuggestParams::outreach_letter(&g).unwrap(), 1),
    )
    .unwrap();
    assert_eq!(s.method, "local");
    assert_eq!(s.top, vec![ActorId::from("TUR")]);
    let find = |from: &str, to: &str, ch: &str| {
        s.deciding
            .iter()
            .find(|f| {
                f.figure
                    == FigureRef::Tie {
                        from: from.into(),
                        to: to.into(),
                        channel: ch.into(),
                    }
            })
            .unwrap_or_else(|| panic!("{from} -> {to} {ch} decides"))
    };
    // Türkiye's trade tie into Russia: its headroom 0.08 must fall to 0.00666 / 0.145.
    let f = find("TUR", "RUS", "trade");
    let x = f.first.as_ref().unwrap();
    assert!((x.value - 0.00666 / 0.145).abs() < 1e-9, "{}", x.value);
    assert_eq!(x.left, vec![ActorId::from("TUR")]);
    assert_eq!(x.entered, vec![ActorId::from("IND")]);
    assert!(!x.within_range, "the figure has no range");
    assert_eq!(f.term, Term::Headroom);
    // Germany's lever over India: 0.02 must rise until 0.02' × 0.37 × 0.9 = 0.0116.
    let f = find("DEU", "IND", "trade");
    let x = f.top_k.as_ref().unwrap();
    assert!(
        (x.value - 0.0116 / (0.37 * 0.9)).abs() < 1e-9,
        "{}",
        x.value
    );
    assert!(!x.within_range, "above the range [0.015, 0.025]");
    assert_eq!(f.term, Term::Reach);
    // India's energy: headroom 1 - (1 - e)(1 - 0.1) must reach 0.0116 / (0.02 × 0.9).
    let f = find("IND", "RUS", "energy");
    let h: f64 = 0.0116 / (0.02 * 0.9);
    let e = 1.0 - (1.0 - h) / 0.9;
    assert!((f.first.as_ref().unwrap().value - e).abs() < 1e-9);
    // India's parade signal: movability 1 - 0.2 p would have to exceed 1: no change can flip.
    assert!(!s.deciding.iter().any(|f| f.figure
        == FigureRef::Stance {
            actor: "IND".into(),
            signal: Signal::Parade
        }));
    // Türkiye's sanctions: at 1/2 it presses Russia and leaves the pool; before that its
    // headroom 0.08 (1 - s) must fall below India's score: s = 1 - 0.00666 / 0.0116.
    let t = s
        .deciding
        .iter()
        .find(|f| {
            f.figure
                == FigureRef::Stance {
                    actor: "TUR".into(),
                    signal: Signal::Sanctions,
                }
        })
        .unwrap();
    let x = t.first.as_ref().unwrap();
    assert!(
        (x.value - (1.0 - 0.00666 / 0.0116)).abs() < 1e-9,
        "{}",
        x.value
    );
    // A figure on a tie no partner's score reads does not decide.
    assert!(s.figures >= 10);
}

// ---- brute force ----

/// A figure of a random value `v(rng)`, with a range six times in ten.
fn rfig(rng: &mut Pcg64, scale: f64) -> Figure {
    let v = scale * rng.random::<f64>();
    fig(rng, v)
}

fn fig(rng: &mut Pcg64, v: f64) -> Figure {
    let f = Figure::new(v, "t", 2024);
    if rng.random::<f64>() < 0.6 {
        let w = 0.3 * rng.random::<f64>();
        f.with_range((v - w).max(0.0), (v + w).min(1.0))
    } else {
        f
    }
}

fn random_graph(rng: &mut Pcg64, max_hops: usize) -> (InfluenceGraph, SuggestParams) {
    let n = 5 + rng.random_range(0..4);
    let mut g = InfluenceGraph::new(Meta::default());
    let target = ActorId(format!("a{}", n - 1));
    let mut pending = Vec::new();
    for i in 0..n {
        let mut a = Actor::new(&format!("a{i}"), &format!("Actor {i}"));
        if i < n - 1 && rng.random::<f64>() < 0.85 {
            let sanctions = match rng.random_range(0..4) {
                0 => 1.0,
                1 => 0.3,
                _ => 0.0,
            };
            let s = Stance {
                sanctions: Some(fig(rng, sanctions)),
                un_alignment: Some(rfig(rng, 1.0)),
                un_opposition: (rng.random::<f64>() < 0.4).then(|| rfig(rng, 0.5)),
                parade: (rng.random::<f64>() < 0.4).then(|| rfig(rng, 1.0)),
                war_support: (rng.random::<f64>() < 0.2).then(|| rfig(rng, 1.0)),
                ..Stance::default()
            };
            a.stance.insert(target.clone(), s);
        }
        pending.push(a);
    }
    add_all(&mut g, pending);
    for f in 0..n {
        for t in 0..n {
            if f != t && rng.random::<f64>() < 0.5 {
                let mut tie = Tie::default();
                let v = rng.random::<f64>() * 0.6 + 0.02;
                tie.channels.insert("trade".into(), fig(rng, v));
                for c in ["energy", "diplomacy", "security"] {
                    if rng.random::<f64>() < 0.3 {
                        let v = rng.random::<f64>() * 0.5;
                        tie.channels.insert(c.into(), fig(rng, v));
                    }
                }
                let (a, b) = (
                    g.node_of(&format!("a{f}")).unwrap(),
                    g.node_of(&format!("a{t}")).unwrap(),
                );
                g.set_tie(a, b, tie).unwrap();
            }
        }
    }
    let mut sources = vec![ActorId::from("a0")];
    if rng.random::<f64>() < 0.6 {
        sources.push(ActorId::from("a1"));
    }
    g.set_group(Group::new("sources", sources.clone())).unwrap();
    let mut p = SuggestParams::new(sources, target);
    p.include_pressing = rng.random::<f64>() < 0.2;
    if rng.random::<f64>() < 0.3 {
        p.exclude = vec![ActorId::from("a2")];
    }
    if rng.random::<f64>() < 0.3 {
        p.coordination = Coordination::Alone;
    }
    p.judgement_share = false;
    p.max_hops = max_hops;
    (g, p)
}

/// Every figure of `g`, as the brute force enumerates them.
fn all_figures(g: &InfluenceGraph, target: &ActorId) -> Vec<(FigureRef, f64)> {
    let mut out = Vec::new();
    for (_, f, t, tie) in g.ties() {
        for (c, x) in tie.channels.iter() {
            out.push((
                FigureRef::Tie {
                    from: g.actor(f).id.clone(),
                    to: g.actor(t).id.clone(),
                    channel: c.clone(),
                },
                x.value,
            ));
        }
    }
    for (_, a) in g.actors() {
        if let Some(s) = a.stance_toward(target) {
            for (signal, x) in s.signals() {
                out.push((
                    FigureRef::Stance {
                        actor: a.id.clone(),
                        signal,
                    },
                    x.value,
                ));
            }
        }
    }
    out
}

/// The top k (as a sorted set) and the #1 of `suggest` with `figure` set to `x`.
fn answer(
    g: &InfluenceGraph,
    p: &SuggestParams,
    k: usize,
    figure: &FigureRef,
    x: f64,
) -> (Vec<ActorId>, Option<ActorId>) {
    let mut h = g.clone();
    match figure {
        FigureRef::Tie { from, to, channel } => {
            let (a, b) = (h.node(from).unwrap(), h.node(to).unwrap());
            h.update_tie(a, b, |t| {
                let f = t.channels.get_mut(channel.as_str()).unwrap();
                f.value = x;
                f.range = f.range.map(|[lo, hi]| [lo.min(x), hi.max(x)]);
            })
            .unwrap()
            .unwrap();
        }
        FigureRef::Stance { actor, signal } => {
            let n = h.node(actor).unwrap();
            h.update_actor(n, |a| {
                let s = a.stance.get_mut(&p.target).unwrap();
                let f = s.slot_mut(*signal).as_mut().unwrap();
                f.value = x;
                f.range = f.range.map(|[lo, hi]| [lo.min(x), hi.max(x)]);
            })
            .unwrap();
        }
    }
    let r = suggest(&h, p).unwrap();
    let mut top: Vec<ActorId> = r.partners.iter().take(k).map(|x| x.id.clone()).collect();
    top.sort();
    (top, r.partners.first().map(|x| x.id.clone()))
}

fn check(case: usize, g: &InfluenceGraph, p: &SuggestParams, k: usize, exact: bool) -> usize {
    let s = sensitivity(g, &SensitivityParams::new(p.clone(), k)).unwrap();
    assert_eq!(s.method, if exact { "local" } else { "rerun" });
    let figures = all_figures(g, &p.target);
    assert_eq!(s.figures, figures.len(), "case {case}");
    let base = suggest(g, p).unwrap();
    let mut base_top: Vec<ActorId> = base.partners.iter().take(k).map(|x| x.id.clone()).collect();
    base_top.sort();
    let base_first = base.partners.first().map(|x| x.id.clone());
    let grid: Vec<f64> = (0..=40).map(|i| f64::from(i) / 40.0).collect();
    let mut flips = 0;
    for (figure, v) in &figures {
        let found = s.deciding.iter().find(|f| f.figure == *figure);
        for which in 0..2 {
            let flip = found.and_then(|f| {
                if which == 0 {
                    f.top_k.as_ref()
                } else {
                    f.first.as_ref()
                }
            });
            let changed = |x: f64| {
                let (top, first) = answer(g, p, k, figure, x);
                if which == 0 {
                    top != base_top
                } else {
                    first != base_first
                }
            };
            match flip {
                None if exact => {
                    for &x in &grid {
                        assert!(
                            !changed(x),
                            "case {case}: {figure} at {x} changes part {which}, none reported"
                        );
                    }
                }
                None => {}
                Some(fl) => {
                    flips += 1;
                    let dir = (fl.value - v).signum();
                    assert!(dir != 0.0, "case {case}: {figure}");
                    // Just beyond the reported value it has changed, just before it has not.
                    let beyond = (fl.value + dir * 1e-9).clamp(0.0, 1.0);
                    assert!(
                        changed(beyond),
                        "case {case}: {figure} part {which} at {}",
                        fl.value
                    );
                    let before = fl.value - dir * 1e-9;
                    if (before - v) * dir > 0.0 {
                        assert!(
                            !changed(before),
                            "case {case}: {figure} part {which} before {}",
                            fl.value
                        );
                    }
                    // Who leaves and enters, at the flip.
                    if which == 0 {
                        let (top, _) = answer(g, p, k, figure, beyond);
                        let mut left: Vec<ActorId> = base_top
                            .iter()
                            .filter(|a| !top.contains(a))
                            .cloned()
                            .collect();
                        let mut entered: Vec<ActorId> = top
                            .iter()
                            .filter(|a| !base_top.contains(a))
                            .cloned()
                            .collect();
                        let (mut l, mut e) = (fl.left.clone(), fl.entered.clone());
                        left.sort();
                        entered.sort();
                        l.sort();
                        e.sort();
                        assert_eq!((l, e), (left, entered), "case {case}: {figure}");
                    }
                    assert_eq!(
                        fl.within_range,
                        found
                            .unwrap()
                            .range
                            .is_some_and(|[lo, hi]| fl.value >= lo && fl.value <= hi)
                    );
                    if exact {
                        for &x in &grid {
                            if (x - fl.value).abs() < 1e-7 {
                                continue;
                            }
                            let past = (x - fl.value) * dir > 0.0;
                            let between = (x - v) * dir > 0.0 && !past;
                            let nearer_other_side =
                                (x - v) * dir < 0.0 && (x - v).abs() < (fl.value - v).abs();
                            if past {
                                assert!(
                                    changed(x),
                                    "case {case}: {figure} part {which} at {x} beyond {}",
                                    fl.value
                                );
                            } else if between || nearer_other_side {
                                assert!(
                                    !changed(x),
                                    "case {case}: {figure} part {which} at {x}, flip at {}",
                                    fl.value
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    flips
}

#[test]
fn brute_force_hop_limit_two() {
    let mut rng = Pcg64::seed_from_u64(15);
    let mut flips = 0;
    for case in 0..40 {
        let (g, p) = random_graph(&mut rng, 2);
        let k = 1 + rng.random_range(0..3);
        flips += check(case, &g, &p, k, true);
    }
    assert!(flips > 60, "the cases exercise the flips: {flips}");
}

#[test]
fn brute_force_hop_limit_three_reruns() {
    let mut rng = Pcg64::seed_from_u64(3);
    let mut flips = 0;
    for case in 0..8 {
        let (g, p) = random_graph(&mut rng, 3);
        flips += check(case, &g, &p, 2, false);
    }
    assert!(flips > 5, "{flips}");
}

#[test]
fn parallel_equals_serial() {
    let g = crate::io::load(&crate::io::GraphSource::Bundled).unwrap();
    let sp = SuggestParams::outreach_letter(&g).unwrap();
    let mut a = SensitivityParams::new(sp.clone(), 5);
    a.parallel_threshold = usize::MAX;
    let mut b = SensitivityParams::new(sp, 5);
    b.parallel_threshold = 1;
    assert_eq!(sensitivity(&g, &a).unwrap(), sensitivity(&g, &b).unwrap());
}

#[test]
fn bad_parameters() {
    let g = five();
    let mut sp = SuggestParams::outreach_letter(&g).unwrap();
    assert!(sensitivity(&g, &SensitivityParams::new(sp.clone(), 0)).is_err());
    sp.score = ScoreRule::Classic;
    let e = sensitivity(&g, &SensitivityParams::new(sp, 3)).unwrap_err();
    assert!(e.to_string().contains("outreach"), "{e}");
}
