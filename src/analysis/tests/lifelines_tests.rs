//! Unit tests of `src/analysis/lifelines.rs`: a hand-computed example, and a brute-force oracle
//! on small random graphs that enumerates every simple path and recomputes the support from
//! scratch for every removal and every greedy step.

use super::*;
use crate::model::{Actor, Figure, Meta, Stance, Tie};
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

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn tie(channels: &[(&str, f64)]) -> Tie {
    let mut t = Tie::default();
    for &(c, v) in channels {
        t.channels.insert(c.into(), Figure::new(v, "test", 2024));
    }
    t
}

fn stance(sanctions: f64, alignment: f64) -> Stance {
    Stance {
        sanctions: Some(Figure::new(sanctions, "test", 2024)),
        un_alignment: Some(Figure::new(alignment, "test", 2024)),
        ..Stance::default()
    }
}

/// A: China-like (trade 0.4, diplomacy 0.5, abstains: alignment 0.5), B: a sanctioning state
/// (finance 0.3), C reaches the target T through A (trade 0.5), D through B (trade 0.9).
fn hand() -> InfluenceGraph {
    let mut g = InfluenceGraph::new(Meta::default());
    let t = ActorId::from("T");
    let mut pending = Vec::new();
    for (id, s) in [
        ("A", Some(stance(0.0, 0.5))),
        ("B", Some(stance(1.0, 1.0))),
        ("C", Some(stance(0.0, 0.0))),
        ("D", None),
        ("T", None),
    ] {
        let mut a = Actor::new(id, id);
        if let Some(s) = s {
            a.stance.insert(t.clone(), s);
        }
        pending.push(a);
    }
    add_all(&mut g, pending);
    let n = |id: &str| g.node_of(id).unwrap();
    let (a, b, c, d, tt) = (n("A"), n("B"), n("C"), n("D"), n("T"));
    g.set_tie(a, tt, tie(&[("trade", 0.4), ("diplomacy", 0.5)]))
        .unwrap();
    g.set_tie(b, tt, tie(&[("finance", 0.3)])).unwrap();
    g.set_tie(c, a, tie(&[("trade", 0.5)])).unwrap();
    g.set_tie(d, b, tie(&[("trade", 0.9)])).unwrap();
    g
}

#[test]
fn hand_example() {
    let g = hand();
    let l = lifelines(&g, &LifelinesParams::new(ActorId::from("T"))).unwrap();
    // B presses (sanctions 1): out of the world, and D's only path runs through it.
    assert_eq!(l.left_out, vec![ActorId::from("B")]);
    assert_eq!(l.world, 3);
    // A's tie as it still flows: economic 0.4, diplomacy 0.5 × (1 - 0.5) = 0.25;
    // nested 1 - 0.6 × 0.75 = 0.55. C: 0.5 × 0.55 = 0.275. D: no path in the world.
    // Support 0.55 + 0.275 = 0.825.
    assert!(close(l.support, 0.825), "{}", l.support);
    // Removing A leaves nothing (C's path runs through it); removing C leaves A's 0.55.
    assert_eq!(l.alone.len(), 2);
    assert_eq!(l.alone[0].id.as_str(), "A");
    assert!(close(l.alone[0].drop, 0.825));
    assert!(close(l.alone[0].leverage, 0.55) && close(l.alone[0].direct, 0.55));
    assert_eq!(l.alone[1].id.as_str(), "C");
    assert!(close(l.alone[1].drop, 0.275));
    // A carries C's path: 0.275 of A's drop is C's; C carries nobody's.
    assert!(close(l.alone[0].through, 0.275) && l.alone[1].through == 0.0);
    assert!(close(l.alone[1].direct, 0.0));
    // By family: economic 0.4 + 0.5 × 0.4 = 0.6; diplomacy 0.25 + 0.5 × 0.25 = 0.375.
    assert_eq!(l.families[0].family, "economic");
    assert!(close(l.families[0].support, 0.6));
    assert_eq!(l.families[1].family, "diplomacy");
    assert!(close(l.families[1].support, 0.375));
    assert!(close(l.alone[0].family_drops[0].drop, 0.6));
    assert!(close(l.alone[1].family_drops[1].drop, 0.125));
    // Greedy: A, then nothing is left to cut.
    assert_eq!(l.greedy.len(), 1);
    assert!(close(l.greedy[0].support_after, 0.0));
    assert_eq!(l.greedy[0].rank_alone, Some(1));

    // The whole dependence: B counts at full strength (0.3), A too (1 - 0.6 × 0.5 = 0.7),
    // C through A (0.35) and D through B (0.9 × 0.3).
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.include_pressing = true;
    let w = lifelines(&g, &p).unwrap();
    assert_eq!(w.world, 4);
    assert!(close(w.support, 0.7 + 0.3 + 0.35 + 0.27), "{}", w.support);

    // Cut by half: A's own tie is halved once (0.275), C's path through it twice (C -> A and
    // A -> T: 0.275 × 0.25).
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.cut = 0.5;
    let h = lifelines(&g, &p).unwrap();
    let first = &h.alone[0];
    assert_eq!(first.id.as_str(), "A");
    assert!(close(first.support_without, 0.275 + 0.275 * 0.25));
    // A keeps half of its own 0.55; C loses 0.275 × 0.75 through it.
    assert!(close(first.through, 0.275 * 0.75), "{}", first.through);

    // The economic family alone.
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.family = Some("economic".into());
    let e = lifelines(&g, &p).unwrap();
    assert!(close(e.support, 0.6));
    assert_eq!(e.families.len(), 1);
    p.family = Some("arms".into());
    let err = lifelines(&g, &p).unwrap_err().to_string();
    assert!(err.contains("economic, diplomacy"), "{err}");
}

