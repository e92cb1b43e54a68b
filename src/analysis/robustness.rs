//! How sure (docs/MODEL.md, "How sure"): Monte Carlo over the data's own uncertainty
//! ([`robustness`]: every ranged figure drawn within its range, the ranking rerun per sample),
//! and a structural check over the model's own choices ([`structural`]: each way of combining
//! channels, each basis filter, each channel left out, movability off, acting alone).

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;
use super::suggest::{
    rank_partners, suggest, Coordination, Inputs, PartnerRanking, Setup, SuggestParams,
};
use crate::error::{Error, Result};
use crate::model::{
    ActorId, Basis, BasisSet, ChannelEmphasis, Combine, Figure, InfluenceGraph, MovabilityRule,
};

/// Most samples accepted in one run.
pub const MAX_SAMPLES: usize = 1_000_000;

/// Most (sample, candidate) results held at once: a run keeps every candidate's rank and score
/// in every sample (4 + 8 bytes each), so this bounds its memory at about 300 MB.
pub const MAX_RESULTS: usize = 25_000_000;

/// Options of [`robustness`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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

impl RobustnessParams {
    /// `samples` draws of `suggest` with `seed`, P(top 5).
    pub fn new(suggest: SuggestParams, samples: usize, seed: u64) -> Self {
        RobustnessParams {
            suggest,
            samples,
            seed,
            top_k: 5,
            parallel_threshold: 64,
        }
    }
}

/// One partner's figures across the samples.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PartnerSpread {
    /// Rank in the deterministic run (`null` if it has no positive score there).
    pub rank: Option<usize>,
    /// Actor id.
    pub id: ActorId,
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
#[non_exhaustive]
pub struct Robustness {
    /// The deterministic ranking (best estimates).
    pub deterministic: PartnerRanking,
    /// Samples drawn.
    pub samples: usize,
    /// Seed used.
    pub seed: u64,
    /// The k of P(top k).
    pub top_k: usize,
    /// Uncertain figures drawn per sample (channel weights, stance signals, receptiveness).
    pub uncertain_figures: usize,
    /// How figures are drawn.
    pub distribution: String,
    /// Partners: the deterministic top, then any other that reached the top k in a sample; by
    /// median rank, then deterministic rank, then id.
    pub partners: Vec<PartnerSpread>,
    /// Deterministic top-k partners in the top k in at least 90% of samples.
    pub stable: Vec<ActorId>,
    /// Deterministic top-k partners that are not.
    pub unstable: Vec<ActorId>,
    /// One line on which of the top k are stable, or that nothing could be sampled.
    pub verdict: String,
    /// The structural check, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub structural: Option<StructuralCheck>,
}

