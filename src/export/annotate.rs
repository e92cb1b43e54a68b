//! `--with`: analysis results attached to actors as node attributes, and the suggestion that
//! pictures highlight. The caller computes the results (a [`PartnerRanking`], a
//! [`CentralityTable`]); nothing here runs an analysis.

use indexmap::IndexMap;
use petgraph::stable_graph::NodeIndex;

use super::style::Style;
use super::{AnnotatedGraph, Focus, FocusPartner, RankSpread, Uncertainty};
use crate::analysis::briefing::Briefing;
use crate::analysis::centrality::CentralityTable;
use crate::analysis::suggest::{PartnerRanking, ScoreRule};

/// An analysis whose results `--with` attaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Annotation {
    /// Partner suggestion: `score`, `rank`, `reach`, `pull`, `brokerage` for every actor with a
    /// positive score (others have none).
    Suggest,
    /// Every centrality measure: `strength_in`, `strength_out`, `betweenness`, `pagerank`,
    /// `influence` for every actor.
    Centrality,
}

/// Attaches a partner ranking: its values as node attributes (`score`, `rank`, `reach`, `pull`,
/// `brokerage`), the best paths of its first `top` partners as highlighted ties and as the
/// [`Focus`] of pictures, and the [`Style`] of its question (its target and sources, the
/// sources' role named after `sources_name`).
pub fn attach_suggestion(
    g: &mut AnnotatedGraph<'_>,
    ranking: &PartnerRanking,
    sources_name: &str,
    top: usize,
    values: bool,
) {
    let graph = g.graph;
    let node = |id: &crate::model::ActorId| graph.node(id);
    if values {
        let mut cols: IndexMap<String, IndexMap<NodeIndex, f64>> = IndexMap::new();
        for p in &ranking.partners {
            let Some(n) = node(&p.id) else { continue };
            #[allow(clippy::cast_precision_loss)]
            let rank = p.rank as f64;
            for (k, v) in [
                ("score", p.score),
                ("rank", rank),
                ("reach", p.reach),
                ("pull", p.pull),
                ("headroom", p.headroom),
                ("movability", p.movability.unwrap_or(1.0)),
                ("brokerage", p.brokerage),
            ] {
                cols.entry(k.to_owned()).or_default().insert(n, v);
            }
        }
        for k in [
            "score",
            "rank",
            "reach",
            "pull",
            "headroom",
            "movability",
            "brokerage",
        ] {
            let col = cols.shift_remove(k).unwrap_or_default();
            g.node_values.insert(k.to_owned(), col);
        }
    }
    let mut partners = Vec::new();
    for p in ranking.partners.iter().take(top) {
        let path: Vec<NodeIndex> = p.path.iter().filter_map(&node).collect();
        for w in path.windows(2) {
            g.highlighted.insert((w[0], w[1]));
        }
        if let Some(n) = node(&p.id) {
            partners.push(FocusPartner {
                node: n,
                rank: p.rank,
                score: p.score,
                path,
                spread: None,
            });
        }
    }
    let sources = ranking.sources.iter().filter_map(&node).collect();
    g.style = Style::for_question(
        graph,
        ranking.target.clone(),
        &ranking.sources,
        sources_name,
    );
    if let Some(target) = node(&ranking.target) {
        g.focus = Some(Focus {
            sources,
            sources_name: sources_name.to_owned(),
            target,
            highlighted: partners.len(),
            partners,
            formula: match ranking.score {
                ScoreRule::Outreach => "reach × headroom × movability".into(),
                ScoreRule::Classic => "reach × pull × receptiveness".into(),
            },
            uncertainty: None,
        });
    }
}

/// Attaches a briefing: its ranking as [`attach_suggestion`] does, every partner of the
/// briefing in the [`Focus`] (the first `highlight` highlighted), and each partner's rank
/// spread over the briefing's robustness run.
pub fn attach_briefing(g: &mut AnnotatedGraph<'_>, b: &Briefing, highlight: usize) {
    attach_suggestion(g, &b.ranking, &b.question.sources_name, usize::MAX, true);
    g.highlighted.clear();
    let graph = g.graph;
    for p in b.ranking.partners.iter().take(highlight) {
        let path: Vec<NodeIndex> = p.path.iter().filter_map(|id| graph.node(id)).collect();
        for w in path.windows(2) {
            g.highlighted.insert((w[0], w[1]));
        }
    }
    if let Some(f) = g.focus.as_mut() {
        f.highlighted = highlight.min(f.partners.len());
        f.uncertainty = Some(Uncertainty {
            samples: b.robustness.samples,
            seed: b.robustness.seed,
            top_k: b.robustness.top_k,
        });
        for fp in &mut f.partners {
            let id = &graph.actor(fp.node).id;
            fp.spread = b
                .partners
                .iter()
                .find(|p| p.partner.id == *id)
                .and_then(|p| p.spread.as_ref())
                .map(|s| RankSpread {
                    median: s.median_rank,
                    range: s.rank_range,
                    p_top_k: s.p_top_k,
                });
        }
    }
}

/// Attaches the measures of a centrality table as node attributes, named as the measures with
/// `_` for `-` (`strength_out`); a measure listed in [`CentralityTable::failed`] has no column,
/// and an actor the graph lacks (a table of another graph) is skipped.
///
/// `leverage export --with centrality` attaches `centrality_table(graph, Measure::ALL, params)`.
pub fn attach_centrality(g: &mut AnnotatedGraph<'_>, table: &CentralityTable) {
    let graph = g.graph;
    for m in &table.measures {
        if table.failed.contains_key(m) {
            continue;
        }
        let mut col = IndexMap::new();
        for row in &table.nodes {
            if let (Some(n), Some(&v)) = (graph.node_of(&row.id), row.scores.get(m)) {
                col.insert(n, v);
            }
        }
        g.node_values.insert(m.replace('-', "_"), col);
    }
}
