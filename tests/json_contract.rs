//! The JSON contract (docs/JSON.md, version 2) pinned in Rust, without outside tools: every
//! object of every command's JSON on the bundled graph has exactly the keys its schema in
//! `docs/json/` lists (closed objects: no key more, no required key less), and the examples of
//! docs/JSON.md use only keys of the contract. `tests/schema.rs` checks types and values with
//! python jsonschema. Renaming a field of a result then fails here (or fails to compile in
//! `src/report/wire/`).

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Each command's schema file and the arguments that produce its JSON on the bundled graph.
const CASES: &[(&str, &[&str])] = &[
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
    ("centrality", &["centrality", "--measure", "pagerank"]),
    ("centrality-all", &["centrality", "--measure", "all"]),
    (
        "compare",
        &[
            "compare",
            "--scenario",
            "graphs/scenarios/eu-india-fta.json",
        ],
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

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/json/{name}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `node`, with a local `$ref` (`#/$defs/NAME`) followed.
fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.strip_prefix("#/$defs/").expect("only local refs");
            &root["$defs"][name]
        }
        None => node,
    }
}

/// The branch of `node`'s `anyOf`/`oneOf` that describes the object `value`: the one object
/// branch, or among several the one whose constants (`"kind": {"const": "tie"}`) `value` has.
/// `node` itself if it has no such choice.
fn branch<'a>(root: &'a Value, node: &'a Value, value: &Value) -> &'a Value {
    let Some(choices) = node
        .get("anyOf")
        .or_else(|| node.get("oneOf"))
        .and_then(Value::as_array)
    else {
        return node;
    };
    let objects: Vec<&Value> = choices
        .iter()
        .map(|c| resolve(root, c))
        .filter(|c| c.get("properties").is_some())
        .collect();
    let fits = |c: &&Value| {
        c["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .all(|(k, p)| p.get("const").is_none_or(|want| value.get(k) == Some(want)))
    };
    match objects.as_slice() {
        [one] => one,
        many => many.iter().copied().find(fits).unwrap_or(node),
    }
}

/// Every key-set problem of `value` against `node` (a schema node of `root`), at `path`.
fn check(root: &Value, node: &Value, value: &Value, path: &str, problems: &mut Vec<String>) {
    let node = resolve(root, node);
    let node = if value.is_object() {
        branch(root, node, value)
    } else {
        node
    };
    match value {
        Value::Object(map) => {
            if let Some(props) = node.get("properties").and_then(Value::as_object) {
                let keys: BTreeSet<&str> = map.keys().map(String::as_str).collect();
                let known: BTreeSet<&str> = props.keys().map(String::as_str).collect();
                if node.get("additionalProperties") == Some(&Value::Bool(false)) {
                    for k in keys.difference(&known) {
                        problems.push(format!("{path}: key `{k}` is not in the contract"));
                    }
                }
                for r in node["required"].as_array().into_iter().flatten() {
                    let r = r.as_str().expect("required names are strings");
                    if !keys.contains(r) {
                        problems.push(format!("{path}: required key `{r}` is missing"));
                    }
                }
                for (k, v) in map {
                    if let Some(sub) = props.get(k) {
                        check(root, sub, v, &format!("{path}.{k}"), problems);
                    }
                }
            } else if let Some(values) = node.get("additionalProperties").filter(|v| v.is_object())
            {
                for (k, v) in map {
                    check(root, values, v, &format!("{path}.{k}"), problems);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for (i, v) in items.iter().enumerate() {
                    check(root, item, v, &format!("{path}[{i}]"), problems);
                }
            }
        }
        _ => {}
    }
}

// See: #12
#[test]
fn every_object_has_exactly_the_keys_of_the_contract() {
    for (name, args) in CASES {
        let mut full = vec!["--format", "json"];
        full.extend_from_slice(args);
        let out: Value = serde_json::from_str(&common::run(&full))
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        assert_eq!(out["version"], 2, "{name}: the contract's version");
        let root = schema(name);
        let mut problems = Vec::new();
        check(&root, &root, &out, name, &mut problems);
        assert!(
            problems.is_empty(),
            "{name} {args:?}:\n{}",
            problems.join("\n")
        );
    }
}

// See: #12
#[test]
fn a_renamed_or_missing_field_is_caught() {
    let root = schema("suggest");
    let out: Value = serde_json::from_str(&common::run(&["--format", "json", "suggest"])).unwrap();
    let mut renamed = out.clone();
    let partner = renamed["partners"][0].as_object_mut().unwrap();
    let score = partner.remove("score").unwrap();
    partner.insert("scores".into(), score);
    let mut problems = Vec::new();
    check(&root, &root, &renamed, "suggest", &mut problems);
    assert_eq!(
        problems,
        [
            "suggest.partners[0]: key `scores` is not in the contract",
            "suggest.partners[0]: required key `score` is missing",
        ]
    );
    let mut deep = out;
    let channel = deep["partners"][0]["legs"][0]["ties"][0]["channels"][0]
        .as_object_mut()
        .unwrap();
    channel.insert("weight".into(), Value::from(0.5));
    let mut problems = Vec::new();
    check(&root, &root, &deep, "suggest", &mut problems);
    assert_eq!(problems.len(), 1, "{problems:?}");
    // An object that may be `null` (`anyOf`) and one of two kinds (`oneOf`) are checked too.
    let root = schema("blocs");
    let mut blocs: Value =
        serde_json::from_str(&common::run(&["--format", "json", "blocs"])).unwrap();
    blocs["blocs"][0]["resembles"]
        .as_object_mut()
        .unwrap()
        .insert("jaccard".into(), Value::from(0.5));
    let mut problems = Vec::new();
    check(&root, &root, &blocs, "blocs", &mut problems);
    assert_eq!(
        problems,
        ["blocs.blocs[0].resembles: key `jaccard` is not in the contract"]
    );
    let root = schema("sensitivity");
    let mut s: Value =
        serde_json::from_str(&common::run(&["--format", "json", "sensitivity"])).unwrap();
    let figure = s["deciding"][0]["figure"].as_object_mut().unwrap();
    figure.remove("from");
    let mut problems = Vec::new();
    check(&root, &root, &s, "sensitivity", &mut problems);
    assert_eq!(
        problems,
        ["sensitivity.deciding[0].figure: required key `from` is missing"]
    );
}

// See: #12
#[test]
fn a_failed_validation_has_the_keys_of_the_contract() {
    let out = common::leverage()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--format",
            "json",
            "validate",
            "tests/catalogue/graphml/strength-not-weight.graphml",
        ])
        .output()
        .expect("leverage runs");
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert!(
        v["problems"].as_array().is_some_and(|p| !p.is_empty()),
        "{v}"
    );
    let root = schema("validate");
    let mut problems = Vec::new();
    check(&root, &root, &v, "validate", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The ```json blocks of docs/JSON.md, each with the schema of its section.
fn doc_examples() -> Vec<(String, Value)> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/JSON.md"))
        .expect("docs/JSON.md");
    let mut out = Vec::new();
    let mut section: Option<String> = None;
    let mut block: Option<String> = None;
    for line in text.lines() {
        if let Some(b) = block.as_mut() {
            if line.trim() == "```" {
                let example = block.take().unwrap_or_default();
                if let Some(name) = section.take() {
                    let v = serde_json::from_str(&example)
                        .unwrap_or_else(|e| panic!("docs/JSON.md, `{name}` example: {e}"));
                    out.push((name, v));
                }
            } else {
                b.push_str(line);
                b.push('\n');
            }
            continue;
        }
        if let Some(h) = line.strip_prefix("## ") {
            section = match h.trim() {
                "`suggest`" => Some("suggest"),
                "`suggest --samples N`" => Some("suggest-samples"),
                "`suggest --structural`" => Some("suggest-structural"),
                "`assign`" => Some("assign"),
                "`paths`" => Some("paths"),
                "`centrality`" => Some("centrality"),
                "`compare`" => Some("compare"),
                "`roles`" => Some("roles"),
                "`info`" => Some("info"),
                "`actors`" => Some("actors"),
                "`validate`" => Some("validate"),
                "`lifelines`" => Some("lifelines"),
                "`coalition`" => Some("coalition"),
                "`blocs`" => Some("blocs"),
                "`sensitivity`" => Some("sensitivity"),
                "`trend`" => Some("trend"),
                "`brief`" => Some("brief"),
                "`explain`" => Some("explain"),
                _ => None,
            }
            .map(str::to_owned);
        } else if line.trim() == "```json" {
            block = Some(String::new());
        }
    }
    out
}