#[test]
fn judgement_share_by_hand() {
    let mut g = hand();
    assert!(
        lifelines(&g, &LifelinesParams::new(ActorId::from("T")))
            .unwrap()
            .alone
            .iter()
            .all(|l| l.judgement_share.is_none()),
        "bases unknown: no share"
    );
    // Every figure official, but A's diplomacy is a judgement.
    let pairs: Vec<_> = g.ties().map(|(_, f, t, _)| (f, t)).collect();
    for (f, t) in pairs {
        g.update_tie(f, t, |tie| {
            for (c, fig) in tie.channels.iter_mut() {
                fig.basis = if c.as_str() == "diplomacy" {
                    crate::model::Basis::Judgement
                } else {
                    crate::model::Basis::Official
                };
            }
        })
        .unwrap()
        .unwrap();
    }
    let nodes: Vec<_> = g.actors().map(|(n, _)| n).collect();
    for n in nodes {
        g.update_actor(n, |a| {
            for s in a.stance.values_mut() {
                for (_, f) in s.signals_mut() {
                    f.basis = crate::model::Basis::Official;
                }
            }
        })
        .unwrap();
    }
    let l = lifelines(&g, &LifelinesParams::new(ActorId::from("T"))).unwrap();
    // Without the judgement, A's tie is its trade 0.4 and C's path 0.2: removing A drops 0.6
    // of the 0.825 it drops with it.
    let a = &l.alone[0];
    assert!(close(a.judgement_share.unwrap(), 1.0 - 0.6 / 0.825));
    // C: 0.2 of its 0.275.
    assert!(close(
        l.alone[1].judgement_share.unwrap(),
        1.0 - 0.2 / 0.275
    ));
}

#[test]
fn hop_limit_one_keeps_direct_ties_only() {
    let g = hand();
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.max_hops = 1;
    let l = lifelines(&g, &p).unwrap();
    assert!(close(l.support, 0.55));
    assert_eq!(l.alone.len(), 1);
    assert_eq!(l.alone[0].id.as_str(), "A");
}

#[test]
fn bad_parameters_name_their_field() {
    let g = hand();
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.cut = 0.0;
    let e = lifelines(&g, &p).unwrap_err().to_string();
    assert!(e.contains("cut"), "{e}");
    let mut p = LifelinesParams::new(ActorId::from("T"));
    p.max_hops = 0;
    assert!(lifelines(&g, &p).is_err());
    let p = LifelinesParams::new(ActorId::from("X"));
    assert!(matches!(lifelines(&g, &p), Err(Error::UnknownName { .. })));
}

// ---- brute force ----

struct Case {
    graph: InfluenceGraph,
    params: LifelinesParams,
}

