//! `leverage trend --svg`: the trend as small multiples, one line chart per partner and
//! measure, in SVG written here (no script, no third-party code).
//!
//! - **Partners** (rows) by **measure** (columns: rank, score, reach, pull, headroom): every
//!   panel of a column shares its y-scale, from 0 (rank: from 1, best at the top) to the
//!   column's largest value, so that rows compare at a glance.
//! - **The target's dependence**: one panel per partner and group, sharing one y-scale.
//! - Years on a common x-scale, proportional to time; a hollow point rests on a figure of another
//!   year (carried), a filled one on a figure of its year.

use std::fmt::Write as _;

use super::table::{percent, significant};
use super::trend::{measure, MEASURES};
use crate::analysis::trend::{DependenceTrend, Trend};

const PANEL_W: f64 = 120.0;
const PANEL_H: f64 = 56.0;
const GAP_X: f64 = 26.0;
const GAP_Y: f64 = 18.0;
const LABEL_W: f64 = 180.0;
const TOP: f64 = 78.0;
const PAD: f64 = 8.0;
/// Room above the line for the first and last values.
const PAD_TOP: f64 = 17.0;
const DEP_COLUMNS: usize = 5;

/// Escapes text for SVG content and attributes.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// x of `year` in a panel starting at `x0`.
fn x_of(years: &[i32], year: i32, x0: f64) -> f64 {
    let (lo, hi) = (years[0], years[years.len() - 1]);
    if hi == lo {
        return x0 + PANEL_W / 2.0;
    }
    x0 + PAD + (PANEL_W - 2.0 * PAD) * f64::from(year - lo) / f64::from(hi - lo)
}

/// y of `v` in a panel starting at `y0`, for the range `[lo, hi]` (inverted: `lo` at the top).
fn y_of(v: f64, lo: f64, hi: f64, inverted: bool, y0: f64) -> f64 {
    let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
    let t = if inverted { 1.0 - t } else { t };
    y0 + PANEL_H - PAD - (PANEL_H - PAD - PAD_TOP) * t
}

/// One panel: frame, the line through the defined points, and the points.
#[allow(clippy::too_many_arguments)]
fn panel(
    out: &mut String,
    years: &[i32],
    points: &[(i32, Option<f64>, bool)],
    (lo, hi): (f64, f64),
    inverted: bool,
    x0: f64,
    y0: f64,
    colour: &str,
) {
    let _ = writeln!(
        out,
        r##"<rect x="{x0:.1}" y="{y0:.1}" width="{PANEL_W}" height="{PANEL_H}" fill="#fafafa" stroke="#d0d0d0"/>"##
    );
    for &y in years {
        let x = x_of(years, y, x0);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#ececec"/>"##,
            y0 + 1.0,
            y0 + PANEL_H - 1.0
        );
    }
    let pts: Vec<(f64, f64, bool)> = points
        .iter()
        .filter_map(|&(year, v, carried)| {
            v.map(|v| {
                (
                    x_of(years, year, x0),
                    y_of(v, lo, hi, inverted, y0),
                    carried,
                )
            })
        })
        .collect();
    if pts.len() > 1 {
        let d: Vec<String> = pts
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="1.8"/>"#,
            d.join(" ")
        );
    }
    for (x, y, carried) in pts {
        let fill = if carried { "#ffffff" } else { colour };
        let _ = writeln!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="2.8" fill="{fill}" stroke="{colour}" stroke-width="1.2"/>"#
        );
    }
}

fn text(out: &mut String, x: f64, y: f64, anchor: &str, size: f64, weight: &str, s: &str) {
    let _ = writeln!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="{size}" font-weight="{weight}" fill="#222">{}</text>"##,
        esc(s)
    );
}

fn label_value(m: &str, v: f64) -> String {
    match m {
        "rank" => format!("{v}"),
        "score" => significant(v * 1000.0, 2),
        _ => percent(v),
    }
}

/// `s` cut to `n` characters, with an ellipsis.
fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut o: String = s.chars().take(n - 1).collect();
        o.push('…');
        o
    }
}

