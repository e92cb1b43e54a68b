//! Bad input and bad usage: clear messages, the right exit codes, never a panic.

use crate::common::{fails, fixture};

#[test]
fn unknown_names_are_usage_errors_with_suggestions() {
    let err = fails(&["suggest", "--target", "Rusia"], 2);
    assert!(err.contains("unknown actor or group `Rusia`"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
    let err = fails(&["paths", "--from", "AUTT", "--to", "RUS"], 2);
    assert!(err.contains("`AUT`"), "{err}");
    let err = fails(&["suggest", "--from", "signatorie"], 2);
    assert!(err.contains("`signatories`"), "{err}");
}

#[test]
fn clap_usage_errors_exit_2() {
    fails(&["suggest", "--top", "many"], 2);
    fails(&["centrality", "--measure", "fame"], 2);
    fails(&["--distance", "far", "suggest"], 2);
    fails(&["--channels", "trade=2", "suggest"], 2);
    fails(&["nonsense"], 2);
}

#[test]
fn missing_and_broken_files_exit_1() {
    let err = fails(&["--graph", "/nonexistent/graph.json", "suggest"], 1);
    assert!(
        err.contains("cannot read `/nonexistent/graph.json`"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("trunc.json");
    std::fs::write(&p, "{\"version\": 1, \"meta\": {").unwrap();
    let err = fails(&["--graph", p.to_str().unwrap(), "suggest"], 1);
    assert!(err.contains("trunc.json:1:"), "{err}");
    let p = dir.path().join("latin1.json");
    std::fs::write(&p, b"{\"version\": 1, \"meta\": {\"title\": \"Caf\xe9\"").unwrap();
    let err = fails(&["--graph", p.to_str().unwrap(), "suggest"], 1);
    assert!(
        err.contains("not valid UTF-8") && err.contains("latin1.json:1:"),
        "{err}"
    );
}

#[test]
fn no_path_is_an_analysis_failure() {
    let g = fixture("five.json");
    let err = fails(
        &[
            "--graph",
            g.to_str().unwrap(),
            "paths",
            "--from",
            "RUS",
            "--to",
            "AUT",
        ],
        1,
    );
    assert!(
        err.contains("no leverage path from `RUS` to `AUT`"),
        "{err}"
    );
}

#[test]
fn wrong_format_for_command_is_usage() {
    let err = fails(&["--format", "graphml", "suggest"], 2);
    assert!(err.contains("export"), "{err}");
}

#[test]
fn a_group_where_one_actor_is_needed() {
    let err = fails(&["paths", "--from", "signatories", "--to", "RUS"], 2);
    assert!(
        err.contains("`signatories` is a group and one actor is needed here"),
        "{err}"
    );
    assert!(err.contains("AUT"), "{err}");
}
