//! Drives `tests/crosscheck/centrality.py`: every centrality measure against NetworkX on the
//! bundled graph and on generated graphs, for each distance.
//!
//! Without Python 3, networkx, numpy or scipy the tests print `skipped: ...` and pass, except
//! under `CI=true`, where a missing tool fails them (`.ci/run` installs the tools).

use std::path::PathBuf;
use std::process::{Command, Output};

/// The script's path.
fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/crosscheck/centrality.py")
}

/// Whether the Python tools are there; `false` means skip (outside CI).
fn tools_available() -> bool {
    let probe = Command::new("python3")
        .args(["-c", "import networkx, numpy, scipy"])
        .output();
    let missing = match probe {
        Ok(o) if o.status.success() => return true,
        Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_owned(),
        Err(e) => format!("python3: {e}"),
    };
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the NetworkX cross-check needs python3 with networkx, numpy and scipy under CI=true: \
         {missing}"
    );
    println!(
        "skipped: NetworkX cross-check needs python3 with networkx, numpy and scipy ({missing})"
    );
    false
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

#[test]
fn centrality_agrees_with_networkx() {
    if !tools_available() {
        return;
    }
    let out = run_script(&[]);
    let line = summary(&out);
    assert!(
        out.status.success() && line.contains(" 0 failed"),
        "cross-check against NetworkX failed: {line}"
    );
}

#[test]
fn crosscheck_notices_a_perturbed_value() {
    if !tools_available() {
        return;
    }
    // One of our closeness values moved by 1e-3: the script must report exactly that one.
    let out = run_script(&["--perturb", "closeness"]);
    let line = summary(&out);
    assert_eq!(out.status.code(), Some(1), "{line}");
    assert!(line.contains(" 1 failed"), "{line}");
}
