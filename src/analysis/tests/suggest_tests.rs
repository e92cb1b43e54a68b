//! Unit tests of `src/analysis/suggest.rs`: the worked example by hand, the hop limit over the
//! whole path, the outreach pool, and a brute-force oracle on small random graphs.

use super::*;
use crate::io::json::parse;
use crate::model::{Actor, Figure, Group, Meta, Stance, Tie};

fn five() -> InfluenceGraph {
    parse(
        include_str!("../../../tests/fixtures/five.json"),
        "five.json",
    )
    .unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn worked_example_by_hand() {
    // docs/MODEL.md, section 12.
    let g = five();
    let r = suggest(&g, &SuggestParams::outreach_letter(&g).unwrap()).unwrap();
    assert_eq!(r.partners.len(), 2);
    let tur = &r.partners[0];
    assert_eq!(tur.id.as_str(), "TUR");
    assert!(close(tur.reach_unison, 0.145) && close(tur.reach_alone, 0.1));
    assert!(close(tur.pull, 1.0 - 0.92 * 0.8));
    assert!(close(tur.headroom, 0.08), "{}", tur.headroom);
    assert_eq!(tur.movability, Some(1.0));
    assert!(close(tur.score, 0.0116));
    assert_eq!(tur.judgement_share, Some(0.0));
    assert_eq!(tur.messenger.as_str(), "DEU");
    assert!(close(tur.brokerage, 1.0));
    let ind = &r.partners[1];
    assert_eq!(ind.id.as_str(), "IND");
    assert!(close(ind.pull, 0.44) && close(ind.headroom, 0.37));
    assert!(close(ind.movability.unwrap(), 0.9));
    assert!(close(ind.score, 0.02 * 0.37 * 0.9));
    let share = ind.judgement_share.unwrap();
    assert!(close(share, 1.0 - 0.0054 / 0.00666), "{share}");
    assert!(ind.via.is_empty());
    // The levers: the sources' direct ties, strongest first.
    assert_eq!(tur.levers[0].source.as_str(), "DEU");
    assert!(close(tur.levers[0].value, 0.1));
    // Classic score: reach x pull x receptiveness (UN alignment where no receptiveness).
    let mut p = SuggestParams::outreach_letter(&g).unwrap();
    p.score = ScoreRule::Classic;
    let c = suggest(&g, &p).unwrap();
    assert!(close(c.partners[0].score, 0.145 * 0.264));
    assert!(close(c.partners[1].score, 0.02 * 0.44 * 0.5));
}

#[test]
fn pressing_states_are_left_out_and_named() {
    let g = crate::io::load(&crate::io::GraphSource::Bundled).unwrap();
    let p = SuggestParams::outreach_letter(&g).unwrap();
    let r = suggest(&g, &p).unwrap();
    let rus = ActorId::from("RUS");
    for x in &r.partners {
        let a = g.actor_by_id(x.id.as_str()).unwrap();
        assert_ne!(
            a.stance_toward(&rus).map(Stance::class),
            Some(StanceClass::Presses),
            "{} presses",
            x.id
        );
    }
    for id in ["USA", "GBR", "NOR", "CHE", "JPN", "KOR", "CAN"] {
        assert!(
            r.pool
                .left_out
                .iter()
                .any(|x| x.id.as_str() == id && x.reason == LeftOut::Pressing),
            "{id} is left out as pressing"
        );
    }
    // Let in, a state under sanctions has no headroom: the outreach score leaves it at zero,
    // version 1's score ranks it.
    let mut q = p.clone();
    q.include_pressing = true;
    let r = suggest(&g, &q).unwrap();
    assert!(r.partners.iter().all(|x| x.id.as_str() != "USA"));
    q.score = ScoreRule::Classic;
    let r = suggest(&g, &q).unwrap();
    assert!(r.partners.iter().any(|x| x.id.as_str() == "USA"));
}

// See: #10
#[test]
fn the_hop_limit_bounds_the_whole_path() {
    let g = crate::io::load(&crate::io::GraphSource::Bundled).unwrap();
    for h in 2..=5 {
        let mut p = SuggestParams::outreach_letter(&g).unwrap();
        p.max_hops = h;
        p.judgement_share = false;
        let r = suggest(&g, &p).unwrap();
        assert!(!r.partners.is_empty());
        for x in &r.partners {
            assert!(x.path.len() - 1 <= h, "{:?} has over {h} ties", x.path);
            let legs: usize = x.legs.iter().map(|l| l.nodes.len() - 1).sum();
            assert_eq!(legs, x.path.len() - 1);
            // Third states are exactly the path's actors that are not sources, partner, target.
            for v in &x.via {
                assert!(!p.sources.contains(v) && *v != x.id && *v != p.target);
            }
            if h == 2 {
                assert_eq!(x.path.len(), 3, "default: source -> partner -> target");
            }
        }
    }
    let mut p = SuggestParams::outreach_letter(&g).unwrap();
    for bad in [0, 1, MAX_HOPS + 1] {
        p.max_hops = bad;
        assert!(matches!(
            suggest(&g, &p),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

#[test]
fn a_version_1_graph_runs_with_stance_unknown() {
    let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"A"},{"id":"TUR","name":"T"},{"id":"RUS","name":"R"}],
"groups":[{"id":"signatories","members":["AUT"]}],
"ties":[{"from":"AUT","to":"TUR","channels":{"trade":{"value":0.1,"source":"s","year":2023}}},
{"from":"TUR","to":"RUS","channels":{"trade":{"value":0.08,"source":"s","year":2023}}}]}"#;
    let g = parse(text, "v1.json").unwrap();
    let r = suggest(&g, &SuggestParams::outreach_letter(&g).unwrap()).unwrap();
    assert_eq!(r.pool.stance_unknown, vec![ActorId::from("TUR")]);
    let t = &r.partners[0];
    assert_eq!(t.movability, None);
    assert_eq!(t.stance, StanceClass::Unknown);
    // No basis is known: no judgement share is claimed.
    assert_eq!(t.judgement_share, None);
    assert!(close(t.score, 0.1 * 0.08));
}

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next() * n as f64) as usize).min(n - 1)
    }
}

