//! Unit tests of `src/analysis/robustness.rs`.

use super::*;
use crate::io::json::parse;

fn five() -> InfluenceGraph {
    parse(
        include_str!("../../../tests/fixtures/five.json"),
        "five.json",
    )
    .unwrap()
}

fn params(g: &InfluenceGraph, samples: usize, seed: u64) -> RobustnessParams {
    RobustnessParams::new(SuggestParams::outreach_letter(g).unwrap(), samples, seed)
}

#[test]
fn triangular_draw_bounds_and_mode() {
    let f = Figure::new(0.2, "t", 2024).with_range(0.1, 0.5);
    assert_eq!(draw(&f, 0.0), 0.1);
    assert!((draw(&f, 1.0 - 1e-16) - 0.5).abs() < 1e-6);
    // F(mode) = (0.2 - 0.1) / 0.4 = 0.25: u = 0.25 lands on the mode.
    assert!((draw(&f, 0.25) - 0.2).abs() < 1e-12);
    let point = Figure::new(0.3, "t", 2024);
    assert_eq!(draw(&point, 0.7), 0.3);
}

#[test]
fn percentiles_by_hand() {
    let v: Vec<usize> = (1..=20).collect();
    assert_eq!(nearest_rank(&v, 0.05), 1);
    assert_eq!(nearest_rank(&v, 0.95), 19);
    assert_eq!(median_usize(&v), 10.5);
}

#[test]
fn zero_width_ranges_equal_the_deterministic_run_and_give_no_verdict() {
    let text = include_str!("../../../tests/fixtures/five.json")
        .replace("\"range\": [0.4, 0.6]", "\"range\": [0.5, 0.5]")
        .replace("\"range\": [0.015, 0.025]", "\"range\": [0.02, 0.02]")
        .replace("\"range\": [0.08, 0.1]", "\"range\": [0.091, 0.091]")
        .replace("\"range\": [0.2, 0.4]", "\"range\": [0.3, 0.3]")
        .replace("\"range\": [0.1, 0.3]", "\"range\": [0.2, 0.2]");
    let g = parse(&text, "five.json").unwrap();
    let mut p = params(&g, 50, 0);
    p.top_k = 1;
    let r = robustness(&g, &p, None).unwrap();
    assert_eq!(r.uncertain_figures, 0);
    // See: #10. Nothing is uncertain: no verdict, and nothing called stable.
    assert!(r.verdict.starts_with("no verdict"), "{}", r.verdict);
    assert!(r.stable.is_empty() && r.unstable.is_empty());
    for p in &r.partners {
        let det = r
            .deterministic
            .partners
            .iter()
            .find(|d| d.id == p.id)
            .unwrap();
        assert_eq!(p.median_rank, det.rank as f64);
        assert_eq!(p.rank_range, [det.rank, det.rank]);
        assert_eq!(p.score_interval[0].to_bits(), det.score.to_bits());
        assert_eq!(p.p_top_k, if det.rank == 1 { 1.0 } else { 0.0 });
    }
}

#[test]
fn same_seed_same_result_any_threshold() {
    let g = five();
    let p = |t| {
        let mut p = params(&g, 300, 7);
        p.parallel_threshold = t;
        p
    };
    let a = robustness(&g, &p(usize::MAX), None).unwrap();
    let b = robustness(&g, &p(1), None).unwrap();
    assert_eq!(a, b);
    let mut q = p(1);
    q.seed = 8;
    let c = robustness(&g, &q, None).unwrap();
    assert_ne!(a.partners, c.partners);
    assert!(a.uncertain_figures > 0);
    assert!(!a.verdict.starts_with("no verdict"));
}

#[test]
fn sample_counts_are_bounded() {
    let g = five();
    for bad in [0, MAX_SAMPLES + 1] {
        assert!(matches!(
            robustness(&g, &params(&g, bad, 1), None),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

#[test]
fn structural_check_by_hand() {
    // Türkiye leads on trade alone (its diplomacy is applied: it votes with the EU). Without
    // the trade channel no source reaches anyone: the top 1 changes. Under noisy-OR India's
    // headroom is 1 - 0.909 x 0.7 x 0.9 = 0.4273 and its score 0.02 x 0.4273 x 0.9 = 0.0077,
    // still below Türkiye's 0.0116: it holds.
    let g = five();
    let s = structural(&g, &SuggestParams::outreach_letter(&g).unwrap(), 1).unwrap();
    assert_eq!(s.baseline, vec![ActorId::from("TUR")]);
    let v = |name: &str| s.variants.iter().find(|v| v.variant == name).unwrap();
    assert!(v("combine: noisy-or").holds_top_k);
    assert!(v("combine: max").holds_top_k);
    let trade = v("without channel trade");
    assert!(!trade.holds_top_k && !trade.holds_first);
    assert_eq!(trade.left, vec![ActorId::from("TUR")]);
    assert!(trade.top.is_empty());
    // Without judgement figures (the two diplomacy channels) Türkiye still leads.
    assert!(v("basis: without judgement").holds_first);
    assert!(s.verdict.contains("of"), "{}", s.verdict);
}
