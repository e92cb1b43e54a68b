//! `leverage compare`: a ranking before and after scenarios.

use super::table::{significant, Align, Table};
use super::{csv_string, json, terminal_safe as safe, OutputFormat};
use crate::analysis::compare::Comparison;
use crate::analysis::suggest::ScoreRule;

/// Renders a before/after comparison.
pub fn render(r: &Comparison, format: OutputFormat) -> String {
    let rank = |x: Option<usize>| x.map_or("-".to_owned(), |r| r.to_string());
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &[
                "id",
                "name",
                "rank_before",
                "rank_after",
                "rank_change",
                "score_before",
                "score_after",
                "score_change",
            ],
            r.changes.iter().map(|c| {
                vec![
                    c.id.to_string(),
                    c.name.clone(),
                    c.rank_before.map_or(String::new(), |x| x.to_string()),
                    c.rank_after.map_or(String::new(), |x| x.to_string()),
                    c.rank_change.map_or(String::new(), |x| x.to_string()),
                    c.score_before.to_string(),
                    c.score_after.to_string(),
                    c.score_change.to_string(),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = String::new();
            for s in &r.scenarios {
                out.push_str(&format!(
                    "Scenario: {} ({})\n",
                    safe(&s.title),
                    safe(&s.file)
                ));
                for a in &s.assumptions {
                    out.push_str(&format!("  assumes: {}\n", safe(a)));
                }
                for e in &s.edits {
                    out.push_str(&format!(
                        "  edit: {} ({} changed)\n",
                        safe(&e.edit),
                        e.changed
                    ));
                }
            }
            out.push_str(&format!(
                "\nPartners for {} sources pressing {}, before and after, by size of change\n\n",
                r.before.sources.len(),
                r.before.target
            ));
            let mut t = Table::new(&[
                ("partner", Align::Left),
                ("rank before", Align::Right),
                ("after", Align::Right),
                ("move", Align::Right),
                ("score before", Align::Right),
                ("after", Align::Right),
                ("change", Align::Right),
            ]);
            for c in &r.changes {
                let mv = match c.rank_change {
                    Some(0) => "=".to_owned(),
                    Some(x) if x > 0 => format!("▲{x}"),
                    Some(x) => format!("▼{}", -x),
                    None if c.rank_before.is_none() => "new".to_owned(),
                    None => "out".to_owned(),
                };
                let pct = if c.score_before > 0.0 {
                    format!(" ({:+.0}%)", 100.0 * c.score_change / c.score_before)
                } else {
                    String::new()
                };
                t.row(vec![
                    format!("{} {}", c.id, c.name),
                    rank(c.rank_before),
                    rank(c.rank_after),
                    mv,
                    significant(c.score_before * 1000.0, 3),
                    significant(c.score_after * 1000.0, 3),
                    format!("{:+.3}{pct}", c.score_change * 1000.0),
                ]);
            }
            out.push_str(&t.render());
            let formula = match r.before.score {
                ScoreRule::Outreach => "reach × headroom × movability",
                ScoreRule::Classic => "reach × pull × receptiveness",
            };
            out.push_str(&format!(
                "\nscores in thousandths ({formula}); move: ranks gained (▲) or lost (▼).\n"
            ));
            out
        }
    }
}
