//! What `leverage build` read and wrote, as a table for people (from the graph's `meta.build`).

use super::table::{Align, Table};
use crate::model::InfluenceGraph;

/// The summary of a built graph written to `file`: one line on the graph, then a row per file
/// read (dataset, file, layout, release, rows, years, names matched to no actor).
pub fn render(graph: &InfluenceGraph, file: &str) -> String {
    let series = graph
        .ties()
        .filter(|(_, _, _, t)| t.series.is_some())
        .count();
    let mut out = format!(
        "wrote {file}: {} actors, {} ties ({series} with yearly series), {} citations\n\n",
        graph.actor_count(),
        graph.tie_count(),
        graph.citations.len()
    );
    let mut t = Table::new(&[
        ("dataset", Align::Left),
        ("file", Align::Left),
        ("layout", Align::Left),
        ("release", Align::Left),
        ("rows", Align::Right),
        ("years", Align::Left),
        ("unmatched", Align::Right),
    ]);
    let empty = Vec::new();
    let build = graph.meta.build.as_ref();
    let files = build.and_then(|b| b["files"].as_array()).unwrap_or(&empty);
    for f in files {
        let s = |k: &str| f[k].as_str().unwrap_or("").to_owned();
        let years: Vec<i64> = f["years"]
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_i64).collect())
            .unwrap_or_default();
        let years = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}-{b} ({})", years.len()),
            _ => String::new(),
        };
        t.row(vec![
            s("dataset"),
            s("file"),
            s("layout"),
            s("version"),
            f["rows"].as_u64().unwrap_or(0).to_string(),
            years,
            f["unmatched"].as_array().map_or(0, Vec::len).to_string(),
        ]);
    }
    out.push_str(&t.render());
    if let Some(r) = build
        .and_then(|b| b["replaced"].as_object())
        .filter(|r| !r.is_empty())
    {
        let parts: Vec<String> = r.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        out.push_str(&format!(
            "\nfigures replaced by priority: {}\n",
            parts.join("; ")
        ));
    }
    out.push_str("\nmeta.build lists every file with its SHA-256 and what matched no actor\n");
    out
}
