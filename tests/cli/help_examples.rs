//! Every example in every `--help` runs, word for word, from a folder that holds the repository's
//! `graphs/` (the examples' scenario and graph paths are the repository's).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::leverage;

/// The subcommands `leverage --help` lists.
fn subcommands() -> Vec<String> {
    let out = leverage()
        .env("COLUMNS", "100")
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let mut names = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line == "Commands:" {
            inside = true;
        } else if inside && !line.starts_with("  ") {
            break;
        } else if inside && !line.starts_with("   ") {
            // A command's line: two spaces, its name, then its summary.
            let name = line.split_whitespace().next().unwrap();
            if name != "help" {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// The examples at the end of `leverage [SUB] --help`, one per line, as a user's terminal
/// shows them (clap wraps help at 100 columns).
fn examples(sub: Option<&str>) -> Vec<String> {
    let mut cmd = leverage();
    cmd.env("COLUMNS", "100");
    if let Some(s) = sub {
        cmd.arg(s);
    }
    let out = cmd.arg("--help").output().unwrap();
    assert!(out.status.success(), "{sub:?} --help fails");
    let help = String::from_utf8(out.stdout).unwrap();
    let (_, tail) = help
        .split_once("\nExamples:\n")
        .unwrap_or_else(|| panic!("`leverage {} --help` has no examples", sub.unwrap_or("")));
    tail.lines()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            let example = l.strip_prefix("  ").unwrap_or(l);
            assert!(
                example.starts_with("leverage ") || example.starts_with("cat "),
                "`{}` --help: `{l}` is not an example: a long example wraps and cannot be pasted",
                sub.unwrap_or("leverage")
            );
            example.to_owned()
        })
        .collect()
}

/// The dataset excerpts `build`'s examples read, and the names the examples give them.
const DATASET_FILES: [(&str, &str); 7] = [
    (
        "baci/BACI_HS92_Y2021_V202301-head500.csv",
        "BACI_HS92_Y2021_V202301.csv",
    ),
    (
        "baci/country_codes_V202201.csv",
        "country_codes_V202301.csv",
    ),
    (
        "imf/DOT_02-24-2023_timeSeries-excerpt.csv",
        "DOT_02-24-2023_timeSeries.csv",
    ),
    ("imf/RECONSTRUCTED-imts-sdmx-csv.csv", "imts.csv"),
    (
        "sipri/trade-register-2026-02-12-excerpt.csv",
        "trade-register.csv",
    ),
    ("fbic/SYNTHETIC-fbic-layout.csv", "fbic.csv"),
    (
        "unvotes/UN_VOTING_DATA_RAW_WITH_TAGS_2025-07-07-excerpt.csv",
        "UN_VOTING_DATA_RAW_WITH_TAGS.csv",
    ),
];

fn bin_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_leverage"))
        .parent()
        .unwrap()
        .to_owned()
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs one example with `sh` in `dir`; the outside tools it needs must be there (or, outside
/// CI, the example is reported SKIPPED).
fn run(example: &str, dir: &Path, skipped: &mut Vec<String>) {
    for tool in ["neato", "dot"] {
        if example.contains(&format!("{tool} ")) && !have(tool) {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "`{example}` needs {tool} (Graphviz), which CI must install"
            );
            skipped.push(format!("{example} (no {tool})"));
            return;
        }
    }
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-c", example])
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the example `{example}` fails with {:?}:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.stdout.is_empty() || example.contains(" -o ") || example.contains('>'),
        "the example `{example}` prints nothing"
    );
}

// See: #11. Every example in every `--help` runs in a test; a failing one names itself.
#[test]
fn every_help_example_runs() {
    let subs = subcommands();
    for must in [
        "suggest", "assign", "paths", "export", "generate", "validate",
    ] {
        assert!(
            subs.iter().any(|s| s == must),
            "{must} not found in {subs:?}"
        );
    }
    let mut skipped = Vec::new();
    let mut ran = 0;
    for sub in std::iter::once(None).chain(subs.iter().map(|s| Some(s.as_str()))) {
        let dir = tempfile::tempdir().unwrap();
        let graphs = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&graphs, dir.path().join("graphs")).unwrap();
        // `build`'s examples name the files as their publishers distribute them; here they are
        // the excerpts in tests/fixtures/datasets (PROVENANCE.md), under those names.
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets");
        for (fixture, name) in DATASET_FILES {
            std::fs::copy(fixtures.join(fixture), dir.path().join(name)).unwrap();
        }
        for example in examples(sub) {
            run(&example, dir.path(), &mut skipped);
            ran += 1;
        }
    }
    assert!(ran >= 30, "only {ran} examples");
    for s in &skipped {
        eprintln!("SKIPPED example: {s}");
    }
}
