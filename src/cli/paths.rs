//! `leverage paths`: the best leverage paths between two actors.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::{hop_limit, print, Context};
use leverage::analysis::paths::{paths, PathsParams, DEFAULT_MAX_HOPS};
use leverage::model::Resolver;
use leverage::report;

/// The best leverage path and the k best simple paths between two actors (Yen)
///
/// A path's leverage is the product of its ties' strengths: pressure weakens at every hop.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage paths --from AUT --to RUS -k 5\n  leverage paths --from germany --to russia --avoid CHN,IND --max-hops 2"
)]
pub struct PathsArgs {
    /// Start actor (id or name)
    #[arg(long)]
    from: String,
    /// End actor (id or name)
    #[arg(long)]
    to: String,
    /// How many paths, best first (1 to 1,000)
    #[arg(short, long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    k: usize,
    /// Longest path, in ties (0: no limit; at most 64)
    #[arg(long, default_value_t = DEFAULT_MAX_HOPS, value_parser = clap::value_parser!(u64).range(0..=64).map(|x| x as usize))]
    max_hops: usize,
    /// Actors or groups the paths must not pass through (comma-separated)
    #[arg(long, value_delimiter = ',')]
    avoid: Vec<String>,
}

pub fn exec(args: PathsArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("paths")?;
    let graph = ctx.load()?;
    let r = Resolver::new(&graph);
    let id = |n| graph.actor(n).id.clone();
    let mut params = PathsParams::new(
        id(r.actor(&args.from, "--from: ")?),
        id(r.actor(&args.to, "--to: ")?),
    );
    if params.from == params.to {
        return Err(super::usage(format!(
            "--to is `{}`, the same actor as --from; give two different actors",
            args.to
        )));
    }
    params.k = args.k;
    params.max_hops = hop_limit(args.max_hops);
    params.avoid = r
        .list(&args.avoid, "--avoid: ")?
        .into_iter()
        .map(id)
        .collect();
    params.distance = ctx.distance;
    params.strength = ctx.strength.clone();
    let result = paths(&graph, &params)?;
    print(&report::paths::render(&result, format))
}
