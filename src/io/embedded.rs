//! The bundled graph, compiled into the binary so that `leverage` works from any folder.

/// The bundled graph's file name.
pub const BUNDLED_NAME: &str = "eu-outreach-2025.json";

/// The bundled graph's text: `graphs/eu-outreach-2025.json` without the whitespace between its
/// tokens (written by `build.rs`; the strings and every value are the file's, byte for byte).
pub const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/eu-outreach-2025.min.json"));

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
}
