//! `leverage generate`: a reproducible random graph.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::{print, Context, Format};
use leverage::generate::{generate, GenerateParams};
use leverage::report::table::thousands;

/// Write a reproducible random influence graph with skewed degrees (for tests and benchmarks)
///
/// Actors `n0`, `n1`, ...; a group `sources` of the first 1% of actors; ties with a `trade`
/// channel (and `energy` on every third), strengths skewed towards weak ties, ±20% ranges.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage generate --actors 2000 --ties 20000 --seed 1 -o g.json\n  leverage generate --actors 20000 --ties 200000 --format csv -o g.csv\n  leverage --graph g.json suggest --from sources --target n1999"
)]
pub struct GenerateArgs {
    /// Number of actors, 2 to 500,000 (the reader's limit, docs/FORMAT.md)
    #[arg(long, default_value_t = 2000, value_parser = parse_actors)]
    actors: usize,
    /// Number of ties, at most 5,000,000 (the reader's limit) and actors x (actors - 1)
    #[arg(long, default_value_t = 20_000, value_parser = parse_ties)]
    ties: usize,
    /// Seed, any whole number from 0 to 2^64 - 1
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Degree skew exponent, 0 to 3 (0: uniform; higher: a few actors hold most ties)
    #[arg(long, default_value_t = 0.7, value_parser = parse_skew)]
    skew: f64,
    /// Output file (default: standard output). With `--format csv`, the actors go to
    /// `NAME.nodes.csv` beside it (on standard output, actors without ties are lost)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn exec(args: GenerateArgs, ctx: &Context) -> anyhow::Result<()> {
    let output = args.output.filter(|p| p.as_os_str() != "-");
    let csv = match ctx.format {
        None | Some(Format::Json) => false,
        Some(Format::Csv) => true,
        Some(_) => {
            return Err(leverage::Error::Usage(
                "`generate` writes `json` (the native format) or `csv` (a ties table)".into(),
            )
            .into())
        }
    };
    if let Some(out) = &output {
        ctx.refuse_input_as_output(out)?;
        if csv {
            ctx.refuse_input_as_output(&leverage::exchange::files::nodes_path(out))?;
        }
    }
    let graph = generate(&GenerateParams {
        actors: args.actors,
        ties: args.ties,
        seed: args.seed,
        skew: args.skew,
    })?;
    let text = || {
        if csv {
            ties_csv(&graph)
        } else {
            leverage::io::json::to_string(&graph)
        }
    };
    let Some(path) = output else {
        return print(&text());
    };
    // The text is made inside the write, so that an interruption while it is made also leaves
    // no file behind.
    let mut batch = leverage::io::atomic::Batch::new();
    batch
        .add(&path, |w| w.write_all(text().as_bytes()))
        .with_context(|| format!("writing `{}`", path.display()))?;
    if csv {
        // The actors table beside the ties (`NAME.nodes.csv`, which `--graph NAME.csv` reads):
        // without it, actors that drew no tie would be lost. Both files or neither.
        let nodes = leverage::exchange::files::nodes_path(&path);
        batch
            .add(&nodes, |w| w.write_all(actors_csv(&graph).as_bytes()))
            .with_context(|| format!("writing `{}`", nodes.display()))?;
    }
    batch
        .commit()
        .with_context(|| format!("writing `{}`", path.display()))
}

/// `--actors`: a whole number within the reader's limit.
fn parse_actors(s: &str) -> Result<usize, String> {
    let max = leverage::io::validate::MAX_ACTORS;
    match s.parse::<usize>() {
        Ok(n) if (2..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "`{s}` is not a whole number from 2 to {} (the reader's limit, docs/FORMAT.md)",
            thousands(max)
        )),
    }
}

/// `--ties`: a whole number within the reader's limit.
fn parse_ties(s: &str) -> Result<usize, String> {
    let max = leverage::io::validate::MAX_TIES;
    match s.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!(
            "`{s}` is not a whole number from 0 to {} (the reader's limit, docs/FORMAT.md)",
            thousands(max)
        )),
    }
}

/// `--skew`: a finite number in [0, 3].
fn parse_skew(s: &str) -> Result<f64, String> {
    let max = leverage::generate::MAX_SKEW;
    match s.parse::<f64>() {
        Ok(x) if (0.0..=max).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number from 0 to {max}")),
    }
}

/// An actors table `id,groups` listing every actor, in order (groups separated by `;`).
fn actors_csv(graph: &leverage::model::InfluenceGraph) -> String {
    let mut out = String::from("id,groups\n");
    for (_, a) in graph.actors() {
        out.push_str(&format!("{},{}\n", a.id, graph.groups_of(&a.id).join(";")));
    }
    out
}

/// A ties table `from,to,weight` (aggregate strength), the shape other tools load.
fn ties_csv(graph: &leverage::model::InfluenceGraph) -> String {
    let rule = leverage::model::StrengthRule::default();
    let mut out = String::from("from,to,weight\n");
    for (_, f, t, tie) in graph.ties() {
        out.push_str(&format!(
            "{},{},{}\n",
            graph.actor(f).id,
            graph.actor(t).id,
            graph.strength(tie, &rule)
        ));
    }
    out
}
