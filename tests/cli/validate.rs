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

// See: #11. validate loads exactly what an analysis would: the actors table, the scenarios in
// order, and the channels `--channels` names.
#[test]
fn validate_checks_what_the_analyses_load() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_owned();
    std::fs::write(p("own.csv"), "from,to,trade\nAAA,BBB,0.5\nBBB,CCC,0.4\n").unwrap();
    std::fs::write(
        p("bad.nodes.csv"),
        "id,name,receptiveness\nAAA,A,0.5\nBBB,B,1.7\nCCC,C,0.2\n",
    )
    .unwrap();
    let err = fails(
        &[
            "validate",
            &p("own.csv"),
            "--actors-table",
            &p("bad.nodes.csv"),
        ],
        1,
    );
    assert!(err.contains("bad.nodes.csv:3"), "{err}");
    assert!(err.contains("receptiveness is `1.7`"), "{err}");
    // The same arguments fail `info` the same way.
    let info = fails(
        &[
            "--graph",
            &p("own.csv"),
            "--actors-table",
            &p("bad.nodes.csv"),
            "info",
        ],
        1,
    );
    assert!(info.contains("receptiveness is `1.7`"), "{info}");

    // A scenario naming an actor the graph lacks.
    std::fs::write(
        p("s.json"),
        r#"{"scenario": 1, "title": "t", "edits": [{"op": "scale", "from": "AAA", "to": "ZZZ", "channel": "trade", "factor": 0.5}]}"#,
    )
    .unwrap();
    let err = fails(
        &[
            "--graph",
            &p("own.csv"),
            "validate",
            "--scenario",
            &p("s.json"),
        ],
        1,
    );
    assert!(err.contains("s.json"), "{err}");
    assert!(err.contains("ZZZ"), "{err}");
    let ok = leverage()
        .args(["--graph", &p("own.csv"), "validate", "--scenario"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graphs/scenarios/us-tariffs.json"
        ))
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(1),
        "the US scenario names actors own.csv lacks"
    );

    // A channel the graph lacks: a usage error (exit 2), as in every command.
    let err = fails(
        &[
            "--graph",
            &p("own.csv"),
            "--channels",
            "trdae=1",
            "validate",
        ],
        2,
    );
    assert!(err.contains("did you mean `trade`"), "{err}");
    let out = leverage()
        .args(["--channels", "trade=1", "validate", "--scenario"])
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graphs/scenarios/us-tariffs.json"
        ))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("scenario "), "{text}");
    assert!(text.contains("us-tariffs.json: valid (3 edits, "), "{text}");
    assert!(text.contains("option --channels: valid"), "{text}");
}

// See: #11. `validate --format json` prints the documented problem list (docs/JSON.md,
// "validate"), exit 1 when a problem is found.
#[test]
fn validate_json_lists_every_problem() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version": 1, "meta": {"title": "t", "date": "2025-01-01"},
"actors": [{"id": "AUT", "name": "Austria"}, {"id": "RUS", "name": "Russia"}],
"ties": [
  {"from": "AUT", "to": "RUS", "channels": {"trade": {"value": 1.5, "source": "s", "year": 2023}}},
  {"from": "AUT", "to": "RUZ", "channels": {"trade": {"value": 0.1, "source": "s", "year": 2023}}}
]}"#,
    )
    .unwrap();
    let out = leverage()
        .args(["validate", bad.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(v["version"], 2);
    assert_eq!(v["valid"], false);
    assert_eq!(v["problem_count"], 2);
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems[0]["line"], 4);
    assert_eq!(problems[0]["path"], "ties[0].channels.trade.value");
    assert_eq!(problems[1]["line"], 5);
    assert!(problems[1]["message"]
        .as_str()
        .unwrap()
        .contains("unknown actor `RUZ` (did you mean `RUS`?)"));
    assert!(problems.iter().all(|p| p["hint"].is_string()));
    assert_eq!(v["inputs"][0]["kind"], "graph");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("2 problems found"), "{err}");

    let ok = crate::common::json(&[
        "validate",
        fixture("five.json").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(ok["valid"], true);
    assert_eq!(ok["problems"].as_array().unwrap().len(), 0);
    assert_eq!(ok["inputs"][0]["counts"]["actors"], 5);
    // CSV: one row per problem.
    let out = leverage()
        .args(["validate", bad.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.starts_with("file,line,column,path,message,hint"));
}
