//! The command line: global options, subcommands, and the glue from clap types to library
//! parameters. Nothing here computes; each subcommand file resolves arguments, calls the library
//! and prints through `report`.

mod actors;
mod assign;
mod blocs;
mod brief;
mod build;
mod centrality;
mod coalition;
mod compare;
mod completions;
mod errors;
mod explain;
mod export;
mod generate;
mod info;
mod lifelines;
mod paths;
mod question;
mod ranges;
mod roles;
mod sensitivity;
#[cfg(unix)]
mod signals;
mod snippet;
mod streams;
mod style;
mod suggest;
mod trend;
mod validate;

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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
    after_help = "Examples:\n  leverage suggest\n  leverage paths --from AUT --to RUS -k 5\n  leverage centrality --measure betweenness\n  leverage --graph graphs/eu-outreach-2025.json --format json suggest --from germany --top 5"
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
    /// Analyse the graph as of this year, 1900 to 2100: each yearly series gives its figure of
    /// that year (else the latest before it, else the earliest after it)
    #[arg(long, global = true, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    year: Option<i32>,
    /// The format of a graph read from standard input (`--graph -`): `json` (native, the
    /// default), `graphml`, `gexf` or `csv`
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormatArg>,
    /// Colour: `auto` (on a terminal, unless `NO_COLOR` is set), `always` or `never`
    #[arg(long, global = true, value_enum, default_value_t = style::ColorArg::Auto, value_name = "WHEN")]
    color: style::ColorArg,
    /// Quiet: no warnings, notes or progress on stderr (errors still print)
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Verbose: also say on stderr what was read (file, format, actors, ties, scenarios, the
    /// `--year` and `--basis` selections) and how long each step took
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Add the blocs of `leverage blocs` at its defaults (Leiden, seed 1, resolution 1) as groups
    /// `bloc-1`, `bloc-2`... (largest first), usable wherever a group is
    #[arg(long, global = true)]
    with_blocs: bool,
}

/// `--input-format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// the native format
    Json,
    /// GraphML
    Graphml,
    /// GEXF
    Gexf,
    /// a CSV ties table
    Csv,
}

impl From<InputFormatArg> for leverage::io::InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Json => leverage::io::InputFormat::Json,
            InputFormatArg::Graphml => leverage::io::InputFormat::Graphml,
            InputFormatArg::Gexf => leverage::io::InputFormat::Gexf,
            InputFormatArg::Csv => leverage::io::InputFormat::Csv,
        }
    }
}

/// Parses the command line; `--color` applies to clap's own help and errors too.
///
/// # Errors
/// clap's error (a usage error, or help and version to print).
pub fn parse() -> Result<Cli, clap::Error> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let choice = style::color_in_args(&args);
    let matches = Cli::command()
        .color(style::clap_color(choice))
        .try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
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
    /// The briefing page: one self-contained HTML file (export)
    Html,
    /// A Kumu import file: elements and connections (export)
    Kumu,
    /// Node-link JSON with `links`, for D3 (export)
    D3,
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
    Lifelines(lifelines::LifelinesArgs),
    Coalition(coalition::CoalitionArgs),
    Blocs(blocs::BlocsArgs),
    Sensitivity(sensitivity::SensitivityArgs),
    Info(info::InfoArgs),
    Actors(actors::ActorsArgs),
    Validate(validate::ValidateArgs),
    Export(export::ExportArgs),
    Brief(brief::BriefArgs),
    Explain(explain::ExplainArgs),
    Generate(generate::GenerateArgs),
    Build(build::BuildArgs),
    Trend(trend::TrendArgs),
    Completions(completions::CompletionsArgs),
    Man(completions::ManArgs),
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
    with_blocs: bool,
}

