//! `leverage centrality`: one measure ranked, or every measure for every actor.

use super::table::{significant, Align, Table};
use super::{csv_string, json, OutputFormat};
use crate::analysis::centrality::{CentralityRanking, CentralityTable};

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
pub fn render(r: &CentralityRanking, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&RankingJson::new(r)),
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

/// Renders every measure for every actor; undefined scores as in [`render`].
pub fn render_all(r: &CentralityTable, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&TableJson::new(r)),
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

type Params = indexmap::IndexMap<String, serde_json::Value>;

/// `centrality --format json` for one measure (docs/JSON.md).
#[derive(Debug, serde::Serialize)]
struct RankingJson<'a> {
    version: u32,
    measure: &'a str,
    meaning: &'a str,
    params: &'a Params,
    nodes: Vec<NodeJson<'a>>,
}

impl<'a> RankingJson<'a> {
    fn new(r: &'a CentralityRanking) -> Self {
        RankingJson {
            version: super::wire::JSON_VERSION,
            measure: &r.measure,
            meaning: &r.meaning,
            params: &r.params,
            nodes: r.nodes.iter().map(NodeJson::new).collect(),
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct NodeJson<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    score: f64,
}

impl<'a> NodeJson<'a> {
    fn new(n: &'a crate::analysis::centrality::RankedNode) -> Self {
        NodeJson {
            rank: n.rank,
            id: &n.id,
            name: &n.name,
            score: n.score,
        }
    }
}

/// `centrality --measure all --format json` (docs/JSON.md).
#[derive(Debug, serde::Serialize)]
struct TableJson<'a> {
    version: u32,
    measures: &'a [String],
    params: &'a indexmap::IndexMap<String, Params>,
    nodes: Vec<RowJson<'a>>,
    #[serde(skip_serializing_if = "indexmap::IndexMap::is_empty")]
    failed: &'a indexmap::IndexMap<String, String>,
}

impl<'a> TableJson<'a> {
    fn new(r: &'a CentralityTable) -> Self {
        TableJson {
            version: super::wire::JSON_VERSION,
            measures: &r.measures,
            params: &r.params,
            nodes: r.nodes.iter().map(RowJson::new).collect(),
            failed: &r.failed,
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct RowJson<'a> {
    id: &'a str,
    name: &'a str,
    scores: &'a indexmap::IndexMap<String, f64>,
}

impl<'a> RowJson<'a> {
    fn new(r: &'a crate::analysis::centrality::CentralityRow) -> Self {
        RowJson {
            id: &r.id,
            name: &r.name,
            scores: &r.scores,
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
        let v: serde_json::Value = serde_json::from_str(&render(&r, OutputFormat::Json)).unwrap();
        assert!(v["nodes"][0]["score"].is_null());
        assert_eq!(
            render(&r, OutputFormat::Csv),
            "rank,id,name,score\n1,AAAA,A,\n"
        );
        assert!(render(&r, OutputFormat::Table).contains("AAAA A      -"));
    }
}
