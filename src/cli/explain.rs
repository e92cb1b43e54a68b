//! `leverage explain PARTNER`: one partner on one screen.

use clap::Args;

use super::brief::BriefingArgs;
use super::{print, Context};
use leverage::model::Resolver;
use leverage::report::{self, OutputFormat};

/// One partner on one screen: its scores and rank, their terms, its best path with each tie's
/// figures and sources, its messenger, its stance, how sure its rank is, and the scenarios that
/// move it; for an actor that is not a partner, why not
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage explain türkiye\n  leverage explain IND --format json\n  leverage explain USA"
)]
pub struct ExplainArgs {
    /// The partner: an id or a name, any case
    partner: String,
    #[command(flatten)]
    briefing: BriefingArgs,
}

pub fn exec(args: ExplainArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("explain")?;
    let graph = ctx.load()?;
    let node = Resolver::new(&graph).actor(&args.partner, "")?;
    let id = graph.actor(node).id.clone();
    let b = args.briefing.compute(ctx, &graph, true)?;
    match format {
        OutputFormat::Json => print(&report::brief::explanation_json(&b, &id)),
        _ => print(&report::brief::explain_text(&b, &id)),
    }
}
