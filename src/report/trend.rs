//! `leverage trend`: how each partner's rank, score, reach, pull and headroom moved across the
//! years, and the target's dependence on each partner and group. Tables (one per measure,
//! partners by years), JSON (the [`Trend`] itself) and CSV (long: one row per partner, year and
//! measure).

use super::table::{percent, significant, Align, Table};
use super::{csv_string, OutputFormat};
use crate::analysis::trend::{DependenceTrend, DependenceView, PartnerPoint, Trend};

/// Renders a trend.
pub fn render(t: &Trend, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => super::json(&super::wire::trend::TrendJson::new(t)),
        OutputFormat::Csv => csv(t),
        OutputFormat::Table => table(t),
    }
}

/// The measures of a partner, in table order: name, unit note, value.
pub const MEASURES: [&str; 5] = ["rank", "score", "reach", "pull", "headroom"];

/// The value of `measure` at a point (`None`: not ranked).
pub fn measure(p: &PartnerPoint, measure: &str) -> Option<f64> {
    match measure {
        "rank" => p.rank.map(|r| r as f64),
        "score" => Some(p.score),
        "reach" => Some(p.reach),
        "pull" => Some(p.pull),
        _ => Some(p.headroom),
    }
}

fn csv(t: &Trend) -> String {
    let mut rows = Vec::new();
    for p in &t.partners {
        for pt in &p.points {
            for m in MEASURES {
                rows.push(vec![
                    "partner".to_owned(),
                    p.id.to_string(),
                    p.name.clone(),
                    pt.year.to_string(),
                    m.to_owned(),
                    measure(pt, m).map_or(String::new(), |v| v.to_string()),
                    String::new(),
                ]);
            }
        }
    }
    for v in &t.dependence {
        for d in v.partners.iter().chain(&v.groups) {
            for pt in &d.points {
                rows.push(vec![
                    if d.group { "group" } else { "dependence" }.to_owned(),
                    d.id.clone(),
                    d.name.clone(),
                    pt.year.to_string(),
                    view_name(v),
                    pt.value.to_string(),
                    pt.carried.to_string(),
                ]);
            }
        }
    }
    csv_string(
        &["kind", "id", "name", "year", "measure", "value", "carried"],
        rows,
    )
}

/// `strength`, or the channel's name.
pub fn view_name(v: &DependenceView) -> String {
    v.channel
        .as_ref()
        .map_or("strength".to_owned(), ToString::to_string)
}

fn year_table(first: &str, years: &[i32]) -> Table {
    let mut cols: Vec<(String, Align)> = vec![(first.to_owned(), Align::Left)];
    cols.extend(years.iter().map(|y| (y.to_string(), Align::Right)));
    cols.push(("change".to_owned(), Align::Right));
    let refs: Vec<(&str, Align)> = cols.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    Table::new(&refs)
}

fn dependence_rows(t: &mut Table, rows: &[DependenceTrend]) {
    for d in rows {
        let mut cells = vec![format!("{} {}", d.id, d.name)];
        cells.extend(
            d.points
                .iter()
                .map(|p| format!("{}{}", percent(p.value), if p.carried { "*" } else { "" })),
        );
        cells.push(change(
            d.points.first().map(|p| p.value),
            d.points.last().map(|p| p.value),
            true,
        ));
        t.row(cells);
    }
}

/// The change from the first year to the last: percentage points for shares, a signed
/// difference for ranks (negative: up the ranking).
fn change(first: Option<f64>, last: Option<f64>, share: bool) -> String {
    match (first, last) {
        (Some(a), Some(b)) if share => {
            let d = (b - a) * 100.0;
            format!(
                "{}{} pt",
                if d >= 0.0 { "+" } else { "" },
                significant(d, 2)
            )
        }
        (Some(a), Some(b)) => format!("{:+}", b - a),
        _ => String::new(),
    }
}

fn table(t: &Trend) -> String {
    let years: Vec<String> = t.years.iter().map(ToString::to_string).collect();
    let mut out = format!(
        "Trend: {} sources pressing {} across {} (the years of the graph's series)\n",
        t.sources.len(),
        t.target,
        years.join(", ")
    );
    for s in &t.selections {
        out.push_str(&format!(
            "  {}: {} figures of the year, {} carried from an earlier year, {} from a later one\n",
            s.year, s.exact, s.carried_forward, s.carried_back
        ));
    }
    for m in MEASURES {
        let title = match m {
            "rank" => "Rank among the partners to approach (empty: not ranked)".to_owned(),
            "score" => "Score = reach × headroom × movability, in thousandths".to_owned(),
            "reach" => "Reach: the sources' levers over the partner".to_owned(),
            "pull" => format!("Pull: the partner's leverage over {}", t.target),
            _ => format!(
                "Headroom: the pressure on {} the partner could add and does not apply yet",
                t.target
            ),
        };
        out.push_str(&format!("\n{title}\n"));
        let mut tab = year_table("partner", &t.years);
        for p in &t.partners {
            let mut cells = vec![format!("{} {}", p.id, p.name)];
            cells.extend(p.points.iter().map(|pt| match (m, measure(pt, m)) {
                (_, None) => String::new(),
                ("rank", Some(v)) => format!("{v}"),
                ("score", Some(v)) => significant(v * 1000.0, 3),
                (_, Some(v)) => percent(v),
            }));
            let first = p.points.first().and_then(|pt| measure(pt, m));
            let last = p.points.last().and_then(|pt| measure(pt, m));
            cells.push(match m {
                "rank" => change(first, last, false),
                "score" => match (first, last) {
                    (Some(a), Some(b)) => {
                        let d = (b - a) * 1000.0;
                        format!("{}{}", if d >= 0.0 { "+" } else { "" }, significant(d, 3))
                    }
                    _ => String::new(),
                },
                _ => change(first, last, true),
            });
            tab.row(cells);
        }
        out.push_str(&tab.render());
    }
    for v in &t.dependence {
        let what = v.channel.as_ref().map_or_else(
            || "strength, channels combined".to_owned(),
            |c| format!("channel `{c}`"),
        );
        out.push_str(&format!(
            "\n{}'s dependence on each partner ({what})\n",
            t.target
        ));
        let mut tab = year_table("partner", &t.years);
        dependence_rows(&mut tab, &v.partners);
        out.push_str(&tab.render());
        if !v.groups.is_empty() {
            out.push_str(&format!(
                "\n{}'s dependence on each group ({what}; its members' figures summed channel by channel: shares of one total add up)\n",
                t.target
            ));
            let mut tab = year_table("group", &t.years);
            dependence_rows(&mut tab, &v.groups);
            out.push_str(&tab.render());
        }
    }
    out.push_str(
        "\n* rests on a figure of another year (a series gives the year's figure, else the latest before it, else the earliest after it); read moves only where the figures are of their year. `--format json` gives every figure's years.\n",
    );
    out
}
