//! `leverage validate`: check a graph file against every rule of the format.

use std::path::PathBuf;

use clap::Args;

use super::{print, Context};
use leverage::io::{load, GraphSource};

/// Check a graph file against every rule of the format; list every problem with its place
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage validate graphs/eu-outreach-2025.json\n  cat graphs/eu-outreach-2025.json | leverage validate -"
)]
pub struct ValidateArgs {
    /// The file to check (`-` for standard input); default: the `--graph` file or the bundled graph
    file: Option<PathBuf>,
}

pub fn exec(args: ValidateArgs, ctx: &Context) -> anyhow::Result<()> {
    let source = match args.file {
        None => ctx.source.clone(),
        Some(p) if p.as_os_str() == "-" => GraphSource::Stdin,
        Some(p) => GraphSource::File(p),
    };
    let graph = load(&source)?;
    print(&format!(
        "{}: valid ({} actors, {} ties, {} groups)\n",
        leverage::report::terminal_safe(&source.display_name()),
        graph.actor_count(),
        graph.tie_count(),
        graph.groups().count()
    ))
}
