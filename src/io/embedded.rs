//! The bundled graph, compiled into the binary so that `leverage` works from any folder.

/// The bundled graph's file name.
pub const BUNDLED_NAME: &str = "eu-outreach-2025.json";

/// The bundled graph's text: `graphs/eu-outreach-2025.json` without the whitespace between its
/// tokens (written by `build.rs`; the strings and every value are the file's, byte for byte).
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/eu-outreach-2025.min.json"));

/// The same document as a tape (`super::tape`): its tokens, written by `build.rs` from the JSON
/// values of `graphs/eu-outreach-2025.json`, keys in order. The program reads this.
pub const BUNDLED_TAPE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/eu-outreach-2025.tape"));

/// The tape's strings: each distinct string of the document once, one after the other.
pub const BUNDLED_STRINGS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/eu-outreach-2025.strings"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact copy holds the same document as the file in `graphs/`, value for value.
    #[test]
    fn compact_copy_is_the_bundled_file() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/eu-outreach-2025.json");
        let pretty = std::fs::read_to_string(path).unwrap(); // ok: test
        assert!(
            BUNDLED_JSON.len() < pretty.len() * 4 / 5,
            "layout whitespace is gone"
        );
        let a: serde_json::Value = serde_json::from_str(&pretty).unwrap(); // ok: test
        let b: serde_json::Value = serde_json::from_str(BUNDLED_JSON).unwrap(); // ok: test
        assert_eq!(a, b);
        // Key order too (preserve_order): the same keys in the same order at the top.
        let keys =
            |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>(); // ok: test
        assert_eq!(keys(&a), keys(&b));
        assert_eq!(
            super::super::json::parse_doc(&pretty, "p").unwrap(), // ok: test
            super::super::json::parse_doc(BUNDLED_JSON, "c").unwrap()  // ok: test
        );
    }

    /// The tape reads as the document of the file in `graphs/`, and loads to the same graph as
    /// the JSON does.
    #[test]
    fn tape_is_the_bundled_file() {
        use super::super::json::{parse, parse_doc, parse_tape, to_doc, GraphDoc};
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/graphs/eu-outreach-2025.json");
        let pretty = std::fs::read_to_string(path).unwrap(); // ok: test
        let from_json = parse_doc(&pretty, "p").unwrap(); // ok: test
        let from_tape: GraphDoc =
            super::super::tape::from_tape(BUNDLED_TAPE, BUNDLED_STRINGS).unwrap(); // ok: test
        assert_eq!(from_json, from_tape);
        // Every figure, bit for bit: PartialEq on f64 would let -0.0 pass for 0.0.
        let bits = |d: &GraphDoc| serde_json::to_string(d).unwrap(); // ok: test
        assert_eq!(bits(&from_json), bits(&from_tape));
        let a = parse(&pretty, "g").unwrap(); // ok: test
        let b = parse_tape(BUNDLED_TAPE, BUNDLED_STRINGS, BUNDLED_JSON, "g").unwrap(); // ok: test
        assert_eq!(to_doc(&a), to_doc(&b));
    }

    /// A tape that does not read is passed over for the JSON text, with the same result.
    #[test]
    fn a_broken_tape_falls_back_to_the_json() {
        use super::super::json::{parse, parse_tape, to_doc};
        let broken = &BUNDLED_TAPE[..BUNDLED_TAPE.len() / 2];
        let g = parse_tape(broken, BUNDLED_STRINGS, BUNDLED_JSON, "g").unwrap(); // ok: test
        assert_eq!(to_doc(&g), to_doc(&parse(BUNDLED_JSON, "g").unwrap())); // ok: test
    }
}
