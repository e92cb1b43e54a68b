//! `leverage paths`: the best and k best leverage paths, each tie with its channels.

use super::table::percent;
use super::{arrow_ids, csv_string, json, OutputFormat};
use crate::analysis::paths::PathsResult;

/// Renders leverage paths.
pub fn render(r: &PathsResult, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&PathsJson::new(r)),
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
                    arrow_ids(&p.nodes),
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

/// `paths --format json` (docs/JSON.md).
#[derive(Debug, serde::Serialize)]
struct PathsJson<'a> {
    version: u32,
    from: &'a str,
    to: &'a str,
    distance: &'a str,
    max_hops: Option<usize>,
    avoid: &'a [String],
    paths: Vec<super::wire::PathJson<'a>>,
}

impl<'a> PathsJson<'a> {
    fn new(r: &'a PathsResult) -> Self {
        PathsJson {
            version: super::wire::JSON_VERSION,
            from: &r.from,
            to: &r.to,
            distance: &r.distance,
            max_hops: r.max_hops,
            avoid: &r.avoid,
            paths: super::wire::PathJson::all(&r.paths),
        }
    }
}
