//! `leverage trend`: how leverage moved across the years of the graph's series.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::builder::TypedValueParser as _;
use clap::Args;

use super::question::QuestionArgs;
use super::{print, usage, Context};
use leverage::analysis::trend::{trend, TrendParams};
use leverage::report;

/// How each partner's rank, score, reach, pull and headroom moved across the years the graph's
/// series cover, and how the target's dependence on each partner moved
///
/// Each year is the graph as of that year (`--year`): a series gives its figure of the year,
/// else the latest before it, else the earliest after it; values that rest on a carried figure
/// are marked `*`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage trend\n  leverage trend --dependence trade --groups EU,BRICS\n  leverage trend --svg trend.svg\n  leverage --format csv trend > trend.csv"
)]
pub struct TrendArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// Follow the partners in the top N of any year
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=200).map(|x| x as usize))]
    top: usize,
    /// Read the target's dependence on these channels (comma-separated; `strength` for the
    /// ties' strength) [default: the strength, then every channel with a yearly series into the
    /// target]
    #[arg(long, value_delimiter = ',', value_name = "CHANNELS")]
    dependence: Vec<String>,
    /// Also show the target's dependence on these groups (comma-separated; their members'
    /// figures summed channel by channel) [default: EU and BRICS, where the graph has them]
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    groups: Option<Vec<String>>,
    /// Also draw the trend as small multiples (SVG) into FILE
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
}

pub fn exec(args: TrendArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("trend")?;
    if ctx.year.is_some() {
        return Err(usage(
            "`trend` runs every year of the graph's series; drop `--year`".into(),
        ));
    }
    if let Some(p) = &args.svg {
        if p.as_os_str() == "-" {
            return Err(usage(
                "`--svg -` would mix the chart into the table on standard output; give a file name"
                    .into(),
            ));
        }
        ctx.refuse_input_as_output(p)?;
    }
    let graph = ctx.load()?;
    let mut params = TrendParams::new(args.question.params(ctx, &graph)?);
    params.top = args.top;
    for c in &args.dependence {
        if c == "strength" {
            params.views.push(None);
            continue;
        }
        if !graph.channels().iter().any(|k| k.as_str() == c) {
            let list: Vec<String> = graph.channels().iter().map(ToString::to_string).collect();
            return Err(usage(format!(
                "`--dependence {c}`: no tie of this graph has that channel; its channels are {} (or `strength`)",
                list.join(", ")
            )));
        }
        params.views.push(Some(c.as_str().into()));
    }
    let groups: Vec<String> = match args.groups {
        Some(list) => list.into_iter().filter(|g| !g.is_empty()).collect(),
        None => ["EU", "BRICS"]
            .into_iter()
            .filter(|g| graph.group(g).is_some())
            .map(str::to_owned)
            .collect(),
    };
    for g in &groups {
        if graph.group(g).is_none() {
            let list: Vec<&str> = graph.groups().map(|g| g.id.as_str()).collect();
            return Err(usage(format!(
                "`--groups {g}`: no such group; the graph's groups are {}",
                list.join(", ")
            )));
        }
    }
    params.groups = groups;
    let t = trend(&graph, &params)?;
    if let Some(path) = &args.svg {
        let svg = report::trend_svg::render(&t);
        leverage::io::atomic::write(path, svg.as_bytes())
            .with_context(|| format!("drawing the trend to `{}`", path.display()))?;
    }
    print(&report::trend::render(&t, format))
}
