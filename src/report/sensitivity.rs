//! `leverage sensitivity`: the figures the answer rests on most, with source, basis and
//! citation.

use super::suggest::wrap;
use super::table::{significant, Align, Table};
use super::{abbreviate, csv_string, OutputFormat};
use crate::analysis::sensitivity::{FigureSensitivity, Flip, Sensitivity};
use crate::model::Basis;

/// Renders a sensitivity; the table lists the first `top` deciding figures (JSON and CSV all).
pub fn render(s: &Sensitivity, top: usize, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => super::json(&super::wire::sensitivity::SensitivityJson::new(s)),
        OutputFormat::Csv => csv(s),
        OutputFormat::Table => table(s, top),
    }
}

fn opt(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| v.to_string())
}

fn csv(s: &Sensitivity) -> String {
    let cols = |f: Option<&Flip>| -> Vec<String> {
        match f {
            Some(f) => vec![
                f.value.to_string(),
                f.change.to_string(),
                opt(f.relative),
                f.within_range.to_string(),
            ],
            None => vec![String::new(); 4],
        }
    };
    csv_string(
        &[
            "rank",
            "figure",
            "basis",
            "value",
            "low",
            "high",
            "partner",
            "term",
            "top_k_value",
            "top_k_change",
            "top_k_relative",
            "top_k_within_range",
            "first_value",
            "first_change",
            "first_relative",
            "first_within_range",
            "source",
        ],
        s.deciding.iter().enumerate().map(|(i, f)| {
            let mut row = vec![
                (i + 1).to_string(),
                f.figure.to_string(),
                f.basis.to_string(),
                f.value.to_string(),
                opt(f.range.map(|r| r[0])),
                opt(f.range.map(|r| r[1])),
                f.partner
                    .as_ref()
                    .map_or(String::new(), ToString::to_string),
                serde_json::to_value(f.term)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            ];
            row.extend(cols(f.top_k.as_ref()));
            row.extend(cols(f.first.as_ref()));
            row.push(f.source.clone());
            row
        }),
    )
}

/// The best estimate and its range.
fn value_and_range(f: &FigureSensitivity) -> String {
    let v = significant(f.value, 3);
    match f.range {
        Some([lo, hi]) if hi > lo => format!("{v} [{}–{}]", significant(lo, 2), significant(hi, 2)),
        _ => v,
    }
}

fn change(f: &Flip) -> String {
    match f.relative {
        Some(r) => {
            let p = r * 100.0;
            if p.abs() < 0.1 {
                format!("{:+}%", significant(p, 2).parse::<f64>().unwrap_or(p))
            } else {
                format!("{p:+.1}%")
            }
        }
        None => format!(
            "{:+} (from 0)",
            significant(f.change, 2).parse::<f64>().unwrap_or(f.change)
        ),
    }
}

