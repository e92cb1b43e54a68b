//! `leverage blocs`: communities of the ties (Leiden or Louvain).

use clap::builder::TypedValueParser as _;
use clap::{Args, ValueEnum};

use super::{print, Context};
use leverage::analysis::bloc_groups::named_blocs;
use leverage::analysis::blocs::{BlocsParams, Method};
use leverage::report;

/// The blocs the ties form: communities by modularity (Leiden or Louvain), seeded
///
/// Each pair's two directed ties are added into one undirected weight; the partition of highest
/// modularity found is reported, largest bloc first, with the graph group each bloc resembles
/// most. Without `--seed` the seed is 1, and it is printed: the same graph and options give the
/// same blocs. With the default parameters they are the blocs that the global option
/// `--with-blocs` adds as groups `bloc-1`, `bloc-2`... for every command.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage blocs\n  leverage blocs --method louvain --seed 7\n  leverage blocs --resolution 1.5 --restarts 20\n  leverage --with-blocs suggest --candidates bloc-2\n  leverage --format csv blocs"
)]
pub struct BlocsArgs {
    /// Community detection method
    #[arg(long, value_enum, default_value_t = MethodArg::Leiden)]
    method: MethodArg,
    /// Seed of the random generator (the same seed gives the same blocs) [default: 1]
    #[arg(long)]
    seed: Option<u64>,
    /// Modularity resolution (at least 0; higher gives more, smaller blocs; 0 gives the
    /// connected components)
    #[arg(long, default_value_t = 1.0, value_parser = parse_resolution)]
    resolution: f64,
    /// Independent runs (each seeded from `--seed`); the best is kept
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=10_000).map(|x| x as usize))]
    restarts: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MethodArg {
    /// Leiden (Traag, Waltman, van Eck 2019): blocs are connected
    Leiden,
    /// Louvain (Blondel et al. 2008)
    Louvain,
}

fn parse_resolution(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    if x.is_finite() && x >= 0.0 {
        Ok(x)
    } else {
        Err(format!(
            "`{s}` is not a finite number of at least 0 (1 is standard modularity)"
        ))
    }
}

pub fn exec(args: BlocsArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("blocs")?;
    let graph = ctx.load()?;
    let mut params = BlocsParams::default();
    params.method = match args.method {
        MethodArg::Leiden => Method::Leiden,
        MethodArg::Louvain => Method::Louvain,
    };
    if let Some(s) = args.seed {
        params.seed = s;
    }
    params.resolution = args.resolution;
    params.restarts = args.restarts;
    let result = named_blocs(&graph, &ctx.strength, &params)?;
    print(&report::blocs::render(&result, &graph, format))
}
