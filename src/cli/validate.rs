//! `leverage validate`: check exactly what an analysis would load: the graph (with its actors
//! table and `--weight-attr`), each `--scenario` applied in order, and the channels `--channels`
//! names; list every problem with its place.

use std::path::PathBuf;

use clap::Args;

use super::{print, Context};
use leverage::io::check::{CheckedInput, InputKind, Validation};
use leverage::io::{load_with, GraphSource};
use leverage::report::OutputFormat;

/// Check a graph, its actors table and scenarios as an analysis would load them; list every
/// problem with its place
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage validate graphs/eu-outreach-2025.json\n  cat graphs/eu-outreach-2025.json | leverage validate -\n  leverage validate --scenario graphs/scenarios/us-tariffs.json --format json"
)]
pub struct ValidateArgs {
    /// The file to check (`-` for standard input); default: the `--graph` file or the bundled graph
    file: Option<PathBuf>,
}

pub fn exec(args: ValidateArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("validate")?;
    let source = match args.file {
        None => ctx.source.clone(),
        Some(p) if p.as_os_str() == "-" => GraphSource::Stdin,
        Some(p) => GraphSource::File(p),
    };
    if args_conflict(&source, ctx) {
        return Err(super::usage(
            "standard input (`-`) can feed one input only: the file to validate or one scenario (`--scenario -`)".into(),
        ));
    }
    let name = source.display_name();
    let mut v = Validation::default();
    // The errors as the loaders gave them, for a table: one failing input keeps its own
    // message, cause and hint.
    let mut errors: Vec<leverage::Error> = Vec::new();
    let graph = match load_with(&source, &ctx.load) {
        Ok(g) => {
            // Ids an importer made safe are said, so that the user can find their actors.
            for n in leverage::io::safe_ids::safe_id_notes(&g) {
                super::note(n);
            }
            v.push(CheckedInput::graph(&name, &g));
            Some(g)
        }
        Err(e) => {
            // The problems name the flags that set the options, as the error would.
            let e = super::errors::reword(e);
            v.push(CheckedInput::failed(InputKind::Graph, &name, &e));
            errors.push(e);
            None
        }
    };
    // Each scenario is parsed, then applied on top of the ones before it, as analyses do.
    let mut current = graph;
    for path in &ctx.scenarios {
        let file = path.display().to_string();
        let parsed = if path.as_os_str() == "-" {
            leverage::scenario::load_stdin()
        } else {
            leverage::scenario::load(path)
        };
        let scenario = match parsed {
            Ok(s) => s,
            Err(e) => {
                v.push(CheckedInput::failed(InputKind::Scenario, &file, &e));
                errors.push(e);
                continue;
            }
        };
        let Some(g) = current.as_mut() else {
            // The graph did not load: the scenario parsed, and cannot be applied.
            v.push(CheckedInput::passed(
                InputKind::Scenario,
                &file,
                vec![("edits", scenario.doc.edits.len())],
            ));
            continue;
        };
        match leverage::scenario::apply(g, &scenario) {
            Ok(outcome) => v.push(CheckedInput::passed(
                InputKind::Scenario,
                &file,
                vec![
                    ("edits", outcome.edits.len()),
                    ("changes", outcome.edits.iter().map(|e| e.changed).sum()),
                ],
            )),
            Err(e) => {
                v.push(CheckedInput::failed(InputKind::Scenario, &file, &e));
                errors.push(e);
                current = None;
            }
        }
    }
    if let Some(g) = &current {
        if ctx.strength.emphasis.named().next().is_some() {
            match ctx.unknown_channel(g) {
                None => v.push(CheckedInput::passed(
                    InputKind::Options,
                    "--channels",
                    Vec::new(),
                )),
                Some(msg) => {
                    let e = leverage::Error::Usage(msg);
                    v.push(CheckedInput::failed(InputKind::Options, "--channels", &e));
                    errors.push(e);
                }
            }
        }
    }
    if format == OutputFormat::Table && !v.is_valid() {
        // For people, problems are diagnostics: on stderr, each with its place and fix.
        return Err(if errors.len() == 1 {
            errors.remove(0).into()
        } else {
            v.into_error().into()
        });
    }
    print(&leverage::report::validate::render(&v, format))?;
    if v.is_valid() {
        return Ok(());
    }
    Err(super::errors::no_result(
        format!(
            "{} problem{} found, listed on standard output",
            v.problem_count(),
            if v.problem_count() == 1 { "" } else { "s" }
        ),
        "fix them and validate again; `--format table` prints each with its place and fix on stderr"
            .into(),
    ))
}

/// Whether two inputs would read standard input.
fn args_conflict(source: &GraphSource, ctx: &Context) -> bool {
    usize::from(matches!(source, GraphSource::Stdin))
        + ctx
            .scenarios
            .iter()
            .filter(|p| p.as_os_str() == "-")
            .count()
        > 1
}
