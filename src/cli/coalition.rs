//! `leverage coalition`: the best set of partners approached together.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::question::QuestionArgs;
use super::{print, Context};
use leverage::analysis::coalition::{coalition, CoalitionParams, MAX_K};
use leverage::report;

/// The best set of k partners approached together, overlap counted once
///
/// Each partner brings its suggest score split over the channel families of its tie into the
/// target; within a family the partners' pressures overlap (noisy-OR), across families they add.
/// The set is chosen greedily (within 1 - 1/e of the best, the objective being monotone
/// submodular), each member's marginal gain shown, and checked against every set where there
/// are at most 2,000,000 of them.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage coalition -k 3\n  leverage coalition -k 5 --from DEU\n  leverage --format json coalition -k 3 --candidates BRICS"
)]
pub struct CoalitionArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many partners the set holds
    #[arg(short, long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=MAX_K as u64).map(|x| x as usize))]
    k: usize,
    /// Only consider these partners (actors or groups, comma-separated)
    #[arg(long, value_delimiter = ',')]
    candidates: Vec<String>,
}

pub fn exec(args: CoalitionArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("coalition")?;
    let graph = ctx.load()?;
    let mut params = args.question.params(ctx, &graph)?;
    if !args.candidates.is_empty() {
        let r = leverage::model::Resolver::new(&graph);
        params.candidates = Some(
            r.list(&args.candidates, "--candidates: ")?
                .into_iter()
                .map(|n| graph.actor(n).id.clone())
                .collect(),
        );
    }
    let result = coalition(&graph, &CoalitionParams::new(params, args.k))?;
    print(&report::coalition::render(&result, format))
}
