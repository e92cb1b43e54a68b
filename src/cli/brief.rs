//! `leverage brief`: the minister's note; and the briefing every briefing command computes.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::builder::TypedValueParser as _;
use clap::Args;

use super::question::QuestionArgs;
use super::{print, usage, Context, Format};
use leverage::analysis::briefing::{
    briefing, Briefing, BriefingParams, DEFAULT_PARTNERS, DEFAULT_SAMPLES, DEFAULT_SEED,
};
use leverage::analysis::suggest::SuggestParams;
use leverage::model::InfluenceGraph;
use leverage::report;

/// Write a briefing note (Markdown) a minister's office can read in two pages
///
/// The question, the answer in words, the top partners with the facts that put them there and
/// their sources, the messengers, the levers and what each partner wants, how sure the answer
/// is (a seeded robustness run and the structural check), what the shipped scenarios change,
/// and the data's caveats. `--format json` prints the briefing itself (docs/JSON.md).
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage brief -o note.md\n  leverage brief --samples 10000 --seed 7\n  leverage --format json brief > briefing.json"
)]
pub struct BriefArgs {
    #[command(flatten)]
    pub briefing: BriefingArgs,
    /// Output file (`-` for standard output, the default)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// How a briefing is computed: the question, how many partners, the robustness run, the
/// scenarios.
#[derive(Debug, Args)]
pub struct BriefingArgs {
    #[command(flatten)]
    pub question: QuestionArgs,
    /// How many partners the briefing covers
    #[arg(long, default_value_t = DEFAULT_PARTNERS, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    pub partners: usize,
    /// Samples of the robustness run (draws of every figure within its range)
    #[arg(long, default_value_t = DEFAULT_SAMPLES, value_parser = clap::value_parser!(u64).range(1..=100_000).map(|x| x as usize))]
    pub samples: usize,
    /// Seed of the robustness run
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// The k of P(top k) and of the structural check
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    pub top_k: usize,
    /// Scenario files whose effect on each partner the briefing shows (repeatable; default: the
    /// four shipped in graphs/scenarios/, built into the program)
    #[arg(long, value_name = "FILE")]
    pub what_if: Vec<PathBuf>,
    /// Show no scenario
    #[arg(long, conflicts_with = "what_if")]
    pub no_what_if: bool,
    /// Most partners one messenger takes (default: no cap)
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..=10_000).map(|x| x as usize))]
    pub max_per_messenger: Option<usize>,
}

impl BriefingArgs {
    /// The briefing on `graph` for these arguments; `all` covers every ranked partner.
    pub fn compute(
        &self,
        ctx: &Context,
        graph: &InfluenceGraph,
        all: bool,
    ) -> anyhow::Result<Briefing> {
        let suggest = self.question.params(ctx, graph)?;
        let mut p = self.params(suggest, &self.question.sources_name())?;
        if all {
            p.partners = None;
        }
        Ok(briefing(graph, &p)?)
    }

    /// The library parameters for a briefing on `suggest`'s question.
    pub fn params(&self, suggest: SuggestParams, name: &str) -> anyhow::Result<BriefingParams> {
        let mut p = BriefingParams::new(suggest, name);
        p.partners = Some(self.partners);
        p.samples = self.samples;
        p.seed = self.seed;
        p.top_k = self.top_k;
        p.max_per_messenger = self.max_per_messenger;
        p.scenarios = what_if(&self.what_if, self.no_what_if)?;
        Ok(p)
    }
}

/// The scenarios a briefing compares: the files given, none, or the shipped ones.
pub fn what_if(files: &[PathBuf], none: bool) -> anyhow::Result<Vec<leverage::scenario::Scenario>> {
    if none {
        return Ok(Vec::new());
    }
    if files.is_empty() {
        return Ok(leverage::scenario::shipped::scenarios()?);
    }
    Ok(files
        .iter()
        .map(|p| leverage::scenario::load(p))
        .collect::<Result<_, _>>()?)
}

pub fn exec(args: BriefArgs, ctx: &Context) -> anyhow::Result<()> {
    let json = match ctx.format {
        None | Some(Format::Table) => false,
        Some(Format::Json) => true,
        Some(_) => {
            return Err(usage(
                "`brief` writes Markdown, or the briefing as `--format json`; for the page use `leverage export --format html`".into(),
            ))
        }
    };
    let out = args.output.clone().filter(|p| p.as_os_str() != "-");
    if let Some(p) = &out {
        ctx.refuse_input_as_output(p)?;
    }
    let graph = ctx.load()?;
    let b = args.briefing.compute(ctx, &graph, false)?;
    let text = if json {
        report::brief::briefing_json(&b)
    } else {
        report::brief::note(&b)
    };
    match out {
        None => print(&text),
        Some(p) => leverage::io::atomic::write(&p, text.as_bytes())
            .with_context(|| format!("writing the note to `{}`", p.display())),
    }
}
