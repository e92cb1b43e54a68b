//! The `leverage` command: parses arguments, runs the library, prints. See `leverage --help`.

use std::process::ExitCode;

mod cli;

/// mimalloc: loading a large graph makes hundreds of thousands of small allocations, and
/// mimalloc reuses freed pages instead of faulting in new ones (a 200,000-tie CSV loads in
/// about two thirds of the time it takes with the system allocator).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::guard_streams();
    let args = match cli::parse() {
        Ok(args) => args,
        Err(e) => return ExitCode::from(cli::clap_exit(&e)),
    };
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            cli::print_error(&err);
            ExitCode::from(cli::exit_code(&err))
        }
    }
}
