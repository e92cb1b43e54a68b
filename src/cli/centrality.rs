//! `leverage centrality`: rank actors by a centrality measure, or all measures at once.

use clap::{Args, ValueEnum};

use super::{print, Context};
use leverage::analysis::centrality::{centrality, centrality_table, CentralityParams, Measure};
use leverage::report;

/// Rank actors by a centrality measure (or `--measure all` for one table of every measure)
///
/// Along the ties mass gathers at exposed actors (strength-in, pagerank); against them at
/// influential ones (strength-out, influence); betweenness marks brokers.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage centrality --measure betweenness\n  leverage centrality --measure influence --top 10\n  leverage centrality --measure all --format csv"
)]
pub struct CentralityArgs {
    /// The measure
    #[arg(long, value_enum, default_value_t = MeasureArg::Betweenness)]
    measure: MeasureArg,
    /// How many actors to show (0: all)
    #[arg(long, default_value_t = 0)]
    top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MeasureArg {
    /// sum of incoming strengths (exposure)
    StrengthIn,
    /// sum of outgoing strengths (influence)
    StrengthOut,
    /// share of best leverage paths through the actor (broker)
    Betweenness,
    /// weighted PageRank along the ties (exposure)
    Pagerank,
    /// weighted PageRank against the ties (influence)
    Influence,
    /// every measure in one table
    All,
}

pub fn exec(args: CentralityArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("centrality")?;
    let graph = ctx.load()?;
    let params = CentralityParams {
        emphasis: ctx.emphasis.clone(),
        distance: ctx.distance,
        ..CentralityParams::default()
    };
    let measure = match args.measure {
        MeasureArg::StrengthIn => Measure::StrengthIn,
        MeasureArg::StrengthOut => Measure::StrengthOut,
        MeasureArg::Betweenness => Measure::Betweenness,
        MeasureArg::Pagerank => Measure::PageRank,
        MeasureArg::Influence => Measure::Influence,
        MeasureArg::All => {
            let table = centrality_table(&graph, Measure::ALL, &params)?;
            return print(&report::centrality_all(&table, format));
        }
    };
    let mut ranking = centrality(&graph, measure, &params)?;
    if args.top > 0 {
        ranking.nodes.truncate(args.top);
    }
    print(&report::centrality(&ranking, format))
}
