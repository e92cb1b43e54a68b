//! Unit tests of `src/io/json.rs`.

use super::*;

fn err(text: &str) -> String {
    parse(text, "g.json").unwrap_err().to_string()
}

#[test]
fn syntax_error_has_line_and_column() {
    let e = err("{\n  \"version\": 1,\n  \"meta\": {\"title\": \"t\" \"date\": \"x\"}\n}");
    assert!(e.starts_with("g.json:3:"), "{e}");
    assert!(e.contains("expected"), "{e}");
}

#[test]
fn string_weight_names_path_and_fix() {
    let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"Austria"},{"id":"RUS","name":"Russia"}],
"ties":[{"from":"AUT","to":"RUS","channels":{"trade":{"value":"0.3","source":"s","year":2023}}}]}"#;
    let e = err(text);
    assert!(e.contains("ties[0].channels.trade.value"), "{e}");
    assert!(e.contains("g.json:3:"), "{e}");
    assert!(e.contains("without quotes"), "{e}");
}

#[test]
fn duplicate_channel_key_is_rejected() {
    let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"Austria"},{"id":"RUS","name":"Russia"}],
"ties":[{"from":"AUT","to":"RUS","channels":{"trade":{"value":0.3,"source":"s","year":2023},
"trade":{"value":0.2,"source":"s","year":2023}}}]}"#;
    let e = err(text);
    assert!(e.contains("duplicate key `trade`"), "{e}");
}

#[test]
fn unknown_key_is_rejected() {
    let e = err(
        r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[{"id":"AUT","name":"A","colour":"red"}]}"#,
    );
    assert!(e.contains("unknown field `colour`"), "{e}");
    assert!(e.contains("actors[0]"), "{e}");
}

// See: #6 (found by the round-trip property): without serde_json's `float_roundtrip`,
// `0.9192037450683432` read back as `0.9192037450683433`, one ulp off.
#[test]
fn figures_round_trip_exactly() {
    for v in [
        0.9192037450683432_f64,
        0.1 + 0.2,
        1.0 / 3.0,
        5e-324,
        0.999_999_999_999_999_9,
    ] {
        let text = serde_json::to_string(&v).unwrap();
        let back: f64 = serde_json::from_str(&text).unwrap();
        assert_eq!(back.to_bits(), v.to_bits(), "{text}");
    }
}

// See: #6
#[test]
fn unknown_path_steps_are_not_shown() {
    assert_eq!(known_path("meta.?"), "meta");
    assert_eq!(known_path("?"), "");
    assert_eq!(known_path("."), "");
    assert_eq!(known_path("ties[0].channels"), "ties[0].channels");
    let e = err("{\n  \"version\": 1,\n  \"meta\": {\"title\": \"t\" \"date\": \"x\"}\n}");
    assert!(e.starts_with("g.json:3:25 (meta): expected"), "{e}");
}

// See: #6
#[test]
fn columns_count_characters_after_non_ascii() {
    // `é` is two bytes; the missing comma is before `"b"`: byte 9 of line 2, character 8.
    let e = from_json::<serde_json::Value>("{\n\"é\": 1 \"b\": 2}", "g.json")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.json:2:8:"), "{e}");
}

// See: #6
#[test]
fn nan_comments_and_quotes_get_their_own_hints() {
    let e = err("{\"version\": NaN}");
    assert!(e.contains("g.json:1:13"), "{e}");
    assert!(e.contains("`NaN` is not a number in JSON"), "{e}");
    let e = err("{\n// note\n}");
    assert!(e.contains("g.json:2:1"), "{e}");
    assert!(e.contains("JSON has no comments"), "{e}");
    let e = err("{'version': 1}");
    assert!(e.contains("double quotes"), "{e}");
}

// See: #6
#[test]
fn not_an_object_is_said_plainly() {
    assert!(err("").contains("g.json: the file is empty"));
    assert!(err(" \n [1]").contains("g.json:2:2: the document is a JSON array;"));
    assert!(err("from,to,weight\n").contains("not JSON: it starts with `f`"));
    assert!(err("<?xml version=\"1.0\"?>").contains("markup"));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let mut text = String::from(
        r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[{"id":"AUT","name":"A","attributes":{"x":"#,
    );
    text.push_str(&"[".repeat(100_000));
    let e = err(&text);
    assert!(e.contains("recursion limit"), "{e}");
}
