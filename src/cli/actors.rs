//! `leverage actors`: every actor, its groups and its stance.

use clap::Args;

use super::{print, Context};
use leverage::analysis::info::actors;
use leverage::model::Resolver;
use leverage::report;

/// List every actor: id, name, groups, stance towards the target, ties out and in
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage actors\n  leverage actors --format csv\n  leverage actors --target CHN --format json"
)]
pub struct ActorsArgs {
    /// The target whose stance is shown [default: RUS, when the graph has it]
    #[arg(long, value_name = "NAME")]
    target: Option<String>,
}

pub fn exec(args: ActorsArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("actors")?;
    let graph = ctx.load()?;
    let r = Resolver::new(&graph);
    let target = match &args.target {
        Some(name) => Some(graph.actor(r.actor(name, "--target: ")?).id.clone()),
        None => graph.actor_by_id("RUS").map(|a| a.id.clone()),
    };
    print(&report::actors::render(
        &actors(&graph, target.as_ref()),
        format,
    ))
}
