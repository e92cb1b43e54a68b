//! Command results as text for people (tables), JSON for scripts (a documented contract, see
//! `docs/JSON.md`), and CSV for tabular results.

pub mod table;
pub mod terminal;

pub use terminal::terminal_safe;

use serde::Serialize;

use crate::analysis::assign::AssignmentPlan;
use crate::analysis::brokerage_roles::BrokerageRoles;
use crate::analysis::centrality::{CentralityRanking, CentralityTable};
use crate::analysis::compare::Comparison;
use crate::analysis::info::GraphInfo;
use crate::analysis::paths::PathsResult;
use crate::analysis::robustness::Robustness;
use crate::analysis::suggest::{Coordination, PartnerRanking};
use table::{percent, significant, Align, Table};
use terminal_safe as safe;

/// How a result is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// An aligned table for people.
    #[default]
    Table,
    /// Pretty JSON, the documented contract.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Serialises any result as pretty JSON with a final newline.
pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = crate::io::json_text::to_string_pretty(value).expect("result structs serialise");
    s.push('\n');
    s
}

fn csv_string(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)
        .expect("writing to memory cannot fail");
    for r in rows {
        w.write_record(&r).expect("writing to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("CSV of UTF-8 strings is UTF-8")
}

/// A path as `DEU → TUR → RUS`.
pub fn arrow_path(ids: &[String]) -> String {
    ids.join(" → ")
}

/// Renders a partner ranking.
pub fn suggest(r: &PartnerRanking, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "id",
                "name",
                "score",
                "reach",
                "reach_unison",
                "reach_alone",
                "pull",
                "receptiveness",
                "brokerage",
                "messenger",
                "path",
            ],
            r.partners.iter().map(|p| {
                vec![
                    p.rank.to_string(),
                    p.id.clone(),
                    p.name.clone(),
                    p.score.to_string(),
                    p.reach.to_string(),
                    p.reach_unison.to_string(),
                    p.reach_alone.to_string(),
                    p.pull.to_string(),
                    p.receptiveness.to_string(),
                    p.brokerage.to_string(),
                    p.messenger.clone(),
                    p.path.join(">"),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = String::new();
            let how = match r.coordination {
                Coordination::Unison => "acting in unison",
                Coordination::Alone => "each acting alone",
            };
            out.push_str(&format!(
                "Partners to approach: {} sources ({}) pressing {}, {how}\n\n",
                r.source.len(),
                safe(&abbreviate(&r.source, 8)),
                safe(&r.target)
            ));
            if r.partners.is_empty() {
                out.push_str("no partner has both reach and pull: no path connects the sources, a partner and the target\n");
                return out;
            }
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("partner", Align::Left),
                ("score", Align::Right),
                ("reach", Align::Right),
                ("pull", Align::Right),
                ("recept.", Align::Right),
                ("broker", Align::Right),
                ("best leverage path", Align::Left),
            ]);
            for p in &r.partners {
                t.row(vec![
                    p.rank.to_string(),
                    format!("{} {}", p.id, p.name),
                    significant(p.score * 1000.0, 3),
                    percent(p.reach),
                    percent(p.pull),
                    percent(p.receptiveness),
                    percent(p.brokerage),
                    arrow_path(&p.path),
                ]);
            }
            out.push_str(&t.render());
            out.push_str(&format!(
                "\nscore = reach × pull × receptiveness, in thousandths. reach: the sources' leverage over the\n\
                 partner (best paths avoiding {t}, combined {how}); pull: the partner's leverage over {t}\n\
                 (best path avoiding the sources); broker: share of the sources' best paths to {t} through\n\
                 the partner. Paths of at most {} ties under the `{}` distance. `--format json` explains\n\
                 every tie with its channels and sources.\n",
                r.max_hops.map_or("any number of".to_owned(), |h| h.to_string()),
                r.distance,
                t = safe(&r.target),
            ));
            out
        }
    }
}

fn abbreviate(ids: &[String], n: usize) -> String {
    if ids.len() <= n {
        ids.join(", ")
    } else {
        format!("{}, ... {} more", ids[..n].join(", "), ids.len() - n)
    }
}

