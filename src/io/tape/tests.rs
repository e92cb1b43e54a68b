use super::encode::encode;
use super::*;
use serde::Deserialize;
use serde_json::{json, Value};

/// `value` written as a tape and read back.
fn round_trip<T: for<'de> Deserialize<'de>>(value: &Value) -> Result<T, TapeError> {
    let w = encode(value).unwrap(); // ok: test
    from_tape(&w.tape, &w.strings)
}

#[test]
fn values_read_back_as_the_json_reads_them() {
    let v = json!({
        "null": null, "yes": true, "no": false,
        "u": 18446744073709551615u64, "i": -9223372036854775808i64, "f": 0.1, "neg": -0.0,
        "s": "é \" \\ \u{1F600}", "empty": "", "a": [1, [2, []], {}],
        "o": {"z": 1, "a": 2, "s": "é \" \\ \u{1F600}"}
    });
    let back: Value = round_trip(&v).unwrap(); // ok: test
    assert_eq!(back, v);
    // Key order is kept (serde_json is built with preserve_order).
    let keys: Vec<&String> = back["o"].as_object().unwrap().keys().collect(); // ok: test
    assert_eq!(keys, ["z", "a", "s"]);
    // -0.0 keeps its sign, bit for bit.
    assert!(back["neg"].as_f64().unwrap().is_sign_negative()); // ok: test
}

#[test]
fn equal_strings_are_stored_once() {
    let w = encode(&json!({"k": ["same", "same", "same"], "same": 1})).unwrap(); // ok: test
    assert_eq!(w.strings, "ksame");
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    id: String,
    #[serde(default)]
    maybe: Option<u32>,
    kind: Kind,
    #[serde(default)]
    more: Vec<Kind>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Plain,
    Tagged(u32),
    Pair(u8, u8),
    Named { x: i32 },
}

#[test]
fn structs_options_and_enums_read_as_from_json() {
    let v = json!({"id": "a", "maybe": null, "kind": "plain",
                   "more": [{"tagged": 3}, {"pair": [1, 2]}, {"named": {"x": -4}}]});
    let from_tape: Doc = round_trip(&v).unwrap(); // ok: test
    let from_json: Doc = serde_json::from_value(v).unwrap(); // ok: test
    assert_eq!(from_tape, from_json);
    assert_eq!(from_tape.more[0], Kind::Tagged(3));
    let some: Doc = round_trip(&json!({"id": "b", "maybe": 7, "kind": "plain"})).unwrap(); // ok: test
    assert_eq!(some.maybe, Some(7));
    // The same mistakes are refused.
    assert!(round_trip::<Doc>(&json!({"id": "b", "kind": "plain", "extra": 1})).is_err());
    assert!(round_trip::<Doc>(&json!({"id": "b", "kind": "other"})).is_err());
    assert!(round_trip::<Doc>(&json!({"id": 1, "kind": "plain"})).is_err());
}

#[test]
fn a_broken_tape_is_an_error_never_a_panic() {
    let w = encode(&json!({"a": [1, "xyz", {"b": 2.5}], "c": "é"})).unwrap(); // ok: test
                                                                              // Every cut.
    for end in 0..w.tape.len() {
        assert!(
            from_tape::<Value>(&w.tape[..end], &w.strings).is_err(),
            "cut at {end}"
        );
    }
    // Every byte changed to every value: an error or some value, never a panic.
    for at in 0..w.tape.len() {
        for b in [0u8, 1, 5, 6, 7, 8, 9, 0x7f, 0xff] {
            let mut t = w.tape.clone();
            t[at] = b;
            let _ = from_tape::<Value>(&t, &w.strings);
        }
    }
    // A string that starts inside a multi-byte character, or runs past the text.
    let mut t = vec![STR];
    t.extend_from_slice(&(w.strings.find('é').unwrap() as u32 + 1).to_le_bytes()); // ok: test
    t.extend_from_slice(&1u32.to_le_bytes());
    assert!(from_tape::<Value>(&t, &w.strings).is_err());
    // Bytes after the value.
    let mut t = w.tape.clone();
    t.push(NULL);
    assert!(from_tape::<Value>(&t, &w.strings).is_err());
}

#[test]
fn nesting_is_bounded() {
    let mut v = json!(1);
    for _ in 0..MAX_DEPTH {
        v = json!([v]);
    }
    assert!(round_trip::<Value>(&v).is_ok());
    let err = round_trip::<Value>(&json!([v])).unwrap_err(); // ok: test
    assert!(err.to_string().contains("nest deeper"), "{err}");
    // A forged count cannot make the reader allocate or loop beyond the tape.
    let mut t = vec![SEQ];
    t.extend_from_slice(&u32::MAX.to_le_bytes());
    assert!(from_tape::<Value>(&t, "").is_err());
}