/// A random graph of `n` actors `a0..`: ties with a trade and sometimes a diplomacy figure,
/// sources `a0` (and `a1`), target the last actor, random stances.
fn random_graph(rng: &mut Lcg) -> (InfluenceGraph, SuggestParams) {
    let n = 4 + rng.below(4);
    let mut g = InfluenceGraph::new(Meta::default());
    let target = ActorId(format!("a{}", n - 1));
    let mut stances = Vec::new();
    for i in 0..n {
        let a = Actor::new(&format!("a{i}"), &format!("Actor {i}"));
        if i > 0 && i < n - 1 && rng.next() < 0.8 {
            let s = Stance {
                sanctions: Some(Figure::new(
                    if rng.next() < 0.2 { 1.0 } else { 0.0 },
                    "t",
                    2024,
                )),
                un_alignment: Some(Figure::new(rng.next(), "t", 2024)),
                parade: Some(Figure::new(rng.next(), "t", 2024)),
                ..Stance::default()
            };
            stances.push((format!("a{i}"), s));
        }
        g.add_actor(a).expect("a valid actor");
    }
    // Stances once the target is in the graph: a stance is towards an actor of the graph.
    for (id, s) in stances {
        let node = g.node_of(&id).expect("added above");
        g.update_actor(node, |a| a.stance.insert(target.clone(), s))
            .expect("a valid stance");
    }
    for f in 0..n {
        for t in 0..n {
            if f != t && rng.next() < 0.5 {
                let mut tie = Tie::default();
                tie.channels.insert(
                    "trade".into(),
                    Figure::new(rng.next() * 0.9 + 0.05, "t", 2024),
                );
                if rng.next() < 0.5 {
                    tie.channels
                        .insert("diplomacy".into(), Figure::new(rng.next() * 0.5, "t", 2024));
                }
                let (a, b) = (
                    g.node_of(&format!("a{f}")).unwrap(),
                    g.node_of(&format!("a{t}")).unwrap(),
                );
                g.set_tie(a, b, tie).expect("a valid tie");
            }
        }
    }
    let mut sources = vec![ActorId::from("a0")];
    if rng.next() < 0.5 {
        sources.push(ActorId::from("a1"));
    }
    g.set_group(Group::new("sources", sources.clone()))
        .expect("a valid group");
    let mut p = SuggestParams::new(sources, target);
    p.include_pressing = true;
    p.judgement_share = false;
    p.max_hops = 2 + rng.below(3);
    (g, p)
}

/// Tie weights the brute force uses: plain (nested: trade and diplomacy are two families) and
/// headroom (into the target, each channel less what its holder applies).
fn weights(g: &InfluenceGraph, p: &SuggestParams) -> (Vec<Vec<f64>>, Vec<Vec<f64>>) {
    let n = g.actor_count();
    let mut plain = vec![vec![0.0; n]; n];
    let mut head = vec![vec![0.0; n]; n];
    let t = g.node(&p.target).unwrap().index();
    for (_, f, to, tie) in g.ties() {
        let trade = tie.channels.get("trade").map_or(0.0, |x| x.value);
        let dip = tie.channels.get("diplomacy").map_or(0.0, |x| x.value);
        plain[f.index()][to.index()] = 1.0 - (1.0 - trade) * (1.0 - dip);
        head[f.index()][to.index()] = if to.index() == t {
            let st = g.actor(f).stance_toward(&p.target);
            let sanctions = st
                .and_then(|s| s.value(crate::model::Signal::Sanctions))
                .unwrap_or(0.0);
            let align = st
                .and_then(|s| s.value(crate::model::Signal::UnAlignment))
                .unwrap_or(0.0);
            1.0 - (1.0 - trade * (1.0 - sanctions)) * (1.0 - dip * (1.0 - sanctions.max(align)))
        } else {
            plain[f.index()][to.index()]
        };
    }
    (plain, head)
}

