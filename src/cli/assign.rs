//! `leverage assign`: who carries the message to each partner.

use clap::Args;

use super::question::QuestionArgs;
use super::{print, Context};
use leverage::analysis::assign::{assign, AssignParams};
use leverage::report;

/// For the top suggested partners, the source member best placed to approach each one
///
/// Solved exactly as an assignment problem (Hungarian method): each partner gets one
/// messenger, each messenger at most `--max-per-messenger` partners, maximising the product of
/// the messengers' leverage over their partners.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage assign\n  leverage assign --partners 8 --max-per-messenger 2\n  leverage assign --from EU --format json"
)]
pub struct AssignArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many top suggested partners to assign
    #[arg(long, default_value_t = 10)]
    partners: usize,
    /// Most partners one messenger takes
    #[arg(long, default_value_t = 1)]
    max_per_messenger: usize,
}

pub fn exec(args: AssignArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("assign")?;
    let graph = ctx.load()?;
    let params = AssignParams {
        suggest: args.question.params(ctx),
        partners: args.partners,
        max_per_messenger: args.max_per_messenger,
    };
    print(&report::assign(&assign(&graph, &params)?, format))
}