/// What the flip changes, in words.
fn what(s: &Sensitivity, f: &FigureSensitivity, x: &Flip) -> String {
    let ids = |v: &[crate::model::ActorId]| {
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let is_first = f.first.as_ref().is_some_and(|y| std::ptr::eq(x, y));
    if is_first {
        let new = if x.entered.is_empty() {
            "none".to_owned()
        } else {
            ids(&x.entered)
        };
        format!("#1: {} → {new}", ids(&x.left))
    } else {
        let mut parts = Vec::new();
        if !x.left.is_empty() {
            parts.push(format!("{} out", ids(&x.left)));
        }
        if !x.entered.is_empty() {
            parts.push(format!("{} in", ids(&x.entered)));
        }
        format!("top {}: {}", s.top_k, parts.join(", "))
    }
}

fn table(s: &Sensitivity, top: usize) -> String {
    let mut out = String::new();
    let method = if s.method == "local" {
        "each figure moved alone, the others held; exact at the hop limit 2".to_owned()
    } else {
        format!(
            "each figure moved alone, the ranking rerun for every trial value (hop limit {}: a \
             figure can move several partners through third states; slower, and a change that \
             reverts within 1/16 of the way to 0 or 1 can be missed)",
            s.max_hops
        )
    };
    out.push_str(&wrap(
        &format!(
            "Which figures decide the answer: the top {} ({}) and the #1 ({}) of `suggest` for {} \
             sources pressing {}; {method}.",
            s.top_k,
            abbreviate(&s.top, 10),
            s.top.first().map_or("none".to_owned(), ToString::to_string),
            s.sources.len(),
            s.target
        ),
        100,
    ));
    out.push('\n');
    if !s.scores.is_empty() {
        let sc: Vec<String> = s
            .top
            .iter()
            .chain(s.next.iter())
            .zip(&s.scores)
            .map(|(id, x)| format!("{id} {}", significant(x * 1000.0, 3)))
            .collect();
        out.push_str(&format!(
            "Scores (thousandths) of the top {} and the next: {}.\n",
            s.top_k,
            sc.join(", ")
        ));
    }
    let within: usize = s.by_basis.iter().map(|b| b.within_range).sum();
    let shown: Vec<&FigureSensitivity> = s.deciding.iter().take(top).collect();
    let shown_judged = shown.iter().filter(|f| f.basis == Basis::Judgement).count();
    let bases: Vec<String> = s
        .by_basis
        .iter()
        .filter(|b| b.within_range > 0)
        .map(|b| format!("{} {}", b.within_range, b.basis))
        .collect();
    let settled = if within == 0 {
        "no figure does so within its own range: within the data's stated uncertainty the answer \
         holds."
            .to_owned()
    } else {
        format!(
            "{within} within its own range ({}): there the answer is not settled by the data.",
            bases.join(", ")
        )
    };
    out.push_str(&wrap(
        &format!(
            "Of {} figures, {} can change the answer somewhere in [0, 1]; {settled} Of the {} \
             listed below, {shown_judged} are judgement figures (JUDGEMENT).",
            s.figures,
            s.deciding.len(),
            shown.len()
        ),
        100,
    ));
    out.push_str("\n\n");
    if s.deciding.is_empty() {
        out.push_str("no figure changes the answer anywhere in [0, 1]\n");
        return out;
    }
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("figure", Align::Left),
        ("basis", Align::Left),
        ("value [range]", Align::Left),
        ("flips at", Align::Right),
        ("change", Align::Right),
        ("× range", Align::Right),
        ("what changes", Align::Left),
    ]);
    for (i, f) in shown.iter().enumerate() {
        let Some(x) = f.decisive() else { continue };
        let basis = if f.basis == Basis::Judgement {
            "JUDGEMENT".to_owned()
        } else {
            f.basis.to_string()
        };
        t.row(vec![
            (i + 1).to_string(),
            f.figure.to_string(),
            basis,
            value_and_range(f),
            significant(x.value, 3),
            change(x),
            x.range_multiple
                .map_or("no range".to_owned(), |m| significant(m, 2)),
            what(s, f, x),
        ]);
    }
    out.push_str(&t.render());
    if s.deciding.len() > shown.len() {
        out.push_str(&format!(
            "... {} more (`--top N`, or `--format json` for all)\n",
            s.deciding.len() - shown.len()
        ));
    }
    out.push_str("\nWhere the figures above come from:\n");
    for (i, f) in shown.iter().enumerate() {
        let cite = match f.cite.len() {
            0 => "no citation".to_owned(),
            1 | 2 => f.cite.join("; "),
            n => format!("{}; {}; and {} more", f.cite[0], f.cite[1], n - 2),
        };
        let line = format!(
            "{:>2}. {} ({}, {}): {}. Cited: {cite}.",
            i + 1,
            f.figure,
            f.basis,
            f.year,
            f.source.trim_end_matches('.')
        );
        for (j, l) in wrap(&line, 96).lines().enumerate() {
            if j > 0 {
                out.push_str("    ");
            }
            out.push_str(l);
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(&wrap(
        "flips at: the figure's value at which the top k (as a set) or the #1 changes, the nearer \
         of the two; × range: that change over the figure's own uncertainty on that side (at most \
         1: within its range; `no range`: the figure states none). Figures are listed by that \
         multiple, then by the size of the change: the first are those the data least settle. \
         JUDGEMENT marks an analyst's figure: check those first.",
        100,
    ));
    out.push('\n');
    out
}