/// Renders an assignment of messengers to partners.
pub fn assign(r: &AssignmentPlan, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "partner",
                "messenger",
                "leverage",
                "best_messenger",
                "best_leverage",
                "path",
            ],
            r.assignments.iter().map(|a| {
                vec![
                    a.rank.to_string(),
                    a.partner.clone(),
                    a.messenger.clone(),
                    a.leverage.to_string(),
                    a.best_messenger.clone(),
                    a.best_leverage.to_string(),
                    a.path.join(">"),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = format!(
                "Who carries the message: {} messengers, at most {} partner{} each, pressing {}\n\n",
                r.messengers.len(),
                r.max_per_messenger,
                if r.max_per_messenger == 1 { "" } else { "s" },
                safe(&r.target)
            );
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("partner", Align::Left),
                ("messenger", Align::Left),
                ("leverage", Align::Right),
                (
                    "why: each tie on the way, by its strongest channel",
                    Align::Left,
                ),
            ]);
            for a in &r.assignments {
                let why = a
                    .explanation
                    .ties
                    .iter()
                    .map(|tie| {
                        let top = tie.channels.first().map_or(String::new(), |c| {
                            format!(" {} {} ({})", c.channel, percent(c.value), c.year)
                        });
                        format!("{}→{}{top}", tie.from, tie.to)
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                let note = if a.best_messenger == a.messenger {
                    String::new()
                } else {
                    format!(
                        " [best alone: {} {}]",
                        a.best_messenger,
                        percent(a.best_leverage)
                    )
                };
                t.row(vec![
                    a.rank.to_string(),
                    format!("{} {}", a.partner, a.partner_name),
                    format!("{} {}", a.messenger, a.messenger_name),
                    percent(a.leverage),
                    format!("{why}{note}"),
                ]);
            }
            out.push_str(&t.render());
            if !r.unassigned.is_empty() {
                out.push_str(&format!(
                    "\nunassigned (no messenger left with a path): {}\n",
                    safe(&r.unassigned.join(", "))
                ));
            }
            out.push_str("\nleverage: the messenger's best-path leverage over the partner. Solved exactly (Hungarian\nmethod) to maximise the product of leverages under the cap; `--format json` explains every tie.\n");
            out
        }
    }
}

/// Renders a before/after comparison.
pub fn compare(r: &Comparison, format: OutputFormat) -> String {
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
                    c.id.clone(),
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
                r.before.source.len(),
                safe(&r.before.target)
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
            out.push_str("\nscores in thousandths (reach × pull × receptiveness); move: ranks gained (▲) or lost (▼).\n");
            out
        }
    }
}

/// Renders a robustness run.
pub fn robustness(r: &Robustness, format: OutputFormat) -> String {
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
                    p.id.clone(),
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
                d.source.len(),
                safe(&d.target)
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
            out.push_str(&format!(
                "\nverdict: {}\nscores in thousandths; a rank past the last partner means no positive score in that sample.\n",
                safe(&r.verdict)
            ));
            out
        }
    }
}

/// Renders leverage paths.
pub fn paths(r: &PathsResult, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &["rank", "leverage", "hops", "path"],
            r.paths.iter().enumerate().map(|(i, p)| {
                vec![
                    (i + 1).to_string(),
                    p.leverage.to_string(),
                    (p.nodes.len() - 1).to_string(),
                    p.nodes.join(">"),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = format!(
                "Leverage paths {} → {} (at most {} ties, `{}` distance{})\n",
                safe(&r.from),
                safe(&r.to),
                r.max_hops
                    .map_or("any number of".to_owned(), |h| h.to_string()),
                r.distance,
                if r.avoid.is_empty() {
                    String::new()
                } else {
                    format!(", avoiding {}", safe(&r.avoid.join(", ")))
                }
            );
            for (i, p) in r.paths.iter().enumerate() {
                out.push_str(&format!(
                    "\n{}. {}   leverage {}\n",
                    i + 1,
                    safe(&arrow_path(&p.nodes)),
                    percent(p.leverage)
                ));
                for t in &p.ties {
                    let chans: Vec<String> = t
                        .channels
                        .iter()
                        .map(|c| format!("{} {}", safe(&c.channel), percent(c.value)))
                        .collect();
                    out.push_str(&format!(
                        "   {} → {}  {}  ({})\n",
                        safe(&t.from),
                        safe(&t.to),
                        percent(t.strength),
                        chans.join(", ")
                    ));
                }
            }
            out
        }
    }
}

/// A score for CSV: shortest round-trip decimal, empty where undefined (NaN).
fn csv_number(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else if x == 0.0 {
        // Also for -0.0, which `to_string` writes `-0`.
        "0".to_owned()
    } else {
        x.to_string()
    }
}

/// A score for a table: `digits` significant digits, `-` where undefined (NaN).
fn table_number(x: f64, digits: usize) -> String {
    if x.is_nan() {
        "-".to_owned()
    } else {
        significant(x, digits)
    }
}

/// Renders one measure's ranking. Undefined scores (NaN) are `null` in JSON, empty in CSV and
/// `-` in the table.
pub fn centrality(r: &CentralityRanking, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &["rank", "id", "name", "score"],
            r.nodes.iter().map(|n| {
                vec![
                    n.rank.to_string(),
                    n.id.clone(),
                    n.name.clone(),
                    csv_number(n.score),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = format!("{}: {}\n", r.measure, r.meaning);
            if !r.params.is_empty() {
                let ps: Vec<String> = r
                    .params
                    .iter()
                    .map(|(k, v)| match v.as_str() {
                        Some(s) => format!("{k} {s}"),
                        None => format!("{k} {v}"),
                    })
                    .collect();
                out.push_str(&format!("({})\n", safe(&ps.join(", "))));
            }
            out.push('\n');
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("actor", Align::Left),
                ("score", Align::Right),
            ]);
            for n in &r.nodes {
                t.row(vec![
                    n.rank.to_string(),
                    format!("{} {}", n.id, n.name),
                    table_number(n.score, 4),
                ]);
            }
            out.push_str(&t.render());
            out
        }
    }
}

