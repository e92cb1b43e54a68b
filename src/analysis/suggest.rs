//! Partner suggestions (MODEL section 4): which partners the sources should approach to press the
//! target, scored `reach * pull * receptiveness`, each row explained by its best path.

use serde::Serialize;

use super::network::{Direction, Network};
use super::paths::{
    best_path, explain, shortest_tree, shortest_tree_with_costs, ExplainedPath, NetPath,
    DEFAULT_MAX_HOPS,
};
use crate::error::{Error, Result};
use crate::model::{ChannelEmphasis, Distance, InfluenceGraph, Resolver};

/// How the sources' leverage over a partner combines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Coordination {
    /// Acting together: `reach = 1 - prod_s (1 - L(s -> P))` (noisy-OR over sources).
    #[default]
    Unison,
    /// Acting alone: `reach = max_s L(s -> P)`, the best single source.
    Alone,
}

/// Options of [`suggest`].
#[derive(Debug, Clone)]
pub struct SuggestParams {
    /// The sources: a group or actor (default `signatories`).
    pub from: String,
    /// The target actor (default `RUS`).
    pub target: String,
    /// Restrict candidates to these actors or groups (empty: every actor but sources and target).
    pub candidates: Vec<String>,
    /// Never suggest these actors or groups (default `EU` and `UKR`: the outreach is to third
    /// countries; names missing from the graph are ignored for the default only).
    pub exclude: Vec<String>,
    /// How many partners to return (`None`: all with a positive score).
    pub top: Option<usize>,
    /// Unison or alone.
    pub coordination: Coordination,
    /// Path cost used to choose best paths.
    pub distance: Distance,
    /// Hop limit of leverage paths (`None`: unlimited).
    pub max_hops: Option<usize>,
    /// Channel emphasis.
    pub emphasis: ChannelEmphasis,
}

impl Default for SuggestParams {
    fn default() -> Self {
        SuggestParams {
            from: "signatories".into(),
            target: "RUS".into(),
            candidates: Vec::new(),
            exclude: default_exclude(),
            top: None,
            coordination: Coordination::Unison,
            distance: Distance::Log,
            max_hops: Some(DEFAULT_MAX_HOPS),
            emphasis: ChannelEmphasis::default(),
        }
    }
}

/// The default `exclude`: EU members and Ukraine.
pub fn default_exclude() -> Vec<String> {
    vec!["EU".to_owned(), "UKR".to_owned()]
}

/// One suggested partner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Partner {
    /// 1-based rank.
    pub rank: usize,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `reach * pull * receptiveness`.
    pub score: f64,
    /// The sources' leverage over the partner, combined as asked (unison or alone).
    pub reach: f64,
    /// Reach acting together (noisy-OR over sources).
    pub reach_unison: f64,
    /// Reach of the best single source.
    pub reach_alone: f64,
    /// The partner's leverage over the target, on paths avoiding the sources.
    pub pull: f64,
    /// Receptiveness in [0, 1] (1 when the graph gives none).
    pub receptiveness: f64,
    /// Share of the sources' best-path leverage over the target that passes through the partner.
    pub brokerage: f64,
    /// The source with the strongest leverage over the partner.
    pub messenger: String,
    /// Best path source -> ... -> partner -> ... -> target (actor ids).
    pub path: Vec<String>,
    /// The two legs explained tie by tie.
    pub legs: Vec<ExplainedPath>,
}

/// The result of [`suggest`]: the partners ranked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerRanking {
    /// Source actor ids.
    pub source: Vec<String>,
    /// Target actor id.
    pub target: String,
    /// Coordination used.
    pub coordination: Coordination,
    /// Distance used.
    pub distance: String,
    /// Hop limit used.
    pub max_hops: Option<usize>,
    /// Actors never suggested.
    pub excluded: Vec<String>,
    /// Partners by rank (score descending, ties broken by id).
    pub partners: Vec<Partner>,
}

