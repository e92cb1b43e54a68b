//! `leverage assign`: who carries the message to each partner.

use clap::Args;

use super::{hop_limit, print, Context};
use leverage::analysis::assign::{assign, AssignParams};
use leverage::analysis::suggest::SuggestParams;
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
    /// The messengers: a group or an actor
    #[arg(long, default_value = "signatories")]
    from: String,
    /// The actor to press
    #[arg(long, default_value = "RUS")]
    target: String,
    /// How many top suggested partners to assign
    #[arg(long, default_value_t = 10)]
    partners: usize,
    /// Most partners one messenger takes
    #[arg(long, default_value_t = 1)]
    max_per_messenger: usize,
    /// Never suggest these actors or groups (comma-separated; `--exclude ''` to allow all)
    #[arg(long, value_delimiter = ',', default_value = "EU,UKR")]
    exclude: Vec<String>,
    /// Longest leverage path, in ties (0: no limit)
    #[arg(long, default_value_t = 4)]
    max_hops: usize,
}

pub fn exec(args: AssignArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("assign")?;
    let graph = ctx.load()?;
    let params = AssignParams {
        suggest: SuggestParams {
            from: args.from,
            target: args.target,
            exclude: args
                .exclude
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .collect(),
            distance: ctx.distance,
            max_hops: hop_limit(args.max_hops),
            emphasis: ctx.emphasis.clone(),
            ..SuggestParams::default()
        },
        partners: args.partners,
        max_per_messenger: args.max_per_messenger,
    };
    print(&report::assign(&assign(&graph, &params)?, format))
}
