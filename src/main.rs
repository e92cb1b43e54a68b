//! The `leverage` command: parses arguments, runs the library, prints. See `leverage --help`.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            if let Some(hint) = cli::hint(&err) {
                eprintln!("\nhint: {hint}");
            }
            ExitCode::from(cli::exit_code(&err))
        }
    }
}
