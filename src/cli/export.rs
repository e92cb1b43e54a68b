//! `leverage export`: write the graph for visualisation tools.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::{print_bytes, usage, Context, Format};
use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};

/// Write the graph for visualisation tools (GraphML, DOT) or as native JSON
///
/// Edges carry `weight` (the aggregate strength under `--channels`) and `dist` (the `--distance`
/// cost); the best leverage paths of the top suggested partners are highlighted.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage export --format graphml -o world.graphml\n  leverage export -o world.dot && neato -n -Tpng world.dot -o world.png\n  leverage export --format json > copy.json"
)]
pub struct ExportArgs {
    /// Output file (`-` for standard output, the default); the format follows its extension
    /// when `--format` is not given
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// How many suggested partners' leverage paths to highlight (0: none)
    #[arg(long, default_value_t = 5)]
    highlight: usize,
}

pub fn exec(args: ExportArgs, ctx: &Context) -> anyhow::Result<()> {
    let out = args.output.filter(|p| p.as_os_str() != "-");
    let format = match (ctx.format, &out) {
        (Some(Format::Json), _) => ExportFormat::Json,
        (Some(Format::Graphml), _) => ExportFormat::Graphml,
        (Some(Format::Dot), _) => ExportFormat::Dot,
        (Some(f @ (Format::Table | Format::Csv)), _) => {
            return Err(usage(
                format!(
                    "`export` writes graph files; `{f:?}` is not one (use json, graphml or dot)"
                )
                .to_lowercase(),
            ))
        }
        (None, Some(p)) => ExportFormat::from_extension(p).ok_or_else(|| {
            usage(format!(
                "cannot tell the format from `{}`: give `--format json|graphml|dot`",
                p.display()
            ))
        })?,
        (None, None) => ExportFormat::Json,
    };
    if let Some(out) = &out {
        ctx.refuse_input_as_output(out)?;
    }
    let graph = ctx.load()?;
    let mut annotated = AnnotatedGraph::new(&graph);
    annotated.emphasis = ctx.emphasis.clone();
    annotated.distance = ctx.distance;
    if args.highlight > 0 {
        let params = SuggestParams {
            top: Some(args.highlight),
            emphasis: ctx.emphasis.clone(),
            distance: ctx.distance,
            ..SuggestParams::default()
        };
        // Highlighting is a courtesy: a graph without the default groups exports plainly.
        if let Ok(ranking) = suggest(&graph, &params) {
            for p in &ranking.partners {
                for w in p.path.windows(2) {
                    if let (Some(a), Some(b)) = (graph.node_of(&w[0]), graph.node_of(&w[1])) {
                        annotated.highlighted.insert((a, b));
                    }
                }
            }
        }
    }
    let bytes = to_bytes(&annotated, format)?;
    match out {
        None => print_bytes(&bytes),
        Some(path) => leverage::io::atomic::write(&path, &bytes)
            .with_context(|| format!("exporting {} to `{}`", format.name(), path.display())),
    }
}