impl Context {
    /// How to widen a question that found nothing, from the options given: what `question`
    /// fixed (its sources, hops, alignment) and the global filters (`--channels`, `--basis`,
    /// `--year`, `--scenario`).
    fn widen_hint(&self, question: &question::QuestionArgs) -> String {
        let mut ways = vec!["other sources (`--from`)".to_owned()];
        if question.max_hops < 8 {
            ways.push(format!(
                "a longer path (`--max-hops {}`)",
                question.max_hops + 1
            ));
        }
        if !question.include_aligned {
            ways.push("`--include-aligned` (states that already press the target)".to_owned());
        }
        if self.strength.emphasis.named().next().is_some() {
            ways.push("all channels (drop `--channels`)".to_owned());
        }
        if self.basis.is_some() {
            ways.push("every basis of figure (drop `--basis`)".to_owned());
        }
        if self.year.is_some() {
            ways.push("the latest figures (drop `--year`)".to_owned());
        }
        if !self.scenarios.is_empty() {
            ways.push("the graph as it is (drop `--scenario`)".to_owned());
        }
        format!("widen the question: {}", ways.join(", "))
    }

    /// Loads the graph named by `--graph` (or the bundled one), with the `--scenario` files
    /// applied.
    fn load(&self) -> anyhow::Result<Loaded> {
        let base = self.load_file()?;
        let g = if self.scenarios.is_empty() {
            base
        } else {
            let start = std::time::Instant::now();
            let (g, outcomes) = leverage::scenario::apply_all(&base, &self.load_scenarios()?)?;
            if style::verbose() {
                for o in &outcomes {
                    note(&format!(
                        "scenario `{}` ({}): {} edits, {} changes",
                        o.title,
                        o.file,
                        o.edits.len(),
                        o.edits.iter().map(|e| e.changed).sum::<usize>()
                    ));
                }
                note(&format!("scenarios applied in {:.1?}", start.elapsed()));
            }
            g
        };
        self.view(g).map(Loaded::new)
    }

    /// Loads the graph without scenarios, as of `--year` and with `--basis`.
    fn load_base(&self) -> anyhow::Result<InfluenceGraph> {
        self.view(self.load_file()?)
    }

    /// Loads the file as it is.
    fn load_file(&self) -> anyhow::Result<InfluenceGraph> {
        let start = std::time::Instant::now();
        let g = leverage::io::load_with(&self.source, &self.load)?;
        if style::verbose() {
            note(&format!(
                "read {}: {} actors, {} ties, format version {}, in {:.1?}",
                self.source.display_name(),
                g.actor_count(),
                g.tie_count(),
                g.version,
                start.elapsed()
            ));
            for n in leverage::io::safe_ids::safe_id_notes(&g) {
                note(n);
            }
        }
        Ok(g)
    }

    /// The view `--year` and `--basis` ask for, and a check that `--channels` names channels
    /// of the graph.
    fn view(&self, g: InfluenceGraph) -> anyhow::Result<InfluenceGraph> {
        let g = match self.year {
            Some(y) => {
                let (g, sel) = g.at_year(y);
                if style::verbose() {
                    note(&format!(
                        "--year {y}: {} series figures of that year, {} carried forward from an earlier year, {} taken from a later one",
                        sel.exact, sel.carried_forward, sel.carried_back
                    ));
                }
                g
            }
            None => g,
        };
        let mut g = match self.basis {
            Some(b) => {
                let (g, sel) = g.with_bases(b);
                if style::verbose() {
                    note(&format!(
                        "--basis {}: {} figures, {} ties and {} stance signals left out",
                        sel.kept, sel.figures_dropped, sel.ties_dropped, sel.signals_dropped
                    ));
                }
                g
            }
            None => g,
        };
        if self.with_blocs {
            // The blocs of the graph as analysed (year, basis, channels, scenario).
            let found = leverage::analysis::bloc_groups::named_blocs(
                &g,
                &self.strength,
                &leverage::analysis::blocs::BlocsParams::default(),
            )?;
            leverage::analysis::bloc_groups::add_bloc_groups(&mut g, &found)?;
        }
        if let Some(problem) = self.unknown_channel(&g) {
            return Err(usage(problem));
        }
        Ok(g)
    }

