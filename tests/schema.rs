//! The JSON Schemas in docs/ accept the bundled graph, the fixtures and the shipped scenarios,
//! and reject broken files, checked with Python's `jsonschema` (an independent validator).
//! Without python3/jsonschema the test says what it skipped, except under CI=true.

use std::path::Path;
use std::process::Command;

fn have_jsonschema() -> bool {
    Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success())
}

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

#[test]
fn schemas_accept_good_and_reject_bad_files() {
    if !have_jsonschema() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "python3 with jsonschema is required under CI=true"
        );
        eprintln!("skipped: JSON Schema checks (python3 -m pip install jsonschema)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graphs = [
        root.join("graphs/eu-outreach-2025.json"),
        root.join("tests/fixtures/five.json"),
    ];
    let (ok, out) = validate(
        "docs/graph.schema.json",
        &graphs.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );
    assert!(ok, "{out}");
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

    // Broken files must be rejected, so that a pass means something.
    let dir = tempfile::tempdir().expect("temp dir");
    let five = std::fs::read_to_string(root.join("tests/fixtures/five.json")).expect("fixture");
    let broken = [
        five.replace("\"value\": 0.1,", "\"value\": 1.5,"),
        five.replace("\"version\": 1", "\"version\": 2"),
        five.replace(
            "\"source\": \"example figure\", \"year\": 2023 } } },",
            "\"year\": 2023 } } },",
        ),
        five.replace(
            "\"name\": \"Austria\"",
            "\"name\": \"Austria\", \"colour\": \"red\"",
        ),
    ];
    for (i, text) in broken.iter().enumerate() {
        assert_ne!(*text, five, "broken variant {i} changed the file");
        let p = dir.path().join(format!("broken{i}.json"));
        std::fs::write(&p, text).expect("write");
        let (ok, out) = validate("docs/graph.schema.json", &[&p]);
        assert!(!ok, "schema accepted broken variant {i}: {out}");
    }
    let s = dir.path().join("bad-scenario.json");
    std::fs::write(&s, r#"{"scenario": 1, "title": "t", "edits": [{"op": "scale", "from": "A", "to": "B", "channel": "trade", "factor": -1}]}"#).expect("write");
    let (ok, out) = validate("docs/scenario.schema.json", &[&s]);
    assert!(!ok, "{out}");
}
