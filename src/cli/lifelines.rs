//! `leverage lifelines`: which actors keep the target afloat.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::{print, usage, Context};
use leverage::analysis::lifelines::{lifelines, LifelinesParams};
use leverage::model::{InfluenceGraph, Resolver};
use leverage::report;

/// Which actors keep the target afloat: how much its support falls when each is removed
///
/// The target's support is its dependence on the rest of the world that still flows: the
/// noisy-OR over the world of each actor's best-path leverage over it, with each tie into the
/// target read as the part its holder does not apply yet. By default the world leaves out the
/// states that already press the target. Each actor is removed alone (or its ties cut by
/// `--cut`), then greedily: each step removes the actor that cuts most, given those removed
/// before (Borgatti's key players).
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage lifelines\n  leverage lifelines --cut 0.5 --top 15\n  leverage lifelines --include-aligned\n  leverage --channels '*=0,trade=1,energy=1' lifelines\n  leverage --format json lifelines --target BLR"
)]
pub struct LifelinesArgs {
    /// The actor whose support is measured [default: RUS]
    #[arg(long, value_name = "NAME")]
    target: Option<String>,
    /// Cut each actor's ties by this share instead of removing it (a share in (0, 1]; 1
    /// removes)
    #[arg(long, value_name = "SHARE", default_value_t = 1.0, value_parser = parse_cut)]
    cut: f64,
    /// Count the states that already press the target too, every tie at its full strength:
    /// the target's whole dependence rather than the support that still flows
    #[arg(long)]
    include_aligned: bool,
    /// Measure the support through one channel family alone, e.g. `economic` (what keeps the
    /// target's economy afloat)
    #[arg(long, value_name = "FAMILY")]
    family: Option<String>,
    /// Longest path into the target, in ties (1: direct ties only)
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=8).map(|x| x as usize))]
    max_hops: usize,
    /// How many actors to show, and how many greedy removals to make
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    top: usize,
}

/// A share in (0, 1].
fn parse_cut(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number; give a share such as 0.5"))?;
    if x > 0.0 && x <= 1.0 {
        Ok(x)
    } else {
        Err(format!(
            "`{s}` is not in (0, 1]: 1 removes an actor, 0.5 halves its ties"
        ))
    }
}

/// The target named by `--target`, else `RUS`, resolved on `graph`.
pub(super) fn target_of(
    graph: &InfluenceGraph,
    name: Option<&str>,
) -> anyhow::Result<leverage::model::ActorId> {
    let r = Resolver::new(graph);
    match name {
        Some(n) => Ok(graph.actor(r.actor(n, "--target: ")?).id.clone()),
        None => r
            .actor("RUS", "")
            .map(|n| graph.actor(n).id.clone())
            .map_err(|_| {
                usage(
                "the default target, `RUS`, is not in this graph; name it with `--target ACTOR`"
                    .into(),
            )
            }),
    }
}

pub fn exec(args: LifelinesArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("lifelines")?;
    let graph = ctx.load()?;
    let mut params = LifelinesParams::new(target_of(&graph, args.target.as_deref())?);
    params.max_hops = args.max_hops;
    params.strength = ctx.strength.clone();
    params.include_pressing = args.include_aligned;
    params.cut = args.cut;
    params.steps = args.top;
    params.family = args.family;
    let result = lifelines(&graph, &params)?;
    print(&report::lifelines::render(&result, args.top, format))
}
