//! Centrality measures, each with its direction spelled out (MODEL section 8), dispatched in one
//! place from [`Measure`].
//!
//! Along the ties (`from -> to`) mass gathers at actors that others hold leverage over
//! (**exposure**); against them, at actors that hold leverage (**influence**).

pub mod betweenness;
pub mod pagerank;
pub mod strength;

use indexmap::IndexMap;
use serde::Serialize;

pub use betweenness::betweenness;
pub use pagerank::{pagerank, PageRankParams};
pub use strength::{strength_in, strength_out};

use super::network::{Direction, Network};
use crate::error::Result;
use crate::model::{ChannelEmphasis, Distance, InfluenceGraph};

/// The result of an iterative measure: values and how it converged.
#[derive(Debug, Clone, PartialEq)]
pub struct Iterative {
    /// One value per node.
    pub values: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Tolerance used.
    pub tolerance: f64,
}

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Sum of incoming strengths (exposure).
    StrengthIn,
    /// Sum of outgoing strengths (influence).
    StrengthOut,
    /// Brandes betweenness on the chosen distance (brokerage).
    Betweenness,
    /// Weighted PageRank along the ties (exposure).
    PageRank,
    /// Weighted PageRank against the ties (influence).
    Influence,
}

impl Measure {
    /// Every measure, in table order.
    pub const ALL: &'static [Measure] = &[
        Measure::StrengthIn,
        Measure::StrengthOut,
        Measure::Betweenness,
        Measure::PageRank,
        Measure::Influence,
    ];

    /// The measure's name on the command line and in output.
    pub fn name(self) -> &'static str {
        match self {
            Measure::StrengthIn => "strength-in",
            Measure::StrengthOut => "strength-out",
            Measure::Betweenness => "betweenness",
            Measure::PageRank => "pagerank",
            Measure::Influence => "influence",
        }
    }

    /// What a high value means, in one line.
    pub fn meaning(self) -> &'static str {
        match self {
            Measure::StrengthIn => "exposure: total leverage others hold over the actor",
            Measure::StrengthOut => "influence: total leverage the actor holds over others",
            Measure::Betweenness => "broker: share of best leverage paths through the actor",
            Measure::PageRank => "exposure: mass gathered along the ties (PageRank)",
            Measure::Influence => "influence: mass gathered against the ties (reverse PageRank)",
        }
    }
}

/// Options of [`centrality`].
#[derive(Debug, Clone)]
pub struct CentralityParams {
    /// Channel emphasis for tie strengths.
    pub emphasis: ChannelEmphasis,
    /// Distance for path-based measures.
    pub distance: Distance,
    /// PageRank options (also for `influence`).
    pub pagerank: PageRankParams,
    /// Graph size from which betweenness runs sources in parallel.
    pub parallel_threshold: usize,
}

impl Default for CentralityParams {
    fn default() -> Self {
        CentralityParams {
            emphasis: ChannelEmphasis::default(),
            distance: Distance::Log,
            pagerank: PageRankParams::default(),
            parallel_threshold: betweenness::DEFAULT_PARALLEL_THRESHOLD,
        }
    }
}

/// One measure computed on a network: values by position, and the parameters used.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// The measure.
    pub measure: Measure,
    /// One value per network position.
    pub values: Vec<f64>,
    /// Parameters and convergence figures (`alpha`, `tolerance`, `iterations`, `distance`).
    pub params: IndexMap<String, serde_json::Value>,
}

/// Computes `measure` on `net`.
///
/// # Errors
/// Whatever the measure's function returns (non-convergence, bad parameters, empty graph).
pub fn compute(net: &Network, measure: Measure, params: &CentralityParams) -> Result<Scores> {
    let mut p: IndexMap<String, serde_json::Value> = IndexMap::new();
    let values = match measure {
        Measure::StrengthIn => strength_in(net),
        Measure::StrengthOut => strength_out(net),
        Measure::Betweenness => {
            p.insert("distance".into(), params.distance.name().into());
            p.insert("normalized".into(), true.into());
            betweenness(net, params.distance, params.parallel_threshold)
        }
        Measure::PageRank | Measure::Influence => {
            let dir = if measure == Measure::PageRank {
                Direction::Forward
            } else {
                Direction::Backward
            };
            let r = pagerank(net, dir, &params.pagerank)?;
            p.insert("alpha".into(), params.pagerank.alpha.into());
            p.insert("tolerance".into(), r.tolerance.into());
            p.insert("iterations".into(), r.iterations.into());
            r.values
        }
    };
    Ok(Scores {
        measure,
        values,
        params: p,
    })
}

/// One ranked row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedNode {
    /// 1-based rank (score descending, ties by id).
    pub rank: usize,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The score.
    pub score: f64,
}

/// A measure's ranking of the graph's actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentralityRanking {
    /// The measure's name.
    pub measure: String,
    /// What a high value means.
    pub meaning: String,
    /// Parameters and convergence figures.
    pub params: IndexMap<String, serde_json::Value>,
    /// Actors, best first.
    pub nodes: Vec<RankedNode>,
}

/// Every measure for every actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentralityTable {
    /// Measure names, in column order.
    pub measures: Vec<String>,
    /// Parameters of each measure.
    pub params: IndexMap<String, IndexMap<String, serde_json::Value>>,
    /// One row per actor, in file order.
    pub nodes: Vec<CentralityRow>,
}

/// One actor's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentralityRow {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Score per measure name.
    pub scores: IndexMap<String, f64>,
}

/// Ranks the actors of `graph` by `measure`.
///
/// # Errors
/// As [`compute`].
pub fn centrality(
    graph: &InfluenceGraph,
    measure: Measure,
    params: &CentralityParams,
) -> Result<CentralityRanking> {
    let net = Network::new(graph, &params.emphasis);
    let scores = compute(&net, measure, params)?;
    let mut nodes: Vec<RankedNode> = scores
        .values
        .iter()
        .enumerate()
        .map(|(v, &score)| {
            let a = graph.actor(net.node(v));
            RankedNode {
                rank: 0,
                id: a.id.to_string(),
                name: a.name.clone(),
                score,
            }
        })
        .collect();
    nodes.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
    for (i, n) in nodes.iter_mut().enumerate() {
        n.rank = i + 1;
    }
    Ok(CentralityRanking {
        measure: measure.name().to_owned(),
        meaning: measure.meaning().to_owned(),
        params: scores.params,
        nodes,
    })
}

/// Every measure in `measures` for every actor, in file order.
///
/// # Errors
/// As [`compute`], for the first measure that fails.
pub fn centrality_table(
    graph: &InfluenceGraph,
    measures: &[Measure],
    params: &CentralityParams,
) -> Result<CentralityTable> {
    let net = Network::new(graph, &params.emphasis);
    let all: Vec<Scores> = measures
        .iter()
        .map(|&m| compute(&net, m, params))
        .collect::<Result<_>>()?;
    let nodes = (0..net.node_count())
        .map(|v| {
            let a = graph.actor(net.node(v));
            CentralityRow {
                id: a.id.to_string(),
                name: a.name.clone(),
                scores: all
                    .iter()
                    .map(|s| (s.measure.name().to_owned(), s.values[v]))
                    .collect(),
            }
        })
        .collect();
    Ok(CentralityTable {
        measures: measures.iter().map(|m| m.name().to_owned()).collect(),
        params: all
            .iter()
            .map(|s| (s.measure.name().to_owned(), s.params.clone()))
            .collect(),
        nodes,
    })
}
