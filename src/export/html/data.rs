//! The data the page's script reads: the figures and sources of every tie drawn on the map and
//! of every actor, with each citation written once and referred to by number.

use indexmap::IndexMap;
use serde::Serialize;

use super::super::{tie_weight, AnnotatedGraph};
use crate::analysis::briefing::Briefing;
use crate::model::{Cite, Figure, InfluenceGraph};

/// One figure, in short keys to keep the page small: channel or signal `n`, value `v`, range
/// `r`, year `y`, basis `b`, source text `s`, citations `k` (indices into the citations).
#[derive(Debug, Serialize)]
struct Fig {
    n: String,
    v: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    r: Option<[f64; 2]>,
    y: i32,
    b: &'static str,
    s: String,
    k: Vec<usize>,
}

/// A tie drawn on the map.
#[derive(Debug, Serialize)]
struct TieData {
    /// Strength under the export's rule.
    w: f64,
    /// Channels, strongest first.
    c: Vec<Fig>,
}

/// An actor on the map.
#[derive(Debug, Serialize)]
struct ActorData {
    name: String,
    role: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<String>,
    /// Stance signals towards the target.
    st: Vec<Fig>,
}

/// The page's data.
#[derive(Debug, Serialize)]
struct PageData {
    target: String,
    top_k: usize,
    partners: Vec<String>,
    cites: Vec<String>,
    ties: IndexMap<String, TieData>,
    actors: IndexMap<String, ActorData>,
}

/// Citations, each rendered once.
#[derive(Default)]
struct Cites {
    index: IndexMap<String, usize>,
}

impl Cites {
    fn of(&mut self, graph: &InfluenceGraph, cite: &Cite) -> Vec<usize> {
        cite.ids()
            .map(|id| {
                let text = graph
                    .citations
                    .get(id)
                    .map_or_else(|| id.to_owned(), crate::model::Citation::render);
                let n = self.index.len();
                *self.index.entry(text).or_insert(n)
            })
            .collect()
    }

    fn fig(&mut self, graph: &InfluenceGraph, name: &str, f: &Figure) -> Fig {
        Fig {
            n: name.to_owned(),
            v: f.value,
            r: f.range,
            y: f.year,
            b: f.basis.name(),
            s: f.source.to_string(),
            k: self.of(graph, &f.cite),
        }
    }
}

/// The `(from, to)` ids of the ties `svg` draws, in order, once each.
fn drawn_ties(svg: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let attr = |rest: &str, name: &str| -> Option<String> {
        let i = rest.find(name)? + name.len();
        let end = rest[i..].find('"')?;
        Some(rest[i..i + end].to_owned())
    };
    for piece in svg.split("data-from=\"").skip(1) {
        let Some(end) = piece.find('"') else { continue };
        // Actor ids are letters, digits, `-`, `_` and `.`: escaping leaves them as they are.
        let from = piece[..end].to_owned();
        if let Some(to) = attr(piece, "data-to=\"") {
            let pair = (from, to);
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    out
}

/// The page's data as JSON.
pub(super) fn page_data(g: &AnnotatedGraph<'_>, b: &Briefing, svg: &str) -> String {
    let graph = g.graph;
    let mut cites = Cites::default();
    let mut ties = IndexMap::new();
    for (from, to) in drawn_ties(svg) {
        let (Some(f), Some(t)) = (graph.node_of(&from), graph.node_of(&to)) else {
            continue;
        };
        let Some(tie) = graph.tie(f, t) else { continue };
        let mut c: Vec<Fig> = tie
            .channels
            .iter()
            .map(|(name, fig)| cites.fig(graph, name.as_str(), fig))
            .collect();
        c.sort_by(|x, y| y.v.total_cmp(&x.v).then_with(|| x.n.cmp(&y.n)));
        ties.insert(
            format!("{from}>{to}"),
            TieData {
                w: tie_weight(g, tie).0,
                c,
            },
        );
    }
    let target = &b.question.target;
    let mut actors = IndexMap::new();
    for (_, a) in graph.actors() {
        if a.coordinates.is_none() && graph.actors().any(|(_, x)| x.coordinates.is_some()) {
            continue;
        }
        let row = b.ranking.partners.iter().find(|p| p.id == a.id);
        let st = a
            .stance_toward(target)
            .map(|s| {
                s.signals()
                    .map(|(sig, f)| cites.fig(graph, sig.name(), f))
                    .collect()
            })
            .unwrap_or_default();
        actors.insert(
            a.id.to_string(),
            ActorData {
                name: a.name.clone(),
                role: g.style.role(graph, a).0.to_owned(),
                rank: row.map(|p| p.rank),
                score: row.map(|p| p.score),
                left_out: b.left_out(&a.id).map(|x| {
                    serde_json::to_value(x.reason)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                }),
                st,
            },
        );
    }
    let data = PageData {
        target: target.to_string(),
        top_k: b.robustness.top_k,
        partners: b
            .partners
            .iter()
            .map(|p| p.partner.id.to_string())
            .collect(),
        cites: cites.index.into_keys().collect(),
        ties,
        actors,
    };
    serde_json::to_string(&data).expect("page data serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_drawn_tie_once() {
        let svg = r#"<path class="tie" data-from="DEU" data-to="TUR" data-partners=""/>
<path data-from="DEU" data-to="TUR"/><path data-from="A.B" data-to="RUS"/>"#;
        assert_eq!(
            drawn_ties(svg),
            [
                ("DEU".to_owned(), "TUR".to_owned()),
                ("A.B".to_owned(), "RUS".to_owned())
            ]
        );
    }
}
