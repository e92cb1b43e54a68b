//! `leverage sensitivity`: which figures decide the answer.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::question::QuestionArgs;
use super::{print, Context};
use leverage::analysis::sensitivity::{sensitivity, SensitivityParams};
use leverage::report;

/// Which figures decide the answer: for every figure, the smallest change that alters the top k
/// or the #1
///
/// Every channel figure and stance signal is moved alone, up towards 1 and down towards 0, the
/// others held at their best estimates; the nearer value at which `suggest`'s top k (as a set)
/// or its #1 changes is reported, within the figure's range or beyond it. Figures that change
/// the answer within their own range are listed first, with source, basis and citation, so
/// that the judgement figures the answer rests on stand out.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage sensitivity\n  leverage sensitivity --top-k 3 --top 25\n  leverage --format json sensitivity\n  leverage --basis official,published,derived sensitivity"
)]
pub struct SensitivityArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// The k of the top k
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    top_k: usize,
    /// How many figures to list (JSON and CSV list all)
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=100_000).map(|x| x as usize))]
    top: usize,
}

pub fn exec(args: SensitivityArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("sensitivity")?;
    let graph = ctx.load()?;
    let params = args.question.params(ctx, &graph)?;
    let result = sensitivity(&graph, &SensitivityParams::new(params, args.top_k))?;
    print(&report::sensitivity::render(&result, args.top, format))
}