fn random_case(rng: &mut Pcg64) -> Case {
    let n = 4 + rng.random_range(0..4);
    let mut g = InfluenceGraph::new(Meta::default());
    let target = ActorId(format!("a{}", n - 1));
    let mut pending = Vec::new();
    for i in 0..n {
        let mut a = Actor::new(&format!("a{i}"), &format!("Actor {i}"));
        if i < n - 1 && rng.random::<f64>() < 0.8 {
            let s = if rng.random::<f64>() < 0.25 { 1.0 } else { 0.0 };
            a.stance
                .insert(target.clone(), stance(s, rng.random::<f64>()));
        }
        pending.push(a);
    }
    add_all(&mut g, pending);
    for f in 0..n {
        for t in 0..n {
            if f != t && rng.random::<f64>() < 0.45 {
                let mut ch = vec![("trade", rng.random::<f64>() * 0.9 + 0.05)];
                if rng.random::<f64>() < 0.5 {
                    ch.push(("diplomacy", rng.random::<f64>() * 0.6));
                }
                if rng.random::<f64>() < 0.3 {
                    ch.push(("security", rng.random::<f64>() * 0.6));
                }
                let (a, b) = (
                    g.node_of(&format!("a{f}")).unwrap(),
                    g.node_of(&format!("a{t}")).unwrap(),
                );
                g.set_tie(a, b, tie(&ch)).unwrap();
            }
        }
    }
    let mut p = LifelinesParams::new(target);
    p.max_hops = 1 + rng.random_range(0..3);
    p.include_pressing = rng.random::<f64>() < 0.3;
    p.cut = if rng.random::<f64>() < 0.5 {
        1.0
    } else {
        0.2 + 0.7 * rng.random::<f64>()
    };
    p.steps = n;
    // Half the cases evaluate removals in parallel.
    p.parallel_threshold = if rng.random::<f64>() < 0.5 {
        1
    } else {
        usize::MAX
    };
    Case {
        graph: g,
        params: p,
    }
}

/// The oracle: tie strengths straight from the model, every simple path enumerated.
struct Oracle<'g> {
    g: &'g InfluenceGraph,
    p: &'g LifelinesParams,
    ids: Vec<ActorId>,
}

impl Oracle<'_> {
    fn pressing(&self, id: &ActorId) -> bool {
        self.g
            .actor_by_id(id.as_str())
            .unwrap()
            .stance_toward(&self.p.target)
            .is_some_and(|s| s.sanctions.as_ref().is_some_and(|f| f.value >= 0.5))
    }

    fn in_world(&self, id: &ActorId) -> bool {
        *id != self.p.target && (self.p.include_pressing || !self.pressing(id))
    }

    /// The strength of `a -> b` as read, with `only` a family or all.
    fn strength(&self, a: &ActorId, b: &ActorId, only: Option<&str>) -> f64 {
        let (na, nb) = (self.g.node(a).unwrap(), self.g.node(b).unwrap());
        let Some(t) = self.g.tie(na, nb) else {
            return 0.0;
        };
        let stance = self.g.actor(na).stance_toward(&self.p.target);
        fn fam(c: &str) -> &str {
            match c {
                "trade" => "economic",
                other => other,
            }
        }
        // Nested by hand: the strongest channel per family, then noisy-OR across families.
        let mut best: Vec<(&str, f64)> = Vec::new();
        for (c, f) in t.channels.iter() {
            if only.is_some_and(|o| fam(c.as_str()) != o) {
                continue;
            }
            let mut v = f.value;
            if *b == self.p.target && !self.p.include_pressing {
                let s = stance.map_or(0.0, |s| s.sanctions.as_ref().map_or(0.0, |f| f.value));
                let al = stance.map_or(0.0, |s| s.un_alignment.as_ref().map_or(0.0, |f| f.value));
                let applied = if c.as_str() == "diplomacy" {
                    s.max(al)
                } else {
                    s
                };
                v *= 1.0 - applied;
            }
            match best.iter_mut().find(|(x, _)| *x == fam(c.as_str())) {
                Some((_, m)) => *m = m.max(v),
                None => best.push((fam(c.as_str()), v)),
            }
        }
        1.0 - best.iter().map(|(_, m)| 1.0 - m).product::<f64>()
    }

    fn factor(&self, id: &ActorId, gone: &[ActorId]) -> f64 {
        if gone.contains(id) {
            1.0 - self.p.cut
        } else {
            1.0
        }
    }

    /// Best product over simple paths `a -> ... -> target` of at most H ties in the world.
    fn leverage(&self, a: &ActorId, gone: &[ActorId], only: Option<&str>) -> f64 {
        fn walk(
            o: &Oracle<'_>,
            at: &ActorId,
            seen: &mut Vec<ActorId>,
            acc: f64,
            left: usize,
            gone: &[ActorId],
            only: Option<&str>,
        ) -> f64 {
            let mut best = 0.0f64;
            if left == 0 {
                return best;
            }
            for next in &o.ids {
                if seen.contains(next) {
                    continue;
                }
                let last = *next == o.p.target;
                if !last && !o.in_world(next) {
                    continue;
                }
                let w = o.strength(at, next, if last { only } else { None })
                    * o.factor(at, gone)
                    * o.factor(next, gone);
                if w <= 0.0 {
                    continue;
                }
                if last {
                    best = best.max(acc * w);
                } else {
                    seen.push(next.clone());
                    best = best.max(walk(o, next, seen, acc * w, left - 1, gone, only));
                    seen.pop();
                }
            }
            best
        }
        if !self.in_world(a) {
            return 0.0;
        }
        let mut seen = vec![a.clone()];
        walk(self, a, &mut seen, 1.0, self.p.max_hops, gone, only)
    }

    fn support(&self, gone: &[ActorId], only: Option<&str>) -> f64 {
        self.ids.iter().map(|a| self.leverage(a, gone, only)).sum()
    }
}