/// Keys of an example that the contract does not have (`"..."` stands for elided fields).
fn unknown_keys(root: &Value, node: &Value, value: &Value, path: &str, out: &mut Vec<String>) {
    let node = resolve(root, node);
    match value {
        Value::Object(map) => {
            let props = node.get("properties").and_then(Value::as_object);
            for (k, v) in map {
                if k == "..." {
                    continue;
                }
                match props.and_then(|p| p.get(k)) {
                    Some(sub) => unknown_keys(root, sub, v, &format!("{path}.{k}"), out),
                    None if props.is_some() => out.push(format!("{path}.{k}")),
                    None => {}
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = node.get("items") {
                for v in items.iter().filter(|v| v.as_str() != Some("...")) {
                    unknown_keys(root, item, v, &format!("{path}[]"), out);
                }
            }
        }
        _ => {}
    }
}

// See: #12
#[test]
fn the_examples_of_docs_json_md_use_the_contract() {
    let examples = doc_examples();
    let named: BTreeSet<&str> = examples.iter().map(|(n, _)| n.as_str()).collect();
    for (name, _) in CASES {
        if *name != "centrality-all" {
            assert!(
                named.contains(name),
                "docs/JSON.md has no example for `{name}`"
            );
        }
    }
    for (name, example) in &examples {
        assert_eq!(
            example["version"], 2,
            "the `{name}` example shows `\"version\": 2`"
        );
        let root = schema(name);
        let mut unknown = Vec::new();
        unknown_keys(&root, &root, example, name, &mut unknown);
        assert!(unknown.is_empty(), "docs/JSON.md, `{name}`: {unknown:?}");
    }
}

#[test]
fn every_command_writes_the_version_first() {
    // The commands with a schema above, and those without one yet (docs/JSON.md).
    let commands: &[&[&str]] = &[
        &["brief"],
        &["explain", "TUR"],
        &["lifelines"],
        &["coalition", "-k", "2"],
        &["blocs"],
        &["sensitivity"],
        &["trend"],
        &["validate"],
        &["actors"],
        &["suggest"],
        &["info"],
    ];
    for args in commands {
        let mut full = vec!["--format", "json"];
        full.extend_from_slice(args);
        let text = common::run(&full);
        assert!(
            text.trim_start().starts_with("{\n  \"version\": 2,"),
            "{args:?}: {}",
            &text[..text.len().min(80)]
        );
    }
}
