//! Centrality measures, each with its direction spelled out (MODEL section 8), dispatched in one
//! place from [`Measure`].
//!
//! Along the ties (`from -> to`) mass gathers at actors that others hold leverage over
//! (**exposure**); against them, at actors that hold leverage (**influence**).

pub mod betweenness;
pub mod closeness;
pub mod constraint;
pub mod eigenvector;
pub mod harmonic;
pub mod hits;
pub mod katz;
pub mod pagerank;
pub mod spectral;
pub mod strength;

use indexmap::IndexMap;
use serde::Serialize;

pub use betweenness::betweenness;
pub use closeness::closeness;
pub use constraint::constraint;
pub use eigenvector::eigenvector;
pub use harmonic::harmonic;
pub use hits::{hits, Hits};
pub use katz::{katz, Katz, KatzParams};
pub use pagerank::{pagerank, PageRankParams};
pub use spectral::{spectral_radius, SpectralRadius};
pub use strength::{strength_in, strength_out};

use super::network::{Direction, Network};
use crate::error::{Error, Result};
use crate::model::{Distance, InfluenceGraph, StrengthRule};

/// The result of an iterative measure: values and how it converged.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Iterative {
    /// One value per node.
    pub values: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// Tolerance used.
    pub tolerance: f64,
}

/// Default iteration cap of the power iterations (and of PageRank on the command line).
pub const DEFAULT_MAX_ITER: usize = 10_000;

/// Tolerance and iteration cap of a power iteration (eigenvector, Katz, HITS).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerParams {
    /// Stop when the L1 change of the vector is below `n * tolerance` (NetworkX's rule).
    pub tolerance: f64,
    /// Iteration cap; reaching it is an error ([`crate::Error::DidNotConverge`]).
    pub max_iter: usize,
}

impl Default for PowerParams {
    /// Tolerance `1e-12` (tight, so results agree with NetworkX's limit to 1e-6 and better)
    /// and 10 000 iterations: with components of nearly equal spectral radius the shifted
    /// eigenvector iteration needs more than NetworkX's 1000 at that tolerance, and an
    /// iteration costs only O(|V| + |E|).
    fn default() -> Self {
        PowerParams {
            tolerance: 1e-12,
            max_iter: DEFAULT_MAX_ITER,
        }
    }
}

impl PowerParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`crate::Error::InvalidParameter`] for a tolerance that is not a positive number.
    pub fn check(&self) -> Result<()> {
        if self.tolerance > 0.0 && self.tolerance.is_finite() {
            Ok(())
        } else {
            Err(crate::Error::InvalidParameter {
                name: "tolerance".into(),
                value: self.tolerance.to_string(),
                expected: "the tolerance must be a positive number".into(),
            })
        }
    }
}

/// Sum of `|a_i - b_i|`, in index order.
fn l1_change(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum()
}

/// Euclidean norm, in index order.
fn l2_norm(x: &[f64]) -> f64 {
    x.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
    /// Closeness over incoming paths on the chosen distance (exposure).
    Closeness,
    /// Harmonic centrality over incoming paths on the chosen distance (exposure).
    Harmonic,
    /// Eigenvector centrality on the in-ties (exposure).
    Eigenvector,
    /// Katz centrality on the in-ties (exposure).
    Katz,
    /// HITS hub score (influence).
    Hubs,
    /// HITS authority score (exposure).
    Authorities,
    /// Burt's constraint, ties both ways (low: broker across structural holes).
    Constraint,
}