/// The best product of `w` over simple paths `u -> v` of at most `h` ties avoiding `ban`, with
/// the path (first best found in depth-first order by node number).
fn best(w: &[Vec<f64>], u: usize, v: usize, h: usize, ban: &[bool]) -> Option<(f64, Vec<usize>)> {
    #[allow(clippy::too_many_arguments)]
    fn go(
        w: &[Vec<f64>],
        at: usize,
        v: usize,
        h: usize,
        ban: &[bool],
        path: &mut Vec<usize>,
        acc: f64,
        out: &mut Option<(f64, Vec<usize>)>,
    ) {
        if at == v {
            if out.as_ref().is_none_or(|(b, _)| acc > *b + 1e-15) {
                *out = Some((acc, path.clone()));
            }
            return;
        }
        if path.len() > h {
            return;
        }
        for next in 0..w.len() {
            let x = w[at][next];
            if x > 0.0 && !path.contains(&next) && (!ban[next] || next == v) {
                path.push(next);
                go(w, next, v, h, ban, path, acc * x, out);
                path.pop();
            }
        }
    }
    let mut out = None;
    let mut path = vec![u];
    go(w, u, v, h, ban, &mut path, 1.0, &mut out);
    out
}

#[test]
fn scores_equal_a_brute_force_over_all_simple_paths() {
    let mut rng = Lcg(20_251_201);
    let mut checked = 0;
    for _ in 0..300 {
        let (g, p) = random_graph(&mut rng);
        let (plain, head) = weights(&g, &p);
        let n = g.actor_count();
        let idx = |a: &ActorId| g.node(a).unwrap().index();
        let sources: Vec<usize> = p.sources.iter().map(idx).collect();
        let t = idx(&p.target);
        let r = suggest(&g, &p).unwrap();
        for v in 0..n {
            if sources.contains(&v) || v == t {
                continue;
            }
            let movability = g
                .actor(petgraph::stable_graph::NodeIndex::new(v))
                .stance_toward(&p.target)
                .map_or(1.0, |s| {
                    1.0 - 0.2 * s.value(crate::model::Signal::Parade).unwrap_or(0.0)
                });
            // By definition: the best split of the hops between reach and pull.
            let mut want: f64 = 0.0;
            for pull_hops in 1..p.max_hops {
                let mut ban_src = vec![false; n];
                for &s in &sources {
                    ban_src[s] = true;
                }
                let Some((_, pull_path)) = best(&head, v, t, pull_hops, &ban_src) else {
                    continue;
                };
                let mut ban_t = vec![false; n];
                ban_t[t] = true;
                let reaches: Vec<Option<(f64, Vec<usize>)>> = sources
                    .iter()
                    .map(|&s| best(&plain, s, v, p.max_hops - pull_hops, &ban_t))
                    .collect();
                let Some((i, (_, rpath))) = reaches
                    .iter()
                    .enumerate()
                    .filter_map(|(i, x)| x.as_ref().map(|x| (i, x)))
                    .fold(
                        None,
                        |acc: Option<(usize, &(f64, Vec<usize>))>, (i, x)| match acc {
                            Some((_, b)) if b.0 >= x.0 => acc,
                            _ => Some((i, x)),
                        },
                    )
                else {
                    continue;
                };
                let _ = i;
                let unison = 1.0 - reaches.iter().flatten().map(|x| 1.0 - x.0).product::<f64>();
                // The legs form a simple path; else pull avoids the reach leg.
                let head_nodes = &rpath[..rpath.len() - 1];
                let pull = if pull_path[1..].iter().any(|x| head_nodes.contains(x)) {
                    let mut ban = ban_src.clone();
                    for &x in head_nodes {
                        ban[x] = true;
                    }
                    best(&head, v, t, pull_hops, &ban).map(|x| x.0)
                } else {
                    best(&head, v, t, pull_hops, &ban_src).map(|x| x.0)
                };
                if let Some(pull) = pull {
                    want = want.max(unison * pull * movability);
                }
            }
            let got = r
                .partners
                .iter()
                .find(|x| idx(&x.id) == v)
                .map_or(0.0, |x| x.score);
            assert!(
                (got - want).abs() <= 1e-12 * (1.0 + want),
                "a{v}: got {got}, brute force {want}"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "{checked} partners checked");
}
