//! `leverage paths`: the best leverage paths between two actors.

use clap::Args;

use super::{hop_limit, print, Context};
use leverage::analysis::paths::{paths, PathsParams};
use leverage::report;

/// The best leverage path and the k best simple paths between two actors (Yen)
///
/// A path's leverage is the product of its ties' strengths: pressure weakens at every hop.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage paths --from AUT --to RUS -k 5\n  leverage paths --from germany --to russia --avoid CHN,IND --max-hops 3"
)]
pub struct PathsArgs {
    /// Start actor (id or name)
    #[arg(long)]
    from: String,
    /// End actor (id or name)
    #[arg(long)]
    to: String,
    /// How many paths, best first
    #[arg(short, long, default_value_t = 1)]
    k: usize,
    /// Longest path, in ties (0: no limit)
    #[arg(long, default_value_t = 4)]
    max_hops: usize,
    /// Actors or groups the paths must not pass through (comma-separated)
    #[arg(long, value_delimiter = ',')]
    avoid: Vec<String>,
}

pub fn exec(args: PathsArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("paths")?;
    let graph = ctx.load()?;
    let params = PathsParams {
        from: args.from,
        to: args.to,
        k: args.k,
        max_hops: hop_limit(args.max_hops),
        avoid: args.avoid,
        distance: ctx.distance,
        emphasis: ctx.emphasis.clone(),
    };
    let result = paths(&graph, &params)?;
    print(&report::paths(&result, format))
}