impl Measure {
    /// Every measure, in table order.
    pub const ALL: &'static [Measure] = &[
        Measure::StrengthIn,
        Measure::StrengthOut,
        Measure::Betweenness,
        Measure::PageRank,
        Measure::Influence,
        Measure::Closeness,
        Measure::Harmonic,
        Measure::Eigenvector,
        Measure::Katz,
        Measure::Hubs,
        Measure::Authorities,
        Measure::Constraint,
    ];

    /// The measure's name on the command line and in output.
    pub fn name(self) -> &'static str {
        match self {
            Measure::StrengthIn => "strength-in",
            Measure::StrengthOut => "strength-out",
            Measure::Betweenness => "betweenness",
            Measure::PageRank => "pagerank",
            Measure::Influence => "influence",
            Measure::Closeness => "closeness",
            Measure::Harmonic => "harmonic",
            Measure::Eigenvector => "eigenvector",
            Measure::Katz => "katz",
            Measure::Hubs => "hubs",
            Measure::Authorities => "authorities",
            Measure::Constraint => "constraint",
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
            Measure::Closeness => {
                "exposure: others reach the actor by short paths (closeness, incoming)"
            }
            Measure::Harmonic => {
                "exposure: sum of 1/distance from the actors that reach it (harmonic, incoming)"
            }
            Measure::Eigenvector => "exposure: leverage from actors that are themselves exposed",
            Measure::Katz => "exposure: leverage received over paths of every length (Katz)",
            Measure::Hubs => "influence: leverage over actors that are authorities (HITS hubs)",
            Measure::Authorities => "exposure: under the leverage of good hubs (HITS authorities)",
            Measure::Constraint => {
                "closure: ties concentrated on tied partners; low marks a broker (Burt)"
            }
        }
    }
}

/// Options of [`centrality`].
#[derive(Debug, Clone)]
pub struct CentralityParams {
    /// How tie strengths are computed.
    pub strength: StrengthRule,
    /// Distance for path-based measures.
    pub distance: Distance,
    /// PageRank options (also for `influence`).
    pub pagerank: PageRankParams,
    /// Graph size (nodes) from which betweenness, closeness and harmonic run sources in
    /// parallel.
    pub parallel_threshold: usize,
    /// Tolerance and cap of the eigenvector and HITS iterations.
    pub power: PowerParams,
    /// Katz options (attenuation, beta, its own tolerance and cap).
    pub katz: KatzParams,
}

impl Default for CentralityParams {
    fn default() -> Self {
        CentralityParams {
            strength: StrengthRule::default(),
            distance: Distance::Log,
            pagerank: PageRankParams::default(),
            parallel_threshold: betweenness::DEFAULT_PARALLEL_THRESHOLD,
            power: PowerParams::default(),
            katz: KatzParams::default(),
        }
    }
}

/// One measure computed on a network: values by position, and the parameters used.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
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
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{compute, CentralityParams, Measure};
/// use leverage::analysis::network::Network;
///
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5)]);
/// let s = compute(&net, Measure::Betweenness, &CentralityParams::default())?;
/// assert_eq!(s.values, vec![0.0, 0.5, 0.0]);
/// assert_eq!(s.params["distance"], "log");
/// # Ok::<(), leverage::Error>(())
/// ```
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
        Measure::Closeness | Measure::Harmonic => {
            p.insert("distance".into(), params.distance.name().into());
            p.insert("paths".into(), "incoming".into());
            if measure == Measure::Closeness {
                p.insert("wf_improved".into(), true.into());
                closeness(net, params.distance, params.parallel_threshold)
            } else {
                harmonic(net, params.distance, params.parallel_threshold)
            }
        }
        Measure::Eigenvector => {
            let r = eigenvector(net, &params.power)?;
            p.insert("tolerance".into(), r.tolerance.into());
            p.insert("iterations".into(), r.iterations.into());
            r.values
        }
        Measure::Katz => {
            let k = katz(net, &params.katz)?;
            p.insert("alpha".into(), k.alpha.into());
            p.insert("beta".into(), params.katz.beta.into());
            p.insert("lambda_max".into(), k.lambda_max.into());
            p.insert("tolerance".into(), k.scores.tolerance.into());
            p.insert("iterations".into(), k.scores.iterations.into());
            k.scores.values
        }
        Measure::Hubs | Measure::Authorities => {
            let h = hits(net, &params.power)?;
            p.insert("tolerance".into(), h.tolerance.into());
            p.insert("iterations".into(), h.iterations.into());
            if measure == Measure::Hubs {
                h.hubs
            } else {
                h.authorities
            }
        }
        Measure::Constraint => {
            p.insert("undefined".into(), "null for actors without ties".into());
            constraint(net)
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
#[non_exhaustive]
pub struct RankedNode {
    /// 1-based rank (score descending, ties by id).
    pub rank: usize,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The score; `null` in JSON where it is undefined (NaN).
    pub score: f64,
}

/// A measure's ranking of the graph's actors.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct CentralityTable {
    /// Measure names, in column order.
    pub measures: Vec<String>,
    /// Parameters of each measure.
    pub params: IndexMap<String, IndexMap<String, serde_json::Value>>,
    /// One row per actor, in file order.
    pub nodes: Vec<CentralityRow>,
    /// Iterative measures that did not converge, with why: their columns are left out.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub failed: IndexMap<String, String>,
}