    /// The first channel `--channels` names that no tie of `g` has, as a message with the
    /// nearest name and the graph's channels.
    fn unknown_channel(&self, g: &InfluenceGraph) -> Option<String> {
        // Without `--channels` there is nothing to check (and no need to list every tie's channels).
        self.strength.emphasis.named().next()?;
        let known = g.channels();
        let c = self
            .strength
            .emphasis
            .named()
            .find(|c| !known.contains(*c))?;
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
        Some(format!(
            "`--channels` names channel `{c}`, which no tie of this graph has{dym}; its channels are {}",
            list.join(", ")
        ))
    }

    /// Parses the `--scenario` files.
    fn load_scenarios(&self) -> anyhow::Result<Vec<leverage::scenario::Scenario>> {
        Ok(self
            .scenarios
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    leverage::scenario::load_stdin()
                } else {
                    leverage::scenario::load(p)
                }
            })
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
    // The handler only matters while a temporary file exists: it starts before the first one.
    #[cfg(unix)]
    leverage::io::atomic::before_first_temp_file(signals::install);
    style::init(cli.global.color, cli.global.quiet, cli.global.verbose);
    let source = match cli.global.graph.as_deref() {
        None => GraphSource::Bundled,
        Some(p) if p.as_os_str() == "-" => GraphSource::Stdin,
        Some(p) => GraphSource::File(p.to_owned()),
    };
    let stdin_readers = usize::from(matches!(source, GraphSource::Stdin))
        + cli
            .global
            .scenario
            .iter()
            .filter(|p| p.as_os_str() == "-")
            .count()
        + usize::from(
            cli.global
                .actors_table
                .as_deref()
                .is_some_and(|p| p.as_os_str() == "-"),
        );
    if stdin_readers > 1 {
        return Err(usage(
            "standard input (`-`) can feed one input only: the graph (`--graph -`), the actors table (`--actors-table -`) or one scenario (`--scenario -`); give the others as files".into(),
        ));
    }
    if cli.global.input_format.is_some() && !matches!(source, GraphSource::Stdin) {
        return Err(usage(
            "`--input-format` tells how to read standard input (`--graph -`); a file's format follows its extension".into(),
        ));
    }
    let ctx = Context {
        source,
        scenarios: cli.global.scenario,
        load: LoadOptions {
            weight_attr: cli.global.weight_attr,
            actors: cli.global.actors_table,
            stdin_format: cli.global.input_format.map(Into::into),
        },
        format: cli.global.format,
        strength: StrengthRule::new(cli.global.channels.unwrap_or_default())
            .with_combine(cli.global.combine.into()),
        distance: cli.global.distance.into(),
        basis: cli.global.basis,
        year: cli.global.year,
        with_blocs: cli.global.with_blocs,
    };
    let result = match cli.command {
        Command::Suggest(a) => suggest::exec(a, &ctx),
        Command::Assign(a) => assign::exec(a, &ctx),
        Command::Compare(a) => compare::exec(a, &ctx),
        Command::Paths(a) => paths::exec(a, &ctx),
        Command::Centrality(a) => centrality::exec(a, &ctx),
        Command::Roles(a) => roles::exec(a, &ctx),
        Command::Lifelines(a) => lifelines::exec(a, &ctx),
        Command::Coalition(a) => coalition::exec(a, &ctx),
        Command::Blocs(a) => blocs::exec(a, &ctx),
        Command::Sensitivity(a) => sensitivity::exec(a, &ctx),
        Command::Info(a) => info::exec(a, &ctx),
        Command::Actors(a) => actors::exec(a, &ctx),
        Command::Validate(a) => validate::exec(a, &ctx),
        Command::Export(a) => export::exec(a, &ctx),
        Command::Brief(a) => brief::exec(a, &ctx),
        Command::Explain(a) => explain::exec(a, &ctx),
        Command::Generate(a) => generate::exec(a, &ctx),
        Command::Build(a) => build::exec(a, &ctx),
        Command::Trend(a) => trend::exec(a, &ctx),
        Command::Completions(a) => completions::completions(a),
        Command::Man(a) => completions::man(a),
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
    if style::quiet() {
        return;
    }
    let mut line = format!("{} {}", style::label("warning:"), safe(text));
    if let Some(h) = hint {
        line.push_str(&format!("\n  {} ", style::label("hint:")));
        line.push_str(&safe(h));
    }
    streams::eprint_line(&line);
}

