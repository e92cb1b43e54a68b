//! `leverage suggest --samples` and `--structural`: how sure the ranking is.

use super::suggest::wrap;
use super::table::{percent, significant, Align, Table};
use super::{csv_string, json, OutputFormat};
use crate::analysis::robustness::{PartnerSpread, Robustness, StructuralCheck, Variant};
use crate::model::ActorId;

/// Renders a robustness run (with its structural check, if any).
pub fn render(r: &Robustness, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&RobustnessJson::new(r)),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "id",
                "name",
                "score",
                "median_rank",
                "rank_p5",
                "rank_p95",
                "p_top_k",
                "median_score",
                "score_p5",
                "score_p95",
            ],
            r.partners.iter().map(|p| {
                vec![
                    p.rank.map_or(String::new(), |x| x.to_string()),
                    p.id.to_string(),
                    p.name.clone(),
                    p.score.to_string(),
                    p.median_rank.to_string(),
                    p.rank_range[0].to_string(),
                    p.rank_range[1].to_string(),
                    p.p_top_k.to_string(),
                    p.median_score.to_string(),
                    p.score_interval[0].to_string(),
                    p.score_interval[1].to_string(),
                ]
            }),
        ),
        OutputFormat::Table => {
            let d = &r.deterministic;
            let mut out = format!(
                "How sure: {} samples (seed {}) of {} uncertain figures, each drawn {}\n\
                 Partners for {} sources pressing {}; the deterministic rank uses the best estimates.\n\n",
                r.samples,
                r.seed,
                r.uncertain_figures,
                r.distribution,
                d.sources.len(),
                d.target
            );
            let ptop = format!("P(top {})", r.top_k);
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("partner", Align::Left),
                ("score", Align::Right),
                ("median rank", Align::Right),
                ("rank 5-95%", Align::Right),
                (ptop.as_str(), Align::Right),
                ("score 5-95%", Align::Right),
            ]);
            for p in &r.partners {
                t.row(vec![
                    p.rank.map_or("-".to_owned(), |x| x.to_string()),
                    format!("{} {}", p.id, p.name),
                    significant(p.score * 1000.0, 3),
                    format!("{}", p.median_rank),
                    format!("{}-{}", p.rank_range[0], p.rank_range[1]),
                    percent(p.p_top_k),
                    format!(
                        "{}-{}",
                        significant(p.score_interval[0] * 1000.0, 3),
                        significant(p.score_interval[1] * 1000.0, 3)
                    ),
                ]);
            }
            out.push_str(&t.render());
            out.push('\n');
            out.push_str(&wrap(
                &format!("verdict: {}", r.verdict),
                super::table::prose_width(),
            ));
            out.push_str("\nscores in thousandths; a rank past the last partner means no positive score in that sample.\n");
            if let Some(s) = &r.structural {
                out.push('\n');
                out.push_str(&structural_table(s));
            }
            out
        }
    }
}

/// Renders a structural check alone.
pub fn render_structural(s: &StructuralCheck, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&StructuralJson::top(s)),
        OutputFormat::Csv => csv_string(
            &[
                "variant",
                "kind",
                "holds_top_k",
                "holds_first",
                "top",
                "left",
                "entered",
            ],
            s.variants.iter().map(|v| {
                let ids = |x: &[crate::model::ActorId]| {
                    x.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                vec![
                    v.variant.clone(),
                    v.kind.to_owned(),
                    v.holds_top_k.to_string(),
                    v.holds_first.to_string(),
                    ids(&v.top),
                    ids(&v.left),
                    ids(&v.entered),
                ]
            }),
        ),
        OutputFormat::Table => structural_table(s),
    }
}

