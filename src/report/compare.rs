//! `leverage compare`: a ranking before and after scenarios.

use super::table::{significant, Align, Table};
use super::{csv_string, json, terminal_safe as safe, OutputFormat};
use crate::analysis::compare::{Comparison, RankChange};
use crate::analysis::suggest::ScoreRule;
use crate::model::ActorId;
use crate::scenario::{EditOutcome, ScenarioOutcome};

/// Renders a before/after comparison.
pub fn render(r: &Comparison, format: OutputFormat) -> String {
    let rank = |x: Option<usize>| x.map_or("-".to_owned(), |r| r.to_string());
    match format {
        OutputFormat::Json => json(&ComparisonJson::new(r)),
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

/// `compare --format json` (docs/JSON.md).
#[derive(Debug, serde::Serialize)]
struct ComparisonJson<'a> {
    version: u32,
    scenarios: Vec<ScenarioJson<'a>>,
    before: super::wire::RankingJson<'a>,
    after: super::wire::RankingJson<'a>,
    changes: Vec<ChangeJson<'a>>,
}

impl<'a> ComparisonJson<'a> {
    fn new(r: &'a Comparison) -> Self {
        ComparisonJson {
            version: super::wire::JSON_VERSION,
            scenarios: r.scenarios.iter().map(ScenarioJson::new).collect(),
            before: super::wire::RankingJson::new(&r.before),
            after: super::wire::RankingJson::new(&r.after),
            changes: r.changes.iter().map(ChangeJson::new).collect(),
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct ScenarioJson<'a> {
    title: &'a str,
    file: &'a str,
    assumptions: &'a [String],
    edits: Vec<EditJson<'a>>,
}

impl<'a> ScenarioJson<'a> {
    fn new(s: &'a ScenarioOutcome) -> Self {
        ScenarioJson {
            title: &s.title,
            file: &s.file,
            assumptions: &s.assumptions,
            edits: s.edits.iter().map(EditJson::new).collect(),
        }
    }
}

/// One edit of a scenario and how many figures it changed.
#[derive(Debug, serde::Serialize)]
pub(crate) struct EditJson<'a> {
    edit: &'a str,
    changed: usize,
}

impl<'a> EditJson<'a> {
    pub(crate) fn new(e: &'a EditOutcome) -> Self {
        EditJson {
            edit: &e.edit,
            changed: e.changed,
        }
    }
}

/// One partner's rank and score before and after.
#[derive(Debug, serde::Serialize)]
pub(crate) struct ChangeJson<'a> {
    id: &'a ActorId,
    name: &'a str,
    rank_before: Option<usize>,
    rank_after: Option<usize>,
    score_before: f64,
    score_after: f64,
    score_change: f64,
    rank_change: Option<i64>,
}

impl<'a> ChangeJson<'a> {
    pub(crate) fn new(c: &'a RankChange) -> Self {
        ChangeJson {
            id: &c.id,
            name: &c.name,
            rank_before: c.rank_before,
            rank_after: c.rank_after,
            score_before: c.score_before,
            score_after: c.score_after,
            score_change: c.score_change,
            rank_change: c.rank_change,
        }
    }
}