const COLOURS: [&str; 6] = [
    "#1f4e9c", "#b5442b", "#2e7d32", "#6a1b9a", "#c77c02", "#00838f",
];

/// The trend as an SVG document.
pub fn render(t: &Trend) -> String {
    let years = &t.years;
    let rows = t.partners.len();
    // The dependence views, each its own block of panels.
    let blocks: Vec<(String, Vec<&DependenceTrend>)> = t
        .dependence
        .iter()
        .map(|v| {
            let what = v.channel.as_ref().map_or_else(
                || "the strength of each tie into it".to_owned(),
                |c| format!("channel `{c}`"),
            );
            (what, v.partners.iter().chain(&v.groups).collect())
        })
        .collect();
    let block_h = |n: usize| n.div_ceil(DEP_COLUMNS) as f64 * (PANEL_H + GAP_Y + 16.0) + 50.0;
    let grid_w = LABEL_W + MEASURES.len() as f64 * (PANEL_W + GAP_X);
    let dep_w = DEP_COLUMNS as f64 * (PANEL_W + GAP_X) + 20.0;
    let width = grid_w.max(dep_w) + 20.0;
    let part_h = rows as f64 * (PANEL_H + GAP_Y);
    let dep_top = TOP + part_h + 70.0;
    let height = dep_top + blocks.iter().map(|b| block_h(b.1.len())).sum::<f64>() - 10.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(
        out,
        r##"<rect width="{width:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );
    let span = match (years.first(), years.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}-{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    text(
        &mut out,
        20.0,
        26.0,
        "start",
        16.0,
        "bold",
        &format!("How leverage on {} moved, {span}", t.target),
    );
    text(
        &mut out,
        20.0,
        44.0,
        "start",
        11.0,
        "normal",
        &format!(
            "{} sources; partners in the top {} of any year. Each column shares its scale; hollow points rest on a figure of another year.",
            t.sources.len(),
            rows
        ),
    );
    // Partners by measure.
    for (j, m) in MEASURES.iter().enumerate() {
        let x0 = LABEL_W + j as f64 * (PANEL_W + GAP_X);
        let values: Vec<f64> = t
            .partners
            .iter()
            .flat_map(|p| p.points.iter().filter_map(|pt| measure(pt, m)))
            .collect();
        let hi = values.iter().copied().fold(0.0, f64::max);
        let lo = if *m == "rank" { 1.0 } else { 0.0 };
        let hi = if *m == "rank" { hi.max(2.0) } else { hi };
        let head = match *m {
            "rank" => "rank (1 at the top)",
            "score" => "score (‰)",
            other => other,
        };
        text(
            &mut out,
            x0 + PANEL_W / 2.0,
            TOP - 8.0,
            "middle",
            12.0,
            "bold",
            head,
        );
        for (i, p) in t.partners.iter().enumerate() {
            let y0 = TOP + i as f64 * (PANEL_H + GAP_Y);
            if j == 0 {
                text(
                    &mut out,
                    LABEL_W - 10.0,
                    y0 + PANEL_H / 2.0 + 4.0,
                    "end",
                    12.0,
                    "normal",
                    &short(&format!("{} {}", p.id, p.name), 26),
                );
            }
            let pts: Vec<(i32, Option<f64>, bool)> = p
                .points
                .iter()
                .map(|pt| (pt.year, measure(pt, m), false))
                .collect();
            panel(
                &mut out,
                years,
                &pts,
                (lo, hi),
                *m == "rank",
                x0,
                y0,
                COLOURS[j % COLOURS.len()],
            );
            // The first and last values, beside the panel's ends.
            let first = p.points.first().and_then(|pt| measure(pt, m));
            let last = p.points.last().and_then(|pt| measure(pt, m));
            if let Some(v) = first {
                text(
                    &mut out,
                    x0 + 2.0,
                    y0 + 10.0,
                    "start",
                    8.5,
                    "normal",
                    &label_value(m, v),
                );
            }
            if let Some(v) = last {
                text(
                    &mut out,
                    x0 + PANEL_W - 2.0,
                    y0 + 10.0,
                    "end",
                    8.5,
                    "normal",
                    &label_value(m, v),
                );
            }
        }
        // Years under the last row.
        let yb = TOP + rows as f64 * (PANEL_H + GAP_Y) - GAP_Y + 12.0;
        for &y in years {
            text(
                &mut out,
                x_of(years, y, x0),
                yb,
                "middle",
                9.0,
                "normal",
                &y.to_string(),
            );
        }
    }
    // The target's dependence, one block per view, each with its own scale.
    let mut top = dep_top;
    for (what, deps) in &blocks {
        text(
            &mut out,
            20.0,
            top - 30.0,
            "start",
            14.0,
            "bold",
            &format!(
                "{}'s dependence on each partner and group ({what})",
                t.target
            ),
        );
        let hi = deps
            .iter()
            .flat_map(|d| d.points.iter().map(|p| p.value))
            .fold(0.0, f64::max);
        text(
            &mut out,
            20.0,
            top - 16.0,
            "start",
            10.0,
            "normal",
            &format!(
                "one scale, 0 to {}, for every panel of this block",
                percent(hi)
            ),
        );
        for (k, d) in deps.iter().enumerate() {
            let (r, c) = (k / DEP_COLUMNS, k % DEP_COLUMNS);
            let x0 = 20.0 + c as f64 * (PANEL_W + GAP_X);
            let y0 = top + 8.0 + r as f64 * (PANEL_H + GAP_Y + 16.0);
            let title = if d.group {
                format!("{} (group)", d.id)
            } else {
                short(&format!("{} {}", d.id, d.name), 20)
            };
            text(&mut out, x0, y0 - 4.0, "start", 10.5, "bold", &title);
            let pts: Vec<(i32, Option<f64>, bool)> = d
                .points
                .iter()
                .map(|p| (p.year, Some(p.value), p.carried))
                .collect();
            let colour = if d.group { "#444444" } else { "#b5442b" };
            panel(&mut out, years, &pts, (0.0, hi), false, x0, y0, colour);
            if let (Some(a), Some(b)) = (d.points.first(), d.points.last()) {
                text(
                    &mut out,
                    x0 + 2.0,
                    y0 + 10.0,
                    "start",
                    8.5,
                    "normal",
                    &percent(a.value),
                );
                text(
                    &mut out,
                    x0 + PANEL_W - 2.0,
                    y0 + 10.0,
                    "end",
                    8.5,
                    "normal",
                    &percent(b.value),
                );
            }
            for &y in years {
                text(
                    &mut out,
                    x_of(years, y, x0),
                    y0 + PANEL_H + 11.0,
                    "middle",
                    8.5,
                    "normal",
                    &y.to_string(),
                );
            }
        }
        top += block_h(deps.len());
    }
    text(
        &mut out,
        20.0,
        height - 16.0,
        "start",
        10.0,
        "normal",
        "Made by leverage trend: each year is the graph as of that year (--year); hollow points rest on a figure of another year.",
    );
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_and_escaping() {
        let years = [2021, 2023, 2025];
        assert_eq!(x_of(&years, 2021, 0.0), PAD);
        assert_eq!(x_of(&years, 2025, 0.0), PANEL_W - PAD);
        assert_eq!(x_of(&years, 2023, 0.0), PANEL_W / 2.0);
        // Value 0 at the bottom, the maximum at the top; ranks inverted.
        assert_eq!(y_of(0.0, 0.0, 1.0, false, 0.0), PANEL_H - PAD);
        assert_eq!(y_of(1.0, 0.0, 1.0, false, 0.0), PAD_TOP);
        assert_eq!(y_of(1.0, 1.0, 5.0, true, 0.0), PAD_TOP);
        assert_eq!(esc("A&B <\"x\">"), "A&amp;B &lt;&quot;x&quot;&gt;");
    }
}
