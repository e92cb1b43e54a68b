//! Drives `tests/crosscheck/centrality.py`: every centrality measure against NetworkX on the
//! bundled graph and on generated graphs, for each distance.
//!
//! Without Python 3, networkx, numpy or scipy the tests are `ignored (SKIPPED: ...)` in the
//! summary, except under `CI=true`, where a missing tool fails them (`.ci/run` installs the
//! tools). The binary runs on `libtest-mimic` (`tests/outside/mod.rs`).

mod outside;

use std::path::PathBuf;
use std::process::{Command, Output};

use outside::{missing, Ran};

/// The script's path.
fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/crosscheck/centrality.py")
}

/// The Python tools, or why they cannot be used.
fn tools() -> Result<(), Ran> {
    outside::python_probe("networkx, numpy, scipy")
        .map_err(|e| missing(&format!("python3 with networkx, numpy and scipy ({e})")))
}

fn run_script(extra: &[&str]) -> Output {
    let out = Command::new("python3")
        .arg(script())
        .arg(env!("CARGO_BIN_EXE_leverage"))
        .args(extra)
        .output()
        .expect("python3 runs (checked just before)");
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

fn summary(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .rev()
        .find(|l| l.starts_with("crosscheck:"))
        .unwrap_or_default()
        .to_owned()
}

fn centrality_agrees_with_networkx() -> Ran {
    if let Err(skip) = tools() {
        return skip;
    }
    let out = run_script(&[]);
    let line = summary(&out);
    assert!(
        out.status.success() && line.contains(" 0 failed"),
        "cross-check against NetworkX failed: {line}"
    );
    Ran::Done
}

fn crosscheck_notices_a_perturbed_value() -> Ran {
    if let Err(skip) = tools() {
        return skip;
    }
    // One of our closeness values moved by 1e-3: the script must report exactly that one.
    let out = run_script(&["--perturb", "closeness"]);
    let line = summary(&out);
    assert_eq!(out.status.code(), Some(1), "{line}");
    assert!(line.contains(" 1 failed"), "{line}");
    Ran::Done
}

fn main() {
    outside::main(vec![
        outside::trial(
            "centrality_agrees_with_networkx",
            centrality_agrees_with_networkx,
        ),
        outside::trial(
            "crosscheck_notices_a_perturbed_value",
            crosscheck_notices_a_perturbed_value,
        ),
    ]);
}
