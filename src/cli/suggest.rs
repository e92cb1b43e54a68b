//! `leverage suggest`: which partners to approach.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Args, ValueEnum};

use super::question::QuestionArgs;
use super::{print, progress_bar, Context};
use leverage::analysis::robustness::{robustness, RobustnessParams};
use leverage::analysis::suggest::{suggest, Coordination, SuggestParams};
use leverage::export::annotate::attach_suggestion;
use leverage::export::svg::SvgExporter;
use leverage::export::{exporter_bytes, AnnotatedGraph};
use leverage::report;

/// Rank the partners the sources should approach to press the target
///
/// score = reach × pull × receptiveness: the sources' leverage over the partner, the partner's
/// leverage over the target, and its openness (from its UN votes on Ukraine in the bundled graph).
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage suggest\n  leverage suggest --from germany --top 5\n  leverage suggest --coordination alone --format json\n  leverage --channels '*=0,trade=1' suggest --candidates BRICS"
)]
pub struct SuggestArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many partners to show (0: all with a positive score)
    #[arg(long, default_value_t = 15)]
    top: usize,
    /// Combine the sources' leverage acting together (`unison`) or take the best single one
    #[arg(long, value_enum, default_value_t = CoordinationArg::Unison)]
    coordination: CoordinationArg,
    /// Only consider these partners (actors or groups, comma-separated)
    #[arg(long, value_delimiter = ',')]
    candidates: Vec<String>,
    /// How sure: rerun on N draws of every uncertain figure within its range
    #[arg(long, value_name = "N")]
    samples: Option<usize>,
    /// Seed for `--samples` (default: one is drawn and printed)
    #[arg(long, requires = "samples")]
    seed: Option<u64>,
    /// The k of P(top k) in a `--samples` run
    #[arg(long, default_value_t = 5, requires = "samples")]
    top_k: usize,
    /// Also draw the result as an SVG map into FILE (the top 5 partners' paths highlighted)
    #[arg(long, value_name = "FILE")]
    svg: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CoordinationArg {
    /// acting together: 1 - prod(1 - L(s -> P))
    Unison,
    /// the best single source: max L(s -> P)
    Alone,
}

pub fn exec(args: SuggestArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("suggest")?;
    if let Some(p) = &args.svg {
        ctx.refuse_input_as_output(p)?;
    }
    let graph = ctx.load()?;
    let params = SuggestParams {
        candidates: args.candidates,
        top: (args.top > 0).then_some(args.top),
        coordination: match args.coordination {
            CoordinationArg::Unison => Coordination::Unison,
            CoordinationArg::Alone => Coordination::Alone,
        },
        ..args.question.params(ctx)
    };
    if let Some(samples) = args.samples {
        return print(&report::robustness(
            &run_samples(&graph, params, samples, args.seed, args.top_k)?,
            format,
        ));
    }
    let from = params.from.clone();
    let ranking = suggest(&graph, &params)?;
    if let Some(path) = &args.svg {
        let mut g = AnnotatedGraph::new(&graph);
        g.emphasis = ctx.emphasis.clone();
        g.distance = ctx.distance;
        attach_suggestion(&mut g, &ranking, &from, 5, true);
        let bytes = exporter_bytes(&g, &SvgExporter::default())?;
        leverage::io::atomic::write(path, &bytes)
            .with_context(|| format!("drawing the map to `{}`", path.display()))?;
    }
    print(&report::suggest(&ranking, format))
}

/// The `--samples` run, with a progress bar on a terminal.
fn run_samples(
    graph: &leverage::model::InfluenceGraph,
    params: SuggestParams,
    samples: usize,
    seed: Option<u64>,
    top_k: usize,
) -> anyhow::Result<leverage::analysis::robustness::Robustness> {
    // Without --seed, draw one; the report prints it so the run can be repeated.
    let seed = seed.unwrap_or_else(|| rand::random::<u64>() >> 11);
    let params = RobustnessParams {
        suggest: params,
        samples,
        seed,
        top_k,
        ..RobustnessParams::default()
    };
    let bar = progress_bar(samples);
    let tick = |_: usize| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let result = robustness(graph, &params, Some(&tick));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    Ok(result?)
}