/// One actor's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CentralityRow {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Score per measure name; `null` in JSON where it is undefined (NaN, see [`constraint()`]).
    pub scores: IndexMap<String, f64>,
}

/// Ranks the actors of `graph` by `measure`.
///
/// # Errors
/// As [`compute`].
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{centrality, CentralityParams, Measure};
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let r = centrality(&graph, Measure::StrengthIn, &CentralityParams::default())?;
/// assert_eq!(r.nodes.len(), graph.actor_count());
/// assert_eq!(r.nodes[0].rank, 1);
/// assert!(r.nodes.windows(2).all(|w| w[0].score >= w[1].score));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn centrality(
    graph: &InfluenceGraph,
    measure: Measure,
    params: &CentralityParams,
) -> Result<CentralityRanking> {
    let net = Network::new(graph, &params.strength);
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
    // Best first; undefined scores (NaN, constraint of an actor without ties) last.
    nodes.sort_by(|a, b| {
        a.score
            .is_nan()
            .cmp(&b.score.is_nan())
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.id.cmp(&b.id))
    });
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

/// Every measure in `measures` for every actor, in file order. An iterative measure that does
/// not converge ([`Error::DidNotConverge`]) is left out and listed in
/// [`CentralityTable::failed`], so one slow measure does not cost the others.
///
/// # Errors
/// As [`compute`], for the first measure that fails otherwise (an empty graph, an invalid
/// parameter).
///
/// # Complexity
/// The sum of the measures' own.
///
/// # Examples
/// ```
/// use leverage::analysis::centrality::{centrality_table, CentralityParams, Measure};
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let measures = [Measure::StrengthIn, Measure::StrengthOut];
/// let t = centrality_table(&graph, &measures, &CentralityParams::default())?;
/// assert_eq!(t.measures, ["strength-in", "strength-out"]);
/// assert_eq!(t.nodes.len(), graph.actor_count());
/// // Every tie is counted once out and once in.
/// let total = |m: &str| t.nodes.iter().map(|r| r.scores[m]).sum::<f64>();
/// assert!((total("strength-in") - total("strength-out")).abs() < 1e-9);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn centrality_table(
    graph: &InfluenceGraph,
    measures: &[Measure],
    params: &CentralityParams,
) -> Result<CentralityTable> {
    let net = Network::new(graph, &params.strength);
    let mut all: Vec<Scores> = Vec::with_capacity(measures.len());
    let mut failed = IndexMap::new();
    for &m in measures {
        match compute(&net, m, params) {
            Ok(scores) => all.push(scores),
            Err(e @ Error::DidNotConverge { .. }) => {
                failed.insert(m.name().to_owned(), e.to_string());
            }
            Err(e) => return Err(e),
        }
    }
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
        measures: all.iter().map(|s| s.measure.name().to_owned()).collect(),
        params: all
            .iter()
            .map(|s| (s.measure.name().to_owned(), s.params.clone()))
            .collect(),
        nodes,
        failed,
    })
}
