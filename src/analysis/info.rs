//! A summary of a graph: counts, groups, channels and sources at a glance.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use crate::model::InfluenceGraph;

/// What `leverage info` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GraphInfo {
    /// Title from the metadata.
    pub title: String,
    /// Date from the metadata.
    pub date: String,
    /// Description from the metadata.
    pub description: Option<String>,
    /// Number of actors.
    pub actors: usize,
    /// Number of ties.
    pub ties: usize,
    /// Group id -> member ids.
    pub groups: IndexMap<String, Vec<String>>,
    /// Channel -> number of ties carrying it.
    pub channels: BTreeMap<String, usize>,
    /// Figures with an uncertainty range / all figures.
    pub figures_with_range: usize,
    /// All figures (channel weights and receptiveness).
    pub figures: usize,
    /// Distinct sources, with how many figures cite each, most cited first.
    pub sources: Vec<SourceCount>,
    /// Year span of the figures.
    pub years: Option<[i32; 2]>,
}

/// A source and how many figures cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCount {
    /// The source text.
    pub source: String,
    /// Figures citing it.
    pub figures: usize,
}

/// Summarises `graph`. Time O(|V| + |E| · channels + sources log sources).
pub fn info(graph: &InfluenceGraph) -> GraphInfo {
    let mut channels: BTreeMap<String, usize> = BTreeMap::new();
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut figures, mut ranged) = (0, 0);
    let mut years: Option<[i32; 2]> = None;
    let mut count = |f: &crate::model::Figure| {
        figures += 1;
        if f.range.is_some() {
            ranged += 1;
        }
        years = Some(match years {
            None => [f.year, f.year],
            Some([a, b]) => [a.min(f.year), b.max(f.year)],
        });
    };
    for (_, _, _, tie) in graph.ties() {
        for (c, f) in &tie.channels {
            *channels.entry(c.to_string()).or_default() += 1;
            count(f);
        }
    }
    for (_, a) in graph.actors() {
        if let Some(r) = &a.receptiveness {
            count(r);
        }
    }
    for (_, _, _, tie) in graph.ties() {
        for f in tie.channels.values() {
            *sources.entry(&*f.source).or_default() += 1;
        }
    }
    for (_, a) in graph.actors() {
        if let Some(r) = &a.receptiveness {
            *sources.entry(&*r.source).or_default() += 1;
        }
    }
    let mut sources: Vec<SourceCount> = sources
        .into_iter()
        .map(|(s, n)| SourceCount {
            source: s.to_owned(),
            figures: n,
        })
        .collect();
    sources.sort_by(|a, b| {
        b.figures
            .cmp(&a.figures)
            .then_with(|| a.source.cmp(&b.source))
    });
    GraphInfo {
        title: graph.meta.title.clone(),
        date: graph.meta.date.clone(),
        description: graph.meta.description.clone(),
        actors: graph.actor_count(),
        ties: graph.tie_count(),
        groups: graph
            .groups()
            .map(|g| {
                (
                    g.id.clone(),
                    g.members.iter().map(ToString::to_string).collect(),
                )
            })
            .collect(),
        channels,
        figures_with_range: ranged,
        figures,
        sources,
        years,
    }
}
