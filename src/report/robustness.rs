//! `leverage suggest --samples` and `--structural`: how sure the ranking is.

use super::suggest::wrap;
use super::table::{percent, significant, Align, Table};
use super::{csv_string, json, OutputFormat};
use crate::analysis::robustness::{Robustness, StructuralCheck};

/// Renders a robustness run (with its structural check, if any).
pub fn render(r: &Robustness, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
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
        OutputFormat::Json => json(s),
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
