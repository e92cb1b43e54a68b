//! `leverage centrality`: rank actors by a centrality measure, or all measures at once.

use clap::{Args, ValueEnum};

use super::{print, usage, warn, Context};
use leverage::analysis::centrality::{
    centrality, centrality_table, CentralityParams, KatzParams, Measure, PageRankParams,
    PowerParams, DEFAULT_MAX_ITER,
};
use leverage::report;

/// Rank actors by a centrality measure (or `--measure all` for one table of every measure)
///
/// Along the ties mass gathers at exposed actors (strength-in, pagerank, closeness, harmonic,
/// eigenvector, katz, authorities); against them at influential ones (strength-out, influence,
/// hubs); betweenness marks brokers, and a low constraint marks a broker across structural holes.
/// Every measure equals its NetworkX function on the graph `leverage export --format graphml`
/// writes (edge attributes `weight` and `dist`). Iterative measures report their parameters and
/// iterations, and fail instead of printing numbers that did not converge.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage centrality --measure betweenness\n  leverage centrality --measure influence --top 10\n  leverage centrality --measure katz --alpha 0.2\n  leverage centrality --measure all --format csv"
)]
pub struct CentralityArgs {
    /// The measure
    #[arg(long, value_enum, default_value_t = MeasureArg::Betweenness)]
    measure: MeasureArg,
    /// How many actors to show (0: all; at most 500,000)
    #[arg(long, default_value_t = 0, value_parser = super::ranges::count_of_actors)]
    top: usize,
    /// Katz attenuation per tie: a number above 0 and below 1/lambda_max [default:
    /// 0.5/lambda_max, or 0.1 on a graph without cycles]
    #[arg(long, value_name = "A", value_parser = super::ranges::alpha)]
    alpha: Option<f64>,
    /// Convergence tolerance of pagerank, influence, eigenvector, katz, hubs and authorities,
    /// above 0 and at most 1: stop when the L1 change is below n * tolerance
    #[arg(long, value_name = "TOL", default_value_t = 1e-12, value_parser = super::ranges::tolerance)]
    tolerance: f64,
    /// Iteration cap of the iterative measures, 1 to 10,000,000; reaching it is an error (with
    /// `--measure all`, that measure's column is left out, with a warning)
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_ITER, value_parser = super::ranges::max_iter)]
    max_iter: usize,
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
    /// closeness over incoming paths, Wasserman-Faust (exposure)
    Closeness,
    /// sum of 1/distance over incoming paths (exposure)
    Harmonic,
    /// eigenvector centrality on the in-ties (exposure)
    Eigenvector,
    /// Katz centrality on the in-ties (exposure); see --alpha
    Katz,
    /// HITS hub score (influence)
    Hubs,
    /// HITS authority score (exposure)
    Authorities,
    /// Burt's constraint, ties both ways (low: broker); empty for actors without ties
    Constraint,
    /// every measure in one table
    All,
}

pub fn exec(args: CentralityArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("centrality")?;
    if args.alpha.is_some() && !matches!(args.measure, MeasureArg::Katz | MeasureArg::All) {
        return Err(usage(
            "`--alpha` is Katz's attenuation; use it with `--measure katz` or `all`".into(),
        ));
    }
    let graph = ctx.load()?;
    let power = PowerParams {
        tolerance: args.tolerance,
        max_iter: args.max_iter,
    };
    let params = CentralityParams {
        strength: ctx.strength.clone(),
        distance: ctx.distance,
        pagerank: PageRankParams {
            tolerance: args.tolerance,
            max_iter: args.max_iter,
            ..PageRankParams::default()
        },
        power,
        katz: KatzParams {
            alpha: args.alpha,
            power,
            ..KatzParams::default()
        },
        ..CentralityParams::default()
    };
    let measure = match args.measure {
        MeasureArg::StrengthIn => Measure::StrengthIn,
        MeasureArg::StrengthOut => Measure::StrengthOut,
        MeasureArg::Betweenness => Measure::Betweenness,
        MeasureArg::Pagerank => Measure::PageRank,
        MeasureArg::Influence => Measure::Influence,
        MeasureArg::Closeness => Measure::Closeness,
        MeasureArg::Harmonic => Measure::Harmonic,
        MeasureArg::Eigenvector => Measure::Eigenvector,
        MeasureArg::Katz => Measure::Katz,
        MeasureArg::Hubs => Measure::Hubs,
        MeasureArg::Authorities => Measure::Authorities,
        MeasureArg::Constraint => Measure::Constraint,
        MeasureArg::All => {
            let table = super::with_progress("computing every centrality measure", || {
                centrality_table(&graph, Measure::ALL, &params)
            })?;
            for (measure, why) in &table.failed {
                warn(
                    &format!("{measure} left out: {why}"),
                    Some("raise `--max-iter` or loosen `--tolerance`"),
                );
            }
            return print(&report::centrality::render_all(&table, format));
        }
    };
    let mut ranking = super::with_progress(&format!("computing {}", measure.name()), || {
        centrality(&graph, measure, &params)
    })?;
    if args.top > 0 {
        ranking.nodes.truncate(args.top);
    }
    print(&report::centrality::render(&ranking, format))
}