/// A triangular draw on `[low, high]` with mode `value`; exactly `value` when the range has no
/// width.
pub(crate) fn draw(fig: &Figure, u: f64) -> f64 {
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
/// Each ranged figure (channel weights, stance signals, receptiveness) is drawn from a
/// triangular distribution on its range with its best estimate as mode; figures without a
/// range keep their value. The outer generator (PCG-64 seeded with `seed`) draws every sample's
/// seed up front and each sample owns its generator, so results are bit-identical for a seed
/// whatever the number of threads; every sample writes its own row of a preallocated table,
/// reduced sequentially. With no uncertain figure the verdict says that nothing could be
/// sampled instead of calling the ranking stable.
///
/// Percentiles use the nearest-rank method on the sorted sample values.
///
/// # Errors
/// As [`suggest`]; [`Error::InvalidParameter`] for 0 samples, more than [`MAX_SAMPLES`], more
/// samples than [`MAX_RESULTS`] allows for the number of candidates, or `top_k` 0.
///
/// # Complexity
/// O(N · (|S| + 2) · H (|V| + |E|)) for N samples, |S| sources and hop limit H, over the
/// available threads; O(N · C) memory for C candidates.
///
/// # Examples
/// ```
/// use leverage::analysis::robustness::{robustness, RobustnessParams};
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let params = RobustnessParams::new(SuggestParams::outreach_letter(&graph)?, 200, 1);
/// let r = robustness(&graph, &params, None)?;
/// assert_eq!(r.samples, 200);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn robustness(
    graph: &InfluenceGraph,
    params: &RobustnessParams,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Robustness> {
    if params.samples == 0 || params.samples > MAX_SAMPLES {
        return Err(Error::InvalidParameter {
            name: "samples".into(),
            value: params.samples.to_string(),
            expected: format!("it must be between 1 and {MAX_SAMPLES}"),
        });
    }
    if params.top_k == 0 {
        return Err(Error::InvalidParameter {
            name: "top_k".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    let mut all = params.suggest.clone();
    all.top = None;
    let mut deterministic = suggest(graph, &all)?;
    let shown = params.suggest.top.unwrap_or(usize::MAX);
    let sp = &all;
    let base = Network::with_potential_ties(graph, &sp.strength);
    let setup = Setup::new(graph, &base, sp)?;
    let n = base.node_count();
    let candidates: Vec<usize> = (0..n).filter(|&v| setup.eligible[v]).collect();
    let width = candidates.len().max(1);
    if params.samples.saturating_mul(width) > MAX_RESULTS {
        return Err(Error::InvalidParameter {
            name: "samples".into(),
            value: params.samples.to_string(),
            expected: format!(
                "with {} candidates a run holds at most {} samples in memory",
                candidates.len(),
                MAX_RESULTS / width
            ),
        });
    }
    let mut col_of = vec![usize::MAX; n];
    for (c, &v) in candidates.iter().enumerate() {
        col_of[v] = c;
    }
    let uncertain_figures = count_uncertain(graph, &base, sp);

    let mut outer = Pcg64::seed_from_u64(params.seed);
    let seeds: Vec<u64> = (0..params.samples).map(|_| outer.random()).collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let unranked = u32::try_from(candidates.len() + 1).unwrap_or(u32::MAX);

    // One row per sample: each candidate's rank (unranked: n + 1) and score.
    let mut ranks = vec![unranked; params.samples * width];
    let mut scores = vec![0f64; params.samples * width];
    let run = |(row_r, row_s): (&mut [u32], &mut [f64]), seed: u64| {
        let mut rng = Pcg64::seed_from_u64(seed);
        let mut value = |f: &Figure| {
            if f.is_uncertain() {
                draw(f, rng.random())
            } else {
                f.value
            }
        };
        let inputs = Inputs::drawn(graph, &base, sp, &mut value);
        let ranked = rank_partners(&base, &setup, &inputs.view(), sp);
        for (i, x) in ranked.iter().enumerate() {
            let c = col_of[x.partner];
            if c != usize::MAX {
                row_r[c] = u32::try_from(i + 1).unwrap_or(u32::MAX);
                row_s[c] = x.score;
            }
        }
        if let Some(p) = progress {
            p(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1);
        }
    };
    if params.samples >= params.parallel_threshold {
        ranks
            .par_chunks_mut(width)
            .zip(scores.par_chunks_mut(width))
            .zip(seeds.par_iter())
            .for_each(|(rows, &seed)| run(rows, seed));
    } else {
        for ((r, s), &seed) in ranks
            .chunks_mut(width)
            .zip(scores.chunks_mut(width))
            .zip(&seeds)
        {
            run((r, s), seed);
        }
    }

    let det_rank = |id: &ActorId| deterministic.partners.iter().find(|p| p.id == *id);
    let mut partners: Vec<PartnerSpread> = Vec::new();
    let mut r: Vec<usize> = Vec::with_capacity(params.samples);
    let mut s: Vec<f64> = Vec::with_capacity(params.samples);
    for (c, &v) in candidates.iter().enumerate() {
        let a = graph.actor(base.node(v));
        let d = det_rank(&a.id);
        r.clear();
        s.clear();
        r.extend((0..params.samples).map(|k| ranks[k * width + c] as usize));
        s.extend((0..params.samples).map(|k| scores[k * width + c]));
        // A sample in which the partner has no positive score holds `unranked` (n + 1), which
        // may be below k when there are few candidates: it is never "in the top k".
        let in_top = r
            .iter()
            .filter(|&&x| x != unranked as usize && x <= params.top_k)
            .count();
        if d.is_none_or(|p| p.rank > shown) && in_top == 0 {
            continue;
        }
        r.sort_unstable();
        s.sort_by(f64::total_cmp);
        partners.push(PartnerSpread {
            rank: d.map(|p| p.rank),
            id: a.id.clone(),
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
    let mut top: Vec<&PartnerSpread> = partners
        .iter()
        .filter(|p| p.rank.is_some_and(|r| r <= params.top_k))
        .collect();
    top.sort_by_key(|p| p.rank);
    let stable: Vec<ActorId> = top
        .iter()
        .filter(|p| p.p_top_k >= 0.9)
        .map(|p| p.id.clone())
        .collect();
    let unstable: Vec<ActorId> = top
        .iter()
        .filter(|p| p.p_top_k < 0.9)
        .map(|p| p.id.clone())
        .collect();
    let verdict = verdict(uncertain_figures, &top, params.top_k);
    let (stable, unstable) = if uncertain_figures == 0 {
        (Vec::new(), Vec::new())
    } else {
        (stable, unstable)
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
        stable,
        unstable,
        verdict,
        structural: None,
    })
}

/// The verdict line: which of the top k stay in the top k in at least 90% of samples; or, with
/// nothing uncertain, that the data's uncertainty could not be sampled.
fn verdict(uncertain: usize, top: &[&PartnerSpread], k: usize) -> String {
    if uncertain == 0 {
        return "no verdict: no figure has an uncertainty range, so sampling cannot test the \
                ranking; the structural check (`robustness::structural`) tests the model's own \
                choices"
            .into();
    }
    let pct = |p: &PartnerSpread| format!("{} ({:.0}%)", p.id, p.p_top_k * 100.0);
    let stable: Vec<String> = top
        .iter()
        .filter(|p| p.p_top_k >= 0.9)
        .map(|p| p.id.to_string())
        .collect();
    let unstable: Vec<String> = top
        .iter()
        .filter(|p| p.p_top_k < 0.9)
        .map(|p| pct(p))
        .collect();
    match (stable.is_empty(), unstable.is_empty()) {
        (_, true) => format!(
            "all of the top {} ({}) stay in the top {k} in at least 90% of samples",
            top.len(),
            stable.join(", "),
        ),
        (true, false) => format!(
            "none of the top {} is stable: each leaves the top {k} in over 10% of samples ({})",
            top.len(),
            unstable.join(", ")
        ),
        (false, false) => format!(
            "stable in the top {k}: {} (at least 90% of samples); not stable: {}",
            stable.join(", "),
            unstable.join(", ")
        ),
    }
}

/// Uncertain figures a sample draws: channel weights of the network's ties, stance signals
/// towards the target, and receptiveness.
fn count_uncertain(graph: &InfluenceGraph, net: &Network, params: &SuggestParams) -> usize {
    let ties: usize = net
        .edge_indices()
        .iter()
        .map(|&e| {
            graph.graph()[e]
                .channels
                .values()
                .filter(|f| f.is_uncertain())
                .count()
        })
        .sum();
    let actors: usize = graph
        .actors()
        .map(|(_, a)| {
            a.stance_toward(&params.target)
                .map_or(0, |s| s.signals().filter(|(_, f)| f.is_uncertain()).count())
                + usize::from(a.receptiveness.as_ref().is_some_and(Figure::is_uncertain))
        })
        .sum();
    ties + actors
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

/// One variant of the model's choices and what it does to the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Variant {
    /// What changes, in words (`combine: noisy-or`, `without channel diplomacy`).
    pub variant: String,
    /// Its kind: `combine`, `basis`, `channel`, `movability`, `coordination`.
    pub kind: &'static str,
    /// Its top k.
    pub top: Vec<ActorId>,
    /// Whether its top k is the baseline's top k (as a set).
    pub holds_top_k: bool,
    /// Whether its #1 is the baseline's #1.
    pub holds_first: bool,
    /// Baseline top-k partners it leaves out.
    pub left: Vec<ActorId>,
    /// Partners it brings into the top k.
    pub entered: Vec<ActorId>,
}

/// The result of [`structural`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct StructuralCheck {
    /// The k compared.
    pub top_k: usize,
    /// The baseline top k.
    pub baseline: Vec<ActorId>,
    /// Every variant.
    pub variants: Vec<Variant>,
    /// One line: under how many variants the top k and the #1 hold.
    pub verdict: String,
}

/// Does the ranking hold under the model's own choices? Reruns the suggestion under each other
/// way of combining channels, under each basis filter (without judgement; official and
/// published; official only), with each channel of the graph left out in turn, with movability
/// off, and acting alone, and reports for each whether the top k (as a set) and the #1 hold.
///
/// # Errors
/// As [`suggest`]; [`Error::InvalidParameter`] if `top_k` is 0.
///
/// # Complexity
/// O(V · S) for V = 3 + 3 + channels + 2 variants and S one [`suggest`].
///
/// # Examples
/// ```
/// use leverage::analysis::robustness::structural;
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let check = structural(&graph, &SuggestParams::outreach_letter(&graph)?, 5)?;
/// assert!(check.variants.iter().any(|v| v.kind == "combine"));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn structural(
    graph: &InfluenceGraph,
    params: &SuggestParams,
    top_k: usize,
) -> Result<StructuralCheck> {
    if top_k == 0 {
        return Err(Error::InvalidParameter {
            name: "top_k".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    let mut p = params.clone();
    p.top = Some(top_k);
    p.judgement_share = false;
    let top_of = |g: &InfluenceGraph, q: &SuggestParams| -> Result<Vec<ActorId>> {
        Ok(suggest(g, q)?.partners.into_iter().map(|x| x.id).collect())
    };
    let baseline = top_of(graph, &p)?;
    let mut runs: Vec<(String, &'static str, Vec<ActorId>)> = Vec::new();
    for c in Combine::ALL {
        if c != p.strength.combine {
            let mut q = p.clone();
            q.strength.combine = c;
            runs.push((format!("combine: {c}"), "combine", top_of(graph, &q)?));
        }
    }
    let filters: [(&str, &[Basis]); 3] = [
        (
            "without judgement",
            &[
                Basis::Official,
                Basis::Published,
                Basis::Derived,
                Basis::Unknown,
            ],
        ),
        (
            "official and published only",
            &[Basis::Official, Basis::Published],
        ),
        ("official only", &[Basis::Official]),
    ];
    for (name, keep) in filters {
        let (g, _) = graph.with_bases(BasisSet::of(keep));
        runs.push((format!("basis: {name}"), "basis", top_of(&g, &p)?));
    }
    for c in graph.channels() {
        let mut q = p.clone();
        let mut e: ChannelEmphasis = q.strength.emphasis.clone();
        e.per_channel.insert(c.clone(), 0.0);
        q.strength.emphasis = e;
        runs.push((
            format!("without channel {c}"),
            "channel",
            top_of(graph, &q)?,
        ));
    }
    if p.movability != MovabilityRule::OFF {
        let mut q = p.clone();
        q.movability = MovabilityRule::OFF;
        runs.push(("movability off".into(), "movability", top_of(graph, &q)?));
    }
    if p.coordination != Coordination::Alone {
        let mut q = p.clone();
        q.coordination = Coordination::Alone;
        runs.push(("acting alone".into(), "coordination", top_of(graph, &q)?));
    }
    let variants: Vec<Variant> = runs
        .into_iter()
        .map(|(variant, kind, top)| {
            let left: Vec<ActorId> = baseline
                .iter()
                .filter(|a| !top.contains(a))
                .cloned()
                .collect();
            let entered: Vec<ActorId> = top
                .iter()
                .filter(|a| !baseline.contains(a))
                .cloned()
                .collect();
            Variant {
                holds_top_k: left.is_empty() && entered.is_empty(),
                holds_first: top.first() == baseline.first(),
                variant,
                kind,
                top,
                left,
                entered,
            }
        })
        .collect();
    let n = variants.len();
    let sets = variants.iter().filter(|v| v.holds_top_k).count();
    let firsts = variants.iter().filter(|v| v.holds_first).count();
    let verdict = format!(
        "the top {top_k} holds as a set under {sets} of {n} variants of the model's choices, \
         the #1 under {firsts} of {n}"
    );
    Ok(StructuralCheck {
        top_k,
        baseline,
        variants,
        verdict,
    })
}

#[cfg(test)]
#[path = "tests/robustness_tests.rs"]
mod tests;
