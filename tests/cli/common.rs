//! Shared helpers: a hermetic `leverage` command and float comparison.

use std::path::PathBuf;

use assert_cmd::Command;

/// The `leverage` binary with a clean environment (no colour, no inherited LEVERAGE_* or
/// RAYON_* variables).
pub fn leverage() -> Command {
    let mut cmd = Command::cargo_bin("leverage").expect("binary is built");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().to_string();
        if k.starts_with("LEVERAGE_") || k.starts_with("RAYON_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("NO_COLOR", "1");
    cmd
}

/// A fixture's path.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs `leverage` with `args`, expects success, returns stdout parsed as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = leverage().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "leverage {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Runs `leverage` with `args`, expects failure with `code`, returns stderr.
pub fn fails(args: &[&str], code: i32) -> String {
    let out = leverage().args(args).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "leverage {args:?}: stdout {} stderr {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Absolute closeness of two floats.
pub fn approx(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// A float field of a JSON value.
pub fn f(v: &serde_json::Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("`{key}` is not a number in {v}"))
}
