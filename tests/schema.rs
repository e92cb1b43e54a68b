//! The JSON Schemas in docs/ accept the bundled graph, the fixtures and the shipped scenarios,
//! and reject broken files, checked with Python's `jsonschema` (an independent validator).
//! Without python3/jsonschema the test is `ignored (SKIPPED: ...)` in the summary, except under
//! `CI=true`, where it fails. The binary runs on `libtest-mimic` (`tests/outside/mod.rs`).

mod outside;

use std::path::Path;
use std::process::Command;

use outside::{missing, Ran};

const SCRIPT: &str = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    errors = list(v.iter_errors(json.load(open(path))))
    print(path, "valid" if not errors else "INVALID: " + errors[0].message)
    bad += bool(errors)
sys.exit(1 if bad else 0)
"#;

fn validate(schema: &str, files: &[&Path]) -> (bool, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(root.join(schema))
        .args(files)
        .output()
        .expect("python3 runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

fn schemas_accept_good_and_reject_bad_files() -> Ran {
    if let Err(e) = outside::python_probe("jsonschema") {
        return missing(&format!(
            "python3 with jsonschema ({e}; python3 -m pip install jsonschema)"
        ));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The bundled graph and the worked example of docs/FORMAT.md are version 2; the catalogue's
    // valid case is version 1, which the schema still accepts.
    let graphs = [
        root.join("graphs/eu-outreach-2025.json"),
        root.join("tests/fixtures/five.json"),
        root.join("tests/catalogue/json/ok-valid.json"),
    ];
    let (ok, out) = validate(
        "docs/graph.schema.json",
        &graphs.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );
    assert!(ok, "{out}");
    let five = std::fs::read_to_string(&graphs[1]).expect("fixture");
    let v1 = std::fs::read_to_string(&graphs[2]).expect("version-1 case");
    assert!(
        five.contains("\"version\": 2"),
        "five.json is the version-2 example"
    );
    assert!(
        v1.contains("\"version\": 1"),
        "ok-valid.json is a version-1 file"
    );
    let scenarios: Vec<_> = std::fs::read_dir(root.join("graphs/scenarios"))
        .expect("scenarios folder")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(scenarios.len(), 4);
    let (ok, out) = validate(
        "docs/scenario.schema.json",
        &scenarios.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );
    assert!(ok, "{out}");

    // Broken files must be rejected, so that a pass means something. Each variant changes one
    // thing in a valid file; the name says what.
    let dir = tempfile::tempdir().expect("temp dir");
    let broken: Vec<(&str, String)> =
        vec![
        (
            "a channel figure out of [0, 1]",
            five.replace("\"value\": 0.1,", "\"value\": 1.5,"),
        ),
        (
            "a stance figure out of [0, 1]",
            five.replace("\"range\": [0.4, 0.6]", "\"range\": [0.4, 1.6]"),
        ),
        (
            "a basis that is not one of the four",
            five.replace("\"basis\": \"derived\"", "\"basis\": \"estimate\""),
        ),
        (
            "an unknown stance signal",
            five.replace("\"parade\":", "\"parades\":"),
        ),
        (
            "a malformed citation id",
            five.replace(
                "\"basis\": \"derived\", \"cite\": \"example\"",
                "\"basis\": \"derived\", \"cite\": \"Example Figure\"",
            ),
        ),
        (
            "a figure without a source",
            five.replace(
                "{ \"value\": 0.1, \"source\": \"example figure\", ",
                "{ \"value\": 0.1, ",
            ),
        ),
        (
            "an unknown key on an actor",
            five.replace(
                "\"name\": \"Austria\"",
                "\"name\": \"Austria\", \"colour\": \"red\"",
            ),
        ),
        (
            "the version-2 example relabelled version 1 (citations, stance, basis, cite)",
            five.replace("\"version\": 2", "\"version\": 1"),
        ),
        (
            "a version-1 file with a version-2 key (basis on a figure)",
            v1.replace(
                "\"source\": \"example figure\", \"year\": 2023 } } },",
                "\"source\": \"example figure\", \"year\": 2023, \"basis\": \"official\" } } },",
            ),
        ),
        (
            "a version-1 file with a version-2 key (stance on an actor)",
            v1.replace(
                "{ \"id\": \"IND\", \"name\": \"India\" }",
                "{ \"id\": \"IND\", \"name\": \"India\", \"stance\": { \"RUS\": {} } }",
            ),
        ),
        ("an unknown format version", five.replace("\"version\": 2", "\"version\": 3")),
    ];
    for (i, (what, text)) in broken.iter().enumerate() {
        assert!(
            *text != five && *text != v1,
            "broken variant {i} ({what}) changed nothing"
        );
        let p = dir.path().join(format!("broken{i}.json"));
        std::fs::write(&p, text).expect("write");
        let (ok, out) = validate("docs/graph.schema.json", &[&p]);
        assert!(!ok, "schema accepted broken variant {i} ({what}): {out}");
    }

    let bad_scenarios = [
        (
            "a negative factor",
            r#"{"scenario": 1, "title": "t", "edits": [{"op": "scale", "from": "A", "to": "B", "channel": "trade", "factor": -1}]}"#,
        ),
        (
            "an unknown stance signal",
            r#"{"scenario": 1, "title": "t", "edits": [{"op": "stance", "actor": "IND", "target": "RUS", "signal": "votes", "factor": 1}]}"#,
        ),
        (
            "a stance edit with both value and factor",
            r#"{"scenario": 1, "title": "t", "edits": [{"op": "stance", "actor": "IND", "target": "RUS", "signal": "parade", "value": 0, "source": "s", "year": 2026, "factor": 0}]}"#,
        ),
        (
            "a stance value without a source",
            r#"{"scenario": 1, "title": "t", "edits": [{"op": "stance", "actor": "IND", "target": "RUS", "signal": "parade", "value": 0, "year": 2026}]}"#,
        ),
        (
            "a stance edit without a target",
            r#"{"scenario": 1, "title": "t", "edits": [{"op": "stance", "actor": "IND", "signal": "parade", "factor": 0}]}"#,
        ),
    ];
    for (i, (what, text)) in bad_scenarios.iter().enumerate() {
        let s = dir.path().join(format!("bad-scenario{i}.json"));
        std::fs::write(&s, text).expect("write");
        let (ok, out) = validate("docs/scenario.schema.json", &[&s]);
        assert!(!ok, "scenario schema accepted {what}: {out}");
    }
    Ran::Done
}

/// Each command's schema in docs/json/ and the arguments that produce its JSON.
const OUTPUTS: &[(&str, &[&str])] = &[
    ("suggest", &["suggest"]),
    (
        "suggest-samples",
        &["suggest", "--samples", "40", "--seed", "1", "--structural"],
    ),
    ("suggest-structural", &["suggest", "--structural"]),
    ("assign", &["assign"]),
    (
        "paths",
        &["paths", "--from", "DEU", "--to", "RUS", "-k", "3"],
    ),
    ("centrality", &["centrality", "--measure", "katz"]),
    ("centrality-all", &["centrality", "--measure", "all"]),
    (
        "compare",
        &["compare", "--scenario", "graphs/scenarios/us-tariffs.json"],
    ),
    ("roles", &["roles"]),
    ("info", &["info"]),
    ("actors", &["actors"]),
    ("validate", &["validate"]),
    ("lifelines", &["lifelines"]),
    ("coalition", &["coalition"]),
    ("blocs", &["blocs"]),
    ("sensitivity", &["sensitivity"]),
    ("trend", &["trend"]),
    ("brief", &["brief"]),
    // A partner, an actor left out of the pool, and one in the pool without a positive score.
    ("explain", &["explain", "IND"]),
    ("explain", &["explain", "AUT"]),
    ("explain", &["explain", "BLR"]),
];

// See: #12
/// The JSON of every command on the bundled graph is valid against its contract in docs/json/,
/// a renamed field is not, and the schemas are those docs/json/build.py writes.
fn outputs_match_the_json_contract() -> Ran {
    if let Err(e) = outside::python_probe("jsonschema") {
        return missing(&format!(
            "python3 with jsonschema ({e}; python3 -m pip install jsonschema)"
        ));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, args) in OUTPUTS {
        let out = Command::new(env!("CARGO_BIN_EXE_leverage"))
            .current_dir(root)
            .args(["--format", "json"])
            .args(*args)
            .output()
            .expect("leverage runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, &out.stdout).expect("write");
        let (ok, report) = validate(&format!("docs/json/{name}.schema.json"), &[&file]);
        assert!(ok, "{name} {args:?}: {report}");
        if *name == "suggest" {
            // The same output with one field renamed deep inside must be refused.
            let text = String::from_utf8_lossy(&out.stdout).replacen(
                "\"unapplied\"",
                "\"unapplied_share\"",
                1,
            );
            let bad = dir.path().join("renamed.json");
            std::fs::write(&bad, text).expect("write");
            let (ok, report) = validate("docs/json/suggest.schema.json", &[&bad]);
            assert!(!ok, "a renamed field was accepted: {report}");
        }
    }
    // A validation that finds problems prints them, and exits 1: its JSON is the contract's.
    let out = Command::new(env!("CARGO_BIN_EXE_leverage"))
        .current_dir(root)
        .args(["--format", "json", "validate"])
        .arg("tests/catalogue/graphml/strength-not-weight.graphml")
        .output()
        .expect("leverage runs");
    assert_eq!(out.status.code(), Some(1));
    let file = dir.path().join("validate-problems.json");
    std::fs::write(&file, &out.stdout).expect("write");
    let (ok, report) = validate("docs/json/validate.schema.json", &[&file]);
    assert!(ok, "validate with problems: {report}");
    let built = dir.path().join("built");
    std::fs::create_dir(&built).expect("mkdir");
    let status = Command::new("python3")
        .arg(root.join("docs/json/build.py"))
        .arg(&built)
        .status()
        .expect("python3 runs");
    assert!(status.success());
    for (name, _) in OUTPUTS {
        let file = format!("{name}.schema.json");
        let ours = std::fs::read_to_string(root.join("docs/json").join(&file)).expect("schema");
        let again = std::fs::read_to_string(built.join(&file)).expect("built schema");
        assert_eq!(
            ours, again,
            "docs/json/{file} is not what build.py writes: run it"
        );
    }
    Ran::Done
}

fn main() {
    outside::main(vec![
        outside::trial(
            "schemas_accept_good_and_reject_bad_files",
            schemas_accept_good_and_reject_bad_files,
        ),
        outside::trial(
            "outputs_match_the_json_contract",
            outputs_match_the_json_contract,
        ),
    ]);
}
