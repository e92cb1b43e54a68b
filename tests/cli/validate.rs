//! `leverage validate`.

use crate::common::{fails, fixture, leverage};

#[test]
fn valid_files_pass() {
    let out = leverage()
        .args(["validate", fixture("five.json").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid (5 actors, 5 ties, 1 groups)"));
    let out = leverage()
        .args([
            "validate",
            concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/eu-outreach-2025.json"),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
}

#[test]
fn every_problem_is_listed_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.json");
    std::fs::write(
        &p,
        r#"{"version": 1, "meta": {"title": "t", "date": "2025-01-01"},
"actors": [{"id": "AUT", "name": "Austria"}, {"id": "RUS", "name": "Russia"}],
"ties": [
  {"from": "AUT", "to": "RUS", "channels": {"trade": {"value": 1.5, "source": "s", "year": 2023}}},
  {"from": "AUT", "to": "RUZ", "channels": {"trade": {"value": 0.1, "source": "s", "year": 2023}}}
]}"#,
    )
    .unwrap();
    let err = fails(&["validate", p.to_str().unwrap()], 1);
    assert!(err.contains("bad.json:4:"), "{err}");
    assert!(err.contains("ties[0].channels.trade.value"), "{err}");
    assert!(err.contains("bad.json:5:"), "{err}");
    assert!(
        err.contains("unknown actor `RUZ` (did you mean `RUS`?)"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn stdin_is_read_with_dash() {
    let text = std::fs::read(fixture("five.json")).unwrap();
    let out = leverage()
        .args(["validate", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = leverage()
        .args(["--graph", "-", "--format", "json", "info"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
}
