//! The command line: global options, subcommands, and the glue from clap types to library
//! parameters. Nothing here computes; each subcommand file resolves arguments, calls the library
//! and prints through `report`.

mod assign;
mod centrality;
mod compare;
mod errors;
mod export;
mod generate;
mod info;
mod paths;
mod question;
mod roles;
#[cfg(unix)]
mod signals;
mod streams;
mod suggest;
mod validate;

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use leverage::io::{GraphSource, LoadOptions};
use leverage::model::{BasisSet, ChannelEmphasis, Combine, Distance, InfluenceGraph, StrengthRule};
use leverage::report::OutputFormat;

/// Which partners should the EU approach to press Russia, through whom, and how sure can we be?
///
/// leverage models diplomatic influence as a directed, weighted, multi-channel graph: a tie
/// `A -> B` means A holds leverage over B because B depends on A. It ranks partners by the
/// sources' reach over them and their pull on the target, finds leverage paths, and computes
/// centrality. Without `--graph` it runs on the bundled graph of the 2025 EU outreach letter.
#[derive(Debug, Parser)]
#[command(name = "leverage", version, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  leverage suggest\n  leverage paths --from AUT --to RUS -k 5\n  leverage centrality --measure betweenness\n  leverage --graph my.json --format json suggest --from germany --top 5"
)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes, before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Graph file to read: `.json` (native), `.graphml`/`.xml`, `.gexf`, `.csv` (a ties table);
    /// `-` reads native JSON from standard input; default: the bundled graph
    #[arg(long, global = true, value_name = "FILE")]
    graph: Option<PathBuf>,
    /// For a GraphML, GEXF or CSV `--graph`: the edge attribute or column holding the tie strength
    /// (default `weight`; a tie without one has strength 1)
    #[arg(long, global = true, value_name = "NAME")]
    weight_attr: Option<String>,
    /// For a CSV `--graph`: the actors table (default: `NAME.nodes.csv` beside `NAME.csv`, if
    /// present)
    #[arg(long = "actors-table", global = true, value_name = "FILE")]
    actors_table: Option<PathBuf>,
    /// Output format: `table` for people, `json`/`csv` for scripts; for `export`, the file format
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// Channel emphasis in [0, 1], e.g. `trade=1,energy=0.5`; `*=0,trade=1` keeps only trade
    #[arg(long, global = true, value_name = "SPEC", value_parser = parse_emphasis)]
    channels: Option<ChannelEmphasis>,
    /// What-if scenario file applied on top of the graph (repeatable, applied in order)
    #[arg(long, global = true, value_name = "FILE")]
    scenario: Vec<PathBuf>,
    /// Path cost of a tie of strength w: `log` (-ln w, paths multiply), `inverse` (1/w), `hops`
    #[arg(long, global = true, value_enum, default_value_t = DistanceArg::Log)]
    distance: DistanceArg,
    /// How a tie's channels combine: `nested` (the strongest channel of each family of one flow,
    /// then noisy-OR across families), `noisy-or` (every channel independent), `max`
    #[arg(long, global = true, value_enum, default_value_t = CombineArg::Nested)]
    combine: CombineArg,
    /// Keep only figures of these bases, e.g. `official,published,derived` (bases: official,
    /// published, derived, judgement, unknown)
    #[arg(long, global = true, value_name = "LIST", value_parser = parse_basis)]
    basis: Option<BasisSet>,
    /// Analyse the graph as of this year: each yearly series gives its figure of that year (else
    /// the latest before it, else the earliest after it)
    #[arg(long, global = true, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    year: Option<i32>,
}

/// `--combine` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CombineArg {
    /// the strongest channel of each family, then noisy-OR across families
    Nested,
    /// every channel an independent chance
    NoisyOr,
    /// the strongest channel alone
    Max,
}

impl From<CombineArg> for Combine {
    fn from(c: CombineArg) -> Self {
        match c {
            CombineArg::Nested => Combine::Nested,
            CombineArg::NoisyOr => Combine::NoisyOr,
            CombineArg::Max => Combine::Max,
        }
    }
}

fn parse_basis(s: &str) -> Result<BasisSet, String> {
    s.parse::<BasisSet>().map_err(|e| e.to_string())
}

/// Every output format any command writes; each command accepts its own subset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table (default for analyses)
    Table,
    /// JSON (the documented contract; for `export`, the native graph format)
    Json,
    /// CSV
    Csv,
    /// GraphML (export)
    Graphml,
    /// Graphviz DOT (export)
    Dot,
    /// GEXF 1.3 with positions, colours and sizes (export, for Gephi)
    Gexf,
    /// Cytoscape.js elements JSON (export)
    Cytoscape,
    /// NetworkX node-link JSON (export, for `nx.node_link_graph` and D3)
    NodeLink,
    /// An SVG map (export)
    Svg,
}

