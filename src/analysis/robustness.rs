//! How sure (MODEL section 7): Monte Carlo over the data's own uncertainty. Every ranged figure
//! is drawn within its range, the whole suggestion reruns per sample (in parallel), and each
//! partner gets its median rank, the rank's 5-95% range, P(top k) and a 5-95% score interval.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;
use super::suggest::{rank_partners, suggest, PartnerRanking, Setup, SuggestParams};
use crate::error::{Error, Result};
use crate::model::{Figure, InfluenceGraph};

/// Most samples accepted in one run.
pub const MAX_SAMPLES: usize = 10_000_000;

/// Options of [`robustness`].
#[derive(Debug, Clone)]
pub struct RobustnessParams {
    /// The suggestion to rerun (its `top` sets how many partners are reported).
    pub suggest: SuggestParams,
    /// Number of samples.
    pub samples: usize,
    /// Seed of the outer generator that draws every sample's own seed.
    pub seed: u64,
    /// The `k` of P(top k) and of the verdict.
    pub top_k: usize,
    /// Samples from which the run goes parallel (rayon over samples).
    pub parallel_threshold: usize,
}

impl Default for RobustnessParams {
    fn default() -> Self {
        RobustnessParams {
            suggest: SuggestParams::default(),
            samples: 1000,
            seed: 0,
            top_k: 5,
            parallel_threshold: 64,
        }
    }
}

/// One partner's figures across the samples.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerSpread {
    /// Rank in the deterministic run (`null` if it has no positive score there).
    pub rank: Option<usize>,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Score in the deterministic run (0 if unranked).
    pub score: f64,
    /// Median rank over the samples (an unranked sample counts as rank `n + 1`).
    pub median_rank: f64,
    /// 5th and 95th percentile of the rank.
    pub rank_range: [usize; 2],
    /// Share of samples in which the partner is in the top k.
    pub p_top_k: f64,
    /// Median score.
    pub median_score: f64,
    /// 5th and 95th percentile of the score.
    pub score_interval: [f64; 2],
}

/// The result of [`robustness`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Robustness {
    /// The deterministic ranking (best estimates).
    pub deterministic: PartnerRanking,
    /// Samples drawn.
    pub samples: usize,
    /// Seed used.
    pub seed: u64,
    /// The k of P(top k).
    pub top_k: usize,
    /// Uncertain figures drawn per sample.
    pub uncertain_figures: usize,
    /// How figures are drawn.
    pub distribution: String,
    /// Partners: the deterministic top, then any other that reached the top k in a sample; by
    /// median rank, then deterministic rank, then id.
    pub partners: Vec<PartnerSpread>,
    /// Deterministic top-k partners in the top k in at least 90% of samples.
    pub stable: Vec<String>,
    /// Deterministic top-k partners that are not.
    pub unstable: Vec<String>,
    /// One line on which of the top k are stable.
    pub verdict: String,
}

/// A triangular draw on `[low, high]` with mode `value`; exactly `value` when the range has no
/// width.
pub fn draw(fig: &Figure, u: f64) -> f64 {
    let [a, b] = fig.bounds();
    let c = fig.value;
    if b <= a {
        return c;
    }
    let f = (c - a) / (b - a);
    let x = if u < f {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    };
    x.clamp(a, b)
}

