//! `--with`: analysis results attached to actors as node attributes, and the suggestion that
//! pictures highlight.

use indexmap::IndexMap;
use petgraph::stable_graph::NodeIndex;

use super::style::Style;
use super::{AnnotatedGraph, Focus, FocusPartner, RankSpread, Uncertainty};
use crate::analysis::briefing::Briefing;
use crate::analysis::centrality::{centrality_table, CentralityParams, Measure};
use crate::analysis::suggest::{suggest, PartnerRanking, ScoreRule, SuggestParams};
use crate::error::Result;
use crate::model::InfluenceGraph;

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

/// Attaches every centrality measure as node attributes; returns the measures that did not
/// converge (left out), with why.
///
/// # Errors
/// As [`centrality_table`].
pub fn attach_centrality(
    g: &mut AnnotatedGraph<'_>,
    params: &CentralityParams,
) -> Result<IndexMap<String, String>> {
    let graph: &InfluenceGraph = g.graph;
    let table = centrality_table(graph, Measure::ALL, params)?;
    for m in Measure::ALL {
        if table.failed.contains_key(m.name()) {
            continue;
        }
        let name = m.name().replace('-', "_");
        let mut col = IndexMap::new();
        for row in &table.nodes {
            if let (Some(n), Some(&v)) = (graph.node_of(&row.id), row.scores.get(m.name())) {
                col.insert(n, v);
            }
        }
        g.node_values.insert(name, col);
    }
    Ok(table.failed)
}

/// Runs the suggestion with `params` and attaches it (see [`attach_suggestion`]); `top`
/// partners are highlighted. `values` also attaches the scores as node attributes.
/// `sources_name` is how the pictures name the sources (`signatories`).
///
/// # Errors
/// As [`suggest`].
pub fn suggest_and_attach(
    g: &mut AnnotatedGraph<'_>,
    params: &SuggestParams,
    sources_name: &str,
    top: usize,
    values: bool,
) -> Result<()> {
    let mut all = params.clone();
    all.top = None;
    all.judgement_share = false;
    let ranking = suggest(g.graph, &all)?;
    attach_suggestion(g, &ranking, sources_name, top, values);
    Ok(())
}
