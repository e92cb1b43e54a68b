//! The `paths` command's library side: [`paths`] resolves the question, runs Yen's algorithm
//! and explains each path with the channel figures behind its ties ([`explain`]).

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::tree::NetPath;
use super::yen::k_best_paths;
use super::DEFAULT_MAX_HOPS;
use crate::analysis::network::Network;
use crate::error::{Error, Result};
use crate::model::{ActorId, Basis, Distance, InfluenceGraph, StrengthRule, Tie};

/// Options of [`paths`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PathsParams {
    /// Start actor.
    pub from: ActorId,
    /// End actor.
    pub to: ActorId,
    /// How many paths.
    pub k: usize,
    /// Hop limit (`None`: unlimited).
    pub max_hops: Option<usize>,
    /// Actors to avoid.
    pub avoid: Vec<ActorId>,
    /// Path cost.
    pub distance: Distance,
    /// How tie strengths are computed.
    pub strength: StrengthRule,
}

impl PathsParams {
    /// The best path `from -> to` of at most [`DEFAULT_MAX_HOPS`] ties.
    pub fn new(from: ActorId, to: ActorId) -> Self {
        PathsParams {
            from,
            to,
            k: 1,
            max_hops: Some(DEFAULT_MAX_HOPS),
            avoid: Vec::new(),
            distance: Distance::Log,
            strength: StrengthRule::default(),
        }
    }
}

/// One tie of an explained path, with the channel figures behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct TieStep {
    /// The actor holding leverage.
    pub from: String,
    /// The dependent actor.
    pub to: String,
    /// Aggregate strength under the emphasis used.
    pub strength: f64,
    /// On a tie into the target of a suggestion: the part of the strength its holder does not
    /// apply yet (its headroom); absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headroom: Option<f64>,
    /// Channel figures, strongest first.
    pub channels: Vec<ChannelFigure>,
}

/// One channel's figure on a tie.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ChannelFigure {
    /// Channel name.
    pub channel: String,
    /// The figure's value.
    pub value: f64,
    /// Its range, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// Its source.
    pub source: String,
    /// Its year.
    pub year: i32,
    /// Its basis.
    pub basis: Basis,
    /// Its citations, rendered (`publisher, title (table), year; url`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cite: Vec<String>,
    /// On a tie into the target of a suggestion: the part of the value its holder does not
    /// apply yet (`value × (1 - applied)`); absent elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unapplied: Option<f64>,
}

/// A path explained: actor ids, leverage, and each tie's channels.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ExplainedPath {
    /// Actor ids along the path.
    pub nodes: Vec<String>,
    /// Product of the ties' strengths.
    pub leverage: f64,
    /// Sum of the chosen distance.
    pub cost: f64,
    /// The ties.
    pub ties: Vec<TieStep>,
}

/// The result of [`paths`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PathsResult {
    /// Start actor id.
    pub from: String,
    /// End actor id.
    pub to: String,
    /// Distance used.
    pub distance: String,
    /// Hop limit used (`null`: none).
    pub max_hops: Option<usize>,
    /// Avoided actors.
    pub avoid: Vec<String>,
    /// Paths, best first.
    pub paths: Vec<ExplainedPath>,
}

/// Explains a node path of `net` with the ties of `graph`.
///
/// # Examples
/// ```
/// use leverage::analysis::network::Network;
/// use leverage::analysis::paths::{best_path, explain};
/// use leverage::io::{load, GraphSource};
/// use leverage::model::{Distance, StrengthRule};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let rule = StrengthRule::default();
/// let net = Network::new(&graph, &rule);
/// let at = |id: &str| net.position(graph.node_of(id).unwrap()).unwrap();
/// let path = best_path(&net, at("DEU"), at("RUS"), Distance::Log, Some(3), &[]).unwrap();
/// let e = explain(&graph, &net, &path, &rule);
/// assert_eq!(e.nodes.first().map(String::as_str), Some("DEU"));
/// assert_eq!(e.nodes.last().map(String::as_str), Some("RUS"));
/// assert_eq!(e.ties.len(), e.nodes.len() - 1);
/// // The path's leverage is the product of its ties' strengths.
/// let product: f64 = e.ties.iter().map(|t| t.strength).product();
/// assert!((e.leverage - product).abs() < 1e-12);
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn explain(
    graph: &InfluenceGraph,
    net: &Network,
    path: &NetPath,
    rule: &StrengthRule,
) -> ExplainedPath {
    let id = |v: usize| graph.actor(net.node(v)).id.to_string();
    let ties = path
        .nodes
        .windows(2)
        .map(|p| {
            let (f, t) = (net.node(p[0]), net.node(p[1]));
            let tie = graph.tie(f, t).expect("a network tie is a graph tie");
            TieStep {
                from: id(p[0]),
                to: id(p[1]),
                strength: graph.strength(tie, rule),
                headroom: None,
                channels: channel_figures(graph, tie),
            }
        })
        .collect();
    ExplainedPath {
        nodes: path.nodes.iter().map(|&v| id(v)).collect(),
        leverage: path.leverage,
        cost: path.cost,
        ties,
    }
}

