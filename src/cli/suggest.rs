//! `leverage suggest`: which partners to approach.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::builder::TypedValueParser as _;
use clap::{Args, ValueEnum};

use super::question::QuestionArgs;
use super::{print, progress_bar, usage, Context};
use leverage::analysis::robustness::{robustness, structural, RobustnessParams};
use leverage::analysis::suggest::{suggest, Coordination, ScoreRule};
use leverage::export::annotate::attach_suggestion;
use leverage::export::svg::SvgExporter;
use leverage::export::{exporter_bytes, AnnotatedGraph};
use leverage::report;

/// Rank the partners the sources should approach to press the target
///
/// score = reach × headroom × movability: the sources' levers over the partner, the pressure on
/// the target the partner could add and does not apply yet, and how far its stance lets the
/// sources move it. States that already press the target (sanctions) are left out.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage suggest\n  leverage suggest --from germany --top 5\n  leverage suggest --samples 10000 --seed 1 --structural\n  leverage suggest --basis official,published,derived\n  leverage --channels '*=0,trade=1' suggest --candidates BRICS\n  leverage suggest --score classic --include-aligned"
)]
pub struct SuggestArgs {
    #[command(flatten)]
    question: QuestionArgs,
    /// How many partners to show (0: all with a positive score; at most 500,000)
    #[arg(long, default_value_t = 15, value_parser = super::ranges::count_of_actors)]
    top: usize,
    /// Combine the sources' leverage acting together (`unison`) or take the best single one
    #[arg(long, value_enum, default_value_t = CoordinationArg::Unison)]
    coordination: CoordinationArg,
    /// Which score ranks: `outreach` (reach × headroom × movability) or `classic` (version 1's
    /// reach × pull × receptiveness, for comparison)
    #[arg(long, value_enum, default_value_t = ScoreArg::Outreach)]
    score: ScoreArg,
    /// Only consider these partners (actors or groups, comma-separated)
    #[arg(long, value_delimiter = ',')]
    candidates: Vec<String>,
    /// How sure: rerun on N draws of every uncertain figure within its range (1 to 1,000,000)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000).map(|x| x as usize))]
    samples: Option<usize>,
    /// Seed for `--samples`, any whole number from 0 to 2^64 - 1 (default: one is drawn and
    /// printed)
    #[arg(long, requires = "samples")]
    seed: Option<u64>,
    /// The k of P(top k) and of the structural check (1 to 1,000)
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    top_k: usize,
    /// Does the ranking hold under the model's own choices (each way of combining channels, each
    /// basis filter, each channel left out, movability off, acting alone)?
    #[arg(long)]
    structural: bool,
    /// Also draw the result as an SVG map into FILE (the top 5 partners' paths highlighted);
    /// `-` prints the map on standard output in place of the table
    #[arg(long, value_name = "FILE", conflicts_with_all = ["samples", "structural"])]
    svg: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CoordinationArg {
    /// acting together: 1 - prod(1 - L(s -> P))
    Unison,
    /// the best single source: max L(s -> P)
    Alone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScoreArg {
    /// reach × headroom × movability
    Outreach,
    /// reach × pull × receptiveness (version 1)
    Classic,
}

pub fn exec(args: SuggestArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("suggest")?;
    // `--svg -` puts the map on standard output in place of the table.
    let svg_to_stdout = args.svg.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if svg_to_stdout && ctx.format.is_some() {
        return Err(usage(
            "`--svg -` prints the map on standard output in place of the table, so `--format` cannot apply; write the map to a file (`--svg map.svg`) to keep the table"
                .into(),
        ));
    }
    if let Some(p) = args.svg.as_deref().filter(|_| !svg_to_stdout) {
        ctx.refuse_input_as_output(p)?;
    }
    let graph = ctx.load()?;
    let mut params = args.question.params(ctx, &graph)?;
    if !args.candidates.is_empty() {
        let r = leverage::model::Resolver::new(&graph);
        params.candidates = Some(
            r.list(&args.candidates, "--candidates: ")?
                .into_iter()
                .map(|n| graph.actor(n).id.clone())
                .collect(),
        );
    }
    params.top = (args.top > 0).then_some(args.top);
    params.coordination = match args.coordination {
        CoordinationArg::Unison => Coordination::Unison,
        CoordinationArg::Alone => Coordination::Alone,
    };
    params.score = match args.score {
        ScoreArg::Outreach => ScoreRule::Outreach,
        ScoreArg::Classic => ScoreRule::Classic,
    };
    if let Some(samples) = args.samples {
        // Without --seed, draw one; the report prints it so the run can be repeated.
        let seed = args.seed.unwrap_or_else(|| rand::random::<u64>() >> 11);
        let mut rp = RobustnessParams::new(params.clone(), samples, seed);
        rp.top_k = args.top_k;
        let bar = progress_bar(samples);
        let tick = |_: usize| {
            if let Some(b) = &bar {
                b.inc(1);
            }
        };
        let result = robustness(&graph, &rp, Some(&tick));
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        let mut result = result?;
        if args.structural {
            result.structural = Some(structural(&graph, &params, args.top_k)?);
        }
        return print(&report::robustness::render(&result, format));
    }
    if args.structural {
        let check = structural(&graph, &params, args.top_k)?;
        return print(&report::robustness::render_structural(&check, format));
    }
    let ranking = suggest(&graph, &params)?;
    if let Some(path) = &args.svg {
        let mut g = AnnotatedGraph::new(&graph);
        g.strength = ctx.strength.clone();
        g.distance = ctx.distance;
        attach_suggestion(&mut g, &ranking, &args.question.sources_name(), 5, true);
        let bytes = exporter_bytes(&g, &SvgExporter::default())?;
        if svg_to_stdout {
            super::print_bytes(&bytes)?;
        } else {
            leverage::io::atomic::write(path, &bytes)
                .with_context(|| format!("drawing the map to `{}`", path.display()))?;
        }
    }
    if !svg_to_stdout {
        print(&report::suggest::render(&ranking, format))?;
    }
    if ranking.partners.is_empty() {
        // The rule for "no result" (README, "Exit codes"): the output is printed, stderr says
        // why, and the exit code is 1.
        return Err(super::errors::no_result(format!(
            "no partner has a positive score: none is reached by the sources and holds pressure on {} that it does not apply yet",
            ranking.target
        ), ctx.widen_hint(&args.question)));
    }
    Ok(())
}
