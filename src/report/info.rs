//! `leverage info`: the graph at a glance.

use super::{csv_string, json, OutputFormat};
use crate::analysis::info::GraphInfo;

/// Renders the graph summary.
pub fn render(r: &GraphInfo, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &["group", "members"],
            r.groups.iter().map(|(g, m)| vec![g.clone(), m.join(" ")]),
        ),
        OutputFormat::Table => {
            let mut out = format!("{} ({})\n", r.title, r.date);
            if let Some(d) = &r.description {
                out.push_str(d);
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
                out.push_str(&format!("  {g} ({}): {}\n", m.len(), m.join(" ")));
            }
            out.push_str("\nchannels (ties carrying each):\n");
            for (c, n) in &r.channels {
                out.push_str(&format!("  {c}: {n}\n"));
            }
            out.push_str(&format!(
                "\nsources ({} distinct, most cited first):\n",
                r.sources.len()
            ));
            for s in r.sources.iter().take(10) {
                out.push_str(&format!("  {:>4}  {}\n", s.figures, s.source));
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