/// A tie's channel figures with their citations rendered, strongest first (then by channel).
fn channel_figures(graph: &InfluenceGraph, tie: &Tie) -> Vec<ChannelFigure> {
    let render = |id: &str| {
        graph
            .citations
            .get(id)
            .map_or_else(|| id.to_owned(), crate::model::Citation::render)
    };
    let mut channels: Vec<ChannelFigure> = tie
        .channels
        .iter()
        .map(|(c, fig)| ChannelFigure {
            channel: c.to_string(),
            value: fig.value,
            range: fig.range,
            source: fig.source.to_string(),
            year: fig.year,
            basis: fig.basis,
            cite: fig.cite.ids().map(render).collect(),
            unapplied: None,
        })
        .collect();
    channels.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.channel.cmp(&b.channel))
    });
    channels
}

/// The best path and the k best simple paths between two actors, explained.
///
/// # Errors
/// [`Error::UnknownName`] for ids not in the graph; [`Error::InvalidParameter`] if `from`
/// equals `to`, `k` is 0 or an avoided actor is an end; [`Error::NoPath`] if no path exists
/// under the constraints.
///
/// # Complexity
/// As [`k_best_paths`], plus O(|V| + |E| log |E|) to build the network.
///
/// # Examples
/// ```
/// use leverage::analysis::paths::{paths, PathsParams};
/// use leverage::io::{load, GraphSource};
/// use leverage::model::ActorId;
///
/// let graph = load(&GraphSource::Bundled)?;
/// let mut p = PathsParams::new(ActorId::from("AUT"), ActorId::from("RUS"));
/// p.k = 3;
/// let r = paths(&graph, &p)?;
/// assert!(r.paths.iter().all(|x| x.nodes.len() - 1 <= 3));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn paths(graph: &InfluenceGraph, params: &PathsParams) -> Result<PathsResult> {
    let q = Question::resolve(graph, params)?;
    let net = Network::new(graph, &params.strength);
    let at = |n: NodeIndex| net.position(n).expect("resolved actors are in the network");
    let mut banned = vec![false; net.node_count()];
    for &a in &q.avoid {
        banned[at(a)] = true;
    }
    let found = k_best_paths(
        &net,
        at(q.from),
        at(q.to),
        params.k,
        params.distance,
        params.max_hops,
        &banned,
    );
    let id = |n: NodeIndex| graph.actor(n).id.to_string();
    if found.is_empty() {
        return Err(q.no_path(graph, params));
    }
    Ok(PathsResult {
        from: id(q.from),
        to: id(q.to),
        distance: params.distance.name().to_owned(),
        max_hops: params.max_hops,
        avoid: q.avoid.iter().map(|&a| id(a)).collect(),
        paths: found
            .iter()
            .map(|p| explain(graph, &net, p, &params.strength))
            .collect(),
    })
}

/// The question of [`paths`] resolved to the graph's actors.
struct Question {
    from: NodeIndex,
    to: NodeIndex,
    avoid: Vec<NodeIndex>,
}

impl Question {
    /// Resolves and checks the ends, `k` and the avoided actors, in that order.
    fn resolve(graph: &InfluenceGraph, params: &PathsParams) -> Result<Question> {
        let node = |a: &ActorId, field: &str| {
            graph.node(a).ok_or_else(|| Error::UnknownName {
                context: format!("{field}: "),
                name: a.to_string(),
                suggestions: crate::model::Resolver::new(graph).suggestions(a.as_str()),
            })
        };
        let from = node(&params.from, "from")?;
        let to = node(&params.to, "to")?;
        if from == to {
            return Err(Error::InvalidParameter {
                name: "to".into(),
                value: params.to.to_string(),
                expected: "it must differ from `from`".into(),
            });
        }
        if params.k == 0 {
            return Err(Error::InvalidParameter {
                name: "k".into(),
                value: "0".into(),
                expected: "it must be at least 1".into(),
            });
        }
        let mut avoid = Vec::with_capacity(params.avoid.len());
        for a in &params.avoid {
            let n = node(a, "avoid")?;
            if n == from || n == to {
                return Err(Error::InvalidParameter {
                    name: "avoid".into(),
                    value: a.to_string(),
                    expected: "it must not contain the path's own ends".into(),
                });
            }
            avoid.push(n);
        }
        Ok(Question { from, to, avoid })
    }

    /// The error for a question without a path, naming its constraints.
    fn no_path(&self, graph: &InfluenceGraph, params: &PathsParams) -> Error {
        let mut detail = String::new();
        if let Some(h) = params.max_hops {
            let ties = if h == 1 { "tie" } else { "ties" };
            detail.push_str(&format!(" within {h} {ties}"));
        }
        if !self.avoid.is_empty() {
            detail.push_str(" avoiding the given actors");
        }
        Error::NoPath {
            from: graph.actor(self.from).id.to_string(),
            to: graph.actor(self.to).id.to_string(),
            detail,
        }
    }
}