/// Reruns the suggestion on `samples` draws of the graph's uncertain figures.
///
/// Each ranged figure (channel weights and receptiveness) is drawn from a triangular
/// distribution on its range with its best estimate as mode; figures without a range keep their
/// value. The outer generator (PCG-64 seeded with `seed`) draws every sample's seed up front and
/// each sample owns its generator, so results are bit-identical for a seed whatever the number
/// of threads; per-sample results are collected in sample order and reduced sequentially. With
/// zero-width ranges every sample equals the deterministic run.
///
/// Percentiles use the nearest-rank method on the sorted sample values.
///
/// # Errors
/// As [`suggest`]; [`Error::InvalidParameter`] for 0 samples, more than [`MAX_SAMPLES`], or
/// `top_k` 0.
///
/// # Complexity
/// O(N · (|S| + 1) · H (|V| + |E|)) for N samples, |S| sources and hop limit H, over the
/// available threads; O(N · |V|) memory for the per-sample ranks and scores.
pub fn robustness(
    graph: &InfluenceGraph,
    params: &RobustnessParams,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Robustness> {
    if params.samples == 0 || params.samples > MAX_SAMPLES {
        return Err(Error::InvalidParameter {
            name: "--samples".into(),
            value: params.samples.to_string(),
            expected: format!("it must be between 1 and {MAX_SAMPLES}"),
        });
    }
    if params.top_k == 0 {
        return Err(Error::InvalidParameter {
            name: "--top-k".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    let mut deterministic = suggest(
        graph,
        &SuggestParams {
            top: None,
            ..params.suggest.clone()
        },
    )?;
    let shown = params.suggest.top.unwrap_or(usize::MAX);
    let sp = &params.suggest;
    let base = Network::with_potential_ties(graph, &sp.emphasis);
    let setup = Setup::new(graph, &base, sp)?;
    let n = base.node_count();

    // Per tie (CSR order): its channel figures with their emphasis.
    let ties: Vec<Vec<(f64, &Figure)>> = base
        .edge_indices()
        .iter()
        .map(|&e| {
            let tie = &graph.graph()[e];
            tie.channels
                .iter()
                .map(|(c, f)| (sp.emphasis.of(c), f))
                .collect()
        })
        .collect();
    let recept: Vec<Option<&Figure>> = (0..n)
        .map(|v| graph.actor(base.node(v)).receptiveness.as_ref())
        .collect();
    let uncertain_figures = ties
        .iter()
        .flatten()
        .filter(|(_, f)| f.is_uncertain())
        .count()
        + recept.iter().flatten().filter(|f| f.is_uncertain()).count();

    let mut outer = Pcg64::seed_from_u64(params.seed);
    let seeds: Vec<u64> = (0..params.samples).map(|_| outer.random()).collect();
    let done = std::sync::atomic::AtomicUsize::new(0);

    // Each worker owns one copy of the network and a weight buffer, both overwritten in full by
    // every sample, so a sample's result depends on its seed alone.
    let run = |(net, weights): &mut (Network, Vec<f64>), &seed: &u64| -> Vec<(u32, f64)> {
        let mut rng = Pcg64::seed_from_u64(seed);
        weights.clear();
        weights.extend(ties.iter().map(|chs| {
            let mut acc = 0.0;
            for (a, f) in chs {
                let x = if f.is_uncertain() {
                    draw(f, rng.random())
                } else {
                    f.value
                };
                acc += a * x * (1.0 - acc);
            }
            acc
        }));
        let r: Vec<f64> = recept
            .iter()
            .map(|f| match f {
                None => 1.0,
                Some(f) if f.is_uncertain() => draw(f, rng.random()),
                Some(f) => f.value,
            })
            .collect();
        net.set_weights(weights);
        let ranked = rank_partners(net, &setup, &r, sp, false);
        if let Some(p) = progress {
            let k = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            p(k);
        }
        ranked.iter().map(|x| (x.partner as u32, x.score)).collect()
    };
    let per_sample: Vec<Vec<(u32, f64)>> = if params.samples >= params.parallel_threshold {
        seeds
            .par_iter()
            .map_init(|| (base.clone(), Vec::new()), run)
            .collect()
    } else {
        let mut state = (base.clone(), Vec::new());
        seeds.iter().map(|s| run(&mut state, s)).collect()
    };

    // Reduce in sample order.
    let unranked = n + 1;
    let mut ranks: Vec<Vec<usize>> = vec![Vec::with_capacity(params.samples); n];
    let mut scores: Vec<Vec<f64>> = vec![Vec::with_capacity(params.samples); n];
    let mut ever_top = vec![false; n];
    for sample in &per_sample {
        let mut seen = vec![false; n];
        for (i, &(p, s)) in sample.iter().enumerate() {
            let p = p as usize;
            seen[p] = true;
            ranks[p].push(i + 1);
            scores[p].push(s);
            if i < params.top_k {
                ever_top[p] = true;
            }
        }
        for v in 0..n {
            if !seen[v] && setup.eligible[v] {
                ranks[v].push(unranked);
                scores[v].push(0.0);
            }
        }
    }

    let det_rank = |id: &str| deterministic.partners.iter().find(|p| p.id == id);
    let mut partners: Vec<PartnerSpread> = Vec::new();
    for v in 0..n {
        let a = graph.actor(base.node(v));
        let d = det_rank(a.id.as_str());
        if d.is_none_or(|p| p.rank > shown) && !ever_top[v] {
            continue;
        }
        let mut r = ranks[v].clone();
        r.sort_unstable();
        let mut s = scores[v].clone();
        s.sort_by(f64::total_cmp);
        let in_top = r.iter().filter(|&&x| x <= params.top_k).count();
        partners.push(PartnerSpread {
            rank: d.map(|p| p.rank),
            id: a.id.to_string(),
            name: a.name.clone(),
            score: d.map_or(0.0, |p| p.score),
            median_rank: median_usize(&r),
            rank_range: [nearest_rank(&r, 0.05), nearest_rank(&r, 0.95)],
            p_top_k: in_top as f64 / params.samples as f64,
            median_score: median_f64(&s),
            score_interval: [nearest_rank(&s, 0.05), nearest_rank(&s, 0.95)],
        });
    }
    partners.sort_by(|a, b| {
        a.median_rank
            .total_cmp(&b.median_rank)
            .then_with(|| {
                a.rank
                    .unwrap_or(usize::MAX)
                    .cmp(&b.rank.unwrap_or(usize::MAX))
            })
            .then_with(|| a.id.cmp(&b.id))
    });
    let top: Vec<PartnerSpread> = {
        let mut t: Vec<PartnerSpread> = partners
            .iter()
            .filter(|p| p.rank.is_some_and(|r| r <= params.top_k))
            .cloned()
            .collect();
        t.sort_by_key(|p| p.rank);
        t
    };
    let stable: Vec<String> = top
        .iter()
        .filter(|p| p.p_top_k >= 0.9)
        .map(|p| p.id.clone())
        .collect();
    let unstable: Vec<String> = top
        .iter()
        .filter(|p| p.p_top_k < 0.9)
        .map(|p| format!("{} ({:.0}%)", p.id, p.p_top_k * 100.0))
        .collect();
    let verdict = match (stable.is_empty(), unstable.is_empty()) {
        (_, true) => format!(
            "all of the top {} ({}) stay in the top {} in at least 90% of samples",
            top.len(),
            stable.join(", "),
            params.top_k
        ),
        (true, false) => format!(
            "none of the top {} is stable: each leaves the top {} in over 10% of samples ({})",
            top.len(),
            params.top_k,
            unstable.join(", ")
        ),
        (false, false) => format!(
            "stable in the top {}: {} (at least 90% of samples); not stable: {}",
            params.top_k,
            stable.join(", "),
            unstable.join(", ")
        ),
    };
    deterministic.partners.truncate(shown);
    Ok(Robustness {
        deterministic,
        samples: params.samples,
        seed: params.seed,
        top_k: params.top_k,
        uncertain_figures,
        distribution: "triangular on [low, high] with mode at the best estimate".into(),
        partners,
        unstable: top
            .iter()
            .filter(|p| p.p_top_k < 0.9)
            .map(|p| p.id.clone())
            .collect(),
        stable,
        verdict,
    })
}

/// The nearest-rank percentile `q` of sorted values.
fn nearest_rank<T: Copy>(sorted: &[T], q: f64) -> T {
    let n = sorted.len();
    let k = ((q * n as f64).ceil() as usize).clamp(1, n);
    sorted[k - 1]
}

fn median_usize(sorted: &[usize]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    }
}

fn median_f64(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse;

    #[test]
    fn triangular_draw_bounds_and_mode() {
        let f = Figure {
            value: 0.2,
            range: Some([0.1, 0.5]),
            source: "t".into(),
            year: 2024,
        };
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
    fn zero_width_ranges_equal_the_deterministic_run() {
        let text = include_str!("../../tests/fixtures/five.json")
            .replace("\"range\": [0.4, 0.6]", "\"range\": [0.5, 0.5]")
            .replace("\"range\": [0.015, 0.025]", "\"range\": [0.02, 0.02]")
            .replace("\"range\": [0.08, 0.1]", "\"range\": [0.091, 0.091]")
            .replace("\"range\": [0.2, 0.4]", "\"range\": [0.3, 0.3]");
        let g = parse(&text, "five.json").unwrap();
        let r = robustness(
            &g,
            &RobustnessParams {
                samples: 50,
                top_k: 1,
                ..Default::default()
            },
            None,
        )
        .unwrap();
        assert_eq!(r.uncertain_figures, 0);
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
            assert_eq!(p.score_interval[1].to_bits(), det.score.to_bits());
            assert_eq!(p.p_top_k, if det.rank == 1 { 1.0 } else { 0.0 });
        }
    }

    #[test]
    fn same_seed_same_result_any_threshold() {
        let g = parse(include_str!("../../tests/fixtures/five.json"), "five.json").unwrap();
        let p = |t| RobustnessParams {
            samples: 300,
            seed: 7,
            parallel_threshold: t,
            ..Default::default()
        };
        let a = robustness(&g, &p(usize::MAX), None).unwrap();
        let b = robustness(&g, &p(1), None).unwrap();
        assert_eq!(a, b);
        let c = robustness(&g, &RobustnessParams { seed: 8, ..p(1) }, None).unwrap();
        assert_ne!(a.partners, c.partners);
    }
}