/// Prints a note on stderr (dropped with `-q`), made safe for a terminal.
pub(crate) fn note(text: &str) {
    if style::quiet() {
        return;
    }
    let line = format!(
        "{} {}",
        style::label("note:"),
        leverage::report::terminal_safe(text)
    );
    streams::eprint_line(&line);
}

/// Prints `err` on stderr as `error: {:#}` (the chain of causes joined by `: `), then its hint
/// after a blank line. Text from the inputs (names, titles, file names) is made safe for a
/// terminal ([`leverage::report::terminal_safe`]) piece by piece, so that the lines of a message
/// with several problems stay lines and a name cannot forge one.
pub fn print_error(err: &anyhow::Error) {
    use leverage::report::terminal_safe as safe;
    let mut text = format!("{} ", style::label("error:"));
    for (i, cause) in err.chain().enumerate() {
        if i > 0 {
            text.push_str(": ");
        }
        match cause.downcast_ref::<leverage::Error>() {
            Some(leverage::Error::Invalid { problems }) => {
                let excerpts = snippet::excerpts(problems, style::color());
                for (k, p) in problems.iter().enumerate() {
                    if k > 0 {
                        text.push('\n');
                    }
                    text.push_str(&safe(&p.to_string()));
                    if let Some(Some(lines)) = excerpts.get(k) {
                        text.push('\n');
                        text.push_str(lines.trim_end());
                    }
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
        text.push_str(&format!("\n\n{} ", style::label("hint:")));
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
    if style::quiet() {
        return None;
    }
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

/// Runs `work`, and if it takes longer than a second, shows a spinner on stderr with `what` and
/// the time taken so far, while stderr is a terminal and `-q` is not given; the spinner is
/// cleared when `work` ends. For the runs whose length no count measures (centrality, build).
fn with_progress<T: Send>(what: &str, work: impl FnOnce() -> T + Send) -> T {
    use std::io::IsTerminal;
    if style::quiet() || !std::io::stderr().is_terminal() {
        return work();
    }
    let done = std::sync::atomic::AtomicBool::new(false);
    let message = what.to_owned();
    std::thread::scope(|scope| {
        let done = &done;
        let spinner = scope.spawn(move || {
            let start = std::time::Instant::now();
            while start.elapsed() < std::time::Duration::from_secs(1) {
                if done.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let bar = indicatif::ProgressBar::new_spinner();
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            {
                bar.set_style(style);
            }
            bar.set_message(message);
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                bar.tick();
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            bar.finish_and_clear();
        });
        let out = work();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        // The spinner only draws; if its thread panicked, the result still stands.
        let _ = spinner.join();
        out
    })
}

/// Parses a hop limit where 0 means "no limit".
fn hop_limit(h: usize) -> Option<usize> {
    (h > 0).then_some(h)
}

/// The graph a command works on. It lives until the process ends and is never dropped: freeing
/// a large graph's many small allocations one by one takes time (about a tenth of a
/// `leverage suggest` on the bundled graph) and the operating system takes the memory back at
/// exit anyway.
pub(crate) struct Loaded(std::mem::ManuallyDrop<InfluenceGraph>);

impl Loaded {
    fn new(graph: InfluenceGraph) -> Self {
        Loaded(std::mem::ManuallyDrop::new(graph))
    }
}

impl std::ops::Deref for Loaded {
    type Target = InfluenceGraph;
    fn deref(&self) -> &InfluenceGraph {
        &self.0
    }
}

impl std::ops::DerefMut for Loaded {
    fn deref_mut(&mut self) -> &mut InfluenceGraph {
        &mut self.0
    }
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
