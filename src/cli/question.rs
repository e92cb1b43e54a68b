//! The question every partner analysis (`suggest`, `assign`, `compare`, `export`) answers:
//! which sources press which target, which partners may be suggested, and how long a leverage
//! path may be. Names are resolved here, against the graph, before the library is called.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::{usage, Context};
use leverage::analysis::suggest::{SuggestParams, DEFAULT_MAX_HOPS};
use leverage::model::{ActorId, InfluenceGraph, Resolver};

/// Who presses whom, shared by `suggest`, `assign` and `compare`.
#[derive(Debug, Args)]
pub struct QuestionArgs {
    /// Sources (the messengers): a group or an actor (id or name, any case) [default:
    /// signatories]
    #[arg(long, value_name = "NAME")]
    pub from: Option<String>,
    /// The actor to press [default: RUS]
    #[arg(long, value_name = "NAME")]
    pub target: Option<String>,
    /// Never suggest these actors or groups (comma-separated; `--exclude ''` to allow all)
    /// [default: EU,UKR]
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub exclude: Option<Vec<String>>,
    /// Also suggest states that already press the target (sanctions); by default they are left
    /// out, since the outreach is to states that do not press it yet
    #[arg(long)]
    pub include_aligned: bool,
    /// Longest path from source to target, in ties, 2 to 8 (2: source -> partner -> target)
    #[arg(long, default_value_t = DEFAULT_MAX_HOPS, value_parser = clap::value_parser!(u64).range(2..=8).map(|x| x as usize))]
    pub max_hops: usize,
}

/// The sources, target and exclusions of a question, resolved on `graph`.
///
/// A default that the graph cannot satisfy (no `signatories` group, no `RUS`) is an error that
/// says how to choose another; a default exclusion the graph lacks (`EU`, `UKR`) is skipped.
pub fn resolve_question(
    graph: &InfluenceGraph,
    from: Option<&str>,
    target: Option<&str>,
    exclude: Option<&[String]>,
) -> anyhow::Result<(Vec<ActorId>, ActorId, Vec<ActorId>)> {
    let r = Resolver::new(graph);
    let ids = |ns: Vec<petgraph::stable_graph::NodeIndex>| -> Vec<ActorId> {
        ns.into_iter().map(|n| graph.actor(n).id.clone()).collect()
    };
    let groups = || -> String {
        let g: Vec<&str> = graph.groups().map(|g| g.id.as_str()).collect();
        if g.is_empty() {
            "this graph has no groups".to_owned()
        } else {
            format!("its groups are {}", g.join(", "))
        }
    };
    let sources = match from {
        Some(name) => ids(r.actors(name, "--from: ")?),
        None => match r.actors("signatories", "") {
            Ok(s) => ids(s),
            Err(_) => {
                return Err(usage(format!(
                    "the default sources, the group `signatories`, are not in this graph; choose them with `--from GROUP` or `--from ACTOR` ({})",
                    groups()
                )))
            }
        },
    };
    let target = match target {
        Some(name) => graph.actor(r.actor(name, "--target: ")?).id.clone(),
        None => match r.actor("RUS", "") {
            Ok(n) => graph.actor(n).id.clone(),
            Err(_) => {
                return Err(usage(
                    "the default target, `RUS`, is not in this graph; name the actor to press with `--target ACTOR`".into(),
                ))
            }
        },
    };
    let exclude = match exclude {
        Some(list) => ids(r.list(list, "--exclude: ")?),
        None => ["EU", "UKR"]
            .iter()
            .filter_map(|x| r.actors(x, "").ok())
            .flat_map(ids)
            .collect(),
    };
    Ok((sources, target, exclude))
}

impl QuestionArgs {
    /// The library parameters for this question on `graph`, with the global options.
    pub fn params(&self, ctx: &Context, graph: &InfluenceGraph) -> anyhow::Result<SuggestParams> {
        let (sources, target, exclude) = resolve_question(
            graph,
            self.from.as_deref(),
            self.target.as_deref(),
            self.exclude.as_deref(),
        )?;
        let mut p = SuggestParams::new(sources, target);
        p.exclude = exclude;
        p.include_pressing = self.include_aligned;
        p.distance = ctx.distance;
        p.max_hops = self.max_hops;
        p.strength = ctx.strength.clone();
        Ok(p)
    }

    /// How the sources are named in pictures (`signatories`).
    pub fn sources_name(&self) -> String {
        self.from.clone().unwrap_or_else(|| "signatories".into())
    }
}
