//! `leverage info`: the graph at a glance.

use clap::Args;

use super::{print, Context};
use leverage::analysis::info::info;
use leverage::report;

/// Actors, ties, groups, channels and sources at a glance
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage info\n  leverage --graph graphs/eu-outreach-2025.json info --format json"
)]
pub struct InfoArgs {}

pub fn exec(_args: InfoArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("info")?;
    let graph = ctx.load()?;
    print(&report::info::render(&info(&graph), format))
}