/// Ranks partners for sources `from` against `target` (MODEL section 4).
///
/// For each candidate `P`: `reach(P)` combines the best-path leverage `L(s -> P)` of every source
/// `s` on paths avoiding the target; `pull(P)` is the best-path leverage `P -> target` on paths
/// avoiding the sources; `score = reach * pull * receptiveness`. `brokerage(P)` is the share of
/// `sum_s L(s -> target)` (best paths, no avoidance) whose best path passes through `P`.
/// The two legs of a partner's explanation form a simple path: when the best pull path would run
/// back through an actor of the reach path, the pull is recomputed on paths avoiding them.
/// Actors in `exclude` (default: EU members and Ukraine) are never suggested.
///
/// # Errors
/// [`Error::UnknownName`] for unresolvable names, [`Error::InvalidParameter`] if the target is
/// among the sources or `top` is 0.
///
/// # Complexity
/// O((|S| + 1) · S) where S is one search ([`shortest_tree`]: O(H(|V| + |E|)) with a hop limit H,
/// O((|V| + |E|) log |V|) without), plus O(|V| log |V|) to sort.
pub fn suggest(graph: &InfluenceGraph, params: &SuggestParams) -> Result<PartnerRanking> {
    let net = Network::new(graph, &params.emphasis);
    let setup = Setup::new(graph, &net, params)?;
    let receptiveness: Vec<f64> = (0..net.node_count())
        .map(|v| graph.actor(net.node(v)).receptiveness_value())
        .collect();
    let mut rank = rank_partners(&net, &setup, &receptiveness, params, true);
    if let Some(top) = params.top {
        rank.truncate(top);
    }
    let (src, t) = (&setup.sources, setup.target);
    let excluded: Vec<String> = setup
        .excluded
        .iter()
        .map(|&v| graph.actor(net.node(v)).id.to_string())
        .collect();
    let id = |v: usize| graph.actor(net.node(v)).id.to_string();
    let partners = rank
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let legs: Vec<ExplainedPath> = [&r.reach_path, &r.pull_path]
                .into_iter()
                .map(|p| explain(graph, &net, p, &params.emphasis))
                .collect();
            let mut path: Vec<String> = r.reach_path.nodes.iter().map(|&v| id(v)).collect();
            path.extend(r.pull_path.nodes.iter().skip(1).map(|&v| id(v)));
            Partner {
                rank: i + 1,
                id: id(r.partner),
                name: graph.actor(net.node(r.partner)).name.clone(),
                score: r.score,
                reach: r.reach,
                reach_unison: r.reach_unison,
                reach_alone: r.reach_alone,
                pull: r.pull,
                receptiveness: r.receptiveness,
                brokerage: r.brokerage,
                messenger: id(r.messenger),
                path,
                legs,
            }
        })
        .collect();
    Ok(PartnerRanking {
        source: src.iter().map(|&s| id(s)).collect(),
        target: id(t),
        coordination: params.coordination,
        distance: params.distance.name().to_owned(),
        max_hops: params.max_hops,
        excluded,
        partners,
    })
}

/// The resolved question of a suggestion, on network positions: sources, target, and which
/// actors may be suggested.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// Source positions, in group order.
    pub sources: Vec<usize>,
    /// Target position.
    pub target: usize,
    /// Whether each position may be suggested (not a source, not the target, among the
    /// candidates if given, not excluded).
    pub eligible: Vec<bool>,
    /// Excluded positions (for the record).
    pub excluded: Vec<usize>,
}

impl Setup {
    /// Resolves the names of `params` on `graph` and maps them to positions of `net`.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for unresolvable names, [`Error::InvalidParameter`] if the target is
    /// among the sources or `top` is 0.
    pub fn new(graph: &InfluenceGraph, net: &Network, params: &SuggestParams) -> Result<Setup> {
        let resolver = Resolver::new(graph);
        let sources = resolver.actors(&params.from, "--from: ")?;
        let target = resolver.actor(&params.target, "--target: ")?;
        if sources.contains(&target) {
            return Err(Error::InvalidParameter {
                name: "--target".into(),
                value: params.target.clone(),
                expected: "the target must not be one of the sources".into(),
            });
        }
        if params.top == Some(0) {
            return Err(Error::InvalidParameter {
                name: "--top".into(),
                value: "0".into(),
                expected: "it must be at least 1".into(),
            });
        }
        let candidates = if params.candidates.is_empty() {
            None
        } else {
            Some(resolver.list(&params.candidates, "--candidates: ")?)
        };
        let excluded = if params.exclude == default_exclude() {
            // The default names may be missing from a user's graph: skip those quietly.
            params
                .exclude
                .iter()
                .filter_map(|x| resolver.actors(x, "").ok())
                .flatten()
                .collect()
        } else {
            resolver.list(&params.exclude, "--exclude: ")?
        };
        let pos = |n| net.position(n).expect("resolved actors are in the network");
        let n = net.node_count();
        let sources: Vec<usize> = sources.into_iter().map(pos).collect();
        let target = pos(target);
        let mut eligible = match &candidates {
            None => vec![true; n],
            Some(c) => {
                let mut e = vec![false; n];
                for &x in c {
                    e[pos(x)] = true;
                }
                e
            }
        };
        let excluded: Vec<usize> = excluded.into_iter().map(pos).collect();
        for &x in excluded.iter().chain(&sources) {
            eligible[x] = false;
        }
        eligible[target] = false;
        Ok(Setup {
            sources,
            target,
            eligible,
            excluded,
        })
    }
}