/// Renders every measure for every actor; undefined scores as in [`centrality`].
pub fn centrality_all(r: &CentralityTable, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => {
            let mut header = vec!["id", "name"];
            header.extend(r.measures.iter().map(String::as_str));
            csv_string(
                &header,
                r.nodes.iter().map(|n| {
                    let mut row = vec![n.id.clone(), n.name.clone()];
                    row.extend(n.scores.values().map(|&x| csv_number(x)));
                    row
                }),
            )
        }
        OutputFormat::Table => {
            let mut cols: Vec<(&str, Align)> = vec![("actor", Align::Left)];
            cols.extend(r.measures.iter().map(|m| (m.as_str(), Align::Right)));
            let mut t = Table::new(&cols);
            for n in &r.nodes {
                let mut row = vec![n.id.clone()];
                row.extend(n.scores.values().map(|&x| table_number(x, 3)));
                t.row(row);
            }
            t.render()
        }
    }
}

/// Renders Gould-Fernandez brokerage roles: JSON is [`BrokerageRoles`]; CSV has one row per
/// actor (`rank,id,name,class,coordinator,itinerant,representative,gatekeeper,liaison,total`).
pub fn roles(r: &BrokerageRoles, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "id",
                "name",
                "class",
                "coordinator",
                "itinerant",
                "representative",
                "gatekeeper",
                "liaison",
                "total",
            ],
            r.actors.iter().map(|a| {
                vec![
                    a.rank.to_string(),
                    a.id.clone(),
                    a.name.clone(),
                    a.class.clone(),
                    a.coordinator.to_string(),
                    a.itinerant.to_string(),
                    a.representative.to_string(),
                    a.gatekeeper.to_string(),
                    a.liaison.to_string(),
                    a.total.to_string(),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = format!(
                "Brokerage roles (Gould-Fernandez): chains u → v → w without a tie u → w, by bloc\n\
                 blocs: {} alone, then {}, every other actor alone\n\n",
                safe(&r.target),
                if r.partition.is_empty() {
                    "no group".to_owned()
                } else {
                    safe(&r.partition.join(", ")).into_owned()
                }
            );
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("actor", Align::Left),
                ("bloc", Align::Left),
                ("coord.", Align::Right),
                ("itin.", Align::Right),
                ("repr.", Align::Right),
                ("gatek.", Align::Right),
                ("liaison", Align::Right),
                ("total", Align::Right),
            ]);
            for a in &r.actors {
                t.row(vec![
                    a.rank.to_string(),
                    format!("{} {}", a.id, a.name),
                    a.class.clone(),
                    a.coordinator.to_string(),
                    a.itinerant.to_string(),
                    a.representative.to_string(),
                    a.gatekeeper.to_string(),
                    a.liaison.to_string(),
                    a.total.to_string(),
                ]);
            }
            out.push_str(&t.render());
            out.push_str(
                "\ncoordinator: u, v, w in one bloc; itinerant: u, w in one bloc, v outside;\n\
                 representative: v carries its own bloc's leverage out; gatekeeper: v lets leverage\n\
                 into its bloc; liaison: three blocs. Ties count whatever their strength.\n",
            );
            out
        }
    }
}

/// Renders the graph summary.
pub fn info(r: &GraphInfo, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(r),
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
            out.push_str("\nchannels (ties carrying each):\n");
            for (c, n) in &r.channels {
                out.push_str(&format!("  {}: {n}\n", safe(c)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::centrality::{CentralityRanking, RankedNode};
    use indexmap::IndexMap;

    #[test]
    fn undefined_scores_are_null_empty_and_dash() {
        let r = CentralityRanking {
            measure: "constraint".into(),
            meaning: "m".into(),
            params: IndexMap::new(),
            nodes: vec![RankedNode {
                rank: 1,
                id: "AAAA".into(),
                name: "A".into(),
                score: f64::NAN,
            }],
        };
        let v: serde_json::Value =
            serde_json::from_str(&centrality(&r, OutputFormat::Json)).unwrap();
        assert!(v["nodes"][0]["score"].is_null());
        assert_eq!(
            centrality(&r, OutputFormat::Csv),
            "rank,id,name,score\n1,AAAA,A,\n"
        );
        assert!(centrality(&r, OutputFormat::Table).contains("AAAA A      -"));
    }
}