/// `--distance` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DistanceArg {
    /// -ln w: a path's cost is minus the log of its leverage
    Log,
    /// 1/w
    Inverse,
    /// every tie costs 1
    Hops,
}

impl From<DistanceArg> for Distance {
    fn from(d: DistanceArg) -> Self {
        match d {
            DistanceArg::Log => Distance::Log,
            DistanceArg::Inverse => Distance::Inverse,
            DistanceArg::Hops => Distance::Hops,
        }
    }
}

fn parse_emphasis(s: &str) -> Result<ChannelEmphasis, String> {
    s.parse::<ChannelEmphasis>().map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
enum Command {
    Suggest(suggest::SuggestArgs),
    Assign(assign::AssignArgs),
    Compare(compare::CompareArgs),
    Paths(paths::PathsArgs),
    Centrality(centrality::CentralityArgs),
    Roles(roles::RolesArgs),
    Info(info::InfoArgs),
    Validate(validate::ValidateArgs),
    Export(export::ExportArgs),
    Generate(generate::GenerateArgs),
}

/// What every subcommand gets: the global options, resolved.
pub struct Context {
    source: GraphSource,
    scenarios: Vec<PathBuf>,
    load: LoadOptions,
    format: Option<Format>,
    strength: StrengthRule,
    distance: Distance,
    basis: Option<BasisSet>,
    year: Option<i32>,
}

impl Context {
    /// Loads the graph named by `--graph` (or the bundled one), with the `--scenario` files
    /// applied.
    fn load(&self) -> anyhow::Result<InfluenceGraph> {
        let base = self.load_file()?;
        let g = if self.scenarios.is_empty() {
            base
        } else {
            leverage::scenario::apply_all(&base, &self.load_scenarios()?)?.0
        };
        self.view(g)
    }

    /// Loads the graph without scenarios, as of `--year` and with `--basis`.
    fn load_base(&self) -> anyhow::Result<InfluenceGraph> {
        self.view(self.load_file()?)
    }

    /// Loads the file as it is.
    fn load_file(&self) -> anyhow::Result<InfluenceGraph> {
        Ok(leverage::io::load_with(&self.source, &self.load)?)
    }

    /// The view `--year` and `--basis` ask for, and a check that `--channels` names channels
    /// of the graph.
    fn view(&self, g: InfluenceGraph) -> anyhow::Result<InfluenceGraph> {
        let g = match self.year {
            Some(y) => g.at_year(y).0,
            None => g,
        };
        let g = match self.basis {
            Some(b) => g.with_bases(b).0,
            None => g,
        };
        let known = g.channels();
        for c in self.strength.emphasis.named() {
            if !known.contains(c) {
                let mut near: Vec<(f64, String)> = known
                    .iter()
                    .map(|k| (strsim::jaro_winkler(c.as_str(), k.as_str()), k.to_string()))
                    .filter(|(s, _)| *s >= 0.8)
                    .collect();
                near.sort_by(|a, b| b.0.total_cmp(&a.0));
                let dym = near
                    .first()
                    .map_or(String::new(), |(_, k)| format!(" (did you mean `{k}`?)"));
                let list: Vec<String> = known.iter().map(ToString::to_string).collect();
                return Err(usage(format!(
                    "`--channels` names channel `{c}`, which no tie of this graph has{dym}; its channels are {}",
                    list.join(", ")
                )));
            }
        }
        Ok(g)
    }

    /// Parses the `--scenario` files.
    fn load_scenarios(&self) -> anyhow::Result<Vec<leverage::scenario::Scenario>> {
        Ok(self
            .scenarios
            .iter()
            .map(|p| leverage::scenario::load(p))
            .collect::<Result<_, _>>()?)
    }

    /// Refuses an output path that is one of the inputs (the `--graph` file or a `--scenario`
    /// file), however it is spelled: `./g.json`, a symbolic link, or a hard link to it.
    fn refuse_input_as_output(&self, out: &Path) -> anyhow::Result<()> {
        let mut inputs: Vec<(PathBuf, &str)> = Vec::new();
        if let Some(p) = self.source.path() {
            inputs.push((p.to_path_buf(), "the input graph"));
            // A CSV graph also reads its `NAME.nodes.csv` and `NAME.graph.json` siblings.
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
                inputs.push((
                    leverage::exchange::files::nodes_path(p),
                    "the input graph's actors table",
                ));
                inputs.push((
                    leverage::exchange::files::graph_path(p),
                    "the input graph's graph file",
                ));
            }
        }
        if let Some(a) = &self.load.actors {
            inputs.push((a.clone(), "the input actors table"));
        }
        inputs.extend(
            self.scenarios
                .iter()
                .map(|p| (p.clone(), "a scenario file")),
        );
        for (input, what) in &inputs {
            if same_file(out, input) {
                return Err(usage(format!(
                    "`-o {}` is {what} (`{}`); write the output to another file",
                    out.display(),
                    input.display()
                )));
            }
        }
        Ok(())
    }

    /// The output format for an analysis: table, json or csv.
    fn output(&self, command: &str) -> anyhow::Result<OutputFormat> {
        match self.format {
            None | Some(Format::Table) => Ok(OutputFormat::Table),
            Some(Format::Json) => Ok(OutputFormat::Json),
            Some(Format::Csv) => Ok(OutputFormat::Csv),
            Some(other) => Err(usage(format!(
                "`{command}` prints `table`, `json` or `csv`, not `{}`; use `leverage export --format {}` for graph files",
                other.to_possible_value().map_or(String::new(), |v| v.get_name().to_owned()),
                other.to_possible_value().map_or(String::new(), |v| v.get_name().to_owned()),
            ))),
        }
    }
}

