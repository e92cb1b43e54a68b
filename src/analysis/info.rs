//! A summary of a graph: counts, groups, channels and sources at a glance.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde::Serialize;

use crate::model::InfluenceGraph;

/// What `leverage info` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
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
    /// Figures by basis (channel weights, stance signals and receptiveness together).
    pub by_basis: BTreeMap<String, usize>,
    /// Channel -> basis -> number of figures; stance signals are counted under `stance`.
    pub by_channel_and_basis: BTreeMap<String, BTreeMap<String, usize>>,
    /// Target -> stance class -> number of actors with a stance towards that target.
    pub stances: BTreeMap<String, BTreeMap<String, usize>>,
    /// Entries of the citations table.
    pub citations: usize,
    /// Ties with a yearly series, and the years the series cover.
    pub series: SeriesCount,
    /// The format version the graph was read from.
    pub version: u64,
}

/// How many ties carry a yearly series, and which years the series cover.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[non_exhaustive]
pub struct SeriesCount {
    /// Ties with at least one series.
    pub ties: usize,
    /// Years of the figures in series, sorted.
    pub years: Vec<i32>,
}

/// A source and how many figures cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SourceCount {
    /// The source text.
    pub source: String,
    /// Figures citing it.
    pub figures: usize,
}

/// Summarises `graph`. Time O(|V| + |E| · channels + sources log sources).
///
/// # Examples
/// ```
/// use leverage::analysis::info::info;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let i = info(&graph);
/// assert_eq!((i.actors, i.ties), (graph.actor_count(), graph.tie_count()));
/// assert!(i.figures_with_range <= i.figures);
/// assert!(i.channels.values().all(|&c| c <= i.ties));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn info(graph: &InfluenceGraph) -> GraphInfo {
    let mut channels: BTreeMap<String, usize> = BTreeMap::new();
    let mut sources: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut figures, mut ranged) = (0, 0);
    let mut years: Option<[i32; 2]> = None;
    let mut by_basis: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_channel: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut count = |f: &crate::model::Figure, channel: &str| {
        *by_basis.entry(f.basis.name().to_owned()).or_default() += 1;
        *by_channel
            .entry(channel.to_owned())
            .or_default()
            .entry(f.basis.name().to_owned())
            .or_default() += 1;
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
            count(f, c.as_str());
        }
    }
    let mut stances: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (_, a) in graph.actors() {
        if let Some(r) = &a.receptiveness {
            count(r, "receptiveness");
        }
        for (target, st) in &a.stance {
            for (_, f) in st.signals() {
                count(f, "stance");
            }
            *stances
                .entry(target.to_string())
                .or_default()
                .entry(st.class().name().to_owned())
                .or_default() += 1;
        }
    }
    let mut series = SeriesCount::default();
    let mut series_years = std::collections::BTreeSet::new();
    for (_, _, _, tie) in graph.ties() {
        if let Some(s) = &tie.series {
            series.ties += 1;
            series_years.extend(s.iter().flat_map(|(_, f)| f.iter().map(|x| x.year)));
        }
    }
    series.years = series_years.into_iter().collect();
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
        by_basis,
        by_channel_and_basis: by_channel,
        stances,
        citations: graph.citations.len(),
        series,
        version: graph.version,
    }
}

/// One actor, as `leverage actors` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    /// Id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Groups it belongs to, in file order.
    pub groups: Vec<String>,
    /// Its stance class towards the target (`unknown` without a stance or a target).
    pub stance: crate::model::StanceClass,
    /// The stance signals towards the target, by name, with their values.
    pub signals: BTreeMap<String, f64>,
    /// Ties it holds (`from`) and ties it depends on (`to`).
    pub ties_out: usize,
    /// Ties into it.
    pub ties_in: usize,
}

/// The result of [`actors`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorList {
    /// The target whose stance is shown (`null` when none was asked for and the graph has no
    /// `RUS`).
    pub target: Option<String>,
    /// Every actor, in file order.
    pub actors: Vec<ActorRow>,
}

/// Every actor of `graph` with its groups and its stance towards `target`.
///
/// # Examples
/// ```
/// use leverage::analysis::info::actors;
/// use leverage::io::{load, GraphSource};
/// use leverage::model::ActorId;
/// let g = load(&GraphSource::Bundled)?;
/// let list = actors(&g, Some(&ActorId::from("RUS")));
/// assert_eq!(list.actors.len(), g.actor_count());
/// # Ok::<(), leverage::Error>(())
/// ```
///
/// # Complexity
/// O(|V| · groups · members + |E|).
pub fn actors(graph: &InfluenceGraph, target: Option<&crate::model::ActorId>) -> ActorList {
    use petgraph::visit::NodeIndexable;
    let mut out_deg = vec![0usize; graph.graph().node_bound()];
    let mut in_deg = vec![0usize; graph.graph().node_bound()];
    for (_, f, t, _) in graph.ties() {
        out_deg[f.index()] += 1;
        in_deg[t.index()] += 1;
    }
    let rows = graph
        .actors()
        .map(|(n, a)| {
            let stance = target.and_then(|t| a.stance_toward(t));
            ActorRow {
                id: a.id.to_string(),
                name: a.name.clone(),
                groups: graph
                    .groups_of(&a.id)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                stance: stance.map_or(crate::model::StanceClass::Unknown, |s| s.class()),
                signals: stance
                    .map(|s| {
                        s.signals()
                            .map(|(k, f)| (k.name().to_owned(), f.value))
                            .collect()
                    })
                    .unwrap_or_default(),
                ties_out: out_deg[n.index()],
                ties_in: in_deg[n.index()],
            }
        })
        .collect();
    ActorList {
        target: target.map(ToString::to_string),
        actors: rows,
    }
}
