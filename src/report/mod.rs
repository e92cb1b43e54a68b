//! Command results as text for people (tables), JSON for scripts (a documented contract, see
//! `docs/JSON.md`), and CSV for tabular results.

pub mod table;

use serde::Serialize;

use crate::analysis::brokerage_roles::BrokerageRoles;
use crate::analysis::centrality::{CentralityRanking, CentralityTable};
use crate::analysis::info::GraphInfo;
use crate::analysis::paths::PathsResult;
use crate::analysis::suggest::{Coordination, PartnerRanking};
use table::{percent, significant, Align, Table};

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
    let mut s = serde_json::to_string_pretty(value).expect("result structs serialise");
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
                abbreviate(&r.source, 8),
                r.target
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
                t = r.target,
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
                r.from,
                r.to,
                r.max_hops
                    .map_or("any number of".to_owned(), |h| h.to_string()),
                r.distance,
                if r.avoid.is_empty() {
                    String::new()
                } else {
                    format!(", avoiding {}", r.avoid.join(", "))
                }
            );
            for (i, p) in r.paths.iter().enumerate() {
                out.push_str(&format!(
                    "\n{}. {}   leverage {}\n",
                    i + 1,
                    arrow_path(&p.nodes),
                    percent(p.leverage)
                ));
                for t in &p.ties {
                    let chans: Vec<String> = t
                        .channels
                        .iter()
                        .map(|c| format!("{} {}", c.channel, percent(c.value)))
                        .collect();
                    out.push_str(&format!(
                        "   {} → {}  {}  ({})\n",
                        t.from,
                        t.to,
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
                let ps: Vec<String> = r.params.iter().map(|(k, v)| format!("{k} {v}")).collect();
                out.push_str(&format!("({})\n", ps.join(", ")));
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
                r.target,
                if r.partition.is_empty() {
                    "no group".to_owned()
                } else {
                    r.partition.join(", ")
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
