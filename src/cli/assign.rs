//! `leverage assign`: who carries the message to each partner.

use clap::builder::TypedValueParser as _;
use clap::Args;

use super::question::QuestionArgs;
use super::{print, Context};
use leverage::analysis::assign::{assign, AssignParams};
use leverage::report;

/// For the top suggested partners, the source best placed to approach each one
///
/// Without a cap, each partner gets the source with the strongest leverage over it. With
/// `--max-per-messenger K`, each messenger takes at most K partners and the assignment is solved
/// exactly (Hungarian method) so that the top partners keep their best messengers; a row the cap
/// changed names the best messenger.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage assign\n  leverage assign --partners 8 --max-per-messenger 2\n  leverage assign --from EU --format json"
)]
pub struct AssignArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many top suggested partners to assign (1 to 10,000)
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000).map(|x| x as usize))]
    partners: usize,
    /// Most partners one messenger takes (default: no cap; a cap at or above `--partners` is no
    /// cap)
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..=10_000).map(|x| x as usize))]
    max_per_messenger: Option<usize>,
}

pub fn exec(args: AssignArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("assign")?;
    let graph = ctx.load()?;
    let mut params = AssignParams::new(args.question.params(ctx, &graph)?);
    params.partners = args.partners;
    params.max_per_messenger = args.max_per_messenger;
    let plan = assign(&graph, &params)?;
    print(&report::assign::render(&plan, format))?;
    if plan.assignments.is_empty() {
        return Err(super::errors::no_result(
            "no partner to assign: the suggestion found none with a positive score".into(),
            ctx.widen_hint(&args.question),
        ));
    }
    Ok(())
}