fn structural_table(s: &StructuralCheck) -> String {
    let ids = |x: &[crate::model::ActorId]| {
        x.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = format!(
        "Structural check: the top {} ({}) under the model's own choices\n\n",
        s.top_k,
        ids(&s.baseline)
    );
    let mut t = Table::new(&[
        ("variant", Align::Left),
        ("top k", Align::Left),
        ("#1", Align::Left),
        ("what changes", Align::Left),
    ]);
    for v in &s.variants {
        let change = if v.holds_top_k {
            String::new()
        } else if v.top.is_empty() {
            format!("out: {}; no partner has a positive score", ids(&v.left))
        } else {
            format!("out: {}; in: {}", ids(&v.left), ids(&v.entered))
        };
        t.row(vec![
            v.variant.clone(),
            if v.holds_top_k { "holds" } else { "changes" }.to_owned(),
            if v.holds_first { "holds" } else { "changes" }.to_owned(),
            change,
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    out.push_str(&wrap(
        &format!("verdict: {}", s.verdict),
        super::table::prose_width(),
    ));
    out.push('\n');
    out
}

/// `suggest --samples --format json` (docs/JSON.md); nested in `brief` without the version.
#[derive(Debug, serde::Serialize)]
pub(crate) struct RobustnessJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    deterministic: super::wire::RankingJson<'a>,
    samples: usize,
    seed: u64,
    top_k: usize,
    uncertain_figures: usize,
    distribution: &'a str,
    partners: Vec<SpreadJson<'a>>,
    stable: &'a [ActorId],
    unstable: &'a [ActorId],
    verdict: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    structural: Option<StructuralJson<'a>>,
}

impl<'a> RobustnessJson<'a> {
    fn new(r: &'a Robustness) -> Self {
        RobustnessJson {
            version: Some(super::wire::JSON_VERSION),
            ..RobustnessJson::nested(r)
        }
    }

    /// The wire form of `r`, nested in another command's JSON.
    pub(crate) fn nested(r: &'a Robustness) -> Self {
        RobustnessJson {
            version: None,
            deterministic: super::wire::RankingJson::new(&r.deterministic),
            samples: r.samples,
            seed: r.seed,
            top_k: r.top_k,
            uncertain_figures: r.uncertain_figures,
            distribution: &r.distribution,
            partners: r.partners.iter().map(SpreadJson::new).collect(),
            stable: &r.stable,
            unstable: &r.unstable,
            verdict: &r.verdict,
            structural: r.structural.as_ref().map(StructuralJson::new),
        }
    }
}

/// One partner's spread over the samples.
#[derive(Debug, serde::Serialize)]
pub(crate) struct SpreadJson<'a> {
    rank: Option<usize>,
    id: &'a ActorId,
    name: &'a str,
    score: f64,
    median_rank: f64,
    rank_range: [usize; 2],
    p_top_k: f64,
    median_score: f64,
    score_interval: [f64; 2],
}

impl<'a> SpreadJson<'a> {
    pub(crate) fn new(p: &'a PartnerSpread) -> Self {
        SpreadJson {
            rank: p.rank,
            id: &p.id,
            name: &p.name,
            score: p.score,
            median_rank: p.median_rank,
            rank_range: p.rank_range,
            p_top_k: p.p_top_k,
            median_score: p.median_score,
            score_interval: p.score_interval,
        }
    }
}

/// `suggest --structural --format json`, alone or nested in a robustness run.
#[derive(Debug, serde::Serialize)]
struct StructuralJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    top_k: usize,
    baseline: &'a [ActorId],
    variants: Vec<VariantJson<'a>>,
    verdict: &'a str,
}

impl<'a> StructuralJson<'a> {
    fn top(s: &'a StructuralCheck) -> Self {
        StructuralJson {
            version: Some(super::wire::JSON_VERSION),
            ..StructuralJson::new(s)
        }
    }

    fn new(s: &'a StructuralCheck) -> Self {
        StructuralJson {
            version: None,
            top_k: s.top_k,
            baseline: &s.baseline,
            variants: s.variants.iter().map(VariantJson::new).collect(),
            verdict: &s.verdict,
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct VariantJson<'a> {
    variant: &'a str,
    kind: &'a str,
    top: &'a [ActorId],
    holds_top_k: bool,
    holds_first: bool,
    left: &'a [ActorId],
    entered: &'a [ActorId],
}

impl<'a> VariantJson<'a> {
    fn new(v: &'a Variant) -> Self {
        VariantJson {
            variant: &v.variant,
            kind: v.kind,
            top: &v.top,
            holds_top_k: v.holds_top_k,
            holds_first: v.holds_first,
            left: &v.left,
            entered: &v.entered,
        }
    }
}
