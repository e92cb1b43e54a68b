//! How the command line looks: colour (`--color auto|always|never`, `NO_COLOR`), quiet
//! (`-q`), and the width of tables on a terminal. Decided once, from the arguments and the
//! environment, before anything is printed; nothing depends on colour.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::ValueEnum;

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorArg {
    /// colour on a terminal, unless `NO_COLOR` is set
    #[default]
    Auto,
    /// always colour
    Always,
    /// never colour
    Never,
}

static COLOR: AtomicBool = AtomicBool::new(false);
static QUIET: AtomicBool = AtomicBool::new(false);
static VERBOSE: AtomicBool = AtomicBool::new(false);

/// The colour choice in the raw arguments (`--color X` or `--color=X`), read before clap parses
/// them, so that clap's own help and errors follow it too.
pub fn color_in_args(args: &[std::ffi::OsString]) -> ColorArg {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    let mut choice = ColorArg::Auto;
    while let Some(a) = it.next() {
        let value = if a == "--color" {
            it.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--color=").map(str::to_owned)
        };
        if let Some(v) = value {
            choice = ColorArg::from_str(&v, true).unwrap_or(choice);
        }
        if a == "--" {
            break;
        }
    }
    choice
}

/// Whether to colour stderr for `choice`: `always`; `never`; `auto` when stderr is a terminal
/// and `NO_COLOR` is unset or empty (<https://no-color.org>).
pub fn decide_color(choice: ColorArg) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// The clap colour choice for `choice`.
pub fn clap_color(choice: ColorArg) -> clap::ColorChoice {
    if decide_color(choice) {
        clap::ColorChoice::Always
    } else {
        clap::ColorChoice::Never
    }
}

/// Sets the look for the rest of the run: colour, quiet, and the table width (`COLUMNS` when it
/// is set to a positive number, else the terminal's width when standard output is a terminal;
/// no limit in a pipe or a file).
pub fn init(choice: ColorArg, quiet: bool, verbose: bool) {
    COLOR.store(decide_color(choice), Ordering::Relaxed);
    QUIET.store(quiet, Ordering::Relaxed);
    VERBOSE.store(verbose && !quiet, Ordering::Relaxed);
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let width = columns.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
            .flatten()
    });
    leverage::report::table::set_max_width(width);
}

/// Whether `-q` asked for silence on stderr (warnings, notes, progress).
pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Whether `-v` asked for what was read and how long it took, on stderr.
pub fn verbose() -> bool {
    VERBOSE.load(Ordering::Relaxed)
}

/// Whether colour is on for stderr.
pub fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

/// `label` (`error:`, `warning:`, `hint:`) in its colour when colour is on.
pub fn label(label: &str) -> String {
    if !COLOR.load(Ordering::Relaxed) {
        return label.to_owned();
    }
    let style = match label {
        "error:" => anstyle::AnsiColor::Red.on_default().bold(),
        "warning:" => anstyle::AnsiColor::Yellow.on_default().bold(),
        "note:" => anstyle::AnsiColor::Blue.on_default().bold(),
        _ => anstyle::AnsiColor::Cyan.on_default().bold(),
    };
    format!("{style}{label}{style:#}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_is_read_from_the_raw_arguments() {
        let args = |v: &[&str]| -> Vec<std::ffi::OsString> { v.iter().map(Into::into).collect() };
        assert_eq!(
            color_in_args(&args(&["leverage", "--color", "never"])),
            ColorArg::Never
        );
        assert_eq!(
            color_in_args(&args(&["leverage", "--color=always", "info"])),
            ColorArg::Always
        );
        assert_eq!(color_in_args(&args(&["leverage", "info"])), ColorArg::Auto);
        assert!(!decide_color(ColorArg::Never));
        assert!(decide_color(ColorArg::Always));
    }
}