/// Whether `a` and `b` name the same file: the same canonical path, or (on Unix) the same device
/// and inode, which also catches hard links. Paths that do not exist are compared as written.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// A usage error (exit code 2).
fn usage(message: String) -> anyhow::Error {
    leverage::Error::Usage(message).into()
}

/// Runs the command line.
///
/// # Errors
/// Any library error, with context.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    #[cfg(unix)]
    signals::install();
    let source = match cli.global.graph.as_deref() {
        None => GraphSource::Bundled,
        Some(p) if p.as_os_str() == "-" => GraphSource::Stdin,
        Some(p) => GraphSource::File(p.to_owned()),
    };
    let ctx = Context {
        source,
        scenarios: cli.global.scenario,
        load: LoadOptions {
            weight_attr: cli.global.weight_attr,
            actors: cli.global.actors_table,
        },
        format: cli.global.format,
        strength: StrengthRule::new(cli.global.channels.unwrap_or_default())
            .with_combine(cli.global.combine.into()),
        distance: cli.global.distance.into(),
        basis: cli.global.basis,
        year: cli.global.year,
    };
    let result = match cli.command {
        Command::Suggest(a) => suggest::exec(a, &ctx),
        Command::Assign(a) => assign::exec(a, &ctx),
        Command::Compare(a) => compare::exec(a, &ctx),
        Command::Paths(a) => paths::exec(a, &ctx),
        Command::Centrality(a) => centrality::exec(a, &ctx),
        Command::Roles(a) => roles::exec(a, &ctx),
        Command::Info(a) => info::exec(a, &ctx),
        Command::Validate(a) => validate::exec(a, &ctx),
        Command::Export(a) => export::exec(a, &ctx),
        Command::Generate(a) => generate::exec(a, &ctx),
    };
    result.map_err(errors::to_cli)
}

pub use streams::{clap_exit, guard as guard_streams};

/// Prints to stdout; a closed pipe ends the program quietly (see [`is_broken_pipe`]).
fn print(text: &str) -> anyhow::Result<()> {
    streams::print_bytes(text.as_bytes())
}

/// Prints bytes to stdout.
fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    streams::print_bytes(bytes)
}

/// Prints a warning and its hint on stderr (dropped if stderr cannot take them), made safe for a
/// terminal.
fn warn(text: &str, hint: Option<&str>) {
    use leverage::report::terminal_safe as safe;
    let mut line = format!("warning: {}", safe(text));
    if let Some(h) = hint {
        line.push_str("\n  hint: ");
        line.push_str(&safe(h));
    }
    streams::eprint_line(&line);
}

/// Prints `err` on stderr as `error: {:#}` (the chain of causes joined by `: `), then its hint
/// after a blank line. Text from the inputs (names, titles, file names) is made safe for a
/// terminal ([`leverage::report::terminal_safe`]) piece by piece, so that the lines of a message
/// with several problems stay lines and a name cannot forge one.
pub fn print_error(err: &anyhow::Error) {
    use leverage::report::terminal_safe as safe;
    let mut text = String::from("error: ");
    for (i, cause) in err.chain().enumerate() {
        if i > 0 {
            text.push_str(": ");
        }
        match cause.downcast_ref::<leverage::Error>() {
            Some(leverage::Error::Invalid { problems }) => {
                for (k, p) in problems.iter().enumerate() {
                    if k > 0 {
                        text.push('\n');
                    }
                    text.push_str(&safe(&p.to_string()));
                    if let Some(h) = &p.hint {
                        text.push_str("\n  hint: ");
                        text.push_str(&safe(h));
                    }
                }
            }
            _ => text.push_str(&safe(&cause.to_string())),
        }
    }
    if let Some(h) = hint(err) {
        text.push_str("\n\nhint: ");
        text.push_str(&safe(&h));
    }
    streams::eprint_line(&text);
}

/// Whether the error is a closed stdout pipe (`leverage ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

pub use errors::{exit_code, hint};

/// A progress bar on stderr for long runs, only when stderr is a terminal.
fn progress_bar(len: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if len < 2000 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} samples, {eta} left")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// Parses a hop limit where 0 means "no limit".
fn hop_limit(h: usize) -> Option<usize> {
    (h > 0).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
