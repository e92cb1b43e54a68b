//! `leverage info`: the graph at a glance.

use super::table::{Align, Table};
use super::{csv_string, json, terminal_safe as safe, OutputFormat};

/// Figures by channel (rows) and basis (columns), with totals.
fn basis_table(r: &GraphInfo) -> String {
    let bases = ["official", "published", "derived", "judgement", "unknown"];
    let used: Vec<&str> = bases
        .iter()
        .copied()
        .filter(|b| r.by_basis.contains_key(*b))
        .collect();
    let mut cols: Vec<(&str, Align)> =
        vec![("figures by basis", Align::Left), ("ties", Align::Right)];
    cols.extend(used.iter().map(|b| (*b, Align::Right)));
    cols.push(("all", Align::Right));
    let mut t = Table::new(&cols);
    for (c, per) in &r.by_channel_and_basis {
        let mut row = vec![
            c.clone(),
            r.channels
                .get(c)
                .map_or("-".to_owned(), ToString::to_string),
        ];
        row.extend(
            used.iter()
                .map(|b| per.get(*b).copied().unwrap_or(0).to_string()),
        );
        row.push(per.values().sum::<usize>().to_string());
        t.row(row);
    }
    let mut total = vec!["all".to_owned(), r.ties.to_string()];
    total.extend(used.iter().map(|b| r.by_basis[*b].to_string()));
    total.push(r.figures.to_string());
    t.row(total);
    format!("\n{}", t.render())
}
use crate::analysis::info::GraphInfo;

/// Renders the graph summary.
pub fn render(r: &GraphInfo, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&InfoJson::new(r)),
        OutputFormat::Csv => csv_string(
            &["group", "members"],
            r.groups.iter().map(|(g, m)| vec![g.clone(), m.join(" ")]),
        ),
        OutputFormat::Table => {
            let mut out = format!("{} ({})\n", safe(&r.title), safe(&r.date));
            if let Some(d) = &r.description {
                out.push_str(&safe(d));
                out.push('\n');
            }
            out.push_str(&format!(
                "\n{} actors, {} ties, {} figures ({} with an uncertainty range){}\n\ngroups:\n",
                r.actors,
                r.ties,
                r.figures,
                r.figures_with_range,
                r.years
                    .map_or(String::new(), |[a, b]| format!(", years {a}-{b}"))
            ));
            for (g, m) in &r.groups {
                out.push_str(&format!(
                    "  {} ({}): {}\n",
                    safe(g),
                    m.len(),
                    safe(&m.join(" "))
                ));
            }
            out.push_str(&basis_table(r));
            for (target, classes) in &r.stances {
                let parts: Vec<String> = classes.iter().map(|(c, n)| format!("{n} {c}")).collect();
                out.push_str(&format!(
                    "\nstance towards {target}: {}\n",
                    parts.join(", ")
                ));
            }
            if r.series.ties > 0 {
                out.push_str(&format!(
                    "\nyearly series on {} ties, years {}\n",
                    r.series.ties,
                    r.series
                        .years
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            if r.version == 1 {
                out.push_str("\nversion-1 file: no basis, citation or stance is given (docs/FORMAT.md, \"Version 1 files\")\n");
            } else {
                out.push_str(&format!("\ncitations: {}\n", r.citations));
            }
            out.push_str(&format!(
                "\nsources ({} distinct, most cited first):\n",
                r.sources.len()
            ));
            for s in r.sources.iter().take(10) {
                out.push_str(&format!("  {:>4}  {}\n", s.figures, safe(&s.source)));
            }
            if r.sources.len() > 10 {
                out.push_str(&format!(
                    "  ... {} more (`--format json` lists them all)\n",
                    r.sources.len() - 10
                ));
            }
            out
        }
    }
}

type Counts = std::collections::BTreeMap<String, usize>;

/// `info --format json` (docs/JSON.md). The graph's format version is `format_version`: the
/// top-level `version` is the JSON contract's, as for every command.
#[derive(Debug, serde::Serialize)]
struct InfoJson<'a> {
    version: u32,
    title: &'a str,
    date: &'a str,
    description: Option<&'a str>,
    actors: usize,
    ties: usize,
    groups: &'a indexmap::IndexMap<String, Vec<String>>,
    channels: &'a Counts,
    figures_with_range: usize,
    figures: usize,
    sources: Vec<SourceJson<'a>>,
    years: Option<[i32; 2]>,
    by_basis: &'a Counts,
    by_channel_and_basis: &'a std::collections::BTreeMap<String, Counts>,
    stances: &'a std::collections::BTreeMap<String, Counts>,
    citations: usize,
    series: SeriesJson<'a>,
    format_version: u64,
}

impl<'a> InfoJson<'a> {
    fn new(r: &'a GraphInfo) -> Self {
        InfoJson {
            version: super::wire::JSON_VERSION,
            title: &r.title,
            date: &r.date,
            description: r.description.as_deref(),
            actors: r.actors,
            ties: r.ties,
            groups: &r.groups,
            channels: &r.channels,
            figures_with_range: r.figures_with_range,
            figures: r.figures,
            sources: r
                .sources
                .iter()
                .map(|s| SourceJson {
                    source: &s.source,
                    figures: s.figures,
                })
                .collect(),
            years: r.years,
            by_basis: &r.by_basis,
            by_channel_and_basis: &r.by_channel_and_basis,
            stances: &r.stances,
            citations: r.citations,
            series: SeriesJson {
                ties: r.series.ties,
                years: &r.series.years,
            },
            format_version: r.version,
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct SourceJson<'a> {
    source: &'a str,
    figures: usize,
}

#[derive(Debug, serde::Serialize)]
struct SeriesJson<'a> {
    ties: usize,
    years: &'a [i32],
}