#[test]
fn brute_force_on_random_graphs() {
    let mut rng = Pcg64::seed_from_u64(15);
    let mut checked_greedy = 0;
    for case in 0..300 {
        let Case { graph, params } = random_case(&mut rng);
        let o = Oracle {
            g: &graph,
            p: &params,
            ids: graph.actors().map(|(_, a)| a.id.clone()).collect(),
        };
        let l = lifelines(&graph, &params).unwrap();
        let base = o.support(&[], None);
        assert!(
            (l.support - base).abs() < 1e-12,
            "case {case}: {} {base}",
            l.support
        );
        for f in &l.families {
            let s = o.support(&[], Some(&f.family));
            assert!((f.support - s).abs() < 1e-12, "case {case} {}", f.family);
        }
        // Removed alone: every actor of the world with a positive drop, and only those.
        let world: Vec<&ActorId> = o.ids.iter().filter(|a| o.in_world(a)).collect();
        assert_eq!(l.world, world.len());
        let mut expected = 0;
        for a in &world {
            let drop = base - o.support(&[(*a).clone()], None);
            match l.alone.iter().find(|x| x.id == **a) {
                Some(x) => {
                    assert!((x.drop - drop).abs() < 1e-12, "case {case} {a}");
                    let gone = [(*a).clone()];
                    let own = o.leverage(a, &[], None) - o.leverage(a, &gone, None);
                    assert!((x.through - (drop - own)).abs() < 1e-11, "case {case} {a}");
                    for fd in &x.family_drops {
                        let b = o.support(&[], Some(&fd.family));
                        let d = b - o.support(&[(*a).clone()], Some(&fd.family));
                        assert!((fd.drop - d).abs() < 1e-12, "case {case} {a} {}", fd.family);
                    }
                    expected += 1;
                }
                None => assert!(drop < 1e-12, "case {case}: {a} missing, drop {drop}"),
            }
        }
        assert_eq!(l.alone.len(), expected, "case {case}");
        // Greedy: each step's choice is a best next removal, recomputed from scratch.
        let mut gone: Vec<ActorId> = Vec::new();
        let mut current = base;
        for s in &l.greedy {
            let best = world
                .iter()
                .filter(|a| !gone.contains(a))
                .map(|a| {
                    let mut with = gone.clone();
                    with.push((*a).clone());
                    o.support(&with, None)
                })
                .fold(f64::INFINITY, f64::min);
            gone.push(s.id.clone());
            let after = o.support(&gone, None);
            assert!((after - s.support_after).abs() < 1e-12, "case {case}");
            assert!((after - best).abs() < 1e-12, "case {case}: not a best step");
            assert!((s.drop - (current - after)).abs() < 1e-12);
            current = after;
            checked_greedy += 1;
        }
        // It stopped because nothing more could be cut, or because it ran out of steps.
        if l.greedy.len() < world.len().min(params.steps) {
            for a in world.iter().filter(|a| !gone.contains(a)) {
                let mut with = gone.clone();
                with.push((*a).clone());
                assert!(current - o.support(&with, None) < 1e-12, "case {case}");
            }
        }
    }
    assert!(checked_greedy > 300, "the cases exercise the greedy run");
}
