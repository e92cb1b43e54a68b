//! The harness of the tests that need outside tools (NetworkX, igraph, Graphviz, xmllint,
//! rsvg-convert, Node with Cytoscape.js, jsonschema): each test binary that includes this module
//! is built with `harness = false` and runs its tests through `libtest-mimic`, so that a test
//! whose tool is missing is reported `ignored (SKIPPED: needs ...)` in the summary line of
//! `cargo test` instead of passing silently. Under `CI=true` a missing tool fails the test
//! (`.ci/run` installs every tool).
//!
//! A test is a `fn() -> Ran`: it returns [`missing`] when a tool is not there, [`Ran::Done`]
//! when it ran, and panics (assertions) when it fails.

#![allow(dead_code)] // Each test binary uses a part of this module.

use libtest_mimic::{Arguments, Completion, Failed, Trial};

/// How a test ended, short of failing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ran {
    /// It ran (and passed: a failure is a panic).
    Done,
    /// It could not run: a tool is missing (the reason says which, and how to install it).
    Skipped(String),
    /// It ran part of its checks; the reason says which part it skipped.
    Partly(String),
}

/// Whether a missing tool must fail the test (`CI=true`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The outcome of a test that cannot run without `what`.
pub fn missing(what: &str) -> Ran {
    Ran::Skipped(format!("SKIPPED: needs {what}"))
}

/// Whether `cmd args` runs and succeeds (the tool is there).
pub fn has(cmd: &str, args: &[&str]) -> bool {
    std::process::Command::new(cmd)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether python3 can import `modules` (comma-separated); the error text if not.
pub fn python_probe(modules: &str) -> Result<(), String> {
    match std::process::Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
    {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr)
            .trim()
            .lines()
            .last()
            .unwrap_or("import failed")
            .to_owned()),
        Err(e) => Err(format!("python3: {e}")),
    }
}

/// A test named `name` running `body`: a skip is `ignored` with its reason, or a failure under
/// `CI=true`.
pub fn trial(name: &str, body: fn() -> Ran) -> Trial {
    Trial::ignorable_test(name, move || match body() {
        Ran::Done => Ok(Completion::Completed),
        Ran::Skipped(reason) | Ran::Partly(reason) if in_ci() => Err(Failed::from(format!(
            "{reason}, and CI=true requires every tool (.ci/run installs them)"
        ))),
        Ran::Skipped(reason) | Ran::Partly(reason) => Ok(Completion::ignored_with(reason)),
    })
}

/// Runs `trials` as `cargo test` runs a test binary (filters, `--list`, `--include-ignored`,
/// `--test-threads`), then exits with its code.
pub fn main(trials: Vec<Trial>) -> ! {
    let args = Arguments::from_args();
    libtest_mimic::run(&args, trials).exit()
}
