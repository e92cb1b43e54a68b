//! `leverage compare`: partner rankings before and after `--scenario` files.

use clap::Args;

use super::question::QuestionArgs;
use super::{print, Context};
use leverage::analysis::compare::compare;
use leverage::report;

/// Each partner's rank and score before and after the `--scenario` files, by size of change
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage compare --scenario graphs/scenarios/eu-india-fta.json\n  leverage compare --scenario graphs/scenarios/us-tariffs.json --top 10 --format json"
)]
pub struct CompareArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many changes to show (0: all; at most 500,000)
    #[arg(long, default_value_t = 15, value_parser = super::ranges::count_of_actors)]
    top: usize,
}

pub fn exec(args: CompareArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("compare")?;
    let scenarios = ctx.load_scenarios()?;
    if scenarios.is_empty() {
        return Err(leverage::Error::Usage(
            "`compare` needs at least one `--scenario FILE` (see graphs/scenarios/)".into(),
        )
        .into());
    }
    let before = ctx.load_base()?;
    let (after, outcomes) = leverage::scenario::apply_all(&before, &scenarios)?;
    let mut params = args.question.params(ctx, &before)?;
    params.top = (args.top > 0).then_some(args.top);
    params.judgement_share = false;
    print(&report::compare::render(
        &compare(&before, &after, outcomes, &params)?,
        format,
    ))
}