/// One partner's figures on network positions (the numeric core of [`suggest`], reused by the
/// robustness analysis).
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerScore {
    /// Position of the partner.
    pub partner: usize,
    /// The score.
    pub score: f64,
    /// Reach as asked.
    pub reach: f64,
    /// Reach acting together.
    pub reach_unison: f64,
    /// Reach of the best single source.
    pub reach_alone: f64,
    /// Pull on the target.
    pub pull: f64,
    /// Receptiveness.
    pub receptiveness: f64,
    /// Brokerage share.
    pub brokerage: f64,
    /// Position of the best single source.
    pub messenger: usize,
    /// Best path messenger -> partner (avoiding the target).
    pub reach_path: NetPath,
    /// Best path partner -> target (avoiding the sources).
    pub pull_path: NetPath,
}

/// Scores every eligible actor of `setup` on `net` and ranks those with a positive score (score
/// descending, then position, which is file order). `receptiveness` is indexed by position.
/// Brokerage is computed only when `with_brokerage` is set (it costs one more search per
/// source).
pub fn rank_partners(
    net: &Network,
    setup: &Setup,
    receptiveness: &[f64],
    params: &SuggestParams,
    with_brokerage: bool,
) -> Vec<PartnerScore> {
    let (sources, target) = (setup.sources.as_slice(), setup.target);
    let n = net.node_count();
    let (d, h) = (params.distance, params.max_hops);
    let mut is_source = vec![false; n];
    for &s in sources {
        is_source[s] = true;
    }
    let mut ban_target = vec![false; n];
    ban_target[target] = true;

    // Tie costs once for all the searches below.
    let forward = net.costs(d, Direction::Forward);
    let backward = net.costs(d, Direction::Backward);

    // Pull: best paths P -> target avoiding the sources, from one backward search.
    let pull_tree =
        shortest_tree_with_costs(net, &backward, target, Direction::Backward, h, &is_source);

    // Reach: one forward search per source, avoiding the target.
    let trees: Vec<_> = sources
        .iter()
        .map(|&s| shortest_tree_with_costs(net, &forward, s, Direction::Forward, h, &ban_target))
        .collect();

    // Brokerage: the sources' best paths to the target, without avoidance.
    let mut through = vec![0.0f64; n];
    let mut total = 0.0;
    for &s in sources.iter().filter(|_| with_brokerage) {
        let tree = shortest_tree(net, s, Direction::Forward, d, h, &[]);
        if let Some(p) = tree.path(target).and_then(|p| NetPath::measure(net, p, d)) {
            total += p.leverage;
            for &v in &p.nodes[1..p.nodes.len() - 1] {
                through[v] += p.leverage;
            }
        }
    }

    let mut out = Vec::new();
    let mut buf = Vec::new();
    for p in 0..n {
        if !setup.eligible[p] {
            continue;
        }
        let Some(pull_path) = pull_tree
            .path(p)
            .and_then(|nodes| NetPath::measure(net, nodes, d))
        else {
            continue;
        };
        let mut miss = 1.0;
        // (leverage, source index) of the best single source; its path is built once, below.
        let mut best: Option<(f64, usize)> = None;
        for (i, tree) in trees.iter().enumerate() {
            if !tree.path_into(p, &mut buf) {
                continue;
            }
            let Some(leverage) = NetPath::leverage_of(net, &buf) else {
                continue;
            };
            miss *= 1.0 - leverage;
            if best.is_none_or(|(b, _)| leverage > b) {
                best = Some((leverage, i));
            }
        }
        let Some((_, i)) = best else { continue };
        let messenger = sources[i];
        let reach_path = trees[i]
            .path(p)
            .and_then(|nodes| NetPath::measure(net, nodes, d))
            .expect("the best source's path was measured just above");
        // The two legs must form a simple path: if the best pull path runs back through an actor
        // of the reach path, the pull is taken on paths avoiding those actors.
        let pull_path = if pull_path.nodes[1..]
            .iter()
            .any(|v| reach_path.nodes[..reach_path.nodes.len() - 1].contains(v))
        {
            let mut ban = is_source.clone();
            for &v in &reach_path.nodes[..reach_path.nodes.len() - 1] {
                ban[v] = true;
            }
            match best_path(net, p, target, d, h, &ban) {
                Some(path) => path,
                None => continue,
            }
        } else {
            pull_path
        };
        let reach_unison = 1.0 - miss;
        let reach_alone = reach_path.leverage;
        let reach = match params.coordination {
            Coordination::Unison => reach_unison,
            Coordination::Alone => reach_alone,
        };
        let score = reach * pull_path.leverage * receptiveness[p];
        if score <= 0.0 {
            continue;
        }
        out.push(PartnerScore {
            partner: p,
            score,
            reach,
            reach_unison,
            reach_alone,
            pull: pull_path.leverage,
            receptiveness: receptiveness[p],
            brokerage: if total > 0.0 { through[p] / total } else { 0.0 },
            messenger,
            reach_path,
            pull_path,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.partner.cmp(&b.partner)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse;

    fn five() -> InfluenceGraph {
        parse(include_str!("../../tests/fixtures/five.json"), "five.json").unwrap()
    }

    #[test]
    fn five_actor_scores_by_hand() {
        let r = suggest(&five(), &SuggestParams::default()).unwrap();
        // India: reach = DEU->IND 0.02 (AUT has no tie to IND); pull = IND->RUS noisy-OR of
        // trade 0.091 and energy 0.3 = 1 - 0.909 * 0.7 = 0.3637; receptiveness 0.5.
        // score = 0.02 * 0.3637 * 0.5 = 0.003637.
        // Turkey: reach unison = 1 - (1 - 0.1)(1 - 0.05) = 0.145; pull 0.08; receptiveness 1.
        // score = 0.145 * 0.08 = 0.0116.
        assert_eq!(r.partners.len(), 2);
        let tur = &r.partners[0];
        assert_eq!(tur.id, "TUR");
        assert!((tur.reach - 0.145).abs() < 1e-12);
        assert!((tur.reach_alone - 0.1).abs() < 1e-12);
        assert!((tur.pull - 0.08).abs() < 1e-12);
        assert!((tur.score - 0.0116).abs() < 1e-12);
        assert_eq!(tur.messenger, "DEU");
        assert_eq!(tur.path, vec!["DEU", "TUR", "RUS"]);
        let ind = &r.partners[1];
        assert_eq!(ind.id, "IND");
        assert!((ind.pull - 0.3637).abs() < 1e-12);
        assert!((ind.score - 0.003637).abs() < 1e-12);
        // Brokerage: DEU's best path to RUS is DEU-IND-RUS (0.007274) vs DEU-TUR-RUS (0.008):
        // TUR wins for DEU (0.008); AUT-TUR-RUS = 0.004. All flow passes through TUR.
        assert!((tur.brokerage - 1.0).abs() < 1e-12);
        assert_eq!(ind.brokerage, 0.0);
    }

    #[test]
    fn alone_uses_best_single_source() {
        let p = SuggestParams {
            coordination: Coordination::Alone,
            ..SuggestParams::default()
        };
        let r = suggest(&five(), &p).unwrap();
        let tur = r.partners.iter().find(|x| x.id == "TUR").unwrap();
        assert!((tur.score - 0.1 * 0.08).abs() < 1e-12);
    }

    #[test]
    fn names_resolve_and_errors_are_named() {
        let p = SuggestParams {
            from: "germany".into(),
            target: "rus".into(),
            ..SuggestParams::default()
        };
        let r = suggest(&five(), &p).unwrap();
        assert_eq!(r.source, vec!["DEU"]);
        let p = SuggestParams {
            target: "RUZ".into(),
            ..SuggestParams::default()
        };
        let e = suggest(&five(), &p).unwrap_err();
        assert!(e.to_string().contains("did you mean `RUS`"), "{e}");
        assert_eq!(e.exit_code(), 2);
    }
}
